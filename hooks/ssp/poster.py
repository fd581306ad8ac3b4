"""Posters: their QR codes, drawn at build as inline SVG (no image file, no request), and how much
their text must shrink to hold on the sheet (fit).

The code is encoded by zxing-cpp (C++, which also picks the best mask) and its modules written here
as one SVG path, row by row: 0.35 ms a code, where the pure-Python segno took 2.8 ms (14 s of work
at 5,000 actions).
"""

from __future__ import annotations

import math
import re
from functools import cache

import zxingcpp
from markupsafe import Markup, escape

from .frenchdates import date_range, occurrence_text
from .text import french_spaced
from .vocab import ACCESSIBILITY, AUDIENCES

QUIET = 4  # modules of white margin, as the standard asks


def qr_svg(url: str) -> Markup:
    """A QR code leading to `url`, error correction M or better, sized by CSS (viewBox only),
    named for screen readers."""
    code = zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    image = code.to_image(scale=1, add_quiet_zones=False)
    height, width = image.shape
    modules = memoryview(image).tobytes()  # type: ignore[arg-type]  # zxing-cpp's Image has the buffer protocol, not its type
    # each row: from its left edge, each run of light modules skipped, then its dark one drawn; all rows read at
    # once, parted by a mark, then cut at the marks (a regular expression per row took 40 % of a code's time)
    rows = b"\x01".join(modules[start:start + width] for start in range(0, height * width, width))
    strokes = "".join(map(_STROKES.__getitem__, _RUNS.findall(rows))).split("\n")
    path = [start + row for start, row in zip(_row_starts(height), strokes) if row]
    size = width + 2 * QUIET
    return Markup(f'<svg role="img" viewBox="0 0 {size} {size}" class="ssp-qr"><title>Code QR menant à {escape(url)}</title>'
                  f'<path fill="#fff" d="M0 0h{size}v{size}h-{size}z"/><path stroke="#000" d="{"".join(path)}"/></svg>')


class _Strokes(dict):
    """A run of light modules then dark ones (bytes) → its path: « m3 0h2 »; light ones then a row's end → a line
    break, where qr_svg cuts the rows. Made once per run's shape: a code's 400 runs are looked up, not formatted
    (this took half of a poster's code)."""

    def __missing__(self, run: bytes) -> str:
        if run.endswith(b"\x01"):  # light modules, then a row's end
            stroke = "\n"
        else:
            dark = len(run) - len(run.rstrip(b"\x00"))
            stroke = f"m{len(run) - dark} 0h{dark}" if dark < len(run) else f"h{dark}"
        self[run] = stroke
        return stroke


_RUNS = re.compile(rb"\xff*(?:\x00+|\x01)")  # to_image(): 0 is a dark module, 255 a light one; 1 ends a row
_STROKES = _Strokes()


@cache
def _row_starts(height: int) -> tuple[str, ...]:
    """Where each row of a code `height` modules high is drawn from: « M4 4.5 » (the middle of its modules)."""
    return tuple(f"M{QUIET} {y + QUIET + 0.5}" for y in range(height))


# The printed poster's text, in A4 millimetres (assets/stylesheets/ssp.css, @media print): its row is what the
# 265 mm of the poster leave above the code, 135 mm; its parts' sizes; lines 1.1 times their size. A character's
# width, in font sizes, by presentation: the DSFR's Marianne, and Material's system font taken as the widest of
# them, DejaVu Sans (Linux). Lines are wrapped word by word (words a no-break space joins kept whole, as on the page),
# each holding SLACK times fewer characters than the average width says. With these, height() never fell short of
# what Chromium draws: none of 600 posters of a 2,000-action edition cut, in each presentation (with a rule of thumb
# for wrapping, 1.08 times the text's width, 12 of 300 lost their last line in the DSFR: a title of 47 characters
# counted on 2 lines took 3). At worst it shrinks a poster one step more than needed (in Material, most print at 90 %).
TEXT_ROOM, TEXT_WIDTH, LINE, GAP, SLACK = 135, 190, 1.1, 0.3, 1.04  # GAP: between parts, in sizes
CHAR = {"etat": 0.48, "neutre": 0.54}
# Bold text is wider in Material's system fonts (a bold title there, in Debian's Chromium: 0.60 of its size; Marianne
# bold and regular: 0.476 and 0.472 on 300 titles): the parts ssp.css writes in bold are counted BOLD times wider.
# REGULAR: the sizes of the other parts.
BOLD, REGULAR = {"etat": 1.0, "neutre": 1.11}, (5.3, 4.94)
FITS = (100, 90, 80, 70, 60, 50)  # the text's size, in percent: ssp.css has a class for each but 100


