"""The site search in Debian's Chromium: Pagefind's index of every page, searched as a new reader would
(« bilan », « affiche », « lauréats », « Douai », « données ouvertes »), with the keyboard and a screen
reader's live region, on a phone; and what the first search downloads."""

from __future__ import annotations

import json
import re

import pytest

from checks import MOUNT, axe_violations, wait_until
from helpers import typeset

PHONE = {"width": 390, "height": 844}


def search(page, base: str, words: str) -> list[dict]:
    page.goto(base + "recherche/")
    page.fill("#ssp-search-query", words)
    page.keyboard.press("Enter")
    said = json.dumps(f"«\u00a0{words}\u00a0»")  # the words may hold « ' »
    wait_until(page, f"document.querySelector('[data-ssp-search-status]').textContent.includes({said})", timeout=20)
    return page.evaluate("""[...document.querySelectorAll('[data-ssp-search-results] li')].map(item => ({
        href: item.querySelector('a').getAttribute('href'), title: item.querySelector('a').textContent,
        edition: item.querySelector('.ssp-search__edition')?.textContent || '',
        status: item.querySelector('h2 .fr-badge')?.textContent || '', badge: item.querySelector('h2 .fr-badge')?.className || '',
        excerpt: item.querySelector('.ssp-search__excerpt').textContent,
        marked: [...item.querySelectorAll('mark')].map(mark => mark.textContent)}))""")


@pytest.mark.parametrize("words, first", [
    ("bilan", "2030/bilan/"),  # the newest edition's report first (hooks/search_index.py: weight by age)
    ("2017", "2017/"),  # the edition's page, though its listing, poster, kit and bilan name the year in their titles too
    ("éditions", "editions/"),  # « Toutes les éditions », not the pages of actions « de l'édition 2030 »
    ("lauréats", "2030/appels-a-projets/appel-test/"),
    ("Douai", "2017/evenements/portes-ouvertes-maternite-douai/"),
    ("Saint-Denis", "2030/evenements/creneaux-la-reunion/"),  # the action there, not its département's page of cards
    ("Saint-Denis 2030", "2030/evenements/creneaux-la-reunion/"),  # nor its poster
    ("données ouvertes", "donnees-ouvertes/"),
    ("où trouver l'affiche de 2030", "2030/affiche/"),  # « l'affiche », « où », « de »: as a reader writes (search.js: sought)
    ("comment organiser mon action", "organiser-une-action/"),  # no page says « mon »: it found nothing
    ("déclarer une action", "organiser-une-action/"),  # its `search: keywords:`; the « Déclaration d'accessibilité » came first
    ("déclaration", "accessibilite/"),  # that one, by its title
    ("quand", ""),  # « dates » (search.js): the home page, which says the dates of the edition under way or last held
    ("quand a lieu la semaine 2017", "2017/"),  # « a lieu » left out: actions with a « Lieu » came first
    ("quand 2017", "2017/"),  # « Dates : », said to screen readers: the page said its dates, never the word
    ("quand Douai", "2017/evenements/portes-ouvertes-maternite-douai/"),  # no page has « dates » and « Douai »: « quand » left out
    ("ressources", "ressources/"),
    ("quiz", "partenariat/quiz/partenariat-patient/"),  # its title said « vrai ou faux ? », never « quiz »: the edition pages came first
    ("mentions légales", "mentions-legales/"),
    ("plan du site", "plan-du-site/"),  # by its title: the titles it lists are left out of the index
])
def test_a_reader_finds_the_page_meant(gates_site, page, words, first):
    _, server = gates_site
    results = search(page, server.base, words)
    assert results and results[0]["href"] == f"/{MOUNT}/{first}", results[:3]
    if first != "plan-du-site/":  # it lists every title: never the answer but for its own
        assert not any(result["href"].endswith("/plan-du-site/") for result in results)


