"""The picture a shared link shows (Open Graph, 1200 × 630 PNG): the campaign, the edition's year
and dates, its theme. Drawn with Pillow in Atkinson Hyperlegible (Braille Institute, SIL Open Font
License, hooks/ssp/data/fonts/, from the npm package @fontsource/atkinson-hyperlegible): a font
made for legibility, with every French letter and « guillemets »."""

from __future__ import annotations

import io
import re
from datetime import date
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from ..frenchdates import date_range
from ..models import Edition

WIDTH, HEIGHT, MARGIN = 1200, 630, 72
BACKGROUND, TEXT, RULE = "#2f3e8f", "#ffffff", "#ffd166"  # white on dark indigo: contrast 10:1
FONTS = Path(__file__).parent.parent / "data" / "fonts"


@cache
def font(weight: int, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / f"atkinson-hyperlegible-{weight}.woff"), size)


def wrapped(text: str, weight: int, size: int, width: int) -> list[str]:
    """`text` in lines no wider than `width` pixels, cut between words."""
    lines: list[str] = []
    for word in text.split(" "):  # not at no-break spaces (« guillemets » stay with their words)
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and font(weight, size).getlength(candidate) <= width:
            lines[-1] = candidate
        else:
            lines += _cut(word, weight, size, width)
    return lines


def _cut(word: str, weight: int, size: int, width: int) -> list[str]:
    """A word wider than the picture (a web address, or no space at all), cut where it must be."""
    pieces = [""]
    for character in word:
        if pieces[-1] and font(weight, size).getlength(pieces[-1] + character) > width:
            pieces.append("")
        pieces[-1] += character
    return pieces


def theme_lines(theme: str, room: int) -> tuple[int, list[str]]:
    """The largest size (72 px down to 34 px) at which the theme fits in `room` pixels of height."""
    theme = theme[:300]  # the contract allows 250 characters: the picture's work stays bounded whatever it is given
    text = re.sub(r" ([:;?!])", "\u00a0\\1", f"«\u00a0{theme}\u00a0»")  # French punctuation keeps its word
    for size in range(72, 33, -2):
        lines = wrapped(text, 700, size, WIDTH - 2 * MARGIN)
        if len(lines) * size * 1.2 <= room:
            return size, lines
    return size, lines[: int(room // (size * 1.2))]


def alt_text(edition: Edition) -> str:
    return (f"Semaine de la sécurité des patients {edition.year}, "
            f"{date_range(edition.meta.start, edition.meta.end)} : « {edition.meta.theme} »")


def share_image(year: int, theme: str, start: date, end: date) -> bytes:
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.text((MARGIN, MARGIN), "Semaine de la sécurité des patients", font=font(700, 46), fill=TEXT)
    when = f"Édition {year} · {date_range(start, end)}"
    draw.text((MARGIN, MARGIN + 70), when, font=font(400, 34), fill=TEXT)
    draw.rectangle((MARGIN, MARGIN + 132, MARGIN + 160, MARGIN + 140), fill=RULE)
    top = MARGIN + 180
    size, lines = theme_lines(theme, HEIGHT - MARGIN - top)
    for number, line in enumerate(lines):
        draw.text((MARGIN, top + number * size * 1.2), line, font=font(700, size), fill=TEXT)
    output = io.BytesIO()
    image.save(output, format="PNG")  # « optimize » would make it 5 % smaller, three times slower
    return output.getvalue()
