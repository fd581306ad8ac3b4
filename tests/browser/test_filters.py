"""Listing filters in Debian's Chromium: combinable, counted, in the URL, past/upcoming, keyboard, no-JS."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest

from checks import axe_violations, wait_until
from helpers import typeset

LISTING = "2030/evenements/"
DRAWN = "!document.getElementById('ssp-results').hasAttribute('aria-busy')"  # the results all drawn (STEP at a time)


def titles(page) -> list[str]:
    return [text.strip() for text in page.locator("#ssp-results .ssp-card__title a").all_text_contents()]


def said(locator) -> str:
    """What a card says: its text nodes, each apart (as a reader hears them), whatever the styles make of them."""
    texts = locator.evaluate("""element => { const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT), texts = [];
        while (walker.nextNode()) texts.push(walker.currentNode.data);
        return texts.join(" "); }""")
    return " ".join(texts.split())


def query(page) -> dict:
    return parse_qs(urlsplit(page.url).query)


@pytest.fixture
def listing(gates_site, page):
    _, server = gates_site
    page.clock.set_fixed_time("2030-09-17T12:00:00")
    page.goto(server.base + LISTING)
    page.wait_for_selector("#ssp-filters:not([hidden])")
    return page


def test_without_javascript_every_event_is_listed_by_day(gates_site, browser):
    _, server = gates_site
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.base + LISTING)
    assert page.locator("#ssp-filters").is_hidden()
    days = page.locator("#ssp-static-list .ssp-day__title").all_inner_texts()
    assert days == [typeset(day) for day in ("Lundi 16 septembre 2030", "Mardi 17 septembre 2030", "Mercredi 18 septembre 2030",
                                             "Jeudi 19 septembre 2030", "Vendredi 20 septembre 2030")]
    context.close()


def test_all_events_then_one_region_with_counts_and_url(listing):
    # Four actions, one of them in two time slots: actions are counted once, slots said apart.
    assert listing.locator("#ssp-count").inner_text() == typeset("4 actions trouvées sur 4 (5 séances).")
    options = listing.locator("#ssp-region option").all_inner_texts()
    assert options == ["Toutes les régions", *map(typeset, ["Auvergne-Rhône-Alpes : 1", "Bretagne : 1", "La Réunion : 1"])]
    choose(listing, "#ssp-region", "La Réunion")
    assert titles(listing) == ["Chambre des erreurs (test)"] * 2
    assert listing.locator("#ssp-count").inner_text() == typeset("1 action trouvée sur 4 (2 séances).")
    whens = [" ".join(text.split()) for text in listing.locator("#ssp-results .ssp-card__when").all_text_contents()]
    # the reader's day is the 17th: its slot first, the 16th's (gone by) after
    assert whens == ["14 h – 16 h 30 (heure de La Réunion)", "9 h – 12 h (heure de La Réunion)"]
    assert query(listing) == {"region": ["La Réunion"]}
    # The other lists follow the region chosen: an option without action goes, a list left with one
    # option is not shown (La Réunion: one type, one département), the chosen filter shows as a tag.
    assert listing.locator("#ssp-type").is_hidden() and listing.locator("#ssp-departement").is_hidden()
    assert listing.locator("#ssp-jour option").all_inner_texts() == [
        "Tous les jours", typeset("Lundi 16 septembre 2030 : 1"), typeset("Mardi 17 septembre 2030 : 1")]
    assert listing.locator("#ssp-filters-summary").inner_text() == "Filtrer (1 filtre choisi)"
    assert listing.locator("#ssp-tags button").all_inner_texts() == ["La Réunion"]
    assert listing.locator("#ssp-tags button").get_attribute("aria-label") == "Retirer Région : La Réunion"


def test_filters_combine_and_come_back_from_the_url(gates_site, page):
    _, server = gates_site
    page.goto(server.base + LISTING + "?mode=en-ligne&type=conference")
    page.wait_for_selector("#ssp-filters:not([hidden])")
    assert titles(page) == ["Webinaire (test)"]
    assert page.input_value("#ssp-mode") == "en-ligne" and page.input_value("#ssp-type") == "conference"
    page.goto(server.base + LISTING + "?mode=sur-place&type=conference")
    page.wait_for_selector("#ssp-filters:not([hidden])")
    assert titles(page) == []
    assert page.locator("#ssp-results").inner_text() == "Aucune action ne correspond à ces critères."


def test_filters_written_by_hand_in_an_address_name_what_they_mean(gates_site, page):
    """« ?region=bretagne&type=Exposition », typed by a reader or written by another site, showed no action, its
    tag « bretagne »: it names the site's own values (« Bretagne », « exposition »), and the address is written again."""
    _, server = gates_site
    page.goto(server.base + LISTING + "?region=Bretagne&type=exposition")
    page.wait_for_selector("#ssp-filters:not([hidden])")
    wait_until(page, DRAWN)
    expected = titles(page)
    assert expected
    page.goto(server.base + LISTING + "?region=bretagne&type=Exposition")
    page.wait_for_selector("#ssp-filters:not([hidden])")
    wait_until(page, DRAWN)
    assert titles(page) == expected
    assert page.input_value("#ssp-region") == "Bretagne" and page.input_value("#ssp-type") == "exposition"
    assert query(page) == {"region": ["Bretagne"], "type": ["exposition"]}


