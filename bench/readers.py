"""`make bench-lecteurs`: the listing of a big edition, read as on a mid-range phone.

Builds one edition of N synthetic actions, serves it on 127.0.0.1, and opens its listing in Debian's
Chromium at 390×844 with the CPU slowed 4× (DevTools' throttling). Measures:
- first results: the frame after the first result card entered the page (ms after navigation start;
  a big edition's page carries its first results); filters ready: the `ssp-results` mark filters.js
  sets once the data is read and the results drawn;
- the longest interaction (what Chrome's Interaction to Next Paint counts, from the Event Timing
  API): typing « rennes » key by key, choosing a region and a type with the keyboard, « Afficher plus »;
- the page's DOM elements after each step.

Usage: python bench/readers.py [N ...]   (default: 2000 10000)
"""

from __future__ import annotations

import functools
import http.server
import os
import platform
import subprocess
import sys
import tempfile
import threading
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "gates")]

from generate import copy_site, generate  # noqa: E402

from checks import launch  # noqa: E402  (Debian's Chromium, headless, no network)

EVENTS = """window.__longest = {};
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    if (!entry.interactionId) continue;
    window.__longest[entry.name] = Math.max(window.__longest[entry.name] || 0, entry.duration);
  }
}).observe({type: "event", durationThreshold: 16, buffered: true});
window.__tasks = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) window.__tasks.push([entry.startTime, entry.duration]);
}).observe({type: "longtask", buffered: true});
// First results: the frame after the first result card entered the page (from the HTML or from filters.js).
new MutationObserver((records, observer) => {
  if (!document.querySelector(".ssp-card")) return;
  observer.disconnect();
  requestAnimationFrame(() => setTimeout(() => { window.__firstCard = performance.now(); }, 0));
}).observe(document, {childList: true, subtree: true});"""


def build(folder: Path, events: int, presentation: str = "etat") -> Path:
    """One edition of `events` synthetic actions, built in `folder`/site in `presentation`."""
    copy_site(folder)
    generate(folder, events, editions=1)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "http://127.0.0.1/", "SSP_PRESENTATION": presentation}
    subprocess.run([sys.executable, "-m", os.environ.get("SSP_ENGINE", "properdocs"), "build", "-d", "site"], cwd=folder, env=env, check=True,
                   capture_output=True)
    return folder / "site"


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def elements(page) -> int:
    return page.evaluate("document.getElementsByTagName('*').length")


def measure(page, url: str) -> dict:
    page.goto(url)
    while not page.evaluate("performance.getEntriesByName('ssp-results').length"):  # polled: the CSP forbids eval
        page.wait_for_timeout(50)
    first = page.evaluate("window.__firstCard")
    data = page.evaluate("performance.getEntriesByName('ssp-data')[0].startTime")
    ready = page.evaluate("performance.getEntriesByName('ssp-results')[0].startTime")
    figures = {"first_results_ms": round(first), "data_ms": round(data), "filters_ms": round(ready),
               "dom_after_load": elements(page)}
    figures["timeline"] = page.evaluate("""(() => {
      const n = performance.getEntriesByType('navigation')[0];
      const json = performance.getEntriesByType('resource').find(r => r.name.endsWith('liste.json'));
      return {html: Math.round(n.responseEnd), interactive: Math.round(n.domInteractive),
              loaded: Math.round(n.domContentLoadedEventEnd), json_start: json && Math.round(json.startTime),
              json_end: json && Math.round(json.responseEnd), json_kb: json && Math.round(json.encodedBodySize / 1024)};
    })()""")
    page.locator("#ssp-filters-more").evaluate("details => details.open = true")
    page.focus("#ssp-q")
    for letter in "rennes":
        page.keyboard.press(letter)
        page.wait_for_timeout(250)
    page.wait_for_timeout(800)
    figures["dom_after_search"] = elements(page)
    page.fill("#ssp-q", "")
    page.wait_for_timeout(800)
    for name in ("#ssp-region", "#ssp-type"):
        page.focus(name)
        page.keyboard.press("ArrowDown")
        page.wait_for_timeout(600)
    figures["dom_after_filters"] = elements(page)
    page.click("text=Effacer les filtres")
    page.wait_for_timeout(600)
    if page.locator(".ssp-more").is_visible():
        page.click(".ssp-more")
        page.wait_for_timeout(600)
    figures["dom_after_more"] = elements(page)
    page.wait_for_timeout(500)
    figures["update_ms"] = round(page.evaluate(
        "Math.max(0, ...performance.getEntriesByName('ssp-update').map(entry => entry.duration))"))
    figures["longest_task_ms"] = round(page.evaluate(f"Math.max(0, ...window.__tasks.filter(t => t[0] > {ready}).map(t => t[1]))"))
    longest = page.evaluate("window.__longest")
    figures["longest_interaction_ms"] = round(max(longest.values(), default=0))
    figures["longest_by_event"] = {name: round(value) for name, value in sorted(longest.items())}
    return figures


def main(sizes: list[int]) -> None:
    from playwright.sync_api import sync_playwright

    print(f"Mesuré le {date.today().isoformat()} sur {platform.machine()}, {os.cpu_count()} cœurs, "
          "Chromium 390×844, processeur ralenti 4×\n")
    print("| actions | premiers résultats (filtres prêts) | interaction la plus longue (INP) | résultats après un choix "
          "(tâche la plus longue) "
          "| éléments DOM (chargé / recherche / filtres / « plus ») |")
    print("|---:|---:|---:|---:|---:|")
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for size in sizes:
            with tempfile.TemporaryDirectory() as folder:
                server, base = serve(build(Path(folder), size))
                context = browser.new_context(viewport={"width": 390, "height": 844}, locale="fr-FR", is_mobile=True,
                                              has_touch=True)
                context.add_init_script(EVENTS)
                page = context.new_page()
                page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
                figures = measure(page, base + "2026/evenements/")
                server.shutdown()
                context.close()
            line = figures["timeline"]
            print(f"    chronologie : page reçue {line['html']} ms, DOM prêt {line['interactive']} ms, données reçues "
                  f"{line['json_end']} ms ({line['json_kb']} Ko)", file=sys.stderr)
            dom = " / ".join(str(figures[key]) for key in ("dom_after_load", "dom_after_search", "dom_after_filters",
                                                            "dom_after_more"))
            print(f"| {size} | {figures['first_results_ms']} ms ({figures['filters_ms']} ms ; données lues à "
                  f"{figures['data_ms']} ms) | "
                  f"{figures['longest_interaction_ms']} ms "
                  f"({', '.join(f'{k} {v}' for k, v in figures['longest_by_event'].items())}) | {figures['update_ms']} ms "
                  f"({figures['longest_task_ms']} ms) "
                  f"| {dom} |", flush=True)
        browser.close()


if __name__ == "__main__":
    main([int(size) for size in sys.argv[1:]] or [2000, 10000])
