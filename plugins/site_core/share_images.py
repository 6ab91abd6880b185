"""Share images: the 1200×630 PNG a link shows in a chat or a social network.

A plugin describes what a page is about as a :class:`ShareCard` (a label, a
title, a few lines of detail, the chapter's name); :class:`ShareImages` draws
it with Pillow in the font shipped in ``theme/fonts/`` (so every machine draws
the same pixels) and writes a PNG with no metadata (so builds are
byte-identical). Drawn images are kept in ``CACHE_PATH/share-images/``
(``site_core.derived``) under the digest of everything that makes them (the
card, the fonts, this module, Pillow's version): an image whose inputs have not
changed is copied, not drawn.
"""

from __future__ import annotations

from dataclasses import astuple, dataclass
import io
from pathlib import Path

import PIL
from PIL import Image, ImageColor, ImageDraw, ImageFont

from .derived import DerivedStore, version_of

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
#: Shades between each text colour and the colour under it, in the PNG's fixed palette
#: (anti-aliased edges); a fixed palette is 7x faster than working one out per image.
SHADES = 16


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
    """Draws share cards for one build, through the store of cards already drawn."""

    def __init__(self, settings: dict):
        fonts = Path(settings["THEME"]) / "fonts"
        self.fonts = {name: (fonts / file).read_bytes() for name, file in FONTS.items()}
        version = version_of(Path(__file__).read_bytes(), PIL.__version__, *self.fonts.values())
        self.store = DerivedStore(settings, "share-images", ".png", version)
        self._faces: dict[tuple[str, int], ImageFont.FreeTypeFont] = {}

    def _font(self, name: str, size: int) -> ImageFont.FreeTypeFont:
        face = self._faces.get((name, size))
        if face is None:
            face = self._faces[(name, size)] = ImageFont.truetype(
                io.BytesIO(self.fonts[name]), size, layout_engine=ImageFont.Layout.BASIC
            )
        return face

    def png(self, card: ShareCard) -> bytes:
        """The card's PNG: from the store when it was drawn before, else drawn (and kept)."""
        return self.store.get(tuple(map(str, astuple(card))), lambda: self.draw(card))

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


def _palette() -> Image.Image:
    """The fixed palette: each text colour blended into the colour it is drawn on."""
    pairs = [(c, BACKGROUND) for c in (TEXT, SOFT, *TONES.values())] + [("#ffffff", ACCENT)]
    colours: list[tuple[int, int, int]] = []
    for front, back in pairs:
        a, b = ImageColor.getrgb(front), ImageColor.getrgb(back)
        for step in range(SHADES):
            shade = tuple(
                round(x + (y - x) * step / (SHADES - 1)) for x, y in zip(a, b, strict=True)
            )
            if shade not in colours:
                colours.append(shade)
    palette = Image.new("P", (1, 1))
    palette.putpalette([v for colour in colours for v in colour])
    return palette


PALETTE = _palette()


def _png(image: Image.Image) -> bytes:
    """A small PNG with no metadata: the fixed palette, no text, time or gamma chunks."""
    out = io.BytesIO()
    image.quantize(palette=PALETTE, dither=Image.Dither.NONE).save(out, "PNG", compress_level=6)
    return out.getvalue()