def choose(listing, select: str, value: str) -> None:
    """Choose in a list, and wait for the update (after the browser has painted): it writes the address."""
    listing.select_option(select, value)
    name = select.removeprefix("#ssp-")
    wait_until(listing, f"(new URLSearchParams(location.search).get('{name}') || '') === {json.dumps(value)}")
    wait_until(listing, DRAWN)


def search(listing, text: str) -> None:
    """Type in the text box, and wait for the (debounced) update: it writes the address."""
    listing.fill("#ssp-q", text)
    wait_until(listing, f"(new URLSearchParams(location.search).get('q') || '') === {json.dumps(text.strip())}")
    wait_until(listing, DRAWN)


def test_text_search_ignores_accents_and_case(listing):
    search(listing, "REUNION")
    assert set(titles(listing)) == {"Chambre des erreurs (test)"}
    search(listing, "lyon clinique")
    assert titles(listing) == ["Atelier annulé (test)"]
    assert query(listing) == {"q": ["lyon clinique"]}
    search(listing, "echanges de pratiques")  # words of the description only
    assert titles(listing) == ["Atelier annulé (test)"]


def test_a_search_before_its_words_have_come_waits_for_them_and_without_them_reads_the_cards(gates_site, page):
    _, server = gates_site
    held = []
    page.route("**/liste-mots-*.json", lambda route: held.append(route))  # held back: the filters are ready without them
    page.clock.set_fixed_time("2030-09-17T12:00:00")
    page.goto(server.base + LISTING)
    page.wait_for_selector("#ssp-filters:not([hidden])")
    choose(page, "#ssp-region", "Auvergne-Rhône-Alpes")
    assert titles(page) == ["Atelier annulé (test)"]
    page.fill("#ssp-q", "echanges")
    wait_until(page, "document.getElementById('ssp-count').textContent === 'Recherche des actions…'")
    assert len(held) == 1
    held[0].abort()  # and then lost: the search reads what the cards say (title, place, organiser, region…)
    wait_until(page, "document.getElementById('ssp-count').textContent.startsWith('0\u00a0action')")
    page.fill("#ssp-q", "lyon clinique")
    wait_until(page, "document.getElementById('ssp-count').textContent.startsWith('1\u00a0action')")
    assert titles(page) == ["Atelier annulé (test)"]


def test_departement_filter(listing):
    assert typeset("Ille-et-Vilaine (35) : 1") in listing.locator("#ssp-departement option").all_inner_texts()
    choose(listing, "#ssp-departement", "35")
    assert set(titles(listing)) == {"Exposition toute la semaine (test)"}
    assert query(listing) == {"departement": ["35"]}


def test_day_filter_and_multi_day_events(listing):
    choose(listing, "#ssp-jour", "2030-09-18")
    assert sorted(titles(listing)) == ["Atelier annulé (test)", "Exposition toute la semaine (test)"]
    assert listing.locator("#ssp-results .ssp-day__title").all_inner_texts() == [typeset("Mercredi 18 septembre 2030")]


