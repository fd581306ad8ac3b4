"""Gate 1: axe-core (WCAG 2.1 AA + RGAA 4) in Debian's Chromium finds nothing: on each template in
test_pages.py, here with dialogs open and in the dark theme."""

from __future__ import annotations

import pytest
from pages import TEMPLATES

from checks import LUMINANCE, axe_violations, wait_until


@pytest.mark.parametrize("width", [375, 1280])
def test_no_axe_violation_on_phone_and_desktop_with_material_search_open(neutre_site, page, width):
    _, server = neutre_site
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(server.base + "2017/")
    page.keyboard.press("/")  # Material's shortcut opens the search dialog
    # The dialog fades in: contrast is measured once its transitions are over (a loaded machine
    # otherwise catches a half-transparent text).
    wait_until(page, "document.getAnimations().every(animation => animation.playState === 'finished')")
    assert axe_violations(page) == []


@pytest.mark.parametrize("modal", ["menu-entete", "recherche-entete", "parametres-affichage"])
def test_no_axe_violation_with_a_dsfr_dialog_open(gates_site, page, modal):
    """The DSFR's menu and search bar (on a phone) and the display settings, open."""
    _, server = gates_site
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(server.base + "2017/")
    wait_until(page, "document.documentElement.hasAttribute('data-fr-js')")
    page.locator(f"[aria-controls='{modal}']").first.click()
    wait_until(page, f"document.getElementById('{modal}').classList.contains('fr-modal--opened')")
    wait_until(page, "document.getAnimations().every(animation => animation.playState === 'finished')")
    dialog = page.get_by_role("dialog")
    assert dialog.count() == 1 and dialog.get_attribute("aria-labelledby")  # named, as the DSFR asks
    assert axe_violations(page) == []


def test_gate_catches_a_broken_template(broken_site, page):
    _, server = broken_site
    page.goto(server.base + "2017/evenements/portes-ouvertes-maternite-douai/")
    rules = {violation["id"] for violation in axe_violations(page)}
    assert {"image-alt", "color-contrast"} <= rules


# What a page drawn in the dark theme has that is still light: the page itself, or an element's background
# (a chart is a picture, white in both themes; its table beside it follows the theme).
LIGHT_PARTS = """(() => {
  const luminance = """ + LUMINANCE + """;
  const light = [...document.querySelectorAll('body, body *')].filter(element => !element.closest('svg, .ssp-chart__figure')
    && element.getClientRects().length && luminance(getComputedStyle(element).backgroundColor) > 0.5);
  return light.slice(0, 5).map(element => element.tagName + '.' + element.className);
})()"""


CHART_CONTRASTS = """(() => {
  const luminance = """ + LUMINANCE + """;
  const ratio = (a, b) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  const page = luminance(getComputedStyle(document.body).backgroundColor);
  const fill = element => luminance(getComputedStyle(element).fill);
  const faults = [];
  for (const svg of document.querySelectorAll('.ssp-chart__svg')) {
    if (ratio(fill(svg.querySelector(':scope > rect')), page) > 1.1) faults.push('fond du graphique');
    for (const text of svg.querySelectorAll('text')) if (ratio(fill(text), page) < 4.5) faults.push('texte ' + text.textContent);
    for (const bar of svg.querySelectorAll('.mark-rect path')) if (ratio(fill(bar), page) < 3) faults.push('barre');
  }
  return [document.querySelectorAll('.ssp-chart__svg').length, [...new Set(faults)]];
})()"""  # the SVG drawn at build (bilan.py) in the page's colours: WCAG 1.4.3 for its words, 1.4.11 for its bars


DARK_PAGES = {**{name: TEMPLATES[name] for name in ("accueil", "liste-variee", "evenement", "quiz", "appel-a-projets", "bilan", "idees-recues")},
              "recherche-resultats": TEMPLATES["recherche"] + "?q=affiche"}  # the words found, highlighted


@pytest.mark.parametrize("path", DARK_PAGES.values(), ids=DARK_PAGES.keys())
def test_no_axe_violation_in_the_dsfr_dark_theme(gates_site, browser, path):
    """« Paramètres d'affichage » → Thème sombre (or a system set dark): contrasts hold there too."""
    _, server = gates_site
    context = browser.new_context(locale="fr-FR", color_scheme="dark")
    page = context.new_page()
    try:
        page.goto(server.base + path)
        wait_until(page, "document.documentElement.getAttribute('data-fr-theme') === 'dark'")
        if "?q=" in path:
            wait_until(page, "document.querySelector('.ssp-search__excerpt mark') !== null")
        if "/quiz/" in path:  # an answer checked: its feedback's colour too
            page.locator(".ssp-quiz__questions > li").first.locator("label").first.click()
            page.get_by_role("button", name="Valider ma réponse").first.click()
            wait_until(page, "document.querySelector('[class*=ssp-quiz__feedback--]') !== null")
        wait_until(page, "document.getAnimations().every(animation => animation.playState === 'finished')")
        assert page.evaluate(LIGHT_PARTS) == []  # the theme's colours are in the site's DSFR stylesheet
        charts, faults = page.evaluate(CHART_CONTRASTS)
        assert faults == [] and (charts > 0) == ("bilan" in path)
        assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(22, 22, 22)"  # the DSFR's dark grey
        assert axe_violations(page) == []
    finally:
        context.close()


def test_choosing_the_dark_theme_darkens_every_page_until_light_is_chosen(gates_site, browser):
    """A reader's choice in « Paramètres d'affichage », on a light system: the page turns dark at once,
    the next page opens dark, and « Thème clair » brings the light back."""
    _, server = gates_site
    context = browser.new_context(locale="fr-FR", color_scheme="light", viewport={"width": 390, "height": 800})
    page = context.new_page()
    background = "getComputedStyle(document.body).backgroundColor"
    try:
        page.goto(server.base + "2017/")
        wait_until(page, "document.documentElement.hasAttribute('data-fr-js')")
        assert page.evaluate(background) == "rgb(255, 255, 255)"
        page.get_by_role("button", name="Paramètres d'affichage").click()
        page.get_by_text("Thème sombre").click()
        wait_until(page, "getComputedStyle(document.body).backgroundColor === 'rgb(22, 22, 22)'")
        page.goto(server.base + "2030/evenements/")
        wait_until(page, "document.documentElement.hasAttribute('data-fr-js')")
        assert page.evaluate(background) == "rgb(22, 22, 22)" and page.evaluate(LIGHT_PARTS) == []
        page.get_by_role("button", name="Paramètres d'affichage").click()
        page.get_by_text("Thème clair").click()
        wait_until(page, "getComputedStyle(document.body).backgroundColor === 'rgb(255, 255, 255)'")
    finally:
        context.close()
