"""Gates 1, 4, 9 and 11 on every page template and a sample of events, in each presentation, in one
visit of each page (a page load is most of a gate's cost): on a 320 px screen, what the page requests
from another site (4), its Content-Security-Policy violations (9), what reflows badly (11), and at 320 and
1,280 px wide, axe-core's WCAG 2.1 AA and RGAA findings (1: a table wider than a phone must scroll by keyboard too). At both widths, what the page's scripts (the DSFR's
check their markup: a modal without a name…) say is wrong on the console. The other cases of each gate are in its own file."""

from __future__ import annotations

import pytest
from pages import ALL

from checks import LISTEN, axe_violations, reflow_problems, settle


@pytest.mark.parametrize("path", ALL.values(), ids=ALL.keys())
def test_every_page_passes_the_browser_gates(presented_site, page, path):
    _, server = presented_site
    origin = f"http://127.0.0.1:{server.port}/"
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    said: list[str] = []
    page.on("console", lambda message: said.append((message.text, message.location.get("url"))) if message.type in ("error", "warning") else None)
    page.add_init_script(LISTEN)
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(server.base + path)
    settle(page)
    found = {"reflow à 320 px (11)": reflow_problems(page), "axe à 320 px (1)": axe_violations(page)}  # a wide table
    page.set_viewport_size({"width": 1280, "height": 720})  # scrolls there: the keyboard must reach it
    found["axe (1)"] = axe_violations(page)
    found["CSP (9)"] = page.evaluate("window.__csp")
    found["autres sites (4)"] = [address for address in requested if not address.startswith((origin, "data:"))]
    found["console"] = [text for text, where in said if "Content Security Policy" not in text  # CSP: counted above
                        and where != server.base + path]  # the 404 page's own status
    assert {gate: problems for gate, problems in found.items() if problems} == {}