def test_past_and_upcoming_from_todays_date(listing):
    choose(listing, "#ssp-quand", "passees")
    assert titles(listing) == ["Chambre des erreurs (test)"]  # only its first slot, on the 16th
    assert listing.locator("#ssp-results .ssp-status--past").count() == 1
    choose(listing, "#ssp-quand", "a-venir")
    assert listing.locator("#ssp-count").inner_text() == typeset("4 actions trouvées sur 4.")


def test_clear_filters(listing):
    choose(listing, "#ssp-region", "Bretagne")
    listing.fill("#ssp-q", "expo")
    listing.click("text=Effacer les filtres")
    wait_until(listing, "document.getElementById('ssp-count').textContent.startsWith('4\u00a0')")
    assert query(listing) == {}
    assert listing.input_value("#ssp-region") == ""


def test_filters_cleared_while_the_lists_are_being_counted_stay_cleared(listing):
    """« Effacer les filtres » pressed just as the results of a choice are drawn, before the lists' counts (a task
    later): the older update, stopped, does not choose the region again."""
    listing.evaluate("""() => new Promise(resolve => {
        const form = document.getElementById("ssp-filters"), region = document.getElementById("ssp-region");
        const observer = new MutationObserver(() => {
            observer.disconnect();
            form.reset();  // then, once an update fills the lists again, say so
            new MutationObserver(() => { window.sspListsFilled = true; }).observe(region, {childList: true});
            resolve();
        });
        observer.observe(document.getElementById("ssp-count"), {childList: true, characterData: true, subtree: true});
        region.value = "Bretagne";
        region.dispatchEvent(new Event("change", {bubbles: true}));
    })""")
    wait_until(listing, "!location.search && document.getElementById('ssp-count').textContent.startsWith('4\u00a0')")
    wait_until(listing, "window.sspListsFilled === true")  # the clearing's update filled them: the choice's, stopped, did not
    assert listing.input_value("#ssp-region") == ""
    assert query(listing) == {}
    assert listing.locator("#ssp-count").inner_text().startswith(typeset("4 actions"))


def test_the_chosen_place_and_type_can_be_followed_in_a_calendar_and_a_feed(gates_site, page):
    """The département (else the region) and the type chosen: each its line, with its number of events,
    links that answer with the files of that filter; none when nothing is chosen."""
    _, server = gates_site
    page.goto(server.base + LISTING + "?region=Bretagne&type=exposition")
    wait_until(page, "document.getElementById('ssp-count').textContent !== ''")
    follow = page.locator("#ssp-follow-chosen")
    lines = [" ".join(text.split()) for text in follow.locator("li").all_text_contents()]
    assert lines == ["Agenda 2030 — Bretagne, 1 événement : s'abonner Bretagne (mis à jour à chaque publication) "
                     "ou télécharger le fichier .ics Bretagne ; flux Atom Bretagne",
                     "Agenda 2030 — Exposition, 1 événement : s'abonner Exposition (mis à jour à chaque publication) "
                     "ou télécharger le fichier .ics Exposition ; flux Atom Exposition"]
    webcal = follow.get_by_role("link", name="s'abonner Bretagne").get_attribute("href")
    assert webcal.startswith("webcal://127.0.0.1:") and webcal.endswith("/2030/agendas/regions/bretagne.ics")
    calendar = page.request.get(follow.get_by_role("link", name="télécharger le fichier .ics Exposition").evaluate("a => a.href"))
    assert calendar.ok and calendar.text().count("BEGIN:VEVENT") == 1 and "Exposition toute la semaine" in calendar.text()
    feed = page.request.get(follow.get_by_role("link", name="flux Atom Bretagne").evaluate("a => a.href"))
    assert feed.ok and feed.text().count("<entry ") == 1
    page.goto(server.base + LISTING + "?region=Bretagne&departement=35")  # a département is nearer than its region: it replaces it
    wait_until(page, "document.getElementById('ssp-count').textContent !== ''")
    assert [" ".join(text.split()) for text in follow.locator("li").all_text_contents()][0].startswith(
        "Agenda 2030 — Ille-et-Vilaine (35), 1 événement")
    page.click("text=Effacer les filtres")
    wait_until(page, "document.getElementById('ssp-follow-chosen').hidden")


