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


def axe_violations(page) -> list[dict]:
    """Run axe-core on the loaded page with the WCAG 2.1 AA and RGAA 4 rules."""
    page.evaluate(AXE_JS.read_text(encoding="utf-8"))  # through DevTools: the page's CSP forbids added inline scripts
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


def wait_until(page, expression: str, timeout: float = 10) -> None:
    """Wait until a JavaScript expression is true in the page. Polled from here: Playwright's
    wait_for_function evaluates a string inside the page, which the site's CSP forbids."""
    import time

    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"never true: {expression}")
        page.wait_for_timeout(50)
