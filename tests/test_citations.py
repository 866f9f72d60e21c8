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


def test_each_citation_is_one_numbered_note_listing_its_sources():
    html, unknown = citations.render_citations("<p>One.[@a] Two.[@b; @a]</p><pre>[@a]</pre>", SOURCES)
    assert unknown == []
    assert html.count('class="footnote-ref"') == 2  # one marker per citation, however many sources
    assert '<a class="footnote-ref" href="#fn:cite-1">1</a>' in html and '<a class="footnote-ref" href="#fn:cite-2">2</a>' in html
    assert "<pre>[@a]</pre>" in html  # code is left alone
    note = html[html.index('<li id="fn:cite-2">') :]
    assert note.index("Press") < note.index("MOFCOM")  # the note lists its sources in the order cited
    assert html.endswith("</ol></div>") and '<div class="footnote"><hr><ol>' in html
    assert "Q&amp;A &lt;1&gt;" in html and "(secondary, reporting customs data)" in html


def test_chronology_links_in_brackets_join_the_note_of_their_sentence():
    page = (
        '<p>After the rules (<a href="event:x">April controls</a>; <a href="event:y">May</a>), exports fell '
        '<a class="fig" title="A fall. As of May.">93%</a>.[@a] '
        'Next (<a href="event:z">Z</a>). Then.[@b]</p>'
    )
    html, _ = citations.render_citations(page, SOURCES)
    assert '<p>After the rules, exports fell <a class="fig" title="A fall. As of May.">93%</a>.<sup' in html  # one marker
    note = html[html.index('<li id="fn:cite-1">') :]
    assert note.startswith(
        '<li id="fn:cite-1"><p>In the chronology: <a href="event:x">April controls</a>; <a href="event:y">May</a>.'
    )
    assert 'Next (<a href="event:z">Z</a>). Then.' in html  # a sentence end stops the gathering


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
    assert '<a class="footnote-ref" href="#fn:cite-2">2</a>' in html
    assert html.index('id="fn:1"') < html.index('id="fn:cite-2"')


def test_unknown_citation_is_left_and_reported():
    html, unknown = citations.render_citations("<p>x[@nope]</p>", SOURCES)
    assert unknown == ["nope"] and "[@nope]" in html


def test_event_links():
    page = '<a href="event:geneva">G</a><a href="event:zz">Z</a>'
    html, unknown = citations.render_event_links(page, "../chronology/", {"geneva"})
    assert 'href="../chronology/#geneva"' in html and unknown == ["zz"]


def test_a_sentence_with_two_citations_is_reported(tmp_path):
    page = tmp_path / "p.md"
    page.write_text("Fine.[@a] Also fine.[@b; @a]\nTwo here[@a] and again.[@b]\n", encoding="utf-8")
    problems = citations.check_markers(page, label="docs/p.md")
    assert [str(p) for p in problems] == [
        "docs/p.md:2: two citations in one sentence ([@a] and [@b]) — give the sentence one citation listing all its sources, [@a; @b]"
    ]
