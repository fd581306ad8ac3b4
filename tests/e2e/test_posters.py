"""A poster for every action and every edition (partials/ssp/poster.html): what it says, where
its QR code leads, and the links to it. Printing and decoding: tests/browser/test_poster_print.py."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from helpers import ROOT, clocked, typeset
from views_helpers import poster_target

SITE = "https://example.github.io/ssp/"


def test_every_action_has_a_poster_saying_what_where_when_and_how_to_come(real_site):
    for edition in sorted((ROOT / "campaigns").glob("[0-9]*")):
        for event in sorted(edition.glob("events/*.md")):
            assert (real_site.site / edition.name / "evenements" / event.stem / "affiche" / "index.html").is_file(), event
    poster = real_site.html("2017/evenements/portes-ouvertes-maternite-douai/affiche/index.html")
    article = poster.select_one("article.ssp-poster")
    text = article.get_text(" ", strip=True)
    assert poster.h1.get_text() == "La maternité du Centre hospitalier de Douai ouvre ses portes"
    assert "Semaine de la sécurité des patients 2017" in text
    theme = article.select_one(".ssp-poster__theme")
    assert theme.get_text() == "7e\u00a0" + typeset("édition, du lundi 20 au vendredi 24 novembre 2017 : « Usagers, soignants : partenaires pour la sécurité des patients »")
    assert theme.sup.get_text() == "e"
    assert typeset("Le vendredi 24 novembre 2017") in text and "Tout l'après-midi" in text
    assert "Service de maternité, site de Dechy, Dechy" in text
    assert typeset("Organisateur : Centre hospitalier de Douai") in text
    assert "Entrée libre" in text
    assert poster_target(poster) == SITE + "2017/evenements/portes-ouvertes-maternite-douai/"
    assert poster.title.get_text().startswith("Affiche : La maternité du Centre hospitalier de Douai")
    back = poster.select_one(".ssp-poster__actions a")
    address = SITE + "2017/evenements/portes-ouvertes-maternite-douai/"
    assert urljoin(address + "affiche/", back["href"]) == address and back.get_text() == "Revenir à l'action"


def test_the_edition_poster_gives_its_dates_and_leads_to_the_listing(real_site):
    poster = real_site.html("2017/affiche/index.html")
    assert poster.h1.get_text(strip=True) == "Semaine de la sécurité des patients 2017"
    assert poster.select_one(".ssp-poster__title").get_text() == typeset("Du lundi 20 au vendredi 24 novembre 2017")
    assert poster_target(poster) == SITE + "2017/evenements/"
    # an edition whose number the facts do not give: its line starts with its dates, capitalised (before: « du lundi… »)
    theme = real_site.html("2025/affiche/index.html").select_one(".ssp-poster__theme").get_text()
    assert theme.startswith(typeset("Du lundi 15 au vendredi 19 septembre 2025")), theme


def test_action_and_edition_pages_link_to_their_poster(real_site, gates_site):
    event = gates_site[0].html("2030/evenements/creneaux-la-reunion/index.html")  # to come: 2030
    address = SITE + "2030/evenements/creneaux-la-reunion/"
    assert urljoin(address, event.select_one(".ssp-poster-link a")["href"]) == address + "affiche/"
    assert real_site.html("2017/index.html").select_one(".ssp-poster-link a")["href"] == "affiche/"
    # a past action's page has no poster to print (it stays published, and found by its address)
    assert not real_site.html("2017/evenements/portes-ouvertes-maternite-douai/index.html").select(".ssp-poster-link")
    past = real_site.html("2017/evenements/portes-ouvertes-maternite-douai/affiche/index.html")
    assert past.select_one(".ssp-poster")
    # whoever reaches it (an old link) reads on screen that it is over (print: test_poster_print.py), and the search
    # no longer offers it (test_search.py); a past edition's poster says so too, a poster to come says nothing
    assert past.select_one(".ssp-poster__over").get_text() == typeset(
        "Cette action a eu lieu le vendredi 24 novembre 2017 : cette affiche n'est plus d'actualité.")
    assert real_site.html("2017/affiche/index.html").select_one(".ssp-poster__over").get_text() == typeset(
        "L'édition 2017 est terminée : cette affiche n'est plus d'actualité.")
    for poster in ("2030/affiche/index.html", "2030/evenements/creneaux-la-reunion/affiche/index.html"):
        assert not gates_site[0].html(poster).select(".ssp-poster__over"), poster


def test_a_poster_says_how_to_register_and_a_cancelled_action_says_so(gates_site):
    built, server = gates_site
    poster = built.html("2030/evenements/creneaux-la-reunion/affiche/index.html").select_one("article")
    assert typeset("Inscription : contact@example.org") in poster.get_text(" ", strip=True)
    assert [li.get_text(" ", strip=True) for li in poster.select(".ssp-poster__when li")] == [
        typeset(clocked("Le lundi 16 septembre 2030, de 9 h à 12 h (heure de La Réunion)")),
        typeset(clocked("Le mardi 17 septembre 2030, de 14 h à 16 h 30 (heure de La Réunion)"))]
    cancelled = built.html("2030/evenements/atelier-annule/affiche/index.html")
    assert cancelled.select_one(".ssp-poster__status").get_text() == "Annulée"
    online = built.html("2030/evenements/webinaire/affiche/index.html")
    assert online.select_one(".ssp-poster__place").get_text(strip=True) == "En ligne"
    assert online.select_one(".ssp-poster__access").get_text() == "Inscription libre"  # the organiser's words
    assert online.select_one(".ssp-poster__status").get_text() == "Complet"
    postponed = built.html("2030/evenements/exposition-semaine/affiche/index.html")  # its dates printed, and that they no longer hold
    assert postponed.select_one(".ssp-poster__status").get_text() == "Reportée" and postponed.select(".ssp-poster__when li")
    assert typeset("Ces dates ne tiennent plus : les nouvelles seront données sur la page de l'action.") in [
        note.get_text() for note in postponed.select(".ssp-poster__notice")]
    assert not online.select(".ssp-poster__notice")


def test_search_engines_are_sent_from_an_action_s_poster_to_its_page(real_site):
    """A poster is the printable copy of its action's page: its canonical address is the page's (what engines
    advise for printable pages), and the sitemap lists the page only."""
    action = SITE + "2017/evenements/portes-ouvertes-maternite-douai/"
    poster = real_site.html("2017/evenements/portes-ouvertes-maternite-douai/affiche/index.html")
    assert poster.find("link", rel="canonical")["href"] == action
    assert poster.find("meta", property="og:url")["content"] == action
    page = real_site.html("2017/evenements/portes-ouvertes-maternite-douai/index.html")
    assert page.find("link", rel="canonical")["href"] == action
    sitemap = real_site.text("sitemap.xml")
    assert sitemap.count(f"<loc>{action}</loc>") == 1 and "/evenements/" not in "".join(re.findall(r"<loc>[^<]*/affiche/</loc>", sitemap))
    edition_poster = real_site.html("2017/affiche/index.html")  # an edition's poster is a page of its own
    assert edition_poster.find("link", rel="canonical")["href"] == SITE + "2017/affiche/" and f"<loc>{SITE}2017/affiche/</loc>" in sitemap
