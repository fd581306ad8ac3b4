"""Campaign and partnership content, built and parsed: every field is there, in order."""

from __future__ import annotations

import pytest
from icalendar import Calendar

from helpers import ROOT, clocked, typeset


def headings(soup, level="h2") -> list[str]:
    return [h.get_text(" ", strip=True) for h in soup.select(f"article.ssp-article {level}")]


@pytest.fixture(scope="module")
def site(gates_site):
    return gates_site[0]


def test_project_sheet_has_the_same_structure_in_order(site):
    for slug in ["centre-hemodialyse-sete-agde", "fiche-de-test"]:
        assert headings(site.html(f"partenariat/fiches/{slug}/index.html")) == [
            "Domaine du partenariat en santé", "Objectifs", "Acteurs", typeset("Fonctionnement : les étapes"), "Budget",
            "Freins", "Leviers", "Bénéfices et perspectives"], slug
    soup = site.html("partenariat/fiches/centre-hemodialyse-sete-agde/index.html")
    assert soup.select_one(".ssp-sheet__establishment").get_text(" ", strip=True) == "Centre d'hémodialyse Sète / Agde · Occitanie"
    objectives = soup.select("#objectifs + ol > li")
    assert len(objectives) == 2 and [li.get_text(strip=True) for li in objectives[1].select("ul li")] == [
        "dans la relation individuelle de soins", "dans la réflexion stratégique de l'établissement"]
    actors = {row.th.get_text(strip=True): row.td.get_text(strip=True) for row in soup.select("#acteurs + .fr-table tbody tr")}
    assert actors["RU de l'établissement et patient partenaire"] == "pilotes du projet" and actors["Patients dialysés"] == "—"
    assert len(soup.select("#etapes + ol > li")) == 8
    budget = [[cell.get_text(strip=True) for cell in row.find_all(["th", "td"])] for row in soup.select("#budget ~ .fr-table tbody tr")]
    assert budget == [["Bénévolat (temps) et déplacements des RU et du PP", "—", typeset("60 à 70 h (estimation)")],
                      ["Formation ETP du patient partenaire, financée par l'établissement", "1\u00a0500\u00a0€", "—"]]
    assert headings(soup, "h3") == ["Pour le patient", "Pour les professionnels", "Pour l'établissement"]


def test_sheet_index_filters_by_domain_and_region(site):
    cards = site.html("partenariat/fiches/index.html").select("#ssp-sheets > li")
    assert {(card["data-domain"], card["data-region"]) for card in cards} == {
        ("Soins et organisation des établissements : parcours de soins et de vie des patients dialysés", "Occitanie"),
        ("Domaine de test", "Bretagne")}


def test_workshop_synthesis_keeps_nesting_and_emphasis(site):
    soup = site.html("partenariat/ateliers/2022-06-16-amelioration-qualite/index.html")
    details = {dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True) for dt in soup.select(".ssp-details dt")}
    assert details["Date"] == typeset("Jeudi 16 juin 2022") and details["Thème"] == "Amélioration de la qualité"
    assert details["Participants"] == typeset("3 professionnels du système de santé 1 patient partenaire ressource 2 représentants des usagers")
    assert "Isabelle Eglin (infirmière, cadre de santé)" in details["Coanimatrices chargées de projet au COPS"]
    synthesis = soup.select_one(".ssp-description")
    assert len(synthesis.select(":scope > ul > li")) == 5 and len(synthesis.select(":scope > ul > li:first-child > ul > li")) == 5
    assert synthesis.select_one("strong").get_text() == "démarche projet" and synthesis.select_one("em")


def test_ideas_are_grouped_by_audience(site):
    soup = site.html("partenariat/idees-recues/index.html")
    groups = {section.h2.get_text(strip=True): len(section.select(".ssp-idea")) for section in soup.select("section[aria-labelledby^='idees-']")}
    assert groups == {"Idées reçues de patients": 4, "Idées reçues de professionnels de santé": 3}
    first = soup.select_one(".ssp-idea")
    assert first.select_one(".ssp-idea__myth").get_text(" ", strip=True).startswith("Idée reçue «\u00a0Je dois avoir la même pathologie")
    assert first.select_one(".ssp-idea__reality").get_text(" ", strip=True).startswith("En réalité Être porteur")
    assert soup.select_one("#ssp-self h2").get_text(strip=True) == typeset("Et vous, comment vous situez-vous ?")


