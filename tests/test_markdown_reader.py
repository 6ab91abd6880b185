"""The reusing Markdown reader gives exactly what Pelican's own reader gives, file after file."""

from __future__ import annotations

from pathlib import Path

from pelican.readers import MarkdownReader
from pelican.settings import read_settings

from site_core.markdown_reader import ReusingMarkdownReader
from sitebuild import ROOT

#: Files whose state could leak into the next one if the reader were not reset:
#: footnotes, abbreviations, heading ids, attribute lists, a Markdown summary.
STATEFUL = {
    "a.md": "Title: A\nSummary: The *first* one.\n\n## Same heading\n\nText[^1] about HTML.\n\n"
    "[^1]: A note.\n\n*[HTML]: Hyper Text Markup Language\n",
    "b.md": "Title: B\nSummary: Second, with `code`.\n\n## Same heading\n\nNo notes here; "
    "HTML again.\n\n## Same heading\n\nA paragraph {: .lede }\n",
    "c.md": 'Title: C\n\n!!! note "Callout"\n    Inside -- with "quotes"...\n\n1. one\n2. two\n',
}


def test_same_html_and_metadata_as_pelicans_reader(tmp_path: Path):
    for name, text in STATEFUL.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    files = sorted(tmp_path.glob("*.md")) + sorted((ROOT / "content").rglob("*.md"))
    files += files[:3]  # read again after others, as the same reader does in a build
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    stock, reusing = MarkdownReader(settings), ReusingMarkdownReader(settings)
    for path in files:
        assert reusing.read(str(path)) == stock.read(str(path)), path
    assert reusing._document_md is not None  # one object, kept
