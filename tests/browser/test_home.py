"""The home page in Debian's Chromium: « Trouver une action près de chez vous » by town, postal code
or département (the test edition 2030 has actions in Ille-et-Vilaine, the Rhône and La Réunion)."""

from __future__ import annotations

import pytest

from checks import axe_violations, wait_until
from helpers import typeset


@pytest.fixture
def home(gates_site, page):
    _, server = gates_site
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(server.base)
    page.wait_for_selector("#ssp-near[data-ready]")
    page.asked = asked
    return page


def look_for(page, text: str) -> None:
    page.fill("#ssp-near-q", text)
    page.keyboard.press("Enter")


def answer(page) -> str:
    wait_until(page, "!['', 'Recherche…'].includes(document.getElementById('ssp-near-answer').textContent)")
    return page.locator("#ssp-near-answer").inner_text()


@pytest.mark.parametrize("written, departement", [("Rennes", "35"), ("st-jacques-de-la-lande", "35"), ("35000", "35"),
                                                  ("97400", "974"), ("Lyon 3e", "69"), ("69", "69"), ("Rhône", "69")])
def test_a_town_a_postal_code_or_a_departement_leads_to_the_filtered_listing(home, written, departement):
    assert not any(url.endswith("communes.json") for url in home.asked)  # loaded only once the box is used
    home.focus("#ssp-near-q")
    look_for(home, written)
    home.wait_for_url(f"**/2030/evenements/?departement={departement}")
    home.wait_for_selector("#ssp-filters:not([hidden])")
    assert home.input_value("#ssp-departement") == departement
    assert home.locator("#ssp-results .ssp-card").count() >= 1


def test_a_name_shared_by_several_towns_offers_each_departement(home):
    look_for(home, "Saint-Denis")
    text = answer(home)
    assert text.startswith(typeset("« Saint-Denis » se trouve dans plusieurs départements. Choisissez le vôtre :"))
    links = home.locator("#ssp-near-answer a")
    names = links.all_inner_texts()
    assert "Seine-Saint-Denis (93)" in names and "La Réunion (974)" in names
    assert typeset("La Réunion (974) : 1 action") in text and typeset("Seine-Saint-Denis (93) : 0 action") in text
    assert home.evaluate("document.activeElement.textContent") == names[0]  # the keyboard goes on from the choices
    home.locator("#ssp-near-answer a", has_text="La Réunion").click()
    home.wait_for_url("**/2030/evenements/?departement=974")
    assert axe_violations(home) == []


def test_a_departement_without_actions_says_so_and_offers_its_region(home):
    look_for(home, "Brest")
    assert answer(home) == typeset("Finistère (29) : aucune action n'est publiée pour l'édition 2030. "
                            "Voir l'action de la région Bretagne.")
    assert home.locator("#ssp-near-answer a").evaluate("a => a.href").endswith("/2030/evenements/?region=Bretagne")
    look_for(home, "20000")  # Ajaccio: Corsican postal codes are « 2A », whose region has no action
    assert answer(home) == typeset("Corse-du-Sud (2A) : aucune action n'est publiée pour l'édition 2030. "
                            "Voir toutes les actions de l'édition 2030.")


def test_unknown_words_get_a_way_out(home):
    look_for(home, "Xyzzyville")
    assert answer(home) == typeset("Nous ne trouvons pas « Xyzzyville » parmi les communes, codes postaux et départements. "
                            "Vérifiez l'orthographe, ou choisissez votre département dans la liste ci-dessous.")
    look_for(home, "<img src=x onerror=alert(1)>")  # what a reader types is shown as text
    assert typeset("« <img src=x onerror=alert(1)> »") in answer(home)
    assert home.locator("#ssp-near-answer img").count() == 0


def test_without_javascript_the_departements_are_listed_with_their_pages(gates_site, browser):
    _, server = gates_site
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.base)
    assert page.locator("#ssp-near").is_hidden()
    page.click("text=Ou choisissez votre département")
    links = page.locator(".ssp-near__list a")
    assert links.all_inner_texts() == ["Ille-et-Vilaine (35)", "Rhône (69)", "La Réunion (974)"]
    links.nth(2).click()
    assert page.url.endswith("/2030/departements/974/")
    assert page.locator("h1").inner_text() == typeset("La Réunion (974) : les actions de l'édition 2030")
    assert page.locator(".ssp-card__title a").all_inner_texts() == ["Chambre des erreurs (test)"] * 2
    context.close()
