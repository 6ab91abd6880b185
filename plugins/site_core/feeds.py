"""Pelican's news feed with absolute addresses and the site's language, in every build mode.

Pelican's Writer makes a feed's links, entry ids and the links inside entries
from ``SITEURL``, which development builds leave empty so that pages work on
the local server. A feed is read elsewhere, by feed readers, so :class:`FeedWriter` writes it
with ``FEED_DOMAIN`` (site_core sets it to the public address) as the site's
address; pages keep ``SITEURL``. :func:`add_language` gives the feed the
site's language (``xml:lang``), which Pelican's Writer leaves out.
"""

from __future__ import annotations

from pelican.writers import Writer


class FeedWriter(Writer):
    """Pelican's Writer, writing feeds with the public address (``FEED_DOMAIN``)."""

    def write_feed(self, elements, context, path=None, url=None, *args, **kwargs):
        """Write a feed whose every address starts with ``FEED_DOMAIN``."""
        domain = self.settings.get("FEED_DOMAIN") or context.get("SITEURL", "")
        return super().write_feed(
            elements, {**context, "SITEURL": domain}, path, url, *args, **kwargs
        )


def feed_writer(pelican) -> type[Writer]:
    """The Writer class of the build (Pelican's ``get_writer`` signal)."""
    return FeedWriter


def add_language(context, feed) -> None:
    """Give a feed the site's language (Pelican's ``feed_generated`` signal)."""
    feed.feed["language"] = context.get("DEFAULT_LANG") or None
