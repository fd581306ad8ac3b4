"""Posters printed by Chromium to PDF (print-to-PDF, A4; A3 and US Letter scale): one page, without the site's header,
footer or navigation, and a QR code that a decoder reads from the rendered page and that leads
to the action (or the edition's listing)."""

from __future__ import annotations

import re

import pypdfium2
import pytest
import zxingcpp

from checks import LUMINANCE, wait_until
from helpers import typeset

POSTERS = {  # poster → the page its code leads to, and a line it must print
    "2030/evenements/creneaux-la-reunion/affiche/": ("2030/evenements/creneaux-la-reunion/", "Chambre des erreurs (test)"),
    "2030/evenements/atelier-annule/affiche/": ("2030/evenements/atelier-annule/", "Annulée"),
    "2030/evenements/exposition-semaine/affiche/": ("2030/evenements/exposition-semaine/", "Ces dates ne tiennent plus"),
    "2017/evenements/portes-ouvertes-maternite-douai/affiche/": ("2017/evenements/portes-ouvertes-maternite-douai/",
                                                                 "Entrée libre"),
    "2030/affiche/": ("2030/evenements/", "Semaine de la sécurité des patients 2030"),
}


def printed(page, url: str) -> pypdfium2.PdfDocument:
    page.goto(url)
    return pypdfium2.PdfDocument(page.pdf(format="A4", print_background=True, prefer_css_page_size=True))


@pytest.mark.parametrize("poster", POSTERS)
def test_a_printed_poster_is_one_page_whose_code_opens_its_action(presented_site, page, poster):
    _, server = presented_site
    target, line = POSTERS[poster]
    document = printed(page, server.base + poster)
    assert len(document) == 1
    sheet = document[0]
    assert [round(side / 72 * 25.4) for side in sheet.get_size()] == [210, 297]  # A4 portrait, in mm
    text = " ".join(sheet.get_textpage().get_text_bounded().split())  # lines as the PDF cut them, joined
    assert line in text
    for absent in ("Aller au contenu", "Rechercher", "Mentions légales", "Imprimer l'affiche", "Affiche à imprimer", "intitulé officiel",
                   "Paramètres d'affichage", "plus d'actualité"):  # nor that a past action's poster is out of date
        assert absent not in text  # no site header, footer, navigation or screen-only button
    image = sheet.render(scale=150 / 72).to_pil()  # 150 dpi, as a phone camera would see a print
    codes = zxingcpp.read_barcodes(image)
    assert [(code.format, code.text) for code in codes] == [(zxingcpp.BarcodeFormat.QRCode, server.base + target)]
    assert codes[0].ec_level in ("M", "Q", "H")
    width = codes[0].position.top_right.x - codes[0].position.top_left.x
    assert width / 150 * 25.4 >= 85  # 8.5 cm or more, 11 with its margin: read from a metre away (a tenth of the distance)
    page.goto(codes[0].text)
    assert page.locator("h1").first.inner_text().strip()  # the address opens a page of the site


@pytest.mark.parametrize("poster", POSTERS)
def test_a_printed_poster_s_text_never_runs_under_its_code(presented_site, page, poster):
    """A text too long is cut at the end of its part of the sheet. Before, in Material, it ran on under the QR
    code (« Entrée libre » drawn across it)."""
    _, server = presented_site
    page.set_viewport_size({"width": 718, "height": 1047})  # an A4 sheet within its 10 mm margins, in CSS pixels
    page.goto(server.base + poster)
    page.emulate_media(media="print")
    text, code = (page.locator(part).bounding_box() for part in (".ssp-poster__text", ".ssp-poster__qr"))
    assert text["y"] + text["height"] <= code["y"] + 1, (text, code)


def test_the_print_button_opens_the_print_dialog(gates_site, page):
    _, server = gates_site
    page.goto(server.base + "2030/affiche/")
    page.evaluate("window.print = () => { window.ssp_printed = true; }")
    page.get_by_role("button", name="Imprimer l'affiche").click()
    assert page.evaluate("window.ssp_printed") is True


def points_of(sheet, words: str) -> float:
    """The size, in points, of the first letter of `words` on the printed page (Chromium writes its
    PDF in CSS pixels under a 0.75 scale: pdfium reads the size before it)."""
    text = sheet.get_textpage()
    index = text.get_text_range().index(words)
    return pypdfium2.raw.FPDFText_GetFontSize(text.raw, index) * 0.75


def code_mm(sheet) -> float:
    [code] = zxingcpp.read_barcodes(sheet.render(scale=150 / 72).to_pil())
    return (code.position.top_right.x - code.position.top_left.x) / 150 * 25.4


