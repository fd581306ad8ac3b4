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
    assert markup.problems(written)  # refused in a text; the sanitiser, the last guard, drops them too
    assert markup.sanitised(written) == "<div>texte</div>"
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
    refused = markup.problems(text)
    assert len(refused) == 1 and refused[0].line == line and words in str(refused[0])


def test_full_addresses_anchors_mail_and_phone_links_are_kept():
    text = ("[le site](https://www.ch-lens.fr/a%20b) <https://ch-lens.fr> [écrire](mailto:com@ch-lens.fr) "
            "[appeler](tel:+33321000000) [plus bas](#programme) [majuscules](HTTPS://CH-LENS.FR)")
    assert markup.problems(text) == ()
    assert len(BeautifulSoup(markup.render(text), "html.parser").select("a[href]")) == 6


@pytest.mark.parametrize("text, line, words", [
    ("Notre film :\n\n<iframe width=\"560\" src=\"https://www.youtube.com/embed/x\" allowfullscreen></iframe>", 3,
     "contenu intégré <iframe> refusé : le site ne charge rien d'un autre site"),  # a video's embed code, pasted
    ("Programme.\nVoir <video src=\"https://ch-lens.fr/film.mp4\">", 2, "contenu intégré <video> refusé"),
    ("<div>\n<p>Bienvenue</p>\n<script>alert(1)</script>\n</div>", 3, "balise <script> refusée : un texte du site ne contient ni programme"),
    ('<form action="https://ch-lens.fr/inscription"><input name="nom"></form>', 1, "balise <form> refusée"),
    ("Du HTML : <img src=\"x.png\">", 1, "image « x.png » : un texte du site ne montre pas d'image"),
    ('<span style="color:red">Complet</span>', 1, "attribut « style » de <span> non pris en charge : le site le retirerait ; "
                                                  "retirez-le (pour mettre en valeur, écrivez **gras**)"),
    ('<a href="https://ch-lens.fr" target="_blank">site</a>', 1, "attribut « target » de <a> non pris en charge"),
    ('<div onmouseover="alert(1)">texte</div>', 1, "attribut onmouseover refusé : un texte du site ne lance pas de programme"),
    ("Texte.\n<h1>Programme</h1>", 2, "titre <h1> refusé : la page a déjà le sien ; pour un titre dans le texte, écrivez « ## Titre »"),
    ("<font color=red>Complet</font>", 1, "balise <font> inconnue du site : elle serait retirée ; retirez-la et gardez son texte"),
    ('<a href="page.html">le programme</a>', 1, "lien « page.html » : écrivez une adresse complète, commençant par https://"),
    ('<a href="javascript:alert(1)">lien</a>', 1, "lien « javascript:alert(1) » refusé : seules les adresses commençant par"),
    ("Un lien :\n[clic](javascript:alert(1)) ici", 2, "lien « javascript:alert(1) » refusé"),  # markdown-it shows it as text
    ("[page](data:text/html,<b>x</b>)", 1, "lien « data:text/html, » refusé"),
    ("<vbscript:msgbox(1)>", 1, "lien « vbscript:msgbox(1) » refusé"),
])
def test_html_the_sanitiser_would_drop_is_refused_with_its_line(text, line, words):
    """Before: a pasted video, a script, a style or a javascript: link vanished from the page without a word."""
    refused = markup.problems(text)
    assert refused and refused[0].line == line and words in str(refused[0]), refused


def test_html_the_site_keeps_and_html_that_is_not_html_are_accepted():
    text = ('<abbr title="Semaine de la sécurité des patients">SSP</abbr> <b>gras</b> <sup>e</sup> <a href="https://a.fr">a</a>\n\n'
            "<details><summary>Programme</summary>Matin</details>\n\n"
            "`<iframe>` dans le code, 1 < 2, <3, <com@ch-lens.fr> <https://ch-lens.fr>\n\n"
            "<!-- une note pour l'équipe -->\n\n```\n<script>alert(1)</script>\n```\n")
    assert markup.problems(text) == ()
    html = BeautifulSoup(markup.render(text), "html.parser")
    assert html.abbr["title"] == "Semaine de la sécurité des patients" and html.details.summary.get_text() == "Programme"
    assert "<script>alert(1)</script>" in html.pre.get_text() and html.find("script") is None


def test_every_problem_of_a_text_is_said_at_once_each_with_its_lines():
    """A page of Word pasted as HTML: before, the first problem only, and a check again for each of the others."""
    text = ('<p class="MsoNormal">Bienvenue<o:p></o:p></p>\n\n<p class="MsoNormal">Programme<o:p></o:p></p>\n\n'
            '<p>Accès<o:p></o:p></p>\n\nVoir ![plan](plan.png) et [le programme](programme.pdf).\n')
    refused = markup.problems(text)
    assert [(error.lines, str(error).split(" :")[0]) for error in refused] == [
        ([1, 3], "attribut « class » de <p> non pris en charge"),
        ([1, 3, 5], "balise <o:p> inconnue du site"),
        ([7], "image « plan.png »"),
        ([7], "lien « programme.pdf »"),
    ]
    assert [error.lines_said() for error in refused[:3]] == ["lignes 1 et 3", "lignes 1, 3 et 5", "ligne 7"]
    with pytest.raises(markup.MarkupError):  # the last guard
        markup.render(text)