def test_results_show_title_edition_or_when_and_where_and_an_excerpt_with_the_words_marked(gates_site, page):
    _, server = gates_site
    results = search(page, server.base, "Douai")
    event = results[0]
    assert event["title"] == "La maternité du Centre hospitalier de Douai ouvre ses portes"
    # an action's result says when and where, as its card would; another page of an edition, its edition
    assert event["edition"] == "Le vendredi 24\u00a0novembre 2017 · Dechy (Nord)", event  # no postal code: the département its town names
    assert "Douai" in event["marked"] and event["edition"] not in event["excerpt"]  # a field of the page, not its words
    assert re.search(r"\d+\u00a0pages trouvées pour «\u00a0Douai\u00a0»[.,]", page.locator("[data-ssp-search-status]").inner_text())
    assert not any(result["href"].endswith("/affiche/") for result in results)  # over: its page no longer offers its poster
    poster = next(result for result in search(page, server.base, "webinaire") if result["href"].endswith("/affiche/"))
    assert poster["title"] == typeset("Affiche : Webinaire (test)")  # an action to come: its poster is found
    found = search(page, server.base, "affiche")
    assert found[0]["href"].endswith("/supports/") and not any(result["href"].endswith("/recherche/") for result in found)
    posters = [result for result in found if result["href"].endswith("/affiche/")]
    assert posters and all("Affiche à imprimer" in result["excerpt"] for result in posters)  # what the page is,
    assert not any("Imprimer l'affiche" in result["excerpt"] for result in posters)  # not its buttons (« … Voir les actions »)
    assert search(page, server.base, "bilan")[0]["edition"] == "Édition 2030"


def test_an_event_s_status_shows_as_its_badge_not_as_words_of_its_title(presented_site, page):
    """Its page's heading says « Webinaire (test) » then the badge « Complet »: the result too, not « Webinaire (test) Complet »
    (both presentations: « neutre » colours the badge by its own classes)."""
    _, server = presented_site
    results = {result["href"]: result for result in search(page, server.base, "webinaire")}
    full = results[f"/{MOUNT}/2030/evenements/webinaire/"]
    assert (full["title"], full["status"]) == ("Webinaire (test)", "Complet") and "fr-badge--info" in full["badge"]
    cancelled = search(page, server.base, "annulé")
    atelier = next(result for result in cancelled if result["href"].endswith("/atelier-annule/"))
    assert (atelier["title"], atelier["status"]) == ("Atelier annulé (test)", "Annulée") and "fr-badge--error" in atelier["badge"]
    poster = next(result for result in cancelled if result["href"].endswith("/atelier-annule/affiche/"))  # its poster says so too
    assert (poster["status"], poster["badge"]) == ("Annulée", atelier["badge"])
    assert all(result["status"] == "" for result in search(page, server.base, "Douai"))  # a scheduled action: no badge
    assert axe_violations(page) == []


def test_at_equal_relevance_the_newest_edition_comes_first(gates_site, page):
    """« affiche » or « bilan »: every edition has one, alike; a reader means this year's, then the one before."""
    _, server = gates_site
    for words, kind in (("affiche", "affiche"), ("bilan", "bilan")):
        years = [int(found[1]) for result in search(page, server.base, words)
                 if (found := re.fullmatch(rf"/{MOUNT}/(\d{{4}})/{kind}/", result["href"]))]
        assert len(years) >= 2 and years == sorted(years, reverse=True), (words, years)


def test_words_no_page_holds_together_are_offered_one_by_one(gates_site, page):
    """« maternité colloque »: each word is on some page, never both on one; each alone is a click away."""
    _, server = gates_site
    assert search(page, server.base, "maternité colloque") == []
    assert page.locator("[data-ssp-search-status]").inner_text() == (
        "Aucune page ne contient à la fois tous les mots de «\u00a0maternité colloque\u00a0».")
    alone = page.locator(".ssp-search__alone")
    counts = dict(re.findall(r"«\u00a0(\w+)\u00a0», (\d+)\u00a0pages?", alone.inner_text()))
    assert set(counts) == {"maternité", "colloque"} and all(int(count) > 0 for count in counts.values()), alone.inner_text()
    assert axe_violations(page) == []
    alone.get_by_role("link", name="«\u00a0colloque\u00a0»").click()
    wait_until(page, "document.querySelector('[data-ssp-search-status]').textContent.includes('«\\u00a0colloque\\u00a0»')", timeout=20)
    assert page.url.endswith("recherche/?q=colloque") and page.evaluate("document.activeElement.id") == "ssp-search-query"
    assert page.locator("[data-ssp-search-results] li").count() == int(counts["colloque"]) or int(counts["colloque"]) > 10
    assert page.locator(".ssp-search__alone").count() == 0


