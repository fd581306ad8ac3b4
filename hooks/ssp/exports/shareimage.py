"""The picture a shared link shows (Open Graph, 1200 × 630): an edition's (PNG: the campaign, the
year and dates, the theme), and an action's (JPEG, six times quicker to write, the site has
thousands: its title, when, where, and the edition). Drawn with Pillow in Atkinson Hyperlegible (Braille Institute, SIL Open Font
License, hooks/ssp/data/fonts/, from the npm package @fontsource/atkinson-hyperlegible): a font
made for legibility, with every French letter and « guillemets »."""

from __future__ import annotations

import io
import math
import re
from datetime import date
from functools import cache, lru_cache, partial
from pathlib import Path

from PIL import Image, ImageColor, ImageDraw, ImageFont

from ..frenchdates import date_range, held
from ..models import Edition, Event
from ..text import capfirst, french_spaced
from ..vocab import STATUSES

WIDTH, HEIGHT, MARGIN = 1200, 630, 72
BACKGROUND, TEXT, RULE = "#2f3e8f", "#ffffff", "#ffd166"  # white on dark indigo: contrast 10:1
FONTS = Path(__file__).parent.parent / "data" / "fonts"


@cache
def font(weight: int, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / f"atkinson-hyperlegible-{weight}.woff"), size)


def wrapped(text: str, weight: int, size: int, width: int) -> list[str]:
    """`text` in lines no wider than `width` pixels, cut between words. A text of one glyph each is measured as
    write() draws it, word by word (Pillow measured each longer line again: 10 to 15 µs each time)."""
    pairs = ONE_GLYPH_EACH.fullmatch(text) is not None
    measure = partial(drawn_width, weight=weight, size=size) if pairs else font(weight, size).getlength
    lines: list[str] = []
    last = 0.0  # the last line's width
    for word in text.split(" "):  # not at no-break spaces (« guillemets » stay with their words)
        if lines:
            longer = (last + (_kerning(weight, size, lines[-1][-1] + " ") if lines[-1] else 0.0) + measure(" " + word)
                      if pairs else measure(f"{lines[-1]} {word}"))
            if longer <= width:
                lines[-1], last = f"{lines[-1]} {word}", longer
                continue
        # a new line: the word cut only if wider than the picture (measured letter by letter)
        alone = measure(word)
        lines += [word] if alone <= width else _cut(word, weight, size, width)
        last = alone if alone <= width else measure(lines[-1])
    return lines


def drawn_width(text: str, weight: int, size: int) -> float:
    """How wide write() draws `text`, of one glyph each: its glyphs' advances and each pair's kerning, each measured
    once (the same as Pillow's measure of the whole text: tests compare them)."""
    return (sum(_advance(weight, size, character) for character in text)
            + sum(_kerning(weight, size, text[at:at + 2]) for at in range(len(text) - 1)))


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
    return fitted(f"«\u00a0{theme[:300]}\u00a0»", room)  # the contract allows 250 characters: the work stays bounded


