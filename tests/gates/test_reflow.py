"""Gate 11: every page reads at 320 CSS pixels without scrolling sideways (WCAG 1.4.10, reflow): each page
with scripts in test_pages.py (checks.reflow_problems), here without them, and what the headers show."""

from __future__ import annotations

import pytest

from checks import wait_until


def test_no_sideways_scrolling_at_320_px_without_javascript(presented_site, browser):
    """Every template, as a reader whose browser runs no script (or not yet) sees it."""
    from pages import TEMPLATES

    _, server = presented_site
    context = browser.new_context(viewport={"width": 320, "height": 640}, java_script_enabled=False)
    page = context.new_page()
    wide = {}
    for name, path in TEMPLATES.items():
        page.goto(server.base + path)
        if page.evaluate("document.documentElement.scrollWidth") > 320:
            wide[name] = page.evaluate("""[...document.querySelectorAll('body *')]
              .filter(element => element.getBoundingClientRect().right > 321).slice(0, 3).map(element => element.tagName + '.' + element.className)""")
    context.close()
    assert not wide, wide


def test_gate_catches_a_wide_element(gates_site, page):
    built, server = gates_site
    original = (built.site / "editions/index.html").read_text(encoding="utf-8")
    target = built.site / "trop-large/index.html"
    target.parent.mkdir()
    target.write_text(original.replace("</article>", '<p style="width:500px">Trop large</p></article>', 1), encoding="utf-8")
    try:
        page.set_viewport_size({"width": 320, "height": 640})
        page.goto(server.base + "trop-large/")
        assert page.evaluate("document.documentElement.scrollWidth") > 320
    finally:  # the built site is shared with the other gates
        target.unlink()
        target.parent.rmdir()


@pytest.mark.parametrize("width", [320, 390])
def test_on_a_phone_the_dsfr_header_shows_the_whole_service_name(gates_site, page, width):
    _, server = gates_site
    page.set_viewport_size({"width": width, "height": 640})
    page.goto(server.base)
    name = page.locator(".fr-header__service-title")
    assert name.inner_text() == "Semaine de la sécurité des patients"
    assert name.evaluate("element => element.scrollWidth <= element.clientWidth")
    header, box = page.locator(".fr-header").bounding_box(), name.bounding_box()
    assert header["y"] <= box["y"] and box["y"] + box["height"] <= header["y"] + header["height"]
    assert box["x"] >= 0 and box["x"] + box["width"] <= width


@pytest.mark.parametrize("width", [320, 390])
def test_on_a_phone_the_material_header_shows_the_whole_site_name(neutre_site, page, width):
    _, server = neutre_site
    page.set_viewport_size({"width": width, "height": 640})
    page.goto(server.base)
    name = page.locator(".md-header__topic:first-child .md-ellipsis")
    assert name.inner_text() == "Semaine de la sécurité des patients"
    assert name.evaluate("element => element.scrollWidth <= element.clientWidth")  # no « … »
    header, box = page.locator(".md-header").bounding_box(), name.bounding_box()
    assert header["y"] <= box["y"] and box["y"] + box["height"] <= header["y"] + header["height"]  # inside the bar


HEADINGS_TOUCHING = """[...document.querySelectorAll('.ssp-article :is(h2, h3)')].filter(heading =>
    heading.getClientRects().length && !heading.closest('.fr-card, .ssp-card')).map(heading => {
  let before = heading;
  do {  // the block drawn right above: the previous visible sibling of the heading or of a part holding it
    while (before && !before.previousElementSibling) before = before.parentElement.closest('.ssp-article *') && before.parentElement;
    before = before && before.previousElementSibling;
  } while (before && !before.getClientRects().length);
  if (!before || before.matches('.ssp-hero__phase')) return null;  // a badge labelling its title, drawn against it
  const gap = heading.getBoundingClientRect().top - before.getBoundingClientRect().bottom;
  return gap < 16 ? `${heading.textContent.trim().slice(0, 40)} : ${Math.round(gap)} px` : null;
}).filter(Boolean)"""


def test_in_the_dsfr_every_heading_stands_apart_from_what_is_above_it(gates_site, page):
    """The DSFR's headings have no space above them: on a phone, a title must not touch the list, details
    or buttons before it (etat.css gives them room)."""
    from pages import TEMPLATES

    _, server = gates_site
    page.set_viewport_size({"width": 390, "height": 800})
    touching = {}
    for name, path in TEMPLATES.items():
        page.goto(server.base + path)
        if found := page.evaluate(HEADINGS_TOUCHING):
            touching[name] = found
    assert not touching, touching


TABLE_BOXES = """[...document.querySelectorAll('.ssp-article table')].map(table => [table, table.querySelector('caption')].map(box => {
  const rect = box ? box.getBoundingClientRect() : null;
  return rect && [Math.round(rect.top), Math.round(rect.left), Math.round(rect.width)];
}))"""


WITH_TABLES = ("archive", "donnees-ouvertes", "bilan")


@pytest.mark.parametrize("width", [390, 1280])
def test_in_the_dsfr_tables_stay_where_the_page_first_drew_them(gates_site, browser, width):
    """The DSFR's script lifts a table's caption out of it once the page is drawn: nothing seemed to move,
    but the table did (a layout shift of 0.23 on the list of editions, for Lighthouse). Each table and its
    caption are where they are without scripts; a caption is no wider than the screen."""
    from pages import TEMPLATES

    _, server = gates_site
    boxes = {}
    for scripts in (False, True):
        context = browser.new_context(viewport={"width": width, "height": 800}, java_script_enabled=scripts)
        page = context.new_page()
        for name in WITH_TABLES:
            page.goto(server.base + TEMPLATES[name])
            if scripts:
                wait_until(page, "document.querySelector('.fr-table[data-fr-js-table]') !== null")
            boxes[name, scripts] = page.evaluate(TABLE_BOXES)
        context.close()
    for name in WITH_TABLES:
        assert boxes[name, True] == boxes[name, False] and boxes[name, True], name
        assert all(caption[2] <= width for _, caption in boxes[name, True] if caption), name
    # a chart's table is named by the chart's heading right above it: its caption is for screen readers only
    assert all(caption[2] <= 1 for _, caption in boxes["bilan", True]) and all(caption[2] > 1 for _, caption in boxes["donnees-ouvertes", True])


def test_in_material_a_wide_table_s_caption_stays_whole_in_sight_as_it_scrolls(neutre_site, page):
    """Before: the caption was as wide as the table and scrolled with it, cut at the screen's edge."""
    from pages import TEMPLATES

    _, server = neutre_site
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(server.base + TEMPLATES["donnees-ouvertes"])
    frame = page.locator(".ssp-table-scroll", has=page.locator("#ssp-files-caption"))
    assert frame.evaluate("frame => frame.scrollWidth > frame.clientWidth")  # a table wider than the phone
    for left in (0, 400):
        frame.evaluate(f"frame => {{ frame.scrollLeft = {left}; }}")
        box = page.locator("#ssp-files-caption").bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390, (left, box)
