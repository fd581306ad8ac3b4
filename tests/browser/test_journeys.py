"""Readers' three journeys, end to end, in Debian's Chromium on a 390 px phone:

- a patient near Douai, before and during the week of a national edition (2,000 actions): find an
  action near Dechy, keep it in a calendar, share it;
- a hospital's quality manager, after an edition (the real content as of 3 December 2026): how to
  declare an action, the kit, the official resources, the calls for projects;
- a journalist, the same day: the archive of editions, an edition's bilan, the open data.

With SSP_CAPTURES=<folder> (`make captures`), each step is also saved as a picture at 390 px: the
README shows them."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from builds import NATIONAL_BEFORE
from checks import wait_until
from helpers import typeset

PHONE = {"width": 390, "height": 844}
CAPTURES = os.environ.get("SSP_CAPTURES")
# The generated national edition is held from 16 to 20 November 2026; the reader comes on (build's
# day, reader's clock, what the home says, the day of its first « prochaine action »):
MOMENTS = {
    "avant": (NATIONAL_BEFORE, "2026-11-02T10:00:00", "Prochaine édition", "16 novembre"),  # two weeks before
    "pendant": ("1794873600", "2026-11-17T10:00:00", "En ce moment", "17 novembre"),  # the week's Tuesday
}


@pytest.fixture(scope="module", params=list(MOMENTS))
def national(request, national_site):
    _, server = national_site(MOMENTS[request.param][0])
    return request.param, server


@pytest.fixture(scope="module")
def after(later_site):
    return later_site[1]  # the real content as of 3 December 2026 (conftest.later_site)


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, locale="fr-FR", permissions=["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    yield tab
    context.close()


def step(page, name: str) -> None:
    """A step of a journey, pictured for the README when SSP_CAPTURES is set."""
    if CAPTURES:
        Path(CAPTURES).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(CAPTURES) / f"{name}.png"))


def text_of(page) -> str:
    return " ".join(page.locator("main").inner_text().split())


def test_a_patient_near_douai_finds_keeps_and_shares_an_action(national, phone):
    moment, national = national
    _, clock, phase, first_day = MOMENTS[moment]
    page = phone
    pictured = moment == "pendant"  # the README shows the journey during the week
    page.clock.set_fixed_time(clock)
    page.goto(national.base)
    assert phase in text_of(page)
    cards = page.locator("#prochaines-actions ~ .ssp-cards .ssp-card__when").all_inner_texts()
    assert typeset(first_day) in cards[0]  # the home's next actions, the first in local time
    records = page.request.get(national.base + "2026/evenements.json").json()["events"]
    figures = page.locator(".ssp-figures li").all_inner_texts()
    assert figures[0] == typeset(f"{len({record['url'] for record in records}):,} actions ({len(records):,} séances)".replace(",", "\u202f"))
    page.fill("#ssp-near-q", "Douai")
    if pictured:
        step(page, "patient-1-accueil")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"evenements/\?departement=59"))
    page.wait_for_selector("#ssp-filters:not([hidden])")
    wait_until(page, "document.getElementById('ssp-count').textContent !== ''")
    assert page.locator("#ssp-tags button").all_inner_texts() == ["Nord (59)"]
    first = page.locator("#ssp-results .ssp-card").first
    assert first.bounding_box()["y"] < PHONE["height"]  # the results come first
    if pictured:
        step(page, "patient-2-liste")
    follow = page.locator("#ssp-follow-chosen li")  # the edition's calendar is large: the département's is offered
    said = re.search(r"Agenda 2026 — Nord \(59\), ([\d\u202f]+) événements", follow.inner_text())
    calendar = page.request.get(follow.locator("a[download]").evaluate("link => link.href")).text()
    assert said and calendar.count("BEGIN:VEVENT") == int(said.group(1).replace("\u202f", ""))
    feed = page.request.get(follow.get_by_role("link", name="flux Atom Nord (59)").evaluate("link => link.href")).text()
    assert feed.count("<entry ") == min(500, len({record["url"] for record in records if record["departement"] == "59"}))
    first.locator(".ssp-card__title a").click()
    page.wait_for_selector(".ssp-add-calendar")
    assert page.locator(".ssp-details").inner_text()
    assert page.get_by_role("link", name="Télécharger le fichier agenda (.ics)").get_attribute("href").endswith(".ics")
    picture = page.locator("meta[property='og:image']").get_attribute("content")
    assert picture.endswith("/partage.jpg")  # its own share picture
    page.locator(".ssp-share").scroll_into_view_if_needed()
    if pictured:
        step(page, "patient-3-action")
    page.get_by_role("button", name="Copier le lien").click()
    wait_until(page, "document.querySelector('.ssp-share__said').textContent.startsWith('Lien copié')")
    assert page.evaluate("navigator.clipboard.readText()") == page.url


def test_a_quality_manager_finds_how_to_declare_the_kit_the_resources_and_the_calls(after, phone):
    page = phone
    page.goto(after.base)
    hero = text_of(page)
    assert "L'édition 2025 est terminée" in hero and "Les dates de la prochaine édition ne sont pas encore annoncées" in hero
    step(page, "organisateur-1-accueil")
    page.get_by_role("link", name="Organiser une action").click()
    assert page.locator("h1").inner_text() == "Organiser une action"
    assert page.locator("a[href$='modeles/import-actions.xlsx']").count() == 1
    step(page, "organisateur-2-organiser")
    page.goto(after.base + "2017/supports/")
    assert page.locator("h1").inner_text() == "Kit de communication 2017"
    page.goto(after.base + "ressources/")
    publishers = page.locator("article h2").all_inner_texts()
    assert publishers[0] in ("DGOS", "Ministère chargé de la santé") and publishers[-1] == "Autres sources"
    step(page, "organisateur-3-ressources")
    page.goto(after.base + "appels-a-projets/")
    assert page.locator("h2").first.inner_text() == "Ouverts"
    page.locator(".ssp-card__title a").first.click()
    assert "Les lauréats de cet appel n'ont pas été publiés sur ce site" in text_of(page)
    step(page, "organisateur-4-appel")


def test_a_journalist_finds_every_edition_its_figures_and_the_open_data(after, phone):
    page = phone
    page.goto(after.base + "editions/")
    rows = {row.split("\t")[0].split()[0]: row for row in page.locator("table.ssp-archive tbody tr").all_inner_texts()}
    assert list(rows) == [str(year) for year in range(2025, 2010, -1)]  # no year skipped without a word
    assert "non publiées" in rows["2018"] and "ce site n'a pas de page pour cette année" in rows["2020"]
    step(page, "journaliste-1-editions")
    page.goto(after.base + "2017/bilan/")
    figures = page.locator(".ssp-figures--report li").all_inner_texts()
    assert figures[0] == "2 actions" and not any("0 département" in figure for figure in figures)
    heights = page.evaluate("[...document.querySelectorAll('.ssp-chart__svg text')].map(t => t.getBoundingClientRect().height)")
    assert min(heights) >= 12
    step(page, "journaliste-2-bilan")
    page.goto(after.base + "donnees-ouvertes/")
    assert "ssp importer" not in text_of(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    step(page, "journaliste-3-donnees")
