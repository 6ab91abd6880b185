"""An event's Markdown description, as sanitised HTML and as plain text."""

from __future__ import annotations

from functools import lru_cache

from markupsafe import Markup

from site_core.editor_html import HtmlProblem, render_markdown
from site_core.plaintext import html_to_text


@lru_cache(maxsize=4096)
def describe(text: str) -> tuple[Markup, str, tuple[HtmlProblem, ...]]:
    """An event's Markdown description as sanitised HTML, as plain text, and what the
    sanitiser removed that the editor meant.

    Cached: repeated events often share one description, and Markdown is the
    costliest step of reading events. An empty description costs nothing.
    """
    if not text.strip():
        return Markup(""), "", ()
    cleaned = render_markdown(text)
    return cleaned.html, html_to_text(cleaned.html), cleaned.problems
