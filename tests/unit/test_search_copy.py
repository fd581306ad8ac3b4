"""What Pagefind reads of a page (ssp.searchcopy): its title, its address and its marked article,
nothing of the frame."""

import re
from pathlib import Path

from bs4 import BeautifulSoup

from ssp import searchcopy

PAGE = """<!doctype html><html lang="fr"><head><title>Affiche : Portes ouvertes – SSP</title>
<meta name="description" content="Une action qui dit data-pagefind-body"><script src="x.js"></script></head><body><header>Aller au contenu République française</header>
<main><article class="ssp-article" data-pagefind-body data-pagefind-weight="0.3">
<article class="ssp-poster"><h1>Portes ouvertes</h1><p>Maternité de Douai</p></article>
<p data-pagefind-ignore>Imprimer</p></article></main><footer>legifrance.gouv.fr</footer></body></html>"""


def test_a_page_not_marked_has_no_copy():
    assert searchcopy.reduced(PAGE.replace(" data-pagefind-body", ""), "./") is None


def test_the_copy_keeps_the_title_the_address_and_the_whole_marked_article_and_nothing_else():
    copy = BeautifulSoup(searchcopy.reduced(PAGE, "2017/evenements/a,b/affiche/"), "html.parser")
    assert copy.html["lang"] == "fr" and copy.title.string == "Affiche : Portes ouvertes – SSP"
    assert copy.select_one("[data-pagefind-meta]").attrs == {"href": "2017/evenements/a,b/affiche/", "data-pagefind-meta": "url[href]"}
    outer = copy.body.find("article")
    assert outer.attrs == {"class": ["ssp-article"], "data-pagefind-body": "", "data-pagefind-weight": "0.3"}
    assert outer.find("article", class_="ssp-poster").h1.string == "Portes ouvertes"  # the inner article, whole
    assert "Imprimer" not in outer.get_text()  # what the index leaves out is not there to parse
    text = copy.get_text()
    assert "Aller au contenu" not in text and "legifrance" not in text and not copy.find("script")


def test_what_the_index_leaves_out_is_not_copied_unless_pagefind_reads_something_there():
    """A card, « Partager », the breadcrumb: data-pagefind-ignore, not indexed, half of an action's page to parse. An
    element holding what Pagefind reads even there (an action's « facts » meta) is copied."""
    article = ('<nav data-pagefind-ignore><div><nav>Fil</nav> Accueil</div></nav><h1>Titre</h1>'
               '<p hidden data-pagefind-ignore data-pagefind-meta="facts">Lundi · Douai</p>'
               '<ul><li data-pagefind-ignore class="card">Carte<ul><li>étiquette</li></ul></li><li>Gardé</li></ul>'
               '<section data-pagefind-ignore><span data-pagefind-filter="type">Atelier</span></section>'
               '<HR data-pagefind-ignore><p>Fin</p><p title="data-pagefind-ignore">Le mot data-pagefind-ignore, écrit</p>')
    copy = BeautifulSoup(searchcopy.reduced(PAGE.replace("<h1>Portes ouvertes</h1>", article), "x/"), "html.parser")
    outer = copy.body.find("article")
    assert [" ".join(item.get_text(" ").split()) for item in outer.find_all(["h1", "p", "li", "section"])] == [
        "Titre", "Lundi · Douai", "Gardé", "Atelier", "Fin", "Le mot data-pagefind-ignore, écrit", "Maternité de Douai"]
    assert copy.find(attrs={"data-pagefind-meta": "facts"}) and copy.find(attrs={"data-pagefind-filter": "type"})
    assert not outer.find(["nav", "hr"]) and "Fil" not in outer.get_text() and "étiquette" not in outer.get_text()


def test_an_action_s_facts_are_sentences_in_its_copy_for_the_excerpts():
    """A result's excerpt was « Quand Le jeudi 19 novembre 2026 Type d'action Colloque Lieu CHU de Cayenne 97300 Cayenne
    (Guyane) Organisateur … »: the facts run together; the same words, said as sentences."""
    facts = ('<dl class="ssp-details">\n<dt>Quand</dt>\n<dd>\n<ul><li>Le lundi 16 novembre 2026, de 9 h à 11 h</li>'
             '<li>Le mardi 17 novembre 2026</li></ul>\n<br>Tout l&#39;après-midi\n</dd>\n<dt>Lieu</dt>\n<dd>\n<address>\n'
             'CHU de Cayenne<br>\n\n97300 Cayenne (Guyane)\n</address>\n</dd>\n<dt>Inscription</dt><dd>Entrée libre.</dd>\n'
             '<dt>En ligne</dt>\n<dd><a href="https://visio.example.org/">Suivre l\'action en ligne</a></dd>\n</dl>')
    page = PAGE.replace("<p>Maternité de Douai</p>", facts + "<p>Présentation.</p>")
    copy = BeautifulSoup(searchcopy.reduced(page, "x/"), "html.parser")
    said = re.sub(r"[ \n]+", " ", copy.select_one(".ssp-details").get_text()).strip()  # no-break spaces kept
    assert said == ("Quand\u00a0: Le lundi 16 novembre 2026, de 9 h à 11 h\u202f; Le mardi 17 novembre 2026, Tout l'après-midi. "
                    "Lieu\u00a0: CHU de Cayenne, 97300 Cayenne (Guyane). Inscription\u00a0: Entrée libre. "
                    "En ligne\u00a0: Suivre l'action en ligne.")
    assert copy.select_one(".ssp-details a")["href"] == "https://visio.example.org/"  # markup kept, only text added
    assert searchcopy.reduced(PAGE, "x/") == searchcopy.reduced(PAGE, "x/").replace("\u00a0:", "")  # other pages as they are


