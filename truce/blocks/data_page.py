"""The Downloads page: the data files with what each holds, its rows and columns."""

from __future__ import annotations

from truce import data
from truce.blocks.html import NOT_SEARCHED, esc, publisher_links, scroll_open
from truce.i18n import N_, current, t


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
    head = "".join(f'<th scope="col">{t(h)}</th>' for h in (N_("File"), N_("What it holds"), N_("Rows"), N_("Columns")))
    return f"{scroll_open()}<table {NOT_SEARCHED}><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"


def glossary_table() -> str:
    """The English–Chinese glossary (data/glossary.csv): each term, its Chinese rendering and the
    sources of an official rendering; the English edition also shows the usage note."""
    srcs = data.sources()
    english = current() == "en"
    rows = []
    for r in data.load("glossary").to_dict("records"):
        note = f"<td>{esc(r['note'])}</td>" if english else ""
        rows.append(
            f'<tr id="term-{esc(r["id"])}"><td>{esc(r["en"])}</td><td lang="zh-Hans">{esc(r["zh"])}</td>{note}'
            f"<td>{publisher_links(r['source_ids'], srcs) or '—'}</td></tr>"
        )
    heads = (
        (N_("English"), N_("Chinese"), N_("Usage"), N_("Official rendering in"))
        if english
        else (N_("English"), N_("Chinese"), N_("Official rendering in"))
    )
    head = "".join(f'<th scope="col">{t(h)}</th>' for h in heads)
    return (
        f'{scroll_open(t("Glossary"))}<table {NOT_SEARCHED} class="glossary"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )
