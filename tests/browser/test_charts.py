"""The bilan's charts in Debian's Chromium, as a phone shows them: words of 12 px or more at 390 px,
none cut or overlapping at 320, 390 or 1280 px, whole numbers written the French way."""

from __future__ import annotations

import re

import pytest

from ssp.bilan import whole_ticks

MEASURE = """() => [...document.querySelectorAll('.ssp-chart__svg')].map(svg => {
  const box = svg.getBoundingClientRect();
  const texts = [...svg.querySelectorAll('text')].filter(text => text.textContent.trim()).map(text => {
    const r = text.getBoundingClientRect(); return { text: text.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom }; });
  return { box: { left: box.left, right: box.right }, texts }; })"""


def overlapping(texts: list[dict]) -> list[tuple[str, str]]:
    return [(a["text"], b["text"]) for i, a in enumerate(texts) for b in texts[i + 1:]
            if a["left"] < b["right"] - 1 and b["left"] < a["right"] - 1 and a["top"] < b["bottom"] - 1 and b["top"] < a["bottom"] - 1]


@pytest.mark.parametrize("width", [320, 390, 1280])
@pytest.mark.parametrize("path", ["2030/bilan/", "editions/"])
def test_charts_read_on_a_phone_and_a_wide_screen(presented_site, page, width, path):
    _, server = presented_site
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(server.base + path)
    charts = page.evaluate(MEASURE)
    assert charts
    for chart in charts:
        texts = chart["texts"]
        cut = [t["text"] for t in texts if t["left"] < chart["box"]["left"] - 0.5 or t["right"] > chart["box"]["right"] + 0.5]
        assert not cut and not overlapping(texts), (cut, overlapping(texts))
        if width == 390:
            assert min(t["bottom"] - t["top"] for t in texts) >= 12  # a 12 px font's box is taller still


def test_counts_are_whole_and_french():
    assert whole_ticks(1) == [0, 1] and whole_ticks(3) == [0, 1, 2, 3]  # never « 0,5 action »
    assert whole_ticks(461) == [0, 200, 400, 600] and whole_ticks(2000) == [0, 500, 1000, 1500, 2000]
    from ssp.bilan import chart
    from ssp.cache import Cache

    svg = chart([("Nord", 1234), ("Corse", 1)], "Région", Cache())
    numbers = re.findall(r">([\d\u202f,.]+)</text>", svg)
    assert "1\u202f234" in numbers and "1\u202f000" in numbers and not any("," in n or "." in n for n in numbers)


def test_the_lead_sentences_read_as_french():
    from ssp.bilan import busiest_day, leading

    assert leading([("Bretagne", 2), ("Normandie", 2), ("Corse", 1)], "regions").startswith(
        "Bretagne et Normandie à égalité (2 actions chacune) ; 3 régions sur 18")
    assert leading([("Atelier", 2), ("Colloque", 2)], "types") == "Atelier et Colloque à égalité (2 actions chacun)."

    days = [("Lundi 16 septembre", 2), ("Mardi 17 septembre", 2), ("Mercredi 18 septembre", 1)]
    assert busiest_day(days) == "3 jours d'actions ; les plus chargés : lundi 16 septembre et mardi 17 septembre (2 actions chacun)."
    assert busiest_day(days[1:]) == "2 jours d'actions ; le plus chargé : mardi 17 septembre (2 actions)."
