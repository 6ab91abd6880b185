"""Feeds in the language they are written in.

:func:`add_language` gives a feed its language (``xml:lang``), which Pelican's Writer
leaves out: the language of the page being rendered (the Writer sets it from the
feed's path, ``writer.SiteWriter``). A feed of another language than the default
links to that language's home page and takes it as its id (``/es/``), so the
Spanish news feed is neither the English one's twin nor a link to English pages.
"""

from __future__ import annotations

from .i18n import current_language


def add_language(context, feed) -> None:
    """Give a feed its language and its language's home (Pelican's ``feed_generated``)."""
    feed.feed["language"] = current_language(context.get("DEFAULT_LANG") or "en")
    prefix = context.get("LANG_PREFIX") or ""
    if prefix:
        for field in ("link", "id"):
            if feed.feed.get(field, "").endswith("/"):
                feed.feed[field] += prefix
