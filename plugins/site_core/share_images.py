"""Share images: the 1200×630 PNG a link shows in a chat or a social network.

A plugin describes what a page is about as a :class:`ShareCard` (a label, a
title, a few lines of detail, the chapter's name); :class:`ShareImages` draws
it with Pillow in the font shipped in ``theme/fonts/`` (so every machine draws
the same pixels) and writes a PNG with no metadata (so builds are
byte-identical). Drawn images are kept in ``CACHE_PATH/share-images/`` under
the digest of everything that makes them (the card, the fonts, this module,
Pillow's version): an image whose inputs have not changed is copied, not drawn.
"""

from __future__ import annotations

from dataclasses import astuple, dataclass
import hashlib
import io
import os
from pathlib import Path
import tempfile

import PIL
from PIL import Image, ImageDraw, ImageFont

SIZE = (1200, 630)
#: The fonts, in the theme's ``fonts/`` folder (DejaVu Sans, with its licence there).
FONTS = {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf"}
BACKGROUND = "#f6f3f0"
TEXT = "#1b1b1b"
SOFT = "#4a4a4a"
ACCENT = "#b0101a"
#: Colours of the status labels a card may carry (contrast ≥ 4.5:1 on the background).
TONES = {"": ACCENT, "ok": "#15643a", "warn": "#8a4b00", "bad": "#a3000e", "neutral": SOFT}
MARGIN = 64
FOOTER_HEIGHT = 96
#: Title sizes tried in turn until the title fits in TITLE_LINES lines.
TITLE_SIZES = (68, 58, 50)
TITLE_LINES = 3
DETAIL_SIZE = 34
#: More characters than any line of the card can show, even in its smallest size.
MAX_LINE_CHARACTERS = 160
#: Colours in the PNG's palette: enough for anti-aliased text on flat colours.
PALETTE_COLOURS = 64


@dataclass(frozen=True, slots=True)
class ShareCard:
    """What a share image says: a label (type or status), a title, details, a footer."""

    label: str
    title: str
    details: tuple[str, ...]
    footer: str
    tone: str = ""  # a key of TONES: the label's colour

    @property
    def alt(self) -> str:
        """The image's text alternative (og:image:alt): everything it says, in order."""
        parts = map(_clean, [self.label, self.title, *self.details, self.footer])
        return ". ".join(p.rstrip(".") for p in parts if p) + "."


def _clean(text: str) -> str:
    """One line of printable text: control characters and runs of spaces removed."""
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


def _ellipsize(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> str:
    """``text`` cut at a word (or, failing that, a character) so it fits in ``width``."""
    if draw.textlength(text, font=font) <= width:
        return text
    text = text[:MAX_LINE_CHARACTERS]
    while text and draw.textlength(text + "…", font=font) > width:
        cut = text.rfind(" ")
        text = text[:cut] if cut > len(text) // 2 else text[:-1]
    return text.rstrip() + "…"


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    """Greedy word wrap; a word longer than a line is cut by _ellipsize later."""
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


class ShareImages:
    """Draws share cards for one build, through the cache of cards already drawn."""

    def __init__(self, settings: dict):
        fonts = Path(settings["THEME"]) / "fonts"
        self.fonts = {name: (fonts / file).read_bytes() for name, file in FONTS.items()}
        source = Path(__file__).read_bytes()
        parts = [source, PIL.__version__.encode(), *self.fonts.values()]
        self.version = hashlib.sha256(b"\0".join(parts)).hexdigest()
        cache = settings.get("CACHE_PATH")
        self.cache = Path(cache) / "share-images" if cache else None
        self._faces: dict[tuple[str, int], ImageFont.FreeTypeFont] = {}
        self.drawn = 0  # how many images this build drew (the rest came from the cache)

    def _font(self, name: str, size: int) -> ImageFont.FreeTypeFont:
        face = self._faces.get((name, size))
        if face is None:
            face = self._faces[(name, size)] = ImageFont.truetype(
                io.BytesIO(self.fonts[name]), size, layout_engine=ImageFont.Layout.BASIC
            )
        return face

    def key(self, card: ShareCard) -> str:
        """The digest of everything that makes the card's image."""
        return hashlib.sha256(
            "\0".join([self.version, *map(str, astuple(card))]).encode()
        ).hexdigest()

    def png(self, card: ShareCard) -> bytes:
        """The card's PNG: from the cache when it was drawn before, else drawn (and kept)."""
        path = self.cache / f"{self.key(card)}.png" if self.cache else None
        if path is not None and path.is_file():
            return path.read_bytes()
        data = self.draw(card)
        self.drawn += 1
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as scratch:
                scratch.write(data)
            os.replace(scratch.name, path)  # never a half-written image in the cache
        return data

    def write(self, card: ShareCard, target: Path) -> None:
        """Write the card's PNG to ``target``."""
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(self.png(card))

    def draw(self, card: ShareCard) -> bytes:
        """Draw the card: label, title (up to three lines), details, footer band."""
        width, height = SIZE
        text_width = width - 2 * MARGIN
        image = Image.new("RGB", SIZE, BACKGROUND)
        draw = ImageDraw.Draw(image)
        draw.rectangle((0, 0, 16, height - FOOTER_HEIGHT), fill=ACCENT)
        y = MARGIN - 8
        label = _clean(card.label).upper()
        if label:
            font = self._font("bold", 30)
            draw.text(
                (MARGIN, y),
                _ellipsize(draw, label, font, text_width),
                font=font,
                fill=TONES.get(card.tone, ACCENT),
            )
            y += 56
        title = _clean(card.title)
        for size in TITLE_SIZES:
            font = self._font("bold", size)
            lines = _wrap(draw, title, font, text_width)
            if len(lines) <= TITLE_LINES:
                break
        if len(lines) > TITLE_LINES:
            lines = [*lines[: TITLE_LINES - 1], " ".join(lines[TITLE_LINES - 1 : TITLE_LINES + 1])]
        for line in lines:
            draw.text((MARGIN, y), _ellipsize(draw, line, font, text_width), font=font, fill=TEXT)
            y += round(size * 1.18)
        y += 18
        detail = self._font("regular", DETAIL_SIZE)
        bottom = height - FOOTER_HEIGHT - MARGIN // 2
        for line in filter(None, map(_clean, card.details)):
            if y + DETAIL_SIZE > bottom:
                break
            draw.text(
                (MARGIN, y), _ellipsize(draw, line, detail, text_width), font=detail, fill=SOFT
            )
            y += round(DETAIL_SIZE * 1.35)
        draw.rectangle((0, height - FOOTER_HEIGHT, width, height), fill=ACCENT)
        footer = self._font("bold", 34)
        draw.text(
            (MARGIN, height - FOOTER_HEIGHT // 2),
            _ellipsize(draw, _clean(card.footer), footer, text_width),
            font=footer,
            fill="#ffffff",
            anchor="lm",
        )
        return _png(image)


def _png(image: Image.Image) -> bytes:
    """A small PNG with no metadata: a palette image, no text, time or gamma chunks."""
    palette = image.quantize(
        PALETTE_COLOURS, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
    )
    out = io.BytesIO()
    palette.save(out, "PNG", compress_level=6)  # 9 or optimize: 7x slower for 10% smaller
    return out.getvalue()