def test_filters_with_the_keyboard_alone(listing):
    listing.focus("#ssp-q")
    listing.keyboard.type("atelier")
    wait_until(listing, "new URLSearchParams(location.search).get('q') === 'atelier'")  # typing is debounced
    assert titles(listing) == ["Atelier annulé (test)"]
    for _ in range(20):
        listing.keyboard.press("Tab")
        if listing.evaluate("document.activeElement.type") == "reset":
            break
    listing.keyboard.press("Enter")
    wait_until(listing, "document.getElementById('ssp-count').textContent.startsWith('4\u00a0')")
    listing.focus("#ssp-type")
    listing.keyboard.press("ArrowDown")
    assert listing.input_value("#ssp-type") != ""
    wait_until(listing, "!document.getElementById('ssp-count').textContent.startsWith('4\u00a0')")


def test_listing_with_filters_open_is_accessible(listing):
    choose(listing, "#ssp-region", "La Réunion")
    assert axe_violations(listing) == []


def test_static_cards_are_marked_past(gates_site, page, browser):
    """« Passée » on a card: written by the build for an action over on its day (readers without JavaScript see it too),
    added by ssp.js on any page for one over since (pages are rebuilt each night), never twice."""
    built, server = gates_site
    page.goto(server.base + "2017/evenements/")
    page.wait_for_selector("#ssp-filters:not([hidden])")
    assert page.locator("#ssp-results .ssp-status--past").count() == 2  # 2017 is over, whatever the day of the test
    static = built.html("2017/index.html").select(".ssp-card[data-last-day]")  # the edition's page, built on 2023-11-14: 2017 is over
    assert static and all("ssp-card--past" in card["class"] and card.select_one(".ssp-card__title .ssp-status--past") for card in static)
    assert not built.html("2030/departements/974/index.html").select(".ssp-status--past")
    page.goto(server.base + "2017/")
    assert [said(badge) for badge in page.locator(".ssp-card[data-last-day] .ssp-status--past").all()] == ["Passée"] * len(static)
    page.clock.set_fixed_time("2030-09-17T12:00:00")  # the Réunion action's first slot is over, not its second
    page.goto(server.base + "2030/departements/974/")
    assert page.locator(".ssp-card").count() == 2
    assert page.locator(".ssp-card--past .ssp-card__title .ssp-status--past").count() == 1
    assert page.locator("#jour-2030-09-16 + ul .ssp-card--past").count() == 1
    without = browser.new_context(java_script_enabled=False)
    unscripted = without.new_page()
    unscripted.goto(server.base + "2030/departements/974/")
    assert unscripted.locator(".ssp-status--past").count() == 0  # not over on the day of the build
    without.close()


@pytest.mark.parametrize("site", ["gates_site", "neutre_site"])
def test_the_next_actions_leave_the_home_page_once_over(site, request, page):
    """The home lists the next actions from the day of its build; read on a later day (a nightly build that did not
    run), those over since are gone from « Les prochaines actions » rather than marked « Passée » under that heading,
    and the list goes once none is left (the page's other ways to the actions stay)."""
    _, server = request.getfixturevalue(site)
    page.goto(server.base)  # built on 2023-11-14: the 2030 edition's actions are all to come
    cards = page.locator("[data-ssp-upcoming] .ssp-card")
    days = [card.get_attribute("data-last-day") for card in cards.all()]
    assert "2030-09-16" in days and "2030-09-20" in days and all(card.is_visible() for card in cards.all())
    page.clock.set_fixed_time("2030-09-17T10:00:00")
    page.goto(server.base)
    assert [card.get_attribute("data-last-day") for card in cards.all() if card.is_visible()] == [day for day in days if day >= "2030-09-17"]
    assert page.locator("[data-ssp-upcoming] .ssp-status--past").count() == 0 and page.locator("#prochaines-actions").is_visible()
    page.clock.set_fixed_time("2030-09-21T10:00:00")
    page.goto(server.base)
    assert not page.locator("#prochaines-actions").is_visible() and page.locator(".ssp-hero").is_visible()


