"""Feeds in the language they are written in.

:func:`add_language` gives a feed its language (``xml:lang``), which Pelican's Writer
leaves out: the language of the page being rendered (the Writer sets it from the
feed's path, ``writer.SiteWriter``).
"""

from __future__ import annotations

from .i18n import current_language


def add_language(context, feed) -> None:
    """Give a feed its language (Pelican's ``feed_generated`` signal)."""
    feed.feed["language"] = current_language(context.get("DEFAULT_LANG") or "en")