@pytest.mark.parametrize("poster", POSTERS)
def test_a_printed_poster_says_everything_down_to_its_last_line(presented_site, page, poster):
    """Its text drawn smaller when the build finds it too long for its part of the sheet (ssp.poster.fit). Before,
    it was cut at the end of that part: the last line of the Douai poster in half, the place, organiser and
    registration of the Réunion one in Material."""
    _, server = presented_site
    page.set_viewport_size({"width": 718, "height": 1047})
    page.goto(server.base + poster)
    page.emulate_media(media="print")
    last, text = (page.locator(part).last.bounding_box() for part in (".ssp-poster__text > *", ".ssp-poster__text"))
    assert last["y"] + last["height"] <= text["y"] + text["height"] + 0.5, (last, text)


def test_a_poster_is_read_from_a_few_metres_and_scales_with_the_paper(presented_site, page):
    """Printed on A4: the campaign on top (edition, the week's dates, theme), the title 40 pt or
    more, when and where 20 pt or more (down to 80 % of that when the text is long: ssp.poster.fit),
    the code 8 cm or more; on A3 all of it larger in the same proportions, on US Letter still one
    page; on screen, how to print it without the browser's lines."""
    _, server = presented_site
    page.goto(server.base + "2030/evenements/creneaux-la-reunion/affiche/")
    fit = int((re.search(r"ssp-poster--fit-(\d+)", page.locator(".ssp-poster").get_attribute("class")) or [0, 100])[1]) / 100
    assert fit >= 0.8
    assert "décochez «\u00a0En-têtes et pieds de page\u00a0»" in page.locator(".ssp-poster__hint").inner_text()
    campaign = page.locator(".ssp-poster__campaign").inner_text()
    assert "Semaine de la sécurité des patients 2030" in campaign and typeset("du lundi 16 au vendredi 20 septembre 2030") in campaign
    words = {"title": "Chambre des", "when": "Le lundi", "place": "Hall", "organiser": "Organisateur", "campaign": "Semaine de"}
    printed = {}
    for paper in ("A4", "A3", "Letter"):
        document = pypdfium2.PdfDocument(page.pdf(format=paper, print_background=True, prefer_css_page_size=True))
        assert len(document) == 1, paper
        printed[paper] = {name: points_of(document[0], text) for name, text in words.items()}
        printed[paper]["code"] = code_mm(document[0])
    a4, a3 = printed["A4"], printed["A3"]
    assert a4["title"] >= 39.9 * fit and a4["when"] >= 19.9 * fit and a4["place"] >= 19.9 * fit and a4["campaign"] >= 19.9 * fit
    assert a4["organiser"] >= 13.9 * fit and a4["code"] >= 80
    for name in a4:  # A3 is A4 × 1.41 (its margins stay 10 mm)
        assert 1.4 <= a3[name] / a4[name] <= 1.5, (name, a4[name], a3[name])
    assert printed["Letter"]["title"] >= 36 * fit and printed["Letter"]["code"] >= 75
    page.emulate_media(media="print")
    assert page.locator(".ssp-poster__hint").is_hidden()


LIGHT_INK = """[...document.querySelectorAll('main *')].filter(element => element.getClientRects().length
    && [...element.childNodes].some(node => node.nodeType === 3 && node.textContent.trim())
    && (""" + LUMINANCE + """)(getComputedStyle(element).color) > 0.17)  // #929292 and lighter
  .map(element => element.tagName + ': ' + element.textContent.trim().slice(0, 30))"""


def test_a_poster_printed_from_the_dark_theme_keeps_dark_ink(gates_site, browser):
    """A reader who chose « Thème sombre » prints a poster: white paper, so the ink stays dark (the DSFR's
    dark colours are for the screen only)."""
    _, server = gates_site
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    try:
        page.goto(server.base + "2030/evenements/creneaux-la-reunion/affiche/")
        wait_until(page, "document.documentElement.getAttribute('data-fr-theme') === 'dark'")
        assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(22, 22, 22)"  # dark on screen
        sheet = pypdfium2.PdfDocument(page.pdf(format="A4", print_background=True, prefer_css_page_size=True))[0]
        image = sheet.render(scale=0.5).to_pil().convert("L")
        assert min(image.getpixel((x, y)) for x in (2, image.width - 3) for y in (2, image.height - 3)) > 240  # white margins
        page.emulate_media(media="print")
        assert page.evaluate(LIGHT_INK) == []
        assert page.evaluate("getComputedStyle(document.querySelector('h1')).color") in ("rgb(0, 0, 0)", "rgb(22, 22, 22)", "rgb(58, 58, 58)")
    finally:
        context.close()
