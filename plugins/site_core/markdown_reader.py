"""Pelican's Markdown reader, minus its biggest waste: one ``Markdown`` object per file.

Pelican's ``MarkdownReader.read`` builds a new ``markdown.Markdown`` (loading
and configuring every extension) for each file it reads: at 1,000 documents
that is about a tenth of a cold build. This reader keeps two per reader and
``reset()``s them between files, which is how Python-Markdown is meant to be
reused (every extension clears its state in ``reset``): one for documents,
one without the ``meta`` preprocessor for formatted metadata (``Summary``).
The HTML is identical; the tests compare whole builds.
"""

from __future__ import annotations

from markdown import Markdown
from markdown.preprocessors import Preprocessor
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open


class _MetaPlaceholder(Preprocessor):
    """Stands where the ``meta`` preprocessor was: Pelican deregisters it by name."""

    def run(self, lines: list[str]) -> list[str]:
        """Leave the text as it is."""
        return lines


class ReusingMarkdownReader(MarkdownReader):
    """Read Markdown files with two ``Markdown`` objects per reader, reset between files."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._document_md: Markdown | None = None
        self._fields_md: Markdown | None = None

    def _parse_metadata(self, meta):
        """Convert formatted fields with the second object (Pelican removes its ``meta``)."""
        if self._fields_md is None:
            self._fields_md = Markdown(**self.settings["MARKDOWN"])
        self._md = self._fields_md
        if "meta" not in self._md.preprocessors:
            self._md.preprocessors.register(_MetaPlaceholder(self._md), "meta", 0)
        return super()._parse_metadata(meta)

    def read(self, source_path):
        """Parse the content and metadata of one Markdown file."""
        self._source_path = source_path
        if self._document_md is None:
            self._document_md = Markdown(**self.settings["MARKDOWN"])
        self._md = self._document_md
        self._md.reset()
        with pelican_open(source_path) as text:
            content = self._md.convert(text)
        meta = getattr(self._md, "Meta", None)
        return content, (self._parse_metadata(meta) if meta is not None else {})


def use_reusing_reader(readers) -> None:
    """Read every Markdown extension Pelican knows with :class:`ReusingMarkdownReader`."""
    for extension, reader_class in list(readers.reader_classes.items()):
        if reader_class is MarkdownReader:
            readers.reader_classes[extension] = ReusingMarkdownReader
