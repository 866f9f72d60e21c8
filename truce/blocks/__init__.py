"""The page-block stage: the HTML that notebook cells and page shortcodes display, one module
per page, built from :mod:`truce.analysis` and :mod:`truce.charts` with the helpers of
:mod:`.html`."""
