"""The site stage, what the MkDocs hooks call: figure links, citations and event links,
quotations, the figures ledger, the deadline feeds and the notebooks' declared data."""