def test_a_word_no_page_holds_is_said_not_silently_dropped(gates_site, page):
    """Pagefind leaves out a word found nowhere: « portes ouvertes Wissembourg » gave every open day, as if in Wissembourg
    (the site has no action there; at 5,000 actions, « portes ouvertes Rennse » gave 545 open days)."""
    _, server = gates_site
    results = search(page, server.base, "portes ouvertes Wissembourg")
    assert len(results) > 1 and page.locator("[data-ssp-search-status]").inner_text().endswith(
        "«\u00a0Wissembourg\u00a0» n'est sur aucune page\u00a0: ces résultats ne tiennent compte que des autres mots.")
    search(page, server.base, "portes ouvertes Douai")  # every word somewhere: nothing said
    assert not re.search("aucune page|mots proches", page.locator("[data-ssp-search-status]").inner_text())


def test_a_word_pages_say_otherwise_is_searched_in_their_words_too(gates_site, page):
    """« hôpital » missed « Centre hospitalier de Douai » (another stem); « poster » gave a page where one may post,
    not the posters. Each is searched as the words pages use (search.js: ALSO; « hôpital » as itself too), only those
    some page holds (Pagefind drops a word no page holds: « hôpital Lille » was every page of Lille), said in the status."""
    _, server = gates_site
    douai = "/ssp/2017/evenements/portes-ouvertes-maternite-douai/"
    for words in ("hôpital", "hopital Douai", "hôpitaux"):
        results = search(page, server.base, words)
        assert douai in [result["href"] for result in results[:3]], (words, results[:3])
        assert "(mots cherchés\u00a0: «\u00a0h" in page.locator("[data-ssp-search-status]").inner_text()  # « hôpital(aux) », « hospitalier(s) »
    posters = search(page, server.base, "poster")
    assert f"/{MOUNT}/2030/affiche/" in [result["href"] for result in posters[:3]], posters[:3]
    assert "(mots cherchés\u00a0: «\u00a0affiche\u00a0»)" in page.locator("[data-ssp-search-status]").inner_text()
    assert [result["href"] for result in search(page, server.base, "affiche")] == [result["href"] for result in posters]
    assert "cherchés" not in page.locator("[data-ssp-search-status]").inner_text()


def test_a_word_found_only_by_closeness_is_said(gates_site, page):
    """Pagefind finds a word no page holds by a close one: at 5,000 actions without one in Douai, « Douai » gave the
    actions on « douleur » as if they were there. When no result on the page holds the word, nor a word beginning as
    it does (« lauréat », « lauréats »), the status says so."""
    _, server = gates_site
    assert search(page, server.base, "Montpelier")  # one « l »: project sheets, for their « Montant »
    assert page.locator("[data-ssp-search-status]").inner_text().endswith(
        "«\u00a0Montpelier\u00a0» n'est dans aucun de ces résultats\u00a0: ils ont des mots proches.")
    for words in ("Montpellier", "lauréat", "hôpitaux", "poster", "quand"):  # the word, one beginning so, its forms, « dates »
        search(page, server.base, words)
        assert "mots proches" not in page.locator("[data-ssp-search-status]").inner_text(), words


def test_nothing_found_is_said_and_the_address_keeps_the_words(gates_site, page):
    _, server = gates_site
    assert search(page, server.base, "zzzzqqq") == []
    assert "Aucune page ne contient «\u00a0zzzzqqq\u00a0»" in page.locator("[data-ssp-search-status]").inner_text()
    assert page.url.endswith("recherche/?q=zzzzqqq")
    page.goto(server.base + "recherche/?q=Douai")  # a shared address gives the same results
    wait_until(page, "document.querySelectorAll('[data-ssp-search-results] li').length > 0", timeout=20)


def test_the_search_page_with_results_passes_axe_on_a_phone_and_runs_under_the_csp(gates_site, page):
    _, server = gates_site
    page.set_viewport_size(PHONE)
    refused = []
    page.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None)
    search(page, server.base, "Douai")
    assert axe_violations(page) == []
    assert refused == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_first_search_downloads_a_small_part_of_the_index(gates_site, page):
    _, server = gates_site
    sizes = {}
    page.on("response", lambda response: sizes.__setitem__(response.url, len(response.body()))
            if "/pagefind/" in response.url else None)
    search(page, server.base, "Douai")
    index = server.root / "pagefind"
    whole = sum(path.stat().st_size for path in index.rglob("*") if path.is_file())
    assert sizes and all(url.startswith(server.base + "pagefind/") for url in sizes)
    assert sum(sizes.values()) < whole


