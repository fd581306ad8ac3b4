"""The picture of a shared link: 1200 × 630, every French letter drawn, the theme always inside."""

from __future__ import annotations

import io
import sys
from datetime import date

from PIL import Image

from helpers import ROOT

sys.path.insert(0, str(ROOT / "hooks"))

from ssp.exports import shareimage  # noqa: E402
from ssp.exports.shareimage import MARGIN, WIDTH, font, share_image, theme_lines  # noqa: E402

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
    background = picture.getpixel((5, 5))
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
