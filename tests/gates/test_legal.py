"""Gate 8: the legal pages exist, take their facts from mkdocs.yml, and every footer shows the status."""

from __future__ import annotations

from builds import build
from helpers import EDITION_2017, readers_pages, typeset


def set_legal(project, **facts: str) -> None:
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    for key, value in facts.items():
        start = text.index(f"    {key}: ")
        end = text.index("\n", start)
        text = text[:start] + f"    {key}: {value}" + text[end:]
    config.write_text(text, encoding="utf-8")


def test_legal_facts_come_from_configuration(fixture_project):
    fixture_project.edition(text=EDITION_2017)
    set_legal(fixture_project, publisher='"Agence de test"', publication_director='"Mme Test, directrice"',
              contact_email='"accessibilite@example.org"', accessibility_status="partiellement conforme")
    built = build(fixture_project.root)
    assert built.result.returncode == 0, built.result.stderr
    statement = built.html("accessibilite/index.html").select_one("article").get_text(" ")
    assert "Agence de test s'engage" in statement
    assert "partiellement conforme" in statement and "Défenseur des droits" in statement
    assert "accessibilite@example.org" in statement
    notice = built.html("mentions-legales/index.html").select_one("article").get_text(" ")
    assert "Mme Test, directrice" in notice and "GitHub Pages" in notice
    privacy = built.html("donnees-personnelles/index.html").select_one("article").get_text(" ")
    assert "aucun cookie" in privacy and "aucun traceur" in privacy
    for page in readers_pages(built.site, 10):
        footer = built.html(page.relative_to(built.site).as_posix()).select_one("footer .ssp-legal")
        links = [link.get_text(strip=True) for link in footer.select("a")]
        assert typeset("Accessibilité : partiellement conforme") in links, page


def test_the_declaration_form_is_a_link_once_its_address_is_given(fixture_project):
    """Before: its whole address written out (« https://github.com/…/issues/new?template=… », three lines on a phone)."""
    fixture_project.edition(text=EDITION_2017)
    form = "https://github.com/exemple/ssp/issues/new?template=declarer-une-action.yml&x=1"
    set_legal(fixture_project, declaration_form=f'"{form}"')
    built = build(fixture_project.root)
    assert built.result.returncode == 0, built.result.stderr
    [link] = [a for a in built.html("organiser-une-action/index.html").select("article a") if "github.com" in a["href"]]
    assert (link["href"], link.get_text()) == (form, typeset("le formulaire « Déclarer une action »"))
    said = " ".join(built.html("organiser-une-action/index.html").select_one("article").get_text(" ").split())
    assert "il faut s'y connecter avec un compte (gratuit). Sans compte, envoyez les mêmes informations" in said  # not a surprise
    set_legal(fixture_project, declaration_form='"javascript:alert(1)"')  # not an address: said as it is, never a link
    built = build(fixture_project.root)
    page = built.html("organiser-une-action/index.html")
    assert not [a for a in page.select("a[href]") if a["href"].startswith("javascript")]
    assert "le formulaire « Déclarer une action » (javascript:alert(1))" in " ".join(page.select_one("article").get_text(" ").split())


def test_an_unknown_fact_or_status_fails_the_build(fixture_project):
    fixture_project.edition(text=EDITION_2017)
    fixture_project.write("docs/mentions-legales.md", "# Mentions\n\nHébergeur : [[hebergeur]]\n")
    built = build(fixture_project.root)
    assert built.result.returncode != 0
    assert "docs/mentions-legales.md:3: hebergeur : information légale inconnue" in built.result.stderr

    set_legal(fixture_project, accessibility_status="conforme à moitié")
    built = build(fixture_project.root)
    assert "extra.legal.accessibility_status : « conforme à moitié » : valeurs permises" in built.result.stderr
