"""« Bilan de l'édition »: the figures, counted again here from the open data the site publishes
(they must agree), each chart a static SVG with its title, sentence, table and CSV."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import defaultdict
from datetime import date, timedelta

import pytest

from helpers import typeset
from ssp.vocab import ATTENDANCE, AUDIENCES, EVENT_TYPES


def counted(records: list[dict]) -> dict[str, dict[str, int]]:
    """Actions (told apart by their page) by region, type, public, mode and day, from evenements.json."""
    found = defaultdict(lambda: defaultdict(set))
    for record in records:
        action = record["url"]
        found["regions"][record["region"] or "En ligne (sans lieu)"].add(action)
        found["types"][EVENT_TYPES[record["type"]]].add(action)
        for audience in record["audience"] or ["?"]:
            found["publics"][AUDIENCES.get(audience, "Non précisé")].add(action)
        found["participation"][ATTENDANCE[record["attendance_mode"]]].add(action)
        first = date.fromisoformat(record["start"][:10])
        last = date.fromisoformat((record["end"] or record["start"])[:10])
        for offset in range((last - first).days + 1):
            found["jours"][first + timedelta(days=offset)].add(action)
    return {name: {key: len(actions) for key, actions in table.items()} for name, table in found.items()}


def shown(section) -> dict[str, int]:
    return {row.th.get_text(): int(row.td.get_text()) for row in section.select("tbody tr")}


def key_figures(records: list[dict]) -> dict[str, int]:
    """An edition's figures as the pages say them (« 3 actions », « 1 région »), counted from its open data."""
    actions = {record["url"] for record in records}
    departements = {record["departement"] for record in records} - {None}
    organizers = {record["organizer"].casefold() for record in records}
    regions = {record["region"] for record in records} - {None}
    slots = {"séances": len(records)} if len(records) != len(actions) else {}  # said only when they differ
    return {"actions" if len(actions) > 1 else "action": len(actions), **slots,
            "établissements organisateurs" if len(organizers) > 1 else "établissement organisateur": len(organizers),
            "régions" if len(regions) > 1 else "région": len(regions),
            **({"départements" if len(departements) > 1 else "département": len(departements)} if departements else {})}


def said(text: str) -> tuple[str, int]:
    """« 2 000 actions » → (« actions », 2000)"""
    number, words = re.match(r"([\d\u202f\u00a0 ]+?)[\u00a0 ](\D.*)", text).groups()
    return words, int(re.sub(r"\D", "", number))


@pytest.mark.parametrize("year", ["2017", "2030"])
def test_the_figures_agree_with_the_open_data(gates_site, year):
    built, _ = gates_site
    records = json.loads(built.text(f"{year}/evenements.json"))["events"]
    page = built.html(f"{year}/bilan/index.html")
    figures = {li.get_text(" ", strip=True).split(" ", 1)[1]: int(li.strong.get_text()) for li in page.select(".ssp-figures--report li")}
    assert figures == key_figures(records)
    expected = counted(records)
    sections = {section.h2["id"]: section for section in page.select("section.ssp-chart")}
    assert list(sections) == ["regions", "types", "publics", "jours", "participation"]
    for name, section in sections.items():
        table = shown(section)
        if name == "jours":
            assert list(table.values()) == [expected["jours"][day] for day in sorted(expected["jours"])]
        else:
            assert table == expected[name], name
        rows = list(csv.reader(io.StringIO(built.text(f"{year}/bilan/{name}.csv").lstrip("\ufeff")), delimiter=";"))
        assert rows[0][1] == "Actions" and {typeset(label): int(count) for label, count in rows[1:]} == table  # the CSV is the table


def test_the_home_figures_agree_with_the_open_data(gates_site):
    """The home's edition (2030, announced after the last one held) in figures: « 3 actions (4 séances) »."""
    built, _ = gates_site
    home = built.html("index.html")
    year = re.search(r"\d{4}", home.select_one(".ssp-figures")["aria-label"]).group()
    figures = {}
    for item in home.select(".ssp-figures li"):
        text = item.get_text(" ", strip=True)
        first, _, slots = text.partition(" (")
        figures.update([said(first)] + ([said(slots.rstrip(")"))] if slots else []))
    assert figures == key_figures(json.loads(built.text(f"{year}/evenements.json"))["events"])


def test_each_chart_is_a_static_svg_with_a_title_a_sentence_and_its_table(gates_site):
    built, _ = gates_site
    page = built.html("2030/bilan/index.html")
    for section in page.select("section.ssp-chart"):
        svg = section.select_one("figure svg.ssp-chart__svg")
        assert svg["aria-hidden"] == "true" and svg.find("script") is None
        assert set(re.findall(r'(?:href|src)="([^"]+)"', str(svg))) == set()  # nothing fetched
        assert section.select_one(".ssp-chart__summary").get_text().endswith(".")
        assert section.select_one("table caption").get_text().startswith(section.h2.get_text())
        # the chart draws every row of its table (its text, a drawing's, keeps plain spaces: its lines never wrap)
        labels = {text.get_text() for text in svg.find_all("text")}
        assert {label.replace("\u00a0", " ") for label in shown(section)} <= labels
    summary = page.select_one("#regions ~ .ssp-chart__summary").get_text()
    assert summary.endswith(typeset("régions sur 18 avec au moins une action."))
    assert page.find("script", string=re.compile("vega", re.IGNORECASE)) is None
    edition = built.html("2030/index.html")
    assert edition.find("a", string="Bilan de l'édition 2030")["href"] == "bilan/"


def test_the_archive_charts_the_actions_of_every_edition_that_published_them(gates_site):
    built, _ = gates_site
    page = built.html("editions/index.html")
    table = shown(page.select_one("section.ssp-chart"))
    expected = {str(edition["edition"]): len({record["url"] for record in edition["events"]})
                for edition in (json.loads(path.read_text(encoding="utf-8")) for path in built.site.glob("*/evenements.json"))}
    assert table == {year: count for year, count in expected.items() if count}  # an edition without actions here: no « 0 » bar
    assert list(table) == sorted(table)  # oldest first
    assert built.text("editions/actions-par-edition.csv").lstrip("\ufeff").splitlines()[0] == "Édition;Actions"
