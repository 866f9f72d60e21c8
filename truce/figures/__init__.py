"""The figures stage: every number the site prints, registered by id.

:mod:`.registry` holds the machinery (a figure is a named computation of the data, evaluated and
formatted by :mod:`.formatting`); the other modules declare the figures, grouped by subject.
"""
