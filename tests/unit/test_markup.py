"""Content Markdown (ssp.markup): a table comes in a frame that scrolls on a phone and that the keyboard
reaches; the sanitiser keeps that frame's attributes with those values only."""

from __future__ import annotations

from bs4 import BeautifulSoup

from ssp import markup

TABLE = "| Horaire | Atelier |\n|---|---|\n| 9 h | Identitovigilance : le bracelet, à chaque soin |\n"


def test_a_table_scrolls_in_a_frame_the_keyboard_reaches():
    html = BeautifulSoup(markup.render(f"Avant.\n\n{TABLE}\nAprès."), "html.parser")
    frame = html.select_one("div.ssp-table-scroll")
    assert frame.attrs == {"class": ["ssp-table-scroll"], "role": "region", "aria-label": "Tableau", "tabindex": "0"}
    assert [child.name for child in frame.find_all(recursive=False)] == ["table"]
    assert [p.get_text() for p in html.find_all("p", recursive=False)] == ["Avant.", "Après."]


def test_the_frame_s_attributes_keep_no_other_value():
    written = ('<div class="ssp-table-scroll autre" role="button" aria-label="Cliquez" tabindex="-1" onclick="alert(1)" '
               'style="position:fixed">texte</div>')
    assert markup.render(written) == "<div>texte</div>"
    assert 'title="&lt;table&gt;"' in markup.render('<a title="<table>" href="https://example.org/">lien</a>')
