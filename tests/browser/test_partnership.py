"""Quiz, self-assessment, project-sheet filter and call status in Chromium, with the keyboard."""

from __future__ import annotations

from checks import axe_violations
from helpers import typeset

QUIZ = "partenariat/quiz/partenariat-patient/"


def tab_until(page, predicate: str, limit: int = 60) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return {predicate}; }})()"):
            return
    raise AssertionError(f"focus never reached: {predicate}")


def test_quiz_played_with_the_keyboard_announces_answers_and_score(gates_site, page):
    _, server = gates_site
    page.goto(server.base + QUIZ)
    assert page.locator(".ssp-quiz__answer").first.is_hidden()  # no spoiler once JavaScript runs
    questions = page.locator(".ssp-quiz__question")
    total = questions.count()
    for number in range(1, total + 1):
        question = questions.nth(number - 1)
        correct = question.locator("input[data-correct]")
        if number == 1:  # answer the first one wrong, with the keyboard: focus the first radio, Space
            tab_until(page, "el.name === 'q1'")
            page.keyboard.press("Space")
        else:
            for index in range(correct.count()):
                correct.nth(index).focus()
                page.keyboard.press("Space")
        question.locator(".ssp-quiz__check").focus()
        page.keyboard.press("Enter")
        feedback = question.locator(".ssp-quiz__feedback")
        if number == 1:
            assert feedback.inner_text().startswith("Mauvaise réponse. La bonne réponse : Non, c'est plutôt le partage")
            assert feedback.get_attribute("role") == "status"
        else:
            assert feedback.inner_text().startswith("Bonne réponse !")
        assert question.locator("input").first.is_disabled()
    score = page.locator("#ssp-quiz-score")
    assert score.inner_text() == typeset(f"Quiz terminé. Votre score : {total - 1} sur") + f"\u00a0{total}."  # « 6 sur 7 » whole
    assert score.get_attribute("aria-live") == "polite"
    assert axe_violations(page) == []


def test_quiz_questions_are_numbered_once_and_inside_the_page(presented_site, page):
    """Each question's legend says « Question 1 : »: the list draws no number of its own, which on a
    phone stood outside the page's left edge."""
    _, server = presented_site
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(server.base + QUIZ)
    questions = page.locator(".ssp-quiz__questions > li")
    assert questions.first.locator("legend").inner_text().startswith("Question 1")
    markers = questions.evaluate_all("items => items.map(item => getComputedStyle(item, '::marker').content)")
    assert markers and set(markers) <= {"none", "normal"}, markers
    assert questions.evaluate_all("items => items.map(item => getComputedStyle(item).listStyleType)") == ["none"] * len(markers)


PLACED = """boxes => boxes.map(box => {
  const outer = box.getBoundingClientRect(), legend = box.querySelector("legend").getBoundingClientRect();
  const inside = legend.top >= outer.top + 1 && legend.left > outer.left && legend.right < outer.right;
  // each line of each choice starts right of its box (the DSFR draws its box before the label, Material has the input)
  const lines = [...box.querySelectorAll("input")].map(input => {
    const range = document.createRange();
    range.selectNodeContents(box.querySelector(`label[for="${input.id}"]`));
    return [...range.getClientRects()].map(line => Math.round(line.left - input.getBoundingClientRect().right));
  });
  return {inside, lines};
})"""


def test_quiz_and_self_assessment_questions_sit_inside_their_boxes_on_a_phone(presented_site, page):
    """A legend of three lines on a phone straddled its box's top border; in Material a choice's second
    line ran under its box."""
    _, server = presented_site
    page.set_viewport_size({"width": 390, "height": 800})
    for address, boxes in ((QUIZ, ".ssp-quiz__question fieldset"), ("partenariat/idees-recues/", "#ssp-self fieldset")):
        page.goto(server.base + address)
        page.wait_for_selector(boxes)
        placed = page.locator(boxes).evaluate_all(PLACED)
        assert placed and all(box["inside"] for box in placed), (address, placed)
        lines = [choice for box in placed for choice in box["lines"]]
        assert any(len(choice) > 1 for choice in lines), address  # some choices do take two lines at 390 px
        assert all(gap >= -2 for choice in lines for gap in choice), (address, lines)


def test_quiz_asks_for_an_answer_before_checking(gates_site, page):
    _, server = gates_site
    page.goto(server.base + QUIZ)
    page.locator(".ssp-quiz__check").first.click()
    assert page.locator(".ssp-quiz__feedback").first.inner_text() == "Choisissez d'abord une réponse."


def test_quiz_without_javascript_keeps_answers_readable(gates_site, browser):
    _, server = gates_site
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.base + QUIZ)
    assert page.locator(".ssp-quiz__check").first.is_hidden()
    page.locator(".ssp-quiz__answer summary").first.click()
    assert "savoirs expérientiels" in page.locator(".ssp-quiz__answer").first.inner_text()
    context.close()


def test_self_assessment_counts_shared_ideas(gates_site, page):
    _, server = gates_site
    page.goto(server.base + "partenariat/idees-recues/")
    result = page.locator(".ssp-self__result")
    assert result.inner_text() == typeset("Vous ne partagiez aucune de ces 7 idées reçues.")
    page.locator("#ssp-self input").nth(0).focus()
    page.keyboard.press("Space")
    box = page.locator("#ssp-self input").nth(5)  # a reader clicks its label (the DSFR draws the box there)
    page.locator(f"label[for='{box.get_attribute('id')}']").click()
    assert box.is_checked()
    assert result.inner_text() == typeset("Vous partagiez 2 idées reçues sur") + "\u00a0" + typeset("7 : relisez « En réalité » sous chacune.")
    assert axe_violations(page) == []


def test_project_sheets_filter_by_domain_and_region(gates_site, page):
    _, server = gates_site
    page.goto(server.base + "partenariat/fiches/?region=Bretagne")
    assert page.locator("#ssp-sheets > li:visible .ssp-card__title").all_inner_texts() == ["Fiche de test"]
    assert page.locator("#ssp-sheet-count").inner_text() == "1 fiche sur 2."
    page.select_option("#ssp-sheet-region", "")
    page.select_option("#ssp-domain", "Soins et organisation des établissements : parcours de soins et de vie des patients dialysés")
    assert page.locator("#ssp-sheets > li:visible .ssp-card__title").all_inner_texts() == [
        "Construire un projet des usagers dans une dynamique de partenariat en santé"]
    assert "domaine=" in page.url


def test_call_status_follows_todays_date(gates_site, page):
    _, server = gates_site
    page.clock.set_fixed_time("2030-06-15T12:00:00")
    page.goto(server.base + "2030/appels-a-projets/appel-test/")
    assert page.locator(".ssp-period").first.text_content() == "ouvert"  # (the DSFR's badge shows it in capitals)
    page.clock.set_fixed_time("2030-07-01T12:00:00")
    page.reload()
    assert page.locator(".ssp-period").first.text_content() == "clos"
