"""Printing an event page or a filtered listing: no navigation, readable dates, address, page URL."""

from __future__ import annotations

import pypdfium2
import pytest

from helpers import clocked, typeset

FRAME = {"etat": [".fr-header", ".fr-footer", ".fr-breadcrumb", ".fr-skiplinks"],
         "neutre": [".md-header", ".md-sidebar--primary", ".md-footer", ".ssp-breadcrumb"]}


@pytest.mark.parametrize("presentation", FRAME)
def test_event_page_prints_cleanly(request, page, presentation):
    _, server = request.getfixturevalue("gates_site" if presentation == "etat" else "neutre_site")
    page.goto(server.base + "2030/evenements/creneaux-la-reunion/")
    for shown in FRAME[presentation]:  # on screen, the frame is there…
        assert page.locator(shown).first.is_visible() or shown == ".fr-skiplinks", shown
    page.emulate_media(media="print")
    for hidden in FRAME[presentation] + [".ssp-add-calendar", ".ssp-share", ".ssp-embed-link"]:  # …on paper, not, nor
        assert not page.locator(hidden).first.is_visible(), hidden                                  # what is done online
    # one sheet: its address no longer spills alone onto a second one (Material printed the share buttons)
    assert len(pypdfium2.PdfDocument(page.pdf(format="A4"))) == 1
    assert page.locator(".ssp-print-only").inner_text() == (
        typeset(f"Adresse de cette page : {server.base}2030/evenements/creneaux-la-reunion/"))
    details = page.locator(".ssp-details").inner_text()
    assert typeset(clocked("Le lundi 16 septembre 2030, de 9 h à 12 h (heure de La Réunion)")) in details
    assert typeset("1 rue de l'Exemple") in details and typeset("97400 Saint-Denis") in details


def test_filtered_listing_prints_without_the_filters(gates_site, page):
    _, server = gates_site
    page.goto(server.base + "2030/evenements/?region=Bretagne")
    page.wait_for_selector("#ssp-filters:not([hidden])")
    page.emulate_media(media="print")
    # on paper: what the list holds (its count, its filters), neither the fields nor what to follow online
    assert not [field for field in ("#ssp-q", "#ssp-region", "#ssp-filters-title", ".ssp-filters__more", ".ssp-follow")
                if page.locator(field).is_visible()]
    assert page.locator("#ssp-count").is_visible() and page.locator("#ssp-tags").is_visible()
    assert page.locator("#ssp-count").inner_text().startswith(typeset("1 action trouvée sur 4"))
    assert page.locator("#ssp-tags .ssp-tag").all_inner_texts() == ["Bretagne"]
    assert page.locator("#ssp-tags .ssp-tag").evaluate("tag => getComputedStyle(tag, '::after').display") == "none"  # no « × »
    assert page.locator("#ssp-results .ssp-card__title a").all_inner_texts() == ["Exposition toute la semaine (test)"] * 5
    assert page.locator(".ssp-print-only").inner_text() == (
        typeset(f"Adresse de cette page : {server.base}2030/evenements/?region=Bretagne"))


def test_a_departement_s_list_prints_its_actions_not_what_to_follow_online(gates_site, page):
    _, server = gates_site
    page.goto(server.base + "2030/departements/35/")
    page.emulate_media(media="print")
    assert page.locator(".ssp-follow h2").inner_text() == "Suivre les actions du département"
    assert not page.locator(".ssp-follow").is_visible() and page.locator(".ssp-print-only").is_visible()
    assert page.locator(".ssp-card").count() == 5


@pytest.mark.parametrize("presentation", FRAME)
def test_a_bilan_prints_each_chart_whole_under_its_heading(request, page, presentation):
    """Before: « Actions par type » ended a sheet, its chart and table on the next; each table's CSV link printed;
    tables printed with their screen spacing."""
    _, server = request.getfixturevalue("gates_site" if presentation == "etat" else "neutre_site")
    page.goto(server.base + "2030/bilan/")
    charts = page.locator(".ssp-chart").evaluate_all(
        "charts => charts.map(chart => [chart.querySelector('h2').textContent, chart.querySelector('tbody tr:last-child th').textContent])")
    page.emulate_media(media="print")
    assert not page.locator(".ssp-chart__csv").first.is_visible()
    paddings = page.locator(".ssp-chart__table td").evaluate_all("cells => cells.map(cell => parseFloat(getComputedStyle(cell).paddingTop))")
    assert paddings and max(paddings) <= 3  # tables compact on paper (their screen spacing made 18 rows span sheets)
    sheets = [" ".join(sheet.get_textpage().get_text_range().split()) for sheet in pypdfium2.PdfDocument(page.pdf(format="A4"))]
    assert len(charts) >= 5 and len(sheets) > 1
    for title, last_row in charts:
        [sheet] = [text for text in sheets if title in text]
        assert " ".join(last_row.split()) in sheet[sheet.index(title):], (title, last_row)  # its table on the same sheet, below it


@pytest.mark.parametrize("presentation", FRAME)
def test_an_edition_page_prints_its_map_and_regions_table_compactly(request, page, presentation):
    """Before: its regions' table kept a finger's height (44 px) per row on paper and ran over two sheets."""
    _, server = request.getfixturevalue("gates_site" if presentation == "etat" else "neutre_site")
    page.goto(server.base + "2030/")
    on_screen = page.locator(".ssp-map__table tbody tr").first.evaluate("row => row.getBoundingClientRect().height")
    page.emulate_media(media="print")
    rows = page.locator(".ssp-map__table tbody tr").evaluate_all("rows => rows.map(row => row.getBoundingClientRect().height)")
    assert len(rows) == 18 and on_screen >= 44 and max(rows) < 30
    sheets = [" ".join(sheet.get_textpage().get_text_range().split()) for sheet in pypdfium2.PdfDocument(page.pdf(format="A4"))]
    [table] = [text for text in sheets if "Nombre d'actions par région" in text]
    assert all(region in table for region in ("Auvergne-Rhône-Alpes", "Mayotte", "Île-de-France"))  # the whole table on one sheet
    # the map beside its table, on that sheet (before: the map filled a sheet, the table the next); nothing to choose on paper
    assert "Régions d'outre-mer en bas de la carte" in table and "Choisissez une région" not in " ".join(sheets)
    map_box, table_box = (page.locator(selector).bounding_box() for selector in (".ssp-map__svg", ".ssp-map__table"))
    assert map_box and table_box and table_box["x"] >= map_box["x"] + map_box["width"] and table_box["y"] < map_box["y"] + map_box["height"]
