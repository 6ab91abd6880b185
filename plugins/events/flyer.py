"""What an event's printable flyer needs beyond the event: its QR code and short address.

The QR code points at the event's page (not its RSVP link): the page always says
whether the event still happens, and links to the RSVP form from there. It is
drawn at build time by segno as inline SVG (no request leaves the site), and kept
in ``CACHE_PATH/qr-codes/`` (``site_core.derived``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import Markup
import segno

from site_core.derived import DerivedStore, version_of
from site_core.i18n import gettext as _

FLYER_FOLDER = "flyer"
#: How many tear-off strips along the bottom of a flyer (0: none). Setting: EVENTS_FLYER_TABS.
FLYER_TABS = 6
#: Dates a flyer lists for a repeating event; the page has the rest.
FLYER_DATES = 4


@dataclass(frozen=True, slots=True)
class Flyer:
    """The flyer of one event: where its QR code leads, and the code itself."""

    url: str  # the event page's full address
    short_url: str  # the same without the scheme, for people to type
    qr_svg: Markup
    tabs: int


class QrCodes:
    """The QR codes of one build's flyers, through the store of codes already made."""

    def __init__(self, settings: dict):
        version = version_of(Path(__file__).read_bytes(), segno.__version__)
        self.store = DerivedStore(settings, "qr-codes", ".svg", version)

    def svg(self, url: str) -> Markup:
        """The QR code of ``url`` as an inline SVG image, named in the language being written."""
        label = _("QR code of this event's page")
        return Markup(self.store.get((url, label), lambda: _svg(url, label)).decode())

    def flyer(self, page_url: str, tabs: int = FLYER_TABS) -> Flyer:
        """The flyer values for the event whose page is at ``page_url``."""
        parts = urlsplit(page_url)
        short = f"{parts.netloc}{parts.path}".rstrip("/") if parts.netloc else page_url
        return Flyer(url=page_url, short_url=short, qr_svg=self.svg(page_url), tabs=tabs)


def _svg(url: str, label: str) -> bytes:
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(
        scale=1, border=4, omitsize=True, svgclass="flyer-qr-code", lineclass=None, title=None
    )
    quoted = label.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
    return svg.replace("<svg ", f'<svg role="img" aria-label="{quoted}" ', 1).encode()


def flyer_save_as(event_save_as: str) -> str:
    """The flyer's file, in the event's own folder (so the events cache carries it too)."""
    return event_save_as.replace("index.html", f"{FLYER_FOLDER}/index.html")
