"""Truce Tracker: load and validate the data, compute the published figures, draw the charts.

Pages and notebooks never read CSV files or compute numbers themselves: they ask this package.
"""
