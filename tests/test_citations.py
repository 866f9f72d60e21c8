"""Citation markers become Python-Markdown-style numbered footnotes; event links resolve."""

import datetime as dt

from truce.site import citations

SOURCES = {
    "a": {
        "publisher": "MOFCOM",
        "title": "Q&A <1>",
        "url": "https://example.gov/a",
        "published": dt.date(2025, 5, 12),
        "kind": "primary",
        "relies_on": "",
    },
    "b": {
        "publisher": "Press",
        "title": "Report",
        "url": "https://example.org/b",
        "published": None,
        "kind": "secondary",
        "relies_on": "customs data",
    },
}


def test_citations_are_numbered_in_order_and_reused():
    html, unknown = citations.render_citations("<p>One.[@a] Two.[@b; @a]</p><pre>[@a]</pre>", SOURCES)
    assert unknown == []
    assert html.count('class="footnote-ref"') == 3
    assert '<a class="footnote-ref" href="#fn:cite-a">1</a>' in html and '<a class="footnote-ref" href="#fn:cite-b">2</a>' in html
    assert "<pre>[@a]</pre>" in html  # code is left alone
    assert '2</a></sup><sup class="cite-sep">,</sup><sup><a class="footnote-ref" href="#fn:cite-a">1</a>' in html
    assert html.endswith("</ol></div>") and '<div class="footnote"><hr><ol>' in html
    assert "Q&amp;A &lt;1&gt;" in html and "(secondary, reporting customs data)" in html


def test_a_source_cited_twice_in_a_row_has_one_anchor():
    html, _ = citations.render_citations("<p>One.[@a] Again.[@a] Then.[@b] And.[@a]</p>", SOURCES)
    assert html.count('id="fnref:cite-a"') == 1 and html.count('id="fnref:cite-b"') == 1
    assert html.count('href="#fn:cite-a"') == 3


def test_primary_copy_names_its_document():
    copy = {
        "publisher": "Mirror",
        "title": "Text",
        "url": "https://example.org/t",
        "published": None,
        "kind": "primary-copy",
        "relies_on": "Full text",
        "document": "MOFCOM Announcement 2025 No. 18",
    }
    html, _ = citations.render_citations("<p>One.[@c]</p>", {"c": copy})
    assert "(full text of MOFCOM Announcement 2025 No. 18, copied)" in html


def test_citations_extend_existing_footnotes():
    page = (
        '<p>x<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>[@a]</p>'
        '<div class="footnote">\n<hr />\n<ol>\n<li id="fn:1">note</li>\n</ol>\n</div>'
    )
    html, _ = citations.render_citations(page, SOURCES)
    assert html.count('<div class="footnote">') == 1
    assert '<a class="footnote-ref" href="#fn:cite-a">2</a>' in html
    assert html.index('id="fn:1"') < html.index('id="fn:cite-a"')


def test_unknown_citation_is_left_and_reported():
    html, unknown = citations.render_citations("<p>x[@nope]</p>", SOURCES)
    assert unknown == ["nope"] and "[@nope]" in html


def test_event_links():
    page = '<a href="event:geneva">G</a><a href="event:zz">Z</a>'
    html, unknown = citations.render_event_links(page, "../chronology/", {"geneva"})
    assert 'href="../chronology/#geneva"' in html and unknown == ["zz"]