def test_a_page_s_keywords_are_a_field_of_its_copy_not_words_of_its_article():
    """`search: keywords:` of a page of docs/: Pagefind's field `keywords` (weighed by search.js), as text, outside the article."""
    copy = BeautifulSoup(searchcopy.reduced(PAGE, "organiser-une-action/", 'déclarer une action, <script>alert(1)</script>'),
                         "html.parser")
    field = copy.find(attrs={"data-pagefind-meta": "keywords"})
    assert field.string == "déclarer une action, <script>alert(1)</script>" and not copy.find("script")
    assert field.find_parent("article") is None and "déclarer" not in copy.body.find("article").get_text()
    assert BeautifulSoup(searchcopy.reduced(PAGE, "./"), "html.parser").find(attrs={"data-pagefind-meta": "keywords"}) is None


def test_a_page_s_keywords_are_read_from_its_header_as_text():
    assert searchcopy.keywords({"search": {"keywords": "déclarer une action"}}) == "déclarer une action"
    assert searchcopy.keywords({"search": {"keywords": 2026}}) == "2026"  # as MkDocs reads « keywords: 2026 »
    assert searchcopy.keywords({"search": {"exclude": True}}) == searchcopy.keywords({"title": "x"}) == ""
    assert searchcopy.keywords({"search": "oui"}) == searchcopy.keywords({"search": {"keywords": True}}) == ""


def test_copies_are_written_side_by_side_beside_the_output_each_with_its_address(tmp_path):
    site = tmp_path / "site.partiel"
    (tmp_path / "site.partiel.recherche").mkdir()
    (tmp_path / "site.partiel.recherche/laissee.html").write_text(PAGE)  # by a build stopped midway
    searchcopy.start(str(site))
    searchcopy.write(str(site), str(site / "2026" / "evenements" / "a" / "index.html"), PAGE)
    searchcopy.write(str(site), str(site / "index.html"), PAGE)
    searchcopy.write(str(site), str(site / "2026" / "index.html"), PAGE.replace(" data-pagefind-body", ""))
    folder = tmp_path / "site.partiel.recherche"
    assert searchcopy.folder(str(site) + "/") == str(folder)
    copies = [BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser") for path in folder.iterdir()]
    assert all(path.is_file() for path in folder.iterdir())
    assert sorted(copy.select_one("[data-pagefind-meta]")["href"] for copy in copies) == ["./", "2026/evenements/a/"]


def test_cells_terms_and_blocks_read_as_words_apart():
    """Pagefind joins the texts of two elements with nothing between them into one word: a table's
    headers (« RégionActions ») or an action's details (« RégionHauts-de-France ») would not be found."""
    page = PAGE.replace("<p>Maternité de Douai</p>", "<dl><dt>Région</dt><dd>Hauts-de-France</dd></dl>"
                        "<table><tr><th>Région</th><th>Actions</th></tr><tr><td>Bretagne</td><td>12</td></tr></table>"
                        "<p>Entrée <b>libre</b></p>")
    article = BeautifulSoup(searchcopy.reduced(page, "./"), "html.parser").body.article
    assert article.get_text().split() == ["Portes", "ouvertes", "Région", "Hauts-de-France", "Région", "Actions", "Bretagne",
                                          "12", "Entrée", "libre"]  # « Entrée libre »: inline elements stay as written


def test_copies_are_made_in_the_order_of_their_names_before_the_pages_are_written(tmp_path, monkeypatch):
    """Pagefind's index follows the order a folder lists the copies; tmpfs, btrfs and XFS list them in the order
    they were made, which pages written in parallel would change: reserve() makes them all first, by name; write()
    fills each in place, or removes it when its page is not indexed after all."""
    site = str(tmp_path / "site")
    searchcopy.start(site)
    pages = [f"{site}/2017/evenements/{name}/index.html" for name in ("b", "a", "c")]
    made: list[str] = []
    create = searchcopy.os.open
    monkeypatch.setattr(searchcopy.os, "open", lambda path, *args: made.append(path) or create(path, *args))
    searchcopy.reserve(site, pages)
    monkeypatch.undo()
    assert len(made) == 3 and made == sorted(made) and all(not Path(path).read_text() for path in made)
    searchcopy.write(site, pages[0], PAGE)
    searchcopy.write(site, pages[1], PAGE.replace(" data-pagefind-body", ""))  # not marked: no copy
    left = {path.name: path.read_text(encoding="utf-8") for path in Path(searchcopy.folder(site)).iterdir()}
    assert len(left) == 2 and sorted(bool(text) for text in left.values()) == [False, True]
    assert any('href="2017/evenements/b/"' in text for text in left.values())
