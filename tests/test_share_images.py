"""Share images: one per upcoming event and per candidate, 1200×630 PNG, within budget,
announced by Open Graph tags, byte-identical across builds, redrawn only when their
inputs change. The PNGs are read by their header (not by Pillow, which draws them)
and their text checked through og:image:alt."""

from __future__ import annotations

from pathlib import Path
import shutil
import struct
import zlib

from site_core.share_images import ShareCard, ShareImages
from sitebuild import ROOT, build_site, make_content, soup

#: Page weight budget of one share image (bytes): chats fetch it on slow phones too.
IMAGE_BUDGET = 60_000
EVENT = "events/2026-12-05-door-knocking-in-atwood/"
PAST_EVENT = "events/2026-11-14-door-knocking-on-the-near-east-side/"
RESCINDED = "candidates/2027-spring-election/jo-placeholder/"


def png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """The chunks of a PNG file (type, data), each CRC checked: a reader of our own."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, at = [], 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        (crc,) = struct.unpack(">I", data[at + 8 + length : at + 12 + length])
        assert zlib.crc32(kind + body) == crc, kind
        chunks.append((kind, body))
        at += 12 + length
    return chunks


def og(page, name: str) -> str | None:
    tag = page.find("meta", property=name)
    return tag["content"] if tag else None


def share_images(site: Path) -> list[Path]:
    return sorted(site.rglob("share.png"))


def test_upcoming_events_and_candidates_have_their_own_image(sample_site: Path):
    for address in (EVENT, RESCINDED):
        page = soup(sample_site / address / "index.html")
        canonical = page.find("link", rel="canonical")["href"]
        assert og(page, "og:image") == f"{canonical}share.png"
        assert (og(page, "og:image:width"), og(page, "og:image:height")) == ("1200", "630")
        assert page.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"
        assert (sample_site / address / "share.png").is_file()
    event = soup(sample_site / EVENT / "index.html")
    assert og(event, "og:image:alt") == (
        "Canvass. Door knocking in Atwood. Saturday, December 5, 2026, 10:00 AM – 1:00 PM. "
        "Olbrich Park Beach House. Medicare for All · Madison DSA."
    )
    candidate = og(soup(sample_site / RESCINDED / "index.html"), "og:image:alt")
    assert candidate.startswith("Endorsement rescinded. Jo Placeholder. Common Council")


def test_a_past_event_keeps_the_site_image(sample_site: Path):
    page = soup(sample_site / PAST_EVENT / "index.html")
    assert og(page, "og:image").endswith("/theme/img/share.png")
    assert og(page, "og:image:width") is None
    assert not (sample_site / PAST_EVENT / "share.png").exists()


def test_every_image_is_a_small_1200_by_630_png_without_metadata(sample_site: Path):
    images = share_images(sample_site)
    assert len(images) >= 10
    for path in images:
        data = path.read_bytes()
        chunks = png_chunks(data)
        width, height = struct.unpack(">II", chunks[0][1][:8])
        assert chunks[0][0] == b"IHDR" and (width, height) == (1200, 630), path
        assert {kind for kind, _ in chunks} <= {b"IHDR", b"PLTE", b"IDAT", b"IEND"}, path
        assert len(data) <= IMAGE_BUDGET, f"{path}: {len(data)} bytes"


def test_images_are_byte_identical_across_builds_without_a_cache(sample_site: Path, tmp_path):
    again = build_site(ROOT / "content", tmp_path / "output")  # its own, empty, cache
    mine = {p.relative_to(sample_site): p.read_bytes() for p in share_images(sample_site)}
    theirs = {p.relative_to(again): p.read_bytes() for p in share_images(again)}
    assert mine == theirs


EVENTS = """\
- title: Door knocking in Atwood
  type: canvass
  start: 2026-12-05 10:00
  location: Olbrich Park Beach House
"""


def test_an_image_is_drawn_again_only_when_what_it_shows_changes(tmp_path: Path):
    content = make_content(tmp_path, {"events/canvasses.yml": EVENTS})
    output = build_site(content, tmp_path / "output")
    image = output / "events" / "2026-12-05-door-knocking-in-atwood" / "share.png"
    (cached,) = (tmp_path / "cache" / "share-images").glob("*.png")
    assert cached.read_bytes() == image.read_bytes()
    # Replace the cached drawing: an unchanged event takes it as it is, without drawing.
    marker = (ROOT / "theme" / "static" / "img" / "share.png").read_bytes()
    cached.write_bytes(marker)
    shutil.rmtree(output)
    output = build_site(content, tmp_path / "output")
    assert image.read_bytes() == marker
    # A new title is a new image.
    (content / "events" / "canvasses.yml").write_text(EVENTS.replace("Atwood", "Allied Drive"))
    output = build_site(content, tmp_path / "output")
    redrawn = output / "events" / "2026-12-05-door-knocking-in-allied-drive" / "share.png"
    assert redrawn.read_bytes() != marker
    assert len(list((tmp_path / "cache" / "share-images").glob("*.png"))) == 2


def test_hostile_text_still_makes_a_card_within_budget():
    images = ShareImages({"THEME": str(ROOT / "theme")})
    card = ShareCard(
        label="x" * 500,
        title="Wörd " * 2000 + "\x00\x1b[31m\u202e" + "a" * 400 + " 🚑 漢字 مرحبا",
        details=("\n\t" * 50, "y" * 3000, *["line"] * 40),
        footer="",
        tone="no-such-tone",
    )
    data = images.draw(card)
    width, height = struct.unpack(">II", png_chunks(data)[0][1][:8])
    assert (width, height) == (1200, 630) and len(data) <= IMAGE_BUDGET
    assert "\x00" not in card.alt and "\x1b" not in card.alt
