"""The map of regions in Chromium: each region a link to the listing filtered on it, by mouse or keyboard."""

from __future__ import annotations


def test_map_regions_are_named_links_and_a_table_repeats_them(real_site):
    soup = real_site.html("2017/index.html")
    links = soup.select(".ssp-map svg a")
    assert len(links) == 18
    labels = {a["aria-label"] for a in links}
    assert "Occitanie : 1 action" in labels and "Corse : 0 action" in labels
    rows = {tr.th.get_text(strip=True): tr.td.get_text(strip=True) for tr in soup.select(".ssp-map__table tbody tr")}
    assert rows["Hauts-de-France"] == "1" and len(rows) == 18


def test_clicking_a_region_opens_the_filtered_listing(gates_site, page):
    _, server = gates_site
    page.goto(server.base + "2030/")
    page.click(".ssp-map a[aria-label^='La Réunion']")
    page.wait_for_selector("#ssp-filters:not([hidden])")
    assert "region=La%20R%C3%A9union" in page.url or "region=La+R%C3%A9union" in page.url
    assert set(page.locator("#ssp-results .ssp-card__title a").all_inner_texts()) == {"Chambre des erreurs (test)"}


def test_a_region_is_reached_and_opened_with_the_keyboard(gates_site, page):
    _, server = gates_site
    page.goto(server.base + "2030/")
    page.focus(".ssp-map a[aria-label^='Bretagne']")
    page.keyboard.press("Enter")
    page.wait_for_selector("#ssp-filters:not([hidden])")
    assert page.input_value("#ssp-region") == "Bretagne"


def test_on_a_phone_every_region_is_a_fingers_size_and_its_name_readable(presented_site, page):
    """At 390 px: each region's target is 44 px or more (Île-de-France and Corse through a wider,
    invisible one; the overseas boxes taller), names 12 px or more, the lists of links 44 px a line."""
    _, server = presented_site
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server.base)
    page.wait_for_load_state("load")
    small = page.evaluate("""[...document.querySelectorAll('.ssp-map__region')].map(a => [a.getAttribute('aria-label'), a.getBoundingClientRect()])
      .filter(([, box]) => box.width < 44 || box.height < 44).map(([label]) => label)""")
    assert small == []
    names = page.evaluate("[...document.querySelectorAll('.ssp-map__name, .ssp-map__count')].map(text => text.getBoundingClientRect().height)")
    assert len(names) == 18 + 5 and min(names) >= 12
    page.click("text=Ou choisissez votre département")
    heights = page.evaluate("[...document.querySelectorAll('.ssp-near__list a, .ssp-map__table a')].map(link => link.getBoundingClientRect().height)")
    assert len(heights) > 18 and min(heights) >= 44
    # …and not more than a finger needs (in Material, whose rem is 20 px, 2.75rem made them 55 px), its text at the left
    assert max(page.evaluate("[...document.querySelectorAll('.ssp-map__table a')].map(link => link.getBoundingClientRect().height)")) < 50
    assert page.evaluate("getComputedStyle(document.querySelector('.ssp-map__table tbody th')).textAlign") in ("left", "start")
