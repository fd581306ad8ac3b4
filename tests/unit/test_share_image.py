"""The picture of a shared link: 1200 × 630, every French letter drawn, the theme always inside."""

from __future__ import annotations

import io
import sys
from datetime import date

from PIL import Image, ImageColor

from helpers import ROOT

sys.path.insert(0, str(ROOT / "hooks"))

from ssp.exports import shareimage
from ssp.exports.shareimage import BACKGROUND, MARGIN, RULE, TEXT, WIDTH, font, share_image, theme_lines
from ssp.models import Event
from ssp.text import french_spaced

FRENCH = "àâäçéèêëîïôöùûüÿœæÀÂÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ«»’–—…·€"


def drawn(character: str, weight: int) -> bytes:
    return bytes(font(weight, 40).getmask(character))


def test_every_french_letter_has_its_own_glyph():
    missing = drawn("\ue000", 700)  # a private-use character: the font's « no glyph » box
    for weight in (400, 700):
        assert [c for c in FRENCH if drawn(c, weight) == missing] == []


def test_the_picture_is_a_1200_by_630_png():
    picture = Image.open(io.BytesIO(share_image(2025, "Des soins sûrs pour chaque nouveau-né et chaque enfant",
                                                date(2025, 9, 15), date(2025, 9, 19))))
    assert (picture.format, picture.size) == ("PNG", (1200, 630))
    picture = picture.convert("RGB")  # drawn with a palette: its colours are those of the campaign
    background = picture.getpixel((5, 5))
    assert background == ImageColor.getrgb(BACKGROUND) and picture.getpixel((MARGIN + 80, MARGIN + 136)) == ImageColor.getrgb(RULE)
    assert ImageColor.getrgb(TEXT) in {colour for _, colour in picture.getcolors(1 << 16)}  # the letters' cores
    assert picture.getpixel((MARGIN + 10, MARGIN + 20)) != background or any(
        picture.getpixel((x, MARGIN + 20)) != background for x in range(MARGIN, MARGIN + 300))  # text drawn


def test_a_long_theme_gets_smaller_and_stays_inside():
    short_size, short = theme_lines("Les médicaments ? À bon escient !", 340)
    long_theme = "EIAS (événements indésirables associés aux soins) : les déclarer, les gérer pour progresser " * 3
    long_size, lines = theme_lines(long_theme, 340)
    assert short_size == 72 and len(short) == 2
    assert long_size < short_size and len(lines) * long_size * 1.2 <= 340
    assert all(font(700, long_size).getlength(line) <= WIDTH - 2 * MARGIN for line in lines)


def test_guillemets_stay_with_their_words():
    for theme in ("Antibiorésistance (bon usage des antibiotiques)", "Usagers, soignants : partenaires pour la sécurité des patients"):
        _, lines = theme_lines(theme, 340)
        assert not any(line.endswith("«") or line.startswith(("»", ":", "?", "!")) for line in lines)
    _, lines = theme_lines("Les médicaments ? À bon escient ! Les médicaments ? À bon escient !", 340)
    assert not any(line.startswith(("?", "!", "»")) for line in lines)


def test_the_text_alternative_says_what_the_picture_shows():
    class Edition:
        year, meta = 2017, type("Meta", (), {"theme": "Usagers, soignants : partenaires pour la sécurité des patients",
                                            "start": date(2017, 11, 20), "end": date(2017, 11, 24)})
    assert shareimage.alt_text(Edition) == ("Semaine de la sécurité des patients 2017, du lundi 20 au vendredi "
                                            "24 novembre 2017 : « Usagers, soignants : partenaires pour la sécurité des patients »")


def inside(picture: Image.Image) -> bool:
    """Nothing drawn in the margins left and right: every word within the picture."""
    background = picture.getpixel((2, 2))
    return all(picture.getpixel((x, y)) == background or sum(abs(a - b) for a, b in zip(picture.getpixel((x, y)), background)) < 40
               for x in [*range(0, MARGIN - 8, 4), *range(WIDTH - MARGIN + 8, WIDTH, 4)] for y in range(0, 630, 5))


def test_an_actions_picture_says_its_title_when_and_where_inside_1200_by_630():
    picture = Image.open(io.BytesIO(shareimage.event_image(
        2030, "Journée portes ouvertes : la maternité du Centre hospitalier ouvre ses portes aux futurs parents " * 3,
        "Le lundi 16 septembre 2030, de 9 h à 12 h (heure de La Réunion) et bien d'autres choses encore à dire ici",
        "Saint-Denis (La Réunion)")))
    assert (picture.format, picture.size) == ("JPEG", (1200, 630))
    assert inside(picture)
    assert shareimage.line_size("Le lundi 16 septembre 2030, de 9 h à 12 h", 36) == 36
    assert shareimage.line_size("x" * 200, 36) == 20  # never below 20 px: cut by the picture's edge, never hidden


