"""The quality gates' checkers, each a function returning what it found wrong (empty = pass).

Each wraps a real tool: axe-core in Debian's Chromium (Playwright), the Nu Html Checker,
lychee; and our own scan for requests to other sites.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import subprocess
import threading
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from helpers import ROOT

AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "RGAAv4"]
MOUNT = "ssp"  # the site is served under /ssp/, as on GitHub Pages (/<repo>/)


# --- Serving a built site under a sub-path, on 127.0.0.1 only -------------------------

class SiteServer:
    """Serves `site_dir` at http://127.0.0.1:<port>/ssp/ with the site's own 404 page."""

    def __init__(self, site_dir: Path | None = None):
        self.root: Path | None = None
        handler = functools.partial(_Handler, server_owner=self)
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.port = self.httpd.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}/{MOUNT}/"
        if site_dir:
            self.serve(site_dir)

    def serve(self, site_dir: Path) -> None:
        self.root = site_dir
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class _Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, server_owner: SiteServer, **kwargs):
        self.owner = server_owner
        super().__init__(*args, directory=str(server_owner.root), **kwargs)

    def translate_path(self, path: str) -> str:
        prefix = f"/{MOUNT}/"
        if not path.startswith(prefix):
            return str(self.owner.root / "__outside_the_mount__")
        return super().translate_path("/" + path[len(prefix):])

    def send_error(self, code, message=None, explain=None):
        page = self.owner.root / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


# --- Browser ---------------------------------------------------------------------------

def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


@functools.cache
def _axe_source() -> str:
    return AXE_JS.read_text(encoding="utf-8")


def axe_violations(page) -> list[dict]:
    """Run axe-core on the loaded page with the WCAG 2.1 AA and RGAA 4 rules."""
    if page.evaluate("typeof axe === 'undefined'"):  # once per page loaded (a second run, at another width, reuses it)
        page.evaluate(_axe_source())  # through DevTools: the page's CSP forbids added inline scripts
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return [{"id": v["id"], "help": v["help"], "targets": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]]


def settle(page) -> None:
    """The page loaded, its fonts drawn and its scripts' requests over: waiting for the network to go
    quiet is kept short (Chromium under load sometimes never reports it: a slow machine, not a fault)."""
    from playwright.sync_api import TimeoutError as Late

    page.wait_for_load_state("load")
    page.evaluate("document.fonts.ready.then(() => true)")
    try:
        page.wait_for_load_state("networkidle", timeout=5_000)
    except Late:
        pass


# Records the page's Content-Security-Policy violations (an init script, run before the page's own).
LISTEN = """window.__csp = [];
document.addEventListener("securitypolicyviolation",
  e => window.__csp.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample || ""}`));"""


def reflow_problems(page) -> dict[str, list]:
    """On a page shown 320 px wide: what is wider than the screen, the words of table cells cut in two,
    the screen readers' words shown (WCAG 1.4.10)."""
    problems = {}
    if page.evaluate("document.documentElement.scrollWidth") > 320:
        problems["trop large"] = page.evaluate("""[...document.querySelectorAll('body *')]
          .filter(element => element.getBoundingClientRect().right > 321)
          .slice(0, 5).map(element => element.tagName + '.' + element.className)""")
    for name, script in (("mots coupés", BROKEN_WORDS), ("textes masqués visibles", SHOWN_HIDDEN_TEXTS)):
        if found := page.evaluate(script):
            problems[name] = found
    return problems


# Words of table cells drawn on two lines: a break inside a word, not at a hyphen, slash or punctuation.
BROKEN_WORDS = """() => {
  const broken = [];
  for (const cell of document.querySelectorAll('main table th, main table td')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest('.fr-sr-only')) { continue; }
      for (const word of node.data.matchAll(/[^\\s\\-\\/,()_.:+@=]+/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const lines = new Set([...range.getClientRects()].filter(rect => rect.width > 0).map(rect => Math.round(rect.top)));
        if (lines.size > 1) { broken.push(word[0]); }
      }
    }
  }
  return broken;
}"""
SHOWN_HIDDEN_TEXTS = """() => [...document.querySelectorAll('.fr-sr-only')]
  .filter(element => element.getBoundingClientRect().width > 1).map(element => element.textContent)"""


def foreign_requests(page, url: str, origin: str) -> list[str]:
    """Load `url` and return every request made to another origin."""
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    page.goto(url, wait_until="networkidle")
    return [address for address in seen if not address.startswith(origin) and not address.startswith("data:")]


# --- Nu Html Checker --------------------------------------------------------------------

