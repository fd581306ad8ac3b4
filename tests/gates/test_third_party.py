"""Gate 4: no page makes a request to another site (the browser's record of each template in test_pages.py,
and a static scan of the files here)."""

from __future__ import annotations

from checks import foreign_requests, static_third_party


def test_no_file_points_at_another_site(presented_site):
    built, _ = presented_site
    assert static_third_party(built.site) == []


def test_gate_catches_a_font_from_another_site(broken_site, page):
    built, server = broken_site
    path = "2017/evenements/portes-ouvertes-maternite-douai/"
    assert foreign_requests(page, server.base + path, f"http://127.0.0.1:{server.port}/") == [
        "https://fonts.googleapis.com/css?family=Roboto"]
    assert f"{path}index.html: <link> https://fonts.googleapis.com/css?family=Roboto" in static_third_party(built.site)


def test_static_scan_reads_css_and_inline_styles(tmp_path):
    (tmp_path / "a.css").write_text("@import url('https://cdn.example/x.css'); b { background: url(//img.example/y.png) }")
    (tmp_path / "p.html").write_text('<p style="background:url(https://img.example/z.png)"></p><img src="ok.png" srcset="ok.png 1x, https://img.example/w.png 2x">')
    assert static_third_party(tmp_path) == [
        "a.css: https://cdn.example/x.css", "a.css: //img.example/y.png",
        "p.html: <img> https://img.example/w.png", "p.html: style= https://img.example/z.png"]
