"""Gate 1 (keyboard): the menu and the search work with the keyboard alone, on a phone."""

from __future__ import annotations

import pytest

from checks import wait_until

PHONE = {"width": 375, "height": 740}


def tab_to(page, selector: str, limit: int = 30) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} never received the focus")


def finds_douai(page, leads_to: str | None = None) -> None:
    """From the focused search field: type « Douai », Enter (a field outside the search page leads to it,
    at the address `leads_to`), then the keyboard reaches the Douai action."""
    page.keyboard.type("Douai")
    page.keyboard.press("Enter")
    if leads_to:
        page.wait_for_url(leads_to)
    wait_until(page, "document.querySelector('[data-ssp-search-status]').textContent.includes('pour «\\u00a0Douai\\u00a0»')", timeout=20)
    tab_to(page, "[data-ssp-search-results] a")
    assert "portes-ouvertes-maternite-douai" in page.evaluate("document.activeElement.href")


def test_dsfr_menu_opens_moves_focus_navigates_and_closes(gates_site, page):
    _, server = gates_site
    page.set_viewport_size(PHONE)
    page.goto(server.base)
    wait_until(page, "document.documentElement.hasAttribute('data-fr-js')")  # the DSFR's script has started
    tab_to(page, ".fr-btn--menu")
    page.keyboard.press("Enter")
    wait_until(page, "document.getElementById('menu-entete').classList.contains('fr-modal--opened')")
    assert page.get_attribute(".fr-btn--menu", "aria-expanded") == "true" or page.get_attribute(".fr-btn--menu", "data-fr-opened") == "true"
    wait_until(page, "document.getElementById('menu-entete').contains(document.activeElement)")

    page.keyboard.press("Escape")
    wait_until(page, "!document.getElementById('menu-entete').classList.contains('fr-modal--opened')")
    wait_until(page, "document.activeElement.classList.contains('fr-btn--menu')")

    page.keyboard.press("Enter")
    wait_until(page, "document.getElementById('menu-entete').classList.contains('fr-modal--opened')")
    # the dialog moves the focus into itself a moment after it opens: tabbing before that, the focus could jump
    # back to its first item right before Enter, which would then lead elsewhere
    wait_until(page, "document.getElementById('menu-entete').contains(document.activeElement)")
    tab_to(page, "#menu-entete a[href$='editions/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/editions/")
    assert page.locator("h1").inner_text() == "Toutes les éditions"


def test_material_menu_opens_moves_focus_navigates_and_closes(neutre_site, page):
    _, server = neutre_site
    page.set_viewport_size(PHONE)
    page.goto(server.base)
    tab_to(page, "[data-ssp-toggle='__drawer']")
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('__drawer').checked")
    assert page.get_attribute("[data-ssp-toggle='__drawer']", "aria-expanded") == "true"
    wait_until(page, "document.activeElement.closest('.md-sidebar--primary') !== null")  # ssp.js moves it in a timer

    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__drawer').checked")
    assert page.evaluate("document.activeElement.dataset.sspToggle") == "__drawer"

    page.keyboard.press(" ")
    # as above: tabbing before the timer runs, it could move the focus back to the menu's first link (« Accueil »)
    # right before Enter (a clean clone's run once timed out waiting for « Éditions »)
    wait_until(page, "document.activeElement.closest('.md-sidebar--primary') !== null")
    tab_to(page, ".md-sidebar--primary a[href$='editions/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/editions/")
    assert page.locator("h1").inner_text() == "Toutes les éditions"


def test_search_by_keyboard_finds_an_event(neutre_site, page):
    _, server = neutre_site
    page.set_viewport_size(PHONE)
    page.goto(server.base + "2017/")
    tab_to(page, ".ssp-search-link")
    page.keyboard.press("Enter")
    page.wait_for_url("**/recherche/#ssp-search-query")
    wait_until(page, "document.activeElement.id === 'ssp-search-query'")  # the magnifier leads into the field
    finds_douai(page)
    assert page.url.endswith("/recherche/?q=Douai")  # the address to share keeps the words, not the field's anchor


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 800}], ids=["téléphone", "ordinateur"])
def test_dsfr_search_bar_finds_an_event_from_any_page(gates_site, page, viewport):
    _, server = gates_site
    page.set_viewport_size(viewport)
    page.goto(server.base + "2017/")
    if viewport is PHONE:  # on a phone the search bar opens from the header's button, as a modal
        wait_until(page, "document.documentElement.hasAttribute('data-fr-js')")
        tab_to(page, ".fr-btn--search")
        page.keyboard.press("Enter")
        wait_until(page, "document.getElementById('recherche-entete').classList.contains('fr-modal--opened')")
        # it opens on its field, not on « Fermer »: the reader types at once (ssp.js)
        wait_until(page, "document.activeElement.id === 'recherche-entete-champ'")
    else:
        tab_to(page, "#recherche-entete-champ")
    finds_douai(page, leads_to="**/recherche/?q=Douai")  # the header's bar leads to the search page


# A ring on the element, or on its ::before / ::after (the DSFR draws a card's, whose link covers it, there).
FOCUSED = """() => { const e = document.activeElement;
  const ring = (c) => (c.outlineStyle === 'auto' || c.outlineStyle !== 'none' && parseFloat(c.outlineWidth) >= 2) || c.boxShadow !== 'none';
  return { name: e.id || e.name || e.textContent.trim().slice(0, 30), tag: e.tagName,
           ring: [null, '::before', '::after'].some((pseudo) => ring(getComputedStyle(e, pseudo))) }; }"""


@pytest.mark.parametrize("path", ["", "2030/evenements/", "recherche/", "partenariat/quiz/partenariat-patient/"])
def test_every_control_shows_where_the_keyboard_is(presented_site, page, path):
    """Text boxes, lists, radio buttons, buttons, links: each shows a focus ring (WCAG 2.4.7), in both presentations."""
    _, server = presented_site
    page.goto(server.base + path)
    page.wait_for_load_state("load")
    seen, unseen = set(), []
    for _ in range(60):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["tag"] == "BODY":
            break
        seen.add(focused["tag"])
        if not focused["ring"]:
            unseen.append(f"{focused['tag']} {focused['name']}")
    assert "INPUT" in seen and not unseen, unseen


def test_dsfr_haut_de_page_brings_a_phone_reader_back_to_the_header(gates_site, page):
    """A list of actions is thousands of pixels long on a phone, and the DSFR's header (search, menu) stays at
    the top: « Haut de page », at the end of every page, brings it back, and the keyboard goes on from there."""
    _, server = gates_site
    page.set_viewport_size(PHONE)
    page.goto(server.base + "2030/evenements/")
    link = page.locator(".ssp-top a")
    assert link.inner_text().strip() == "Haut de page"
    link.scroll_into_view_if_needed()
    assert page.evaluate("scrollY") > 1000
    link.focus()
    page.keyboard.press("Enter")
    wait_until(page, "scrollY === 0")
    tab_to(page, ".fr-header .fr-btn--search, .fr-header .fr-btn--menu", limit=6)  # the header, a few steps away
    arrow = page.evaluate("getComputedStyle(document.querySelector('.ssp-top a'), '::before').maskImage")
    assert "arrow-up-line.svg" in arrow  # its arrow is published (the DSFR's utility icons are not loaded)
    page.emulate_media(media="print")
    assert not link.is_visible()  # nothing to go back up to on paper
