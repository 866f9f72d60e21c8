"""The Downloads page: the data files with what each holds, its rows and columns."""

from __future__ import annotations

from truce import data
from truce.blocks.html import NOT_SEARCHED, esc, scroll_open


def datafiles_table() -> str:
    """The downloadable files: name, what it holds, rows and columns."""
    rows = []
    for res in data.descriptor()["resources"]:
        frame = data.load(res["name"])
        cols = ", ".join(f["name"] for f in res["schema"]["fields"])
        rows.append(
            f'<tr><td><a href="{esc(res["path"])}" download>{esc(res["path"])}</a></td><td>{esc(res["title"])}: '
            f"{esc(res.get('description', ''))}</td><td>{len(frame)}</td><td><code>{esc(cols)}</code></td></tr>"
        )
    head = "".join(f'<th scope="col">{h}</th>' for h in ("File", "What it holds", "Rows", "Columns"))
    return f"{scroll_open()}<table {NOT_SEARCHED}><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
