"""Figures from the truce commitments: counts by round, party and outcome (rows of ``calls.csv``
naming :func:`commitment_count`) and amounts stated only in a row's text (:func:`amount_in_text`)."""

from __future__ import annotations

import re

from truce import data
from truce.analysis import commitments as scorecard
from truce.figures.registry import Result


def commitment_count(talks_round: str = "", party: str = "", outcomes: tuple[str, ...] = ()) -> Result:
    """Number of commitments.csv rows of ``talks_round`` and ``party`` (any if empty) whose
    outcome is one of ``outcomes`` (any if empty)."""
    frame = scorecard.commitments()
    if talks_round:
        frame = frame[frame["round"] == talks_round]
    if party:
        frame = frame[frame["party"] == party]
    if outcomes:
        frame = frame[frame["outcome"].isin(outcomes)]
    return Result(len(frame), rows=tuple(("commitments", i) for i in frame["id"]))


def _row(resource: str, row_id: str) -> dict:
    frame = data.load(resource)
    found = frame[frame["id"] == row_id]
    if len(found) != 1:
        raise LookupError(f'data/{resource}.csv: no single row with id "{row_id}"')
    return found.iloc[0].to_dict()


def amount_in_text(resource: str, row: str, column: str, pattern: str) -> Result:
    """The number captured by ``pattern`` in one text cell of one row (commas removed); fails
    when the text no longer contains exactly one match."""
    record = _row(resource, row)
    found = re.findall(pattern, record[column])
    if len(found) != 1:
        raise ValueError(
            f"data/{resource}.csv: row {row}, column {column}: expected one match of {pattern!r}, found {len(found)}"
        )
    return Result(float(found[0].replace(",", "")), rows=((resource, row),))