def test_on_a_phone_the_results_come_first_and_the_count_stays_in_sight(gates_site, page):
    _, server = gates_site
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(server.base + LISTING + "?type=atelier&region=Auvergne-Rh%C3%B4ne-Alpes")
    page.wait_for_selector("#ssp-filters:not([hidden])")
    # folded behind « Filtrer », which says how many are chosen; the chosen ones are tags above the results
    assert page.evaluate("document.getElementById('ssp-filters-more').open") is False
    assert page.locator("#ssp-q").is_visible() and not page.locator("#ssp-region").is_visible()
    assert page.locator("#ssp-filters-summary").inner_text() == "Filtrer (2 filtres choisis)"
    assert page.locator("#ssp-tags button").all_inner_texts() == ["Auvergne-Rhône-Alpes", "Atelier"]
    first_card = page.locator("#ssp-results .ssp-card").first.bounding_box()
    assert first_card["y"] < 800  # a result on the first screen
    # a tag removes its filter, and the focus goes on to the next one
    page.locator("#ssp-tags button").first.click()
    wait_until(page, "new URLSearchParams(location.search).get('region') === null")
    wait_until(page, "document.activeElement.textContent === 'Atelier'")  # the focus on the next tag, once it is drawn
    assert query(page) == {"type": ["atelier"]} and page.locator("#ssp-tags button").all_inner_texts() == ["Atelier"]
    assert page.locator("#ssp-region").is_hidden()  # the ateliers are in one region: nothing to choose
    page.keyboard.press("Enter")  # the last tag: the focus goes to « Filtrer »
    wait_until(page, "location.search === ''")
    wait_until(page, "document.activeElement.tagName === 'SUMMARY'")  # once the lists are filled again
    assert page.locator("#ssp-tags").is_hidden()
    # open, the lists push the count below the screen: it stays at its bottom edge after a choice
    page.keyboard.press("Enter")
    page.locator("#ssp-mode").scroll_into_view_if_needed()
    choose(page, "#ssp-mode", "en-ligne")
    box = page.locator("#ssp-count").bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 800, box
    assert page.locator("#ssp-count").inner_text() == typeset("1 action trouvée sur 4.")


@pytest.mark.parametrize("site", ["gates_site", "neutre_site"])
def test_at_320_px_the_fields_keep_inside_the_box_and_the_count_spans_it(site, request, page):
    """A list's fields were 12 px wider than the box's inside (content-box with padding): they reached its border. The
    count, stuck at the screen's bottom over the fields, is a bar across the box with a line above it, not a cut."""
    _, server = request.getfixturevalue(site)
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto(server.base + LISTING)
    page.wait_for_selector("#ssp-filters:not([hidden])")
    page.locator("#ssp-filters-summary").click()
    box = page.evaluate("""(() => { const form = document.getElementById('ssp-filters'), style = getComputedStyle(form),
      rect = form.getBoundingClientRect(); return [rect.left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft),
      rect.right - parseFloat(style.borderRightWidth) - parseFloat(style.paddingRight), rect.left, rect.right]; })()""")
    fields = page.evaluate("""[...document.querySelectorAll('#ssp-filters input, #ssp-filters select')].filter(e => e.offsetParent)
      .map(e => [e.name, e.getBoundingClientRect().left, e.getBoundingClientRect().right])""")
    assert len(fields) > 2 and all(box[0] - 0.5 <= left and right <= box[1] + 0.5 for _, left, right in fields), (box, fields)
    count = page.locator("#ssp-count")
    assert count.evaluate("e => getComputedStyle(e).position") == "sticky" and count.evaluate("e => getComputedStyle(e).boxShadow") != "none"
    stuck = count.bounding_box()
    assert stuck["y"] + stuck["height"] <= 700 and abs(stuck["x"] - box[2]) <= 2 and abs(stuck["x"] + stuck["width"] - box[3]) <= 2, (stuck, box)