def test_results_come_ten_at_a_time_and_focus_follows(gates_site, page):
    _, server = gates_site
    results = search(page, server.base, "affiche")
    status = page.locator("[data-ssp-search-status]").inner_text()
    total = int(status.split("\u00a0")[0])
    assert total > 20 and len(results) == 10 and status.endswith("des plus pertinentes aux moins pertinentes.")
    page.click("[data-ssp-search-more]")
    wait_until(page, "document.querySelectorAll('[data-ssp-search-results] li').length === 20", timeout=20)
    assert page.evaluate("document.activeElement === document.querySelectorAll('[data-ssp-search-results] li a')[10]")
    assert page.locator("[data-ssp-search-more]").is_visible()


def test_enter_after_typing_searches_once(gates_site, page):
    _, server = gates_site
    search(page, server.base, "bilan")  # Pagefind loaded: the next search answers before the typing pause ends
    page.fill("#ssp-search-query", "Douai")
    page.keyboard.press("Enter")
    wait_until(page, "document.querySelector('[data-ssp-search-status]').textContent.includes('«\\u00a0Douai\\u00a0»')", timeout=20)
    shown = page.locator("[data-ssp-search-results] li").count()
    page.evaluate("""window.__changes = [];
        new MutationObserver(() => window.__changes.push(document.querySelector('[data-ssp-search-status]').textContent))
          .observe(document.querySelector('[data-ssp-search-status]'), {childList: true, characterData: true, subtree: true});""")
    page.wait_for_timeout(800)  # the pause after typing must not search again (it emptied the results a moment)
    assert page.evaluate("window.__changes") == []
    assert page.locator("[data-ssp-search-results] li").count() == shown > 1


def test_a_word_a_no_break_space_joins_to_its_number_is_found_alone(gates_site, page):
    """The pages join a number and its word (« 31050 Toulouse »: ssp.text.french_spacing); the index still
    has the word alone (Pagefind parts words at a no-break space too)."""
    built, server = gates_site
    assert "31050\u00a0Toulouse" in built.text("contacts/ars-occitanie/index.html")  # the only page naming Toulouse
    results = search(page, server.base, "Toulouse")
    assert [result["href"] for result in results] == [f"/{MOUNT}/contacts/ars-occitanie/"]


def test_a_page_not_found_offers_to_search_the_words_of_its_address(presented_site, page):
    """An action renamed, an old link: the page not found holds the words of the address asked for, ready to search."""
    _, server = presented_site
    page.set_viewport_size(PHONE)
    response = page.goto(server.base + "2017/evenements/portes-ouvertes-maternite/")
    assert response.status == 404
    assert page.locator("#ssp-missing-query").input_value() == "2017 portes ouvertes maternite"
    assert axe_violations(page) == []
    page.locator("#ssp-missing-query").press("Enter")
    page.wait_for_url("**/recherche/?q=2017+portes+ouvertes+maternite")
    wait_until(page, "document.querySelectorAll('[data-ssp-search-results] li').length > 0", timeout=20)
    first = page.locator("[data-ssp-search-results] li a").first.get_attribute("href")
    assert first == f"/{MOUNT}/2017/evenements/portes-ouvertes-maternite-douai/"


def test_an_address_holding_a_long_text_is_searched_as_far_as_the_field_takes(gates_site, page):
    """A link of 1,500 words (10 KB) kept a phone slowed 4× busy 19 s, one search per word (« Chaque mot seul »); the
    field takes 200 characters, and words are searched one by one for ten words at most."""
    _, server = gates_site
    words = " ".join(f"mot{number}" for number in range(1500))
    page.goto(server.base + "recherche/?q=" + words.replace(" ", "+"))
    wait_until(page, "document.querySelector('[data-ssp-search-status]').textContent.startsWith('Aucune page')", timeout=20)
    assert page.input_value("#ssp-search-query") == words[:200]
    assert page.query_selector(".ssp-search__alone") is None
    page.goto(server.base + "2017/evenements/?q=" + words.replace(" ", "+"))
    assert page.input_value("#ssp-q") == words[:200]
    page.fill("#ssp-q", "x" * 300)
    assert len(page.input_value("#ssp-q")) == 200  # typed or pasted: as long as the field takes