def test_an_actions_text_alternative_and_lines():
    day = date(2017, 11, 24)
    occurrence = type("Occurrence", (), {"start": day, "end": day, "first_day": day, "last_day": day})
    meta = type("Meta", (), {"title": "Portes ouvertes", "status": "cancelled", "venue": type("Venue", (), {"city": "Dechy"})})
    action = type("Action", (), {"meta": meta, "occurrences": [occurrence], "timezone": "Europe/Paris", "departement": "59",
                                 "dates_hold": Event.dates_hold, "departement_named": Event.departement_named})()
    assert shareimage.when_and_where(action) == ("Annulée — le vendredi 24 novembre 2017", "Dechy (Nord)")
    assert shareimage.event_alt_text(action) == "Portes ouvertes — Annulée — le vendredi 24 novembre 2017, Dechy (Nord)"
    meta.status, meta.venue = "scheduled", None
    assert shareimage.when_and_where(action) == ("Le vendredi 24 novembre 2017", "En ligne")


def test_a_number_stays_with_its_word_in_an_actions_title():
    for room in (120, 332):
        _, lines = shareimage.fitted("Atelier sur la chambre des erreurs n° 1387 : 21 ateliers, le 1er octobre " * 3, room)
        assert len(lines) >= 2 and not any(line.endswith(("n°", " 21", "1er")) for line in lines), lines
        assert all(line.count("n°\u00a01387") == line.count("n°") for line in lines)  # never « n° » / « 1387 »


def test_the_size_found_is_the_one_trying_every_size_finds():
    """fitted() skips the sizes its words' measured widths rule out: the same size and lines as wrapping at each one."""
    def every_size(text: str, room: int) -> tuple[int, list[str]]:
        text = french_spaced(text)
        for size in range(72, 33, -2):
            lines = shareimage.wrapped(text, 700, size, WIDTH - 2 * MARGIN)
            if len(lines) * size * 1.2 <= room:
                return size, lines
        return size, lines[: int(room // (size * 1.2))]

    words = ("Portes ouvertes", "du", "centre hospitalier", "de Douai :", "la chambre des erreurs", "Wwwwwwwwwwwwwwwww",
             "l'identitovigilance", "iiiiiiii", "MMMM", "et", "https://www.exemple.fr/un/tres/long/chemin/sans/espace")
    for count in range(1, 36, 3):
        title = " ".join(words[(count * 7 + index * 3) % len(words)] for index in range(count))
        for room in (60, 332):
            assert shareimage.fitted(title, room) == every_size(title, room), (title, room)


def test_text_written_glyph_by_glyph_is_the_text_pillow_draws():
    """shareimage.write draws each glyph once per size: the pixels must be Pillow's own (one level of 255 apart at
    most, where two glyphs touch), kerning (« AV », « Té ») and a line a fraction of a pixel down included; « Ÿ »
    (its marks placed apart by the font), a combining accent or Arabic letters go to Pillow whole."""
    from PIL import ImageChops, ImageDraw
    french = f"{FRENCH.replace('Ÿ', '')} AVATAR Té LT Wa « 21 actions » 1\u202f000 € ; n° 3 ! officiel ffi"
    assert shareimage.ONE_GLYPH_EACH.fullmatch(french)  # drawn glyph by glyph
    for line in (french, "ÜŸ", "Café\u0301 des patients", "مرحبا"):
        for weight, size, top in ((700, 72, 20), (700, 46, 20.4), (400, 36, 31.6), (700, 34, 7.8)):
            blank = Image.new("RGB", (3000, 140), shareimage.BACKGROUND)
            pillow, ours = blank.copy(), blank.copy()
            ImageDraw.Draw(pillow).text((MARGIN, top), line, font=font(weight, size), fill=shareimage.TEXT)
            shareimage.write(ours, (MARGIN, top), line, weight, size)
            assert ImageChops.difference(ours, blank).getbbox() is not None
            assert max(high for _, high in ImageChops.difference(pillow, ours).getextrema()) <= 1, (line, weight, size, top)


def test_lines_measured_word_by_word_are_the_lines_pillow_s_measure_gives():
    """wrapped() measures a text of one glyph each as write() draws it (advances and kerning, word by word): the same
    widths as Pillow's measure of each whole line, hence the same lines; other text is measured by Pillow."""
    def by_pillow(text: str, size: int, width: int) -> list[str]:
        lines: list[str] = []
        for word in text.split(" "):
            if lines and font(700, size).getlength(f"{lines[-1]} {word}") <= width:
                lines[-1] = f"{lines[-1]} {word}"
            else:
                lines += [word] if font(700, size).getlength(word) <= width else shareimage._cut(word, 700, size, width)
        return lines

    words = ["Portes", "ouvertes", "AVATAR", "Té", "LT", "Wa", "«\u00a021\u00a0actions\u00a0»", "n°\u00a03", "", "officiel", "ffi",
             "l'identitovigilance", "https://www.exemple.fr/un/tres/long/chemin/sans/espace/aucune/part/vraiment", "Ÿvette", "مرحبا"]
    for count in range(1, 40):
        text = " ".join(words[(count * 5 + index * 7) % len(words)] for index in range(count))
        for size in (72, 50, 34):
            assert shareimage.wrapped(text, 700, size, WIDTH - 2 * MARGIN) == by_pillow(text, size, WIDTH - 2 * MARGIN), (text, size)
            if shareimage.ONE_GLYPH_EACH.fullmatch(text):
                assert shareimage.drawn_width(text, 700, size) == font(700, size).getlength(text)