def poster_parts(event, edition, when, more: int) -> list[tuple[float, str]]:
    """(font size in mm, text) of each part of an action's printed poster, as partials/ssp/poster.html writes it."""
    meta = event.meta
    venue = meta.venue
    parts = [(7.76, f"Semaine de la sécurité des patients {edition.year}"),
             (5.3, f"{edition.meta.number or ''}e édition, {date_range(edition.meta.start, edition.meta.end)} : « {edition.meta.theme} »"),
             (5.64, meta.type), (14.1, meta.title)]
    parts += [(8.47, meta.status)] if meta.status != "scheduled" else []
    parts += [(7.06, occurrence_text(occurrence.start, occurrence.end, event.timezone)) for occurrence in when]
    parts += [(7.06, "et 9 autres séances : voir la page de l'action")] if more else []
    parts += [(4.94, "Ces dates ne tiennent plus : les nouvelles seront données sur la page de l'action.")] if meta.status == "postponed" else []
    parts += [(7.06, meta.time_note)] if meta.time_note else []
    place = ", ".join(part for part in (venue.name, venue.address, venue.postal_code, venue.city) if part) if venue else ""
    parts += [(7.06, place + (" — En ligne" if meta.online_url else ""))]
    parts += [(4.94, f"Organisateur : {meta.organizer}")]
    parts += [(4.94, "Public : " + ", ".join(AUDIENCES.get(code, code) for code in meta.audience))] if meta.audience else []
    parts += [(4.94, ", ".join(ACCESSIBILITY.get(code, code) for code in meta.accessibility))] if meta.accessibility else []
    parts += [(7.06, f"Inscription : {meta.registration}" if meta.registration else "Entrée libre")]
    return parts


def fit(event, edition, when, more: int, presentation: str = "neutre") -> int:
    """The largest size (percent) at which an action's poster says everything above its code: a long title,
    sessions and a long address no longer push the place, organiser and « Inscription » off the sheet (the
    text is cut at the end of its row)."""
    parts = [(size, french_spaced(text).split(" ")) for size, text in poster_parts(event, edition, when, more)]  # its words, once
    presentation = presentation if presentation in CHAR else "neutre"
    return next((percent for percent in FITS if height(parts, percent / 100, presentation) <= TEXT_ROOM), FITS[-1])


def height(parts: list[tuple[float, list[str]]], scale: float, presentation: str) -> float:
    """The text's height (mm) at `scale`: each part's lines (its words) at its size, and the space above it."""
    total = 11 * scale  # the rule under the campaign, the title's margins
    for size, words in parts:
        char = CHAR[presentation] * (1 if size in REGULAR else BOLD[presentation])
        size *= scale
        total += lines(words, TEXT_WIDTH / (char * size * SLACK)) * size * LINE + GAP * size
    return total


def lines(words: list[str], room: float) -> int:
    """The lines `words` take, `room` characters each, wrapped whole (a longer word is cut): the words of a
    text as the page writes it, parted at its ordinary spaces (french_spaced(text).split(" "))."""
    count, used = 1, 0
    for word in words:
        if used and used + 1 + len(word) > room:
            count, used = count + 1, 0
        used += (1 if used else 0) + len(word)
        while used > room:  # a word longer than a line (an address): the browser cuts it
            count, used = count + 1, used - max(1, math.floor(room))
    return count
