"""The build's Writer: every page rendered in its language, feeds with absolute addresses.

A page's language is where it is written (``es/…`` is Spanish, :mod:`i18n`), so the
Writer, which every generator writes through, renders each page with that language's
catalog (``_()``, :func:`i18n.gettext`, the date filters) and its words in the context:
``lang``, ``LANG_ROOT`` (the address of that language's home, ``SITEURL`` or
``SITEURL/es``), ``CHAPTER`` and ``SITENAME`` in that language, its ``DATE_STYLE``.

Pelican's Writer makes a feed's links, entry ids and the links inside entries from
``SITEURL``, which development builds leave empty so that pages work on the local
server. A feed is read elsewhere, by feed readers, so feeds are written with
``FEED_DOMAIN`` (site_core sets it to the public address); pages keep ``SITEURL``.
"""

from __future__ import annotations

from pelican.writers import Writer

from .i18n import use_language


class SiteWriter(Writer):
    """Pelican's Writer, rendering each page in its language and feeds with ``FEED_DOMAIN``."""

    def write_file(self, name, template, context, *args, **kwargs):
        """Render and write one page (or a paginated series) in the language of ``name``."""
        if not name:
            return super().write_file(name, template, context, *args, **kwargs)
        view = self.settings["SITE_BUILD"].language_view(name)
        with use_language(view.lang, view.translations):
            return super().write_file(name, template, {**context, **view.context}, *args, **kwargs)

    def write_feed(self, elements, context, path=None, url=None, *args, **kwargs):
        """Write a feed in the language of ``path``, every address starting with ``FEED_DOMAIN``."""
        domain = self.settings.get("FEED_DOMAIN") or context.get("SITEURL", "")
        view = self.settings["SITE_BUILD"].language_view(path or "")
        with use_language(view.lang, view.translations):
            return super().write_feed(
                elements, {**context, **view.context, "SITEURL": domain}, path, url, *args, **kwargs
            )


def site_writer(pelican) -> type[Writer]:
    """The Writer class of the build (Pelican's ``get_writer`` signal)."""
    return SiteWriter
