"""The figures stage: every number the site prints, registered by id.

Most figures are data: rows of ``declared.csv`` (one cell of one data file) and ``calls.csv``
(one call of a function with fixed arguments), read and checked by :mod:`.declared`. The
modules named after a subject (``tariffs``, ``trade``, ``soybeans``, ``rare_earths``,
``damage``, ``commitments``, ``events``, ``model``) hold the real computations and the helpers
``calls.csv`` names. :mod:`.registry` gathers and evaluates them; :mod:`.formatting` writes them.
"""
