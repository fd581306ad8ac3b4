"""The listing of a national edition (2,000 actions) in Debian's Chromium: results drawn 50 at a
time, counts over all of them, the page kept under 3,000 elements, « Afficher plus » by keyboard, back from an action."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest

from checks import wait_until
from helpers import typeset
from ssp.text import search_words

DRAWN = "!document.getElementById('ssp-results').hasAttribute('aria-busy')"  # the results all drawn (STEP at a time)

SIZE = 2000
MAX_ELEMENTS = 3000


@pytest.fixture(scope="module")
def national(national_site):
    built, server = national_site("1793577600")  # two weeks before the week: the patient's first journey's site
    return json.loads(built.text("2026/evenements.json"))["events"], server


def elements(page) -> int:
    return page.evaluate("document.getElementsByTagName('*').length")


def cards(page) -> int:
    return page.locator("#ssp-results .ssp-card").count()


def test_a_national_listing_draws_a_page_at_a_time_and_counts_everything(national, page):
    records, server = national
    page.goto(server.base + "2026/evenements/")
    page.wait_for_selector("#ssp-filters:not([hidden])")
    wait_until(page, DRAWN)
    actions = len({record["url"] for record in records})
    assert actions == SIZE and len(records) > SIZE  # some actions have two time slots
    french = lambda count: f"{count:,}".replace(",", "\u202f")  # « 2 000 »
    assert page.locator("#ssp-count").inner_text() == typeset(f"{french(SIZE)} actions trouvées sur {french(SIZE)} ({french(len(records))} séances).")
    assert cards(page) == 50 and elements(page) < MAX_ELEMENTS
    more = page.locator(".ssp-more")
    assert more.inner_text() == f"Afficher 50 résultats de plus ({french(len(records) - 50)} restants)"

    more.focus()
    page.keyboard.press("Enter")  # by keyboard: the next 50, and the focus on the first of them
    wait_until(page, "document.querySelectorAll('#ssp-results .ssp-card').length === 100")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == page.locator("#ssp-results .ssp-card__title a").nth(50).text_content()
    assert elements(page) < MAX_ELEMENTS

    region = next(record["region"] for record in records if record["title"].endswith("n° 1234"))
    expected = len({record["url"] for record in records if record["region"] == region})  # actions, not slots
    page.locator("#ssp-filters-more").evaluate("details => details.open = true")
    page.select_option("#ssp-region", region)
    wait_until(page, f"document.getElementById('ssp-count').textContent.startsWith('{expected}\u00a0')")
    wait_until(page, DRAWN)
    assert cards(page) == 50 and elements(page) < MAX_ELEMENTS
    option = page.locator(f"#ssp-region option[value=\"{region}\"]").inner_text()
    assert option == typeset(f"{region} : {expected}")  # the option's count covers every result, not the drawn ones
    assert "region=" in page.url

    page.fill("#ssp-q", "n° 1234")  # one action by a word of its title
    wait_until(page, "new URLSearchParams(location.search).get('q') === 'n° 1234'")
    wait_until(page, DRAWN)
    found = [record for record in records if "n° 1234" in record["title"] and record["region"] == region]
    assert 1 <= cards(page) == len(found) and not page.locator(".ssp-more").is_visible()


def test_the_first_results_are_in_the_page_and_filters_js_draws_the_same(national, browser, page):
    records, server = national
    context = browser.new_context(java_script_enabled=False)
    static = context.new_page()
    static.goto(server.base + "2026/evenements/")
    shown = static.locator("#ssp-static-list .ssp-card__title a").all_inner_texts()
    assert len(shown) == 50  # at once, before any data is read; then every day through its page
    days = static.locator(".ssp-days-index a")
    assert days.count() == len({record["start"][:10] for record in records}) and days.count() > 1
    context.close()

    page.goto(server.base + "2026/evenements/")
    page.wait_for_selector("#ssp-filters:not([hidden])")
    wait_until(page, DRAWN)
    assert page.locator("#ssp-static-list").is_hidden()
    assert page.locator("#ssp-results .ssp-card__title a").all_text_contents() == shown


def test_an_address_that_filters_does_not_show_the_unfiltered_first_results(national, page):
    records, server = national
    page.route("**/liste.json", lambda route: None)  # the data never comes: the page waits
    page.goto(server.base + "2026/evenements/?type=atelier")
    wait_until(page, "document.getElementById('ssp-results').textContent === 'Recherche des actions…'")
    assert page.locator("#ssp-static-list").is_hidden()


def test_the_search_words_come_in_parts_and_find_the_last_record(national_site, page):
    built, server = national_site("1793577600")
    listing = json.loads(built.text("2026/evenements/liste.json"))
    parts = [json.loads(built.text("2026/evenements/" + name))["words"] for name in listing["words"]]
    assert len(parts) >= 4 and sum(map(len, parts)) == len(listing["columns"]["title"])  # 500 records a part
    last, title = listing["columns"]["slug"][-1], listing["columns"]["title"][-1]
    assert all(word in parts[-1][-1].split() for word in search_words(title).split())  # its words, in the last part
    page.goto(server.base + "2026/evenements/")
    page.wait_for_selector("#ssp-filters:not([hidden])")
    page.fill("#ssp-q", title)
    wait_until(page, f"new URLSearchParams(location.search).get('q') === {json.dumps(title)}")
    assert last + "/" in page.evaluate("[...document.querySelectorAll('#ssp-results .ssp-card__title a')].map(a => a.getAttribute('href'))")


def test_every_result_drawn_is_in_the_accessibility_tree(national, page):
    """A screen reader finds each of the 50 results by its link and its heading, not only those on screen."""
    _, server = national
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(server.base + "2026/evenements/")
    page.wait_for_selector("#ssp-filters:not([hidden])")
    wait_until(page, DRAWN)
    titles = [text.strip() for text in page.locator("#ssp-results .ssp-card__title a").all_text_contents()]
    tree = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
    exposed = {(node["role"]["value"], node["name"]["value"].strip()) for node in tree
               if not node.get("ignored") and "name" in node and "role" in node}
    assert len(titles) == 50
    assert all(("link", title) in exposed for title in titles), [title for title in titles if ("link", title) not in exposed][:5]
    assert sum(1 for role, name in exposed if role == "heading" and any(name.startswith(title) for title in titles)) >= len(set(titles))


def test_back_from_an_action_the_listing_is_as_the_reader_left_it(national, browser):
    """A reader on a phone filters, shows more results, reads the 61st action and comes back: the listing is the one
    left, its filters, the results « Afficher plus » drew and the place in them. The browser keeps the page whole
    (back-forward cache, which Playwright turns off by default): nothing in the page may stop it (an `unload` handler,
    say, would draw the first 50 results again, at the top)."""
    from collections import Counter

    from checks import CHROMIUM, CHROMIUM_ARGS

    records, server = national
    region = Counter(record["region"] for record in records if record["region"]).most_common(1)[0][0]
    chromium = browser.browser_type.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True,
                                           ignore_default_args=["--disable-back-forward-cache"])
    try:
        page = chromium.new_context(viewport={"width": 390, "height": 844}, locale="fr-FR").new_page()
        page.goto(server.base + "2026/evenements/?" + urlencode({"region": region}))
        wait_until(page, DRAWN)
        page.locator(".ssp-more").click()
        wait_until(page, "document.querySelectorAll('#ssp-results .ssp-card').length === 100")
        card = page.locator("#ssp-results .ssp-card__title a").nth(60)
        card.scroll_into_view_if_needed()
        left = page.evaluate("window.scrollY")
        page.evaluate("addEventListener('pageshow', event => { window.sspKept = event.persisted; })")
        title = card.inner_text()
        card.click()
        page.wait_for_load_state()
        assert page.locator("h1").inner_text().strip() == title.strip()
        page.go_back(wait_until="commit")  # a page the cache gives back fires no « load »
        wait_until(page, "window.sspKept === true")
        assert page.input_value("#ssp-region") == region and cards(page) == 100
        assert page.evaluate("window.scrollY") == left
    finally:
        chromium.close()  # its own browser (the cache on), closed even when an assertion fails
