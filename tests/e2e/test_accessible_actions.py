"""Actions that say who can come (accessibility, age, attendance mode, OpenAgenda's statuses):
from the file to the page, the card, the poster, the open data, the calendar and schema.org."""

from __future__ import annotations

import csv
import io
import json

import pytest
from icalendar import Calendar

from builds import build, site_project
from helpers import EDITION_2017, front_matter, listing_rows, typeset

SITE = "http://127.0.0.1:8000/"
MIXED = front_matter(title="Conférence sur place et en ligne", type="conference", start="2017-11-22T14:00",
                     online_url="https://visio.example.org/ssp", accessibility="[moteur, visuel]",
                     age="\n  min: 60", registration="Entrée libre")
MOVED = front_matter(title="Atelier déplacé en ligne", type="atelier", start="2017-11-23T10:00",
                     online_url="https://visio.example.org/atelier", status="moved-online", age="\n  min: 6\n  max: 12")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = site_project(tmp_path_factory.mktemp("accessible"), campaigns=None)
    project.edition(2017, EDITION_2017)
    project.event("conference-mixte", MIXED)
    project.event("atelier-en-ligne", MOVED)
    result = build(project.root)
    assert result.result.returncode == 0, result.result.stderr
    return result


def details(page) -> dict[str, str]:
    return {dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True) for dt in page.select(".ssp-details dt")}


def test_the_page_says_who_can_come_and_how(built):
    mixed = details(built.html("2017/evenements/conference-mixte/index.html"))
    assert mixed["Accessibilité"] == "Accessible en fauteuil roulant Adapté au handicap visuel"
    assert mixed["Âge"] == typeset("À partir de 60 ans") and mixed["Participation"] == "Sur place et en ligne"
    moved_page = built.html("2017/evenements/atelier-en-ligne/index.html")
    moved = details(moved_page)
    assert moved["Âge"] == typeset("De 6 à 12 ans") and moved["Statut"] == "Déplacée en ligne" and "Participation" not in moved
    assert moved_page.select_one("h1 .ssp-status--moved-online").get_text() == "Déplacée en ligne"


def test_the_card_and_the_poster_say_it_too(built):
    cards = {card.select_one(".ssp-card__title a").get_text(): card for card in
             built.html("2017/evenements/index.html").select("#ssp-static-list .ssp-card")}
    access = cards["Conférence sur place et en ligne"].select_one(".ssp-card__access").get_text()
    assert access == "Accessible en fauteuil roulant, adapté au handicap visuel"
    assert cards["Atelier déplacé en ligne"].select_one(".ssp-card__access") is None
    # moved online: its place is gone from the card (its file keeps the venue it had)
    assert [li.get_text() for li in cards["Atelier déplacé en ligne"].select(".ssp-card__facts li")][1] == "En ligne"
    assert "et en ligne" in [li.get_text() for li in cards["Conférence sur place et en ligne"].select(".ssp-card__facts li")][1]
    poster = built.html("2017/evenements/conference-mixte/affiche/index.html").select_one("article.ssp-poster").get_text(" ", strip=True)
    assert "Accessible en fauteuil roulant, adapté au handicap visuel" in poster and typeset("Âge : à partir de 60 ans") in poster


def test_open_data_listing_data_and_csv_carry_the_fields(built):
    records = {record["title"]: record for record in json.loads(built.text("2017/evenements.json"))["events"]}
    mixed, moved = records["Conférence sur place et en ligne"], records["Atelier déplacé en ligne"]
    assert (mixed["accessibility"], mixed["age_min"], mixed["age_max"], mixed["attendance_mode"]) == (
        ["moteur", "visuel"], 60, None, "mixte")
    assert (moved["accessibility"], moved["age_min"], moved["age_max"], moved["attendance_mode"], moved["status"]) == (
        [], 6, 12, "en-ligne", "moved-online")
    rows = listing_rows(built.text("2017/evenements/liste.json"))
    assert {row["title"]: row["accessibility"] for row in rows} == {"Conférence sur place et en ligne": ["moteur", "visuel"],
                                                                    "Atelier déplacé en ligne": []}
    # the listing's script shows and filters what the pages say: the same place line, the same mode
    static = {card.select_one(".ssp-card__title a").get_text(): card.select(".ssp-card__facts li")[1].get_text()
              for card in built.html("2017/evenements/index.html").select("#ssp-static-list .ssp-card")}
    assert {row["title"]: (row["place"], row["mode"]) for row in rows} == {
        title: (static[title], records[title]["attendance_mode"]) for title in static}
    sheet = {row["title"]: row for row in csv.DictReader(io.StringIO(built.text("2017/evenements.csv").lstrip("\ufeff")),
                                                         delimiter=";")}
    row = sheet["Conférence sur place et en ligne"]
    assert (row["accessibility"], row["age_min"], row["age_max"], row["attendance_mode"]) == ("moteur, visuel", "60", "", "mixte")


def test_calendars_and_schema_org_say_it_where_they_have_a_place(built):
    [event] = Calendar.from_ical(built.text("2017/evenements/conference-mixte.ics")).walk("VEVENT")
    description = str(event["DESCRIPTION"])
    assert "Âge : à partir de 60 ans" in description
    assert "Accessibilité : accessible en fauteuil roulant, adapté au handicap visuel" in description
    [moved] = Calendar.from_ical(built.text("2017/evenements/atelier-en-ligne.ics")).walk("VEVENT")
    assert str(moved["STATUS"]) == "CONFIRMED" and "Statut : Déplacée en ligne" in str(moved["DESCRIPTION"])

    def jsonld(slug):
        page = built.html(f"2017/evenements/{slug}/index.html")
        return json.loads(page.find("script", type="application/ld+json").string)

    mixed = jsonld("conference-mixte")
    assert mixed["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [place["@type"] for place in mixed["location"]] == ["Place", "VirtualLocation"]
    assert mixed["isAccessibleForFree"] is True and mixed["typicalAgeRange"] == "60-"
    moved = jsonld("atelier-en-ligne")
    assert moved["eventStatus"] == "https://schema.org/EventMovedOnline"
    assert moved["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert moved["location"]["@type"] == "VirtualLocation" and moved["typicalAgeRange"] == "6-12"
    assert "isAccessibleForFree" not in moved  # nothing said of a price that is not written


def test_the_listings_script_filters_by_the_mode_the_page_says(built, browser):
    """In Chromium: « Sur place » no longer lists an action moved online (its file keeps its venue),
    « En ligne » lists it, and each card the script draws says the place the static card says."""
    from checks import SiteServer  # a browser test kept beside the build it reads

    static = {card.select_one(".ssp-card__title a").get_text(): card.select(".ssp-card__facts li")[1].get_text()
              for card in built.html("2017/evenements/index.html").select("#ssp-static-list .ssp-card")}
    server = SiteServer(built.site)
    page = browser.new_page()
    try:
        for mode, expected in (("sur-place", {"Conférence sur place et en ligne"}),
                               ("en-ligne", {"Conférence sur place et en ligne", "Atelier déplacé en ligne"})):
            page.goto(f"{server.base}2017/evenements/?mode={mode}&quand=")
            page.wait_for_selector("#ssp-filters:not([hidden])")
            cards = page.locator("#ssp-results .ssp-card")
            drawn = {cards.nth(index).locator(".ssp-card__title a").inner_text():
                     cards.nth(index).locator(".ssp-card__facts li").nth(1).inner_text() for index in range(cards.count())}
            assert set(drawn) == expected
            assert drawn == {title: static[title] for title in expected}
    finally:
        page.close()
        server.close()