def test_quiz_without_javascript_shows_answers_in_details(site):
    soup = site.html("partenariat/quiz/partenariat-patient/index.html")
    questions = soup.select(".ssp-quiz__question")
    assert len(questions) == 7
    first = questions[0]
    assert first.legend.get_text(" ", strip=True).startswith(typeset("Question 1 : Faut-il avoir la même pathologie"))
    assert [i["type"] for i in first.select("input")] == ["radio", "radio"]
    assert first.select_one("details summary").get_text(strip=True) == "Voir la réponse"
    assert "Non, c'est plutôt le partage des savoirs expérientiels qui compte" in first.select_one("details").get_text()
    assert [i["type"] for i in questions[1].select("input")] == ["checkbox"] * 3


def test_call_for_projects_with_period_prizes_and_laureates(site):
    soup = site.html("2017/appels-a-projets/partenariat-patients-soignants-occitanie/index.html")
    details = {dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True) for dt in soup.select(".ssp-details dt")}
    assert details["Période"].startswith(typeset("Du vendredi 1er au samedi 30 septembre 2017") + "\u00a0· appel clos")
    period = soup.select_one(".ssp-details dd").decode_contents()
    assert "2017\u00a0· appel\u00a0<span" in period  # the dot and the state stay on the dates' line
    assert details["Prix"] == "3 × 2\u00a0000\u00a0€" and details["Catégories"] == "sanitaire, médico-social, soins primaires"
    assert soup.select_one(".ssp-details a[href='../../../contacts/ars-occitanie/']")
    said = " ".join(soup.find(id="laureats").find_next_sibling("p").get_text(" ").split())  # closed in 2017
    assert said.startswith("Les lauréats de cet appel n'ont pas été publiés sur ce site") and "encore" not in said
    test_call = site.html("2030/appels-a-projets/appel-test/index.html")
    laureates = test_call.select("#laureats + .fr-table tbody tr")
    assert laureates[0].th.a["href"] == "../../../partenariat/fiches/fiche-de-test/"
    assert laureates[1].th.a is None and laureates[1].find_all("td")[1].get_text() == "médico-social"


def test_contact_card_and_what_it_organises(site):
    soup = site.html("contacts/ars-occitanie/index.html")
    addresses = [a.get_text(" | ", strip=True) for a in soup.select(".ssp-contact address")]
    assert addresses == [typeset("Siège, Montpellier | 26-28 Parc club du Millénaire | 1025, rue Henri Becquerel | CS 30001 | 34067 Montpellier Cedex 2"),
                         typeset("Accueil site de Toulouse | 10 chemin du Raisin | 31050 Toulouse Cedex 9")]
    assert [a.get_text(strip=True) for a in soup.select("#actions + ul a")] == ["Colloque régional de l'ARS Occitanie"]
    assert soup.select_one("#appels + ul .ssp-card__title a").get_text(strip=True).startswith("Appel à projets")
    event = site.html("2017/evenements/colloque-regional-occitanie/index.html")
    assert event.select_one(".ssp-details a[href='../../../contacts/ars-occitanie/']").get_text() == "ARS Occitanie"


def test_materials_show_format_size_thumbnail_or_link(site):
    soup = site.html("2030/supports/index.html")
    cards = soup.select(".ssp-material")
    assert soup.h1.get_text(strip=True) == "Kit de communication 2030"
    assert [card.h2.get_text(" ", strip=True) for card in cards] == [  # the ministry's (DGOS) first, then as written
        typeset("Affiche de test (PNG, 155 octets)"), "Kit en ligne de test (lien externe)", typeset("Dépliant de test (PDF, 1,6 Ko)")]
    thumb = cards[0].img  # the poster's thumbnail, shown at a third of its pixels at most
    assert thumb["src"] == "vignettes/affiche-test.png.webp" and thumb["alt"] == ""
    assert (thumb["width"], thumb["height"]) == ("20", "27")  # the 60 × 80 test poster
    assert (site.site / "2030/supports/vignettes/affiche-test.png.webp").read_bytes()[8:12] == b"WEBP"
    assert cards[2].a["href"] == "depliant-test.pdf" and not cards[2].img
    assert (site.site / "2030/supports/depliant-test.pdf").read_bytes() == (ROOT / "tests/fixtures/gates/campaigns/2030/supports/depliant-test.pdf").read_bytes()
    assert typeset("Pour : Patients, Proches et aidants") in cards[2].get_text(" ", strip=True)
    assert site.html("2017/index.html").select_one("#supports + p a")["href"] == "supports/"