def test_a_text_full_of_problems_says_the_first_ones_and_that_others_follow():
    refused = markup.problems("\n\n".join(f"<balise{number}>texte" for number in range(1, 40)) + "\n\n" + "<font>texte</font>\n\n" * 30)
    assert len(refused) == markup.MAX_PROBLEMS + 1
    assert [str(error).split(" :")[0] for error in refused[:2]] == ["balise <balise1> inconnue du site", "balise <balise2> inconnue du site"]
    assert refused[-1].line == 21 and str(refused[-1]).startswith("d'autres problèmes suivent dans ce texte")
    same, = markup.problems("<font>texte</font>\n\n" * 30)
    assert same.lines_said(shift=10) == "lignes 11, 13, 15, 17, 19, 21, 23, 25, … (30 en tout)"


def test_html_left_open_too_deep_is_said_on_the_lines_that_go_too_deep():
    refused = markup.problems("<font>texte\n\n" * 30)
    assert [(str(error).split(" (")[0], error.lines[:2]) for error in refused] == [
        ("balise <font> inconnue du site : elle serait retirée ; retirez-la et gardez son texte", [1, 3]),
        ("imbrication trop profonde", [31, 33])]  # the 16th <font> left open, in a paragraph


def test_addresses_written_bare_are_links():
    """An address pasted as it is (« Inscription : https://… ») was text a reader on a phone could not follow."""
    html = BeautifulSoup(markup.render(
        "Inscription : https://www.chu-lille.fr/ssp?x=1&y=2, ou www.ch-lens.fr. Écrire à com@ch-lens.fr (WWW.CH-LENS.FR).\n\n"
        "Pas un lien : ch-lens.fr, README.md, ftp://ch-lens.fr/kit, //ch-lens.fr, `https://code.fr`, Dr.Martin, 3.5 km.\n\n"
        "Déjà un lien : [le site](https://ch-lens.fr/a), <https://ch-lens.fr/b>, <a href=\"https://ch-lens.fr/c\">https://ch-lens.fr/d</a>."),
        "html.parser")
    first, bare, written = html.find_all("p")
    assert [(link["href"], link.get_text()) for link in first.find_all("a")] == [
        ("https://www.chu-lille.fr/ssp?x=1&y=2", "https://www.chu-lille.fr/ssp?x=1&y=2"), ("http://www.ch-lens.fr", "www.ch-lens.fr"),
        ("mailto:com@ch-lens.fr", "com@ch-lens.fr"), ("http://WWW.CH-LENS.FR", "WWW.CH-LENS.FR")]
    assert bare.find("a") is None and bare.code.get_text() == "https://code.fr"
    assert [link["href"] for link in written.find_all("a")] == ["https://ch-lens.fr/a", "https://ch-lens.fr/b", "https://ch-lens.fr/c"]
    assert markup.problems("Le kit : ftp://ch-lens.fr/kit et //ch-lens.fr") == ()  # text, as before: no link refused


def test_an_address_longer_than_a_piece_read_at_a_time_is_one_link():
    address = "https://www.ch-lens.fr/" + "a" * 1_200 + "/programme.pdf"
    html = BeautifulSoup(markup.render(f"Le programme : {address}."), "html.parser")
    assert [link["href"] for link in html.find_all("a")] == [address]


def test_a_list_pasted_from_word_is_a_list():
    """Word's bullets (« • », « ◦ » below) begin no Markdown list: the items were joined into one paragraph."""
    html = BeautifulSoup(markup.render("Programme :\n•\tAccueil\n•\tVisite du bloc\n\t◦\tsalle de réveil\n• Quiz\n\nFin."),
                         "html.parser")
    assert [paragraph.get_text() for paragraph in html.find_all("p", recursive=False)] == ["Programme :", "Fin."]
    items = html.find("ul").find_all("li", recursive=False)
    assert [item.contents[0].strip() for item in items] == ["Accueil", "Visite du bloc", "Quiz"]
    assert items[1].ul.li.get_text() == "salle de réveil"
    assert "•" not in html.get_text()
    code = markup.render("Dans un bloc de code :\n\n```\n• reste tel quel\n```")  # shown as written
    assert "• reste tel quel" in BeautifulSoup(code, "html.parser").pre.get_text()
    assert markup.render("Prix : 3 € • 5 €") == "<p>Prix : 3 € • 5 €</p>"  # inside a line: text
    pasted = BeautifulSoup(markup.render("Programme :\n·\tAccueil\no\tdu bloc\n§\tsalle de réveil\nor\tnon"), "html.parser")
    assert [item.contents[0].strip() for item in pasted.find_all("li")] == ["Accueil", "du bloc", "salle de réveil\nor\tnon"]


def test_an_indented_paragraph_is_text_not_code():
    """Four spaces or a tab before a paragraph (a cell of a sheet, a text pasted from a letter) made a code block."""
    html = BeautifulSoup(markup.render("Accueil.\n\n    Visite du service, sur inscription.\n\n\tQuiz en fin de matinée."),
                         "html.parser")
    assert html.find(["pre", "code"]) is None
    assert [paragraph.get_text() for paragraph in html.find_all("p")] == [
        "Accueil.", "Visite du service, sur inscription.", "Quiz en fin de matinée."]