@pytest.mark.parametrize("site", ["gates_site", "neutre_site"])
def test_a_list_shows_it_is_a_list_and_a_field_is_drawn_by_its_presentation(site, request, page):
    """ssp.css gave the filters' fields a background and a border: in the DSFR it hid the fr-select's chevron, so each
    list of the listing looked like a text box on a phone. A field is now drawn by its presentation: the DSFR's
    fr-select and fr-input (grey, a line below), Material's page with neutre.css (a border, the browser's own arrow)."""
    _, server = request.getfixturevalue(site)
    page.goto(server.base + LISTING)
    page.wait_for_selector("#ssp-filters:not([hidden])")
    page.locator("#ssp-filters-summary").click()
    looks = page.evaluate("""[...document.querySelectorAll('#ssp-filters select, #ssp-filters input[type=search]')].map(e => {
      const s = getComputedStyle(e); return {tag: e.tagName, appearance: s.appearance, image: s.backgroundImage,
      border: s.borderTopWidth, line: s.boxShadow}; })""")
    lists = [look for look in looks if look["tag"] == "SELECT"]
    assert len(lists) >= 4
    if site == "gates_site":
        assert all(look["appearance"] == "none" and look["image"].startswith('url("data:image/svg+xml') for look in lists), lists
        assert all(look["border"] == "0px" and "inset" in look["line"] for look in looks), looks  # the DSFR's line below
    else:
        assert all(look["appearance"] != "none" and look["border"] == "1px" for look in looks), looks


def test_a_town_or_postal_code_typed_leads_to_its_departement(listing):
    search(listing, "Saint-Malo")  # no action says it; Saint-Malo is in Ille-et-Vilaine, which has one
    assert titles(listing) == []
    suggestion = listing.locator("#ssp-suggest button")
    suggestion.wait_for()
    assert suggestion.inner_text() == "voir l'action du département Ille-et-Vilaine (35)"
    suggestion.click()
    wait_until(listing, "new URLSearchParams(location.search).get('departement') === '35'")
    assert query(listing) == {"departement": ["35"]} and listing.input_value("#ssp-q") == ""
    assert set(titles(listing)) == {"Exposition toute la semaine (test)"}
    search(listing, "97400")  # a postal code: Saint-Denis de La Réunion
    listing.locator("#ssp-suggest button").wait_for()
    assert listing.locator("#ssp-suggest button").inner_text() == "voir l'action du département La Réunion (974)"


def test_readers_find_the_actions_they_can_attend(listing):
    options = listing.locator("#ssp-acces option").all_inner_texts()
    assert options == ["Toutes les actions", typeset("Accessible en fauteuil roulant : 2"), typeset("Adapté au handicap auditif : 1")]
    choose(listing, "#ssp-acces", "moteur")
    assert listing.locator("#ssp-count").inner_text().startswith(typeset("2 actions trouvées sur 4"))
    assert set(titles(listing)) == {"Chambre des erreurs (test)", "Exposition toute la semaine (test)"}
    assert query(listing) == {"acces": ["moteur"]}
    access = said(listing.locator("#ssp-results .ssp-card__access").first)
    assert access in ("Accessible en fauteuil roulant, adapté au handicap auditif", "Accessible en fauteuil roulant")
    choose(listing, "#ssp-acces", "auditif")
    assert set(titles(listing)) == {"Chambre des erreurs (test)"}


@pytest.mark.parametrize("site", ["gates_site", "neutre_site"])
def test_the_script_draws_each_card_as_the_page_writes_it(site, request, browser):
    """One source for what a card shows: under each day (its heading too), every card filters.js draws (title, status,
    time, type, place, region, organiser, access) reads as the card the template wrote."""
    _, server = request.getfixturevalue(site)

    def cards(page, root: str) -> dict:
        return {(day.locator(".ssp-day__title").inner_text(), said(card.locator(".ssp-card__title"))): said(card)
                for day in page.locator(f"{root} .ssp-day").all() for card in day.locator(".ssp-card").all()}

    static_context = browser.new_context(java_script_enabled=False)
    static_page = static_context.new_page()
    static_page.goto(server.base + LISTING)
    written = cards(static_page, "#ssp-static-list")
    static_context.close()
    page = browser.new_page()
    page.clock.set_fixed_time("2030-09-01T12:00:00")  # before the edition: no card is past
    page.goto(server.base + LISTING)
    page.wait_for_selector("#ssp-filters:not([hidden])")
    drawn = cards(page, "#ssp-results")
    page.close()
    assert len(drawn) >= 6 and drawn == written  # the days' headings too
