"""Gate 2: the Nu Html Checker finds no error in any built page."""

from __future__ import annotations

from checks import vnu_errors


def test_every_page_is_valid_html(presented_site):
    built, _ = presented_site
    assert vnu_errors(built.site) == []


def test_gate_catches_a_broken_template(broken_site):
    built, _ = broken_site
    errors = vnu_errors(built.site)
    assert any("img" in error and "alt" in error for error in errors), errors
    assert any("“li” not allowed as child of element “div”" in error for error in errors), errors