# Messages proven false positives, each with why.
VNU_FALSE_POSITIVES: list[tuple[str, str]] = [
]


def vnu_errors(site_dir: Path) -> list[str]:
    """Every HTML error the Nu Html Checker finds in the built site."""
    result = subprocess.run(["java", "-jar", str(VNU_JAR), "--format", "json", "--skip-non-html", "--errors-only", str(site_dir)],
                            capture_output=True, text=True, timeout=900)
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    errors = []
    for message in messages:
        text = message.get("message", "")
        if any(re.search(pattern, text) for pattern, _why in VNU_FALSE_POSITIVES):
            continue
        where = message.get("url", "").split(str(site_dir))[-1]
        errors.append(f"{where}:{message.get('lastLine', '?')}: {text}")
    return errors


# --- Links ------------------------------------------------------------------------------

def broken_links(site_dir: Path, work_dir: Path) -> list[str]:
    """Internal links and anchors checked offline by lychee, with the site mounted at /ssp/."""
    mounted = work_dir / "mounted"
    if mounted.exists():
        shutil.rmtree(mounted)
    shutil.copytree(site_dir, mounted / MOUNT)
    lychee = shutil.which("lychee") or str(Path(__import__("sys").executable).parent / "lychee")
    result = subprocess.run(
        [lychee, "--offline", "--include-fragments", "--no-progress", "--format", "json",
         "--root-dir", str(mounted), str(mounted / MOUNT)],
        capture_output=True, text=True, timeout=600)
    report = json.loads(result.stdout or "{}")
    failures = []
    for page, problems in (report.get("error_map") or report.get("fail_map") or {}).items():
        for problem in problems:
            failures.append(f"{page.split(str(mounted))[-1]}: {problem.get('url')} ({problem.get('status', {}).get('text', '')})")
    if result.returncode not in (0, 2) or (result.returncode == 2 and not failures):
        failures.append(f"lychee a échoué : {result.stderr.strip() or result.stdout.strip()}")
    return failures


# --- Static scan for third-party resources ---------------------------------------------

RESOURCE_ATTRS = {"script": "src", "img": "src", "iframe": "src", "source": "src", "video": "src",
                  "audio": "src", "embed": "src", "object": "data", "track": "src", "input": "src"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)|@import\s+(?:url\()?\s*['"]?([^'")\s;]+)""")


def _external(address: str) -> bool:
    address = address.strip()
    return address.startswith("//") or bool(urlsplit(address).netloc)


def static_third_party(site_dir: Path) -> list[str]:
    """Resources that a page would fetch from another site: scripts, styles, fonts, images, frames."""
    found = []
    for path in sorted(site_dir.rglob("*")):
        rel = path.relative_to(site_dir).as_posix()
        if path.suffix == ".html":
            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            for tag in soup.find_all(list(RESOURCE_ATTRS) + ["link"]):
                if tag.name == "link":
                    rels = set(tag.get("rel") or [])
                    address = tag.get("href", "") if rels & {"stylesheet", "preload", "icon", "preconnect", "dns-prefetch", "modulepreload", "manifest", "apple-touch-icon"} else ""
                else:
                    address = tag.get(RESOURCE_ATTRS[tag.name], "")
                for candidate in [address] + [part.split()[0] for part in (tag.get("srcset") or "").split(",") if part.strip()]:
                    if candidate and _external(candidate):
                        found.append(f"{rel}: <{tag.name}> {candidate}")
            for style in soup.find_all("style"):
                found += [f"{rel}: <style> {url}" for url in _css_urls(style.get_text()) if _external(url)]
            for tag in soup.find_all(style=True):
                found += [f"{rel}: style= {url}" for url in _css_urls(tag["style"]) if _external(url)]
        elif path.suffix == ".css":
            found += [f"{rel}: {url}" for url in _css_urls(path.read_text(encoding="utf-8")) if _external(url)]
    return found


def _css_urls(css: str) -> list[str]:
    return [a or b for a, b in CSS_URL.findall(css)]


# A colour's relative luminance (WCAG 2.1), from 0 (black) to 1 (white); null for a transparent one.
LUMINANCE = """colour => {
  const [r, g, b, a = 1] = (colour.match(/[\\d.]+/g) || []).map(Number);
  if (a === 0 || r === undefined) return null;
  const linear = v => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}"""


def wait_until(page, expression: str, timeout: float = 10) -> None:
    """Wait until a JavaScript expression is true in the page. Polled from here: Playwright's
    wait_for_function evaluates a string inside the page, which the site's CSP forbids."""
    import time

    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"never true: {expression}")
        page.wait_for_timeout(50)