def fitted(text: str, room: int) -> tuple[int, list[str]]:
    """The largest size (72 px down to 34 px) at which `text`, bold, fits in `room` pixels of height.
    Sizes its words' widths say are too large are not tried (wrapping at each size cost 3 ms a picture)."""
    text = french_spaced(text)  # « n° 3 », « 21 actions », « : » and « » » keep their words, as in the pages
    widths = [_word_width(word) for word in text.split(" ")]
    for size in range(72, 33, -2):
        if size > 34 and _fewest_lines(widths, size) * size * 1.2 > room:
            continue
        lines = wrapped(text, 700, size, WIDTH - 2 * MARGIN)
        if len(lines) * size * 1.2 <= room:
            return size, lines
    return size, lines[: int(room // (size * 1.2))]


SCALE = 100  # the size at which a word's width is measured once


@lru_cache(maxsize=8192)
def _word_width(word: str) -> float:
    return font(700, SCALE).getlength(word)


def _fewest_lines(widths: list[float], size: int) -> int:
    """How many lines wrapped() gives at `size` at the least: the words' widths measured once and
    scaled, 3 % narrower than they may come out (a smaller width never adds a line)."""
    scale, width = 0.97 * size / SCALE, WIDTH - 2 * MARGIN
    space = _word_width(" ") * scale
    lines, filled = 0, width + 1.0
    for word in widths:
        word *= scale
        if filled + space + word <= width:
            filled += space + word
        else:
            lines += max(1, math.ceil(word / width))
            filled = word - (math.ceil(word / width) - 1) * width if word > width else word
    return lines


def alt_text(edition: Edition) -> str:
    return (f"Semaine de la sécurité des patients {edition.year}, "
            f"{date_range(edition.meta.start, edition.meta.end)} : « {edition.meta.theme} »")


def share_image(year: int, theme: str, start: date, end: date) -> bytes:
    """An edition's picture, drawn as how much of each pixel is text (0 to TEXT_INK) or the rule (RULE_INK), then
    coloured by a palette: a PNG of one byte a pixel, half the size of the same in RGB and written in a third of
    the time (the colours differ from RGB's by one level at most, in the text's smoothed edges)."""
    ink = Image.new("L", (WIDTH, HEIGHT), 0)
    draw = ImageDraw.Draw(ink)
    draw.text((MARGIN, MARGIN), "Semaine de la sécurité des patients", font=font(700, 46), fill=TEXT_INK)
    when = f"Édition {year} · {date_range(start, end)}"
    draw.text((MARGIN, MARGIN + 70), when, font=font(400, 34), fill=TEXT_INK)
    draw.rectangle((MARGIN, MARGIN + 132, MARGIN + 160, MARGIN + 140), fill=RULE_INK)
    top = MARGIN + 180
    size, lines = theme_lines(theme, HEIGHT - MARGIN - top)
    for number, line in enumerate(lines):
        draw.text((MARGIN, top + number * size * 1.2), line, font=font(700, size), fill=TEXT_INK)
    image = Image.frombytes("P", ink.size, ink.tobytes())
    image.putpalette(_palette())
    output = io.BytesIO()
    image.save(output, format="PNG")  # « optimize » would make it 5 % smaller, three times slower
    return output.getvalue()


TEXT_INK, RULE_INK = 254, 255  # an edition picture's levels: 0 background, up to 254 text (its smoothed edges between)


@cache
def _palette() -> list[int]:
    """Level i: the background blended with i/254 of the text's colour; the last, the rule's."""
    background, text = ImageColor.getrgb(BACKGROUND), ImageColor.getrgb(TEXT)
    blended = [round(b + (t - b) * level / TEXT_INK) for level in range(TEXT_INK + 1) for b, t in zip(background, text)]
    return blended + list(ImageColor.getrgb(RULE))


def when_and_where(event: Event) -> tuple[str, str]:
    """What an action's picture says of it below its title: « Le lundi 16 septembre 2030, de 9 h à
    12 h », « Dechy (Nord) » (« En ligne » without a place)."""
    when = held(event.occurrences, event.timezone)
    if not event.dates_hold:  # its picture may be shared before the news
        when = f"{STATUSES[event.meta.status]} — {when}"
    venue = event.meta.venue
    where = "En ligne" if not venue else f"{venue.city} ({event.departement_named})" if event.departement_named else venue.city
    return capfirst(when), where


def event_alt_text(event: Event) -> str:
    return f"{event.meta.title} — " + ", ".join(when_and_where(event))


def event_image(year: int, title: str, when: str, place: str) -> bytes:
    """An action's picture: the campaign and edition, its title as large as fits, when and where."""
    image = _event_heading(year).copy()
    top, bottom = MARGIN + 90, HEIGHT - MARGIN - 2 * 48
    size, lines = fitted(title[:300], bottom - top - 16)
    for number, line in enumerate(lines):
        write(image, (MARGIN, top + number * size * 1.2), line, 700, size)
    for number, text in enumerate((when, place)):
        write(image, (MARGIN, bottom + number * 48), text, 400, line_size(text, 36))
    output = io.BytesIO()
    image.save(output, format="JPEG", quality=88)
    return output.getvalue()


# Text whose every character is a glyph of its own, placed by its advance and its kerning with the one before: French
# letters and punctuation, each pair of them checked against Pillow (not « Ÿ », whose marks the font places apart,
# nor a combining accent, a direction mark, or a script whose letters join).
ONE_GLYPH_EACH = re.compile(r"[ -~\u00a0-\u00ff\u0152\u0153\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u202f\u20ac]*")
WHITE = ImageColor.getrgb(TEXT)


def write(image: Image.Image, xy: tuple[float, float], text: str, weight: int, size: int) -> None:
    """draw.text(xy, text) in TEXT, glyph by glyph, each drawn once per size (Pillow draws every glyph of every
    line again: a picture's lines took half its time, now a third of that). The same pixels: Pillow too places
    each glyph at a whole pixel of its pen, and a fraction of a pixel down is drawn into the glyph (a channel may
    differ by 1 in 255 where two glyphs touch). Other text goes to Pillow."""
    if not ONE_GLYPH_EACH.fullmatch(text):
        ImageDraw.Draw(image).text(xy, text, font=font(weight, size), fill=TEXT)
        return
    left, top = int(xy[0]), int(xy[1])
    pen, previous = 0.0, ""
    image.load()  # what Image.paste checks before each paste (a picture made here is writable), done once: the
    core = image.im  # glyphs are pasted into its core (those checks cost a picture as much as the pasting itself)
    for character in text:
        if previous:
            pen += _kerning(weight, size, previous + character)
        mask, dx, dy = _glyph(weight, size, character, xy[1] - top)
        if mask is not None:
            x, y = left + int(pen + 0.5) + dx, top + dy
            core.paste(WHITE, (x, y, x + mask.size[0], y + mask.size[1]), mask.im)
        pen += _advance(weight, size, character)
        previous = character


@lru_cache(maxsize=8192)
def _glyph(weight: int, size: int, character: str, fraction: float) -> tuple[Image.Image | None, int, int]:
    """A glyph's coverage, drawn `fraction` of a pixel down, and where it stands from the pen. (Drawn from a point
    of whole positive coordinates, as the line's is: Pillow rounds a negative one's fraction the other way.)"""
    left, top, right, bottom = (math.floor(side) for side in font(weight, size).getbbox(character))
    x, y = max(0, 1 - left), max(0, 1 - top)
    mask = Image.new("L", (x + right + 2, y + bottom + 2))
    ImageDraw.Draw(mask).text((x, y + fraction), character, font=font(weight, size), fill=255)
    if (box := mask.getbbox()) is None:
        return None, 0, 0
    return mask.crop(box), box[0] - x, box[1] - y


@lru_cache(maxsize=8192)
def _advance(weight: int, size: int, character: str) -> float:
    return font(weight, size).getlength(character)


@lru_cache(maxsize=65536)
def _kerning(weight: int, size: int, pair: str) -> float:
    """How much closer (or further) the font sets the pair's second glyph than their advances say."""
    return font(weight, size).getlength(pair) - _advance(weight, size, pair[0]) - _advance(weight, size, pair[1])


@lru_cache(maxsize=4)
def _event_heading(year: int) -> Image.Image:
    """What every action's picture of an edition shows first: drawn once."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.text((MARGIN, MARGIN - 16), f"Semaine de la sécurité des patients {year}", font=font(700, 40), fill=TEXT)
    draw.rectangle((MARGIN, MARGIN + 46, MARGIN + 160, MARGIN + 54), fill=RULE)
    return image


def line_size(text: str, largest: int) -> int:
    """The largest size, down to 20 px, at which `text` holds on one line of the picture."""
    size = largest
    while size > 20 and font(400, size).getlength(text) > WIDTH - 2 * MARGIN:
        size -= 2
    return size
