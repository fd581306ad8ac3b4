"""Content Markdown (ssp.markup): a table comes in a frame that scrolls on a phone and that the keyboard
reaches; the sanitiser keeps that frame's attributes with those values only; an image or a link that the page
would lose is refused with its line."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from ssp import markup

TABLE = "| Horaire | Atelier |\n|---|---|\n| 9 h | Identitovigilance : le bracelet, à chaque soin |\n"


def test_a_table_scrolls_in_a_frame_the_keyboard_reaches():
    html = BeautifulSoup(markup.render(f"Avant.\n\n{TABLE}\nAprès."), "html.parser")
    frame = html.select_one("div.ssp-table-scroll")
    assert frame.attrs == {"class": ["ssp-table-scroll"], "role": "region", "aria-label": "Tableau", "tabindex": "0"}
    assert [child.name for child in frame.find_all(recursive=False)] == ["table"]
    assert [p.get_text() for p in html.find_all("p", recursive=False)] == ["Avant.", "Après."]


def test_the_frame_s_attributes_keep_no_other_value():
    written = ('<div class="ssp-table-scroll autre" role="button" aria-label="Cliquez" tabindex="-1" onclick="alert(1)" '
               'style="position:fixed">texte</div>')
    assert markup.render(written) == "<div>texte</div>"
    assert 'title="&lt;table&gt;"' in markup.render('<a title="<table>" href="https://example.org/">lien</a>')


@pytest.mark.parametrize("text, headings", [
    ("# Programme\n\nTexte.\n\n## Accès\n\nBus 12.", [("h2", "Programme"), ("h3", "Accès")]),  # « # » moved down, the outline kept
    ("Programme\n=========\n\nTexte.", [("h2", "Programme")]),
    ("## Accès\n\nBus 12.\n\n### Parking", [("h2", "Accès"), ("h3", "Parking")]),  # already below the page's title: as written
    ("# Un\n\n###### Six", [("h2", "Un"), ("h6", "Six")]),
])
def test_a_text_s_headings_stay_headings_under_the_page_s_title(text, headings):
    """The page's title is its only <h1>: a text's « # Programme » was left as bare text by the sanitiser."""
    html = BeautifulSoup(markup.render(text), "html.parser")
    assert [(heading.name, heading.get_text()) for heading in html.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])] == headings


@pytest.mark.parametrize("text, line, words", [
    ("Voir l'affiche : ![affiche](affiche-lens.png).", 1, "image « affiche-lens.png » : un texte du site ne montre pas d'image"),
    ("Premier paragraphe.\n\nLe programme :\n[le programme](programme.pdf).", 4, "lien « programme.pdf » : écrivez une adresse complète"),
    ("[le dossier](C:\\Users\\com\\programme.pdf)", 1, "lien « C:\\Users\\com\\programme.pdf » : écrivez une adresse complète"),
    ("[le site](www.ch-lens.fr)", 1, "lien « www.ch-lens.fr » : écrivez une adresse complète, commençant par https://"),
    ("[fichiers](ftp://ch-lens.fr/kit)", 1, "lien « ftp://ch-lens.fr/kit » refusé : seules les adresses commençant par http://"),
])
def test_an_image_or_a_link_the_page_would_lose_is_refused_with_its_line(text, line, words):
    """Before: the image was dropped and the relative link published, leading nowhere, without a word."""
    refused = markup.problem(text)
    assert refused is not None and refused.line == line and words in str(refused)


def test_full_addresses_anchors_mail_and_phone_links_are_kept():
    text = ("[le site](https://www.ch-lens.fr/a%20b) <https://ch-lens.fr> [écrire](mailto:com@ch-lens.fr) "
            "[appeler](tel:+33321000000) [plus bas](#programme) [majuscules](HTTPS://CH-LENS.FR)")
    assert markup.problem(text) is None
    assert len(BeautifulSoup(markup.render(text), "html.parser").select("a[href]")) == 6
    assert markup.problem('Du HTML écrit à la main : <img src="x.png"> <a href="page.html">lien</a>') is None  # sanitised only