def test_programme_as_timetable_and_in_the_calendar(site):
    soup = site.html("2030/evenements/atelier-annule/index.html")
    rows = [[cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])] for row in soup.select(".ssp-programme tbody tr")]
    assert rows == [[clocked("10 h – 10 h 45"), "Accueil et tour de table", "Une infirmière, Un patient partenaire"],
                    [clocked("10 h 45"), "Échanges", "—"]]
    event = Calendar.from_ical((site.site / "2030/evenements/atelier-annule.ics").read_bytes()).walk("VEVENT")[0]
    assert clocked("Programme :\n10 h – 10 h 45 : Accueil et tour de table (Une infirmière, Un patient partenaire)\n10 h 45 : Échanges") in str(event["DESCRIPTION"])


def test_resources_official_by_publisher_newest_first_others_apart(site):
    soup = site.html("ressources/index.html")
    publishers = [h.get_text(strip=True) for h in soup.select("article h2")]
    # the ministry (and its DGOS) first, then the HAS, the ARS, the WHO; the other sources last, apart
    assert publishers[:2] == ["DGOS", "Ministère chargé de la santé"] and publishers[2] == "HAS"
    assert publishers[-2:] == ["OMS", "Autres sources"]
    assert all(name.startswith("ARS ") for name in publishers[3:-2])
    aquitaine = soup.find("h2", string="ARS Nouvelle-Aquitaine").find_next_sibling("ul").select("li")
    assert len(aquitaine) == 1 and "(éditions 2013, 2012, 2011)" in aquitaine[0].get_text("", strip=False)
    ministry = soup.find("h2", string="Ministère chargé de la santé").find_next_sibling("ul").select("li")
    newest = [max(int(a.get_text()) for a in item.select(".ssp-resources__publisher a")) for item in ministry]
    assert newest == sorted(newest, reverse=True) and len(newest) > 1
    official = {a["href"] for h2 in soup.select("article h2")[:-1] for a in h2.find_next_sibling("ul").select("li > a")}
    others = [a["href"] for a in soup.find("h2", string="Autres sources").find_next_sibling("ul").select("li > a")]
    assert all(".gouv.fr/" in url or "sante.fr/" in url or "who.int/" in url for url in official)
    assert any("studylibfr.com" in url for url in others) and not any(".gouv.fr/" in url for url in others)


def test_every_call_is_reachable_from_the_navigation_open_ones_first(site):
    soup = site.html("appels-a-projets/index.html")  # built in 2023: the 2030 call is to come, the 2017 one closed
    assert [h2.get_text(strip=True) for h2 in soup.select("article h2")] == ["Ouverts", "À venir", "Clos"]
    assert soup.find("h2", string="Ouverts").find_next_sibling("p").get_text() == "Aucun appel à projets n'est ouvert en ce moment."
    coming = [a.get_text() for a in soup.find("h2", string="À venir").find_next_sibling("ul").select(".ssp-card__title a")]
    closed = [a["href"] for a in soup.find("h2", string="Clos").find_next_sibling("ul").select(".ssp-card__title a")]
    assert coming == ["Appel à projets de test"] and closed == ["../2017/appels-a-projets/partenariat-patients-soignants-occitanie/"]
    assert "Appels à projets" in [a.get_text(strip=True) for a in site.html("index.html").select("nav a")]


def test_organising_an_action_is_explained_with_the_spreadsheet_to_fill(site):
    from helpers import ROOT

    page = site.html("organiser-une-action/index.html")
    assert page.h1.get_text(strip=True) == "Organiser une action"
    text = " ".join(page.select_one("article").get_text(" ").split())
    assert "[à renseigner : adresse du formulaire « Déclarer une action »]" in text  # until the publisher sets it
    for ext in ("xlsx", "csv"):
        [link] = page.select(f"a[href$='import-actions.{ext}']")
        published = (site.site / "organiser-une-action" / link["href"]).resolve()
        assert published.read_bytes() == (ROOT / f"modeles/import-actions.{ext}").read_bytes()
    assert [a["href"] for a in page.select("article a[href$='/']") if "editions" in a["href"]] == ["../editions/"]
    assert site.html("index.html").select_one("#aller-plus-loin ~ ul a, #aller-plus-loin + ul a")["href"] == "organiser-une-action/"
