"""MkDocs hook: a Content-Security-Policy and a referrer policy on every page.

Scripts run only from the site's own files, from the two inline scripts Material for MkDocs
writes in every page of the « neutre » presentation (its storage helpers, whose base address
depends on the page's depth, and its tab-target fix; the DSFR frame has none) and from our
one-line JS_CLASS, each allowed by the SHA-256 hash of its text on that page; never
'unsafe-inline'. Any other inline script — one slipped into a page by a sanitiser bug, say — is
left out of the policy, so the browser does not run it. JSON data blocks (`application/json`,
`application/ld+json`) are not scripts and need no hash. When Material changes these scripts, the
CSP browser test reports a violation: compare them, then update MATERIAL_INLINE.
"""

from __future__ import annotations

import base64
import hashlib
import re

from ssp.api import page_source

INLINE_SCRIPT = re.compile(r"<script(?P<attributes>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE)
DATA_TYPES = re.compile(r"""\btype\s*=\s*["']?application/(?:ld\+)?json""", re.IGNORECASE)
CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?>", re.IGNORECASE)
POLICY = ("default-src 'self'; script-src 'self'{wasm}{hashes}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
          "font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; "
          "form-action 'self'; frame-src 'none'")
REFERRER = '<meta name="referrer" content="strict-origin-when-cross-origin">'


# SHA-256 of Material 9.8's inline scripts, with the base address written « new URL("",location) ».
MATERIAL_INLINE = {"7eb3684fdacd2881f67b9428983273a29d8774d8bc82622af9b65a8ec1032a90",  # __md_scope, __md_get…
                   "ffcc0f7735fdab434d257c80e65cec2e88d716991e69757185b7e450e41a5b2f"}  # var target=…
BASE_ADDRESS = re.compile(r'new URL\("[^"\\<]*",location\)')
# Ours, in overrides/partials/ssp/head.html: the page says at once that scripts run, so that what only
# works with them (CSS `.no-js .ssp-needs-js`) takes its place from the first paint, not later.
JS_CLASS = 'document.documentElement.classList.replace("no-js","js")'



def is_known_script(body: str) -> bool:
    normalised = BASE_ADDRESS.sub('new URL("",location)', body, count=1)
    return body == JS_CLASS or hashlib.sha256(normalised.encode("utf-8")).hexdigest() in MATERIAL_INLINE


def script_hashes(html: str) -> list[str]:
    """The CSP source of each of Material's inline scripts, and ours, in the page, once each; other
    inline scripts get none, so they do not run."""
    hashes = []
    for match in INLINE_SCRIPT.finditer(html):
        if re.search(r"\bsrc\s*=", match.group("attributes")) or DATA_TYPES.search(match.group("attributes")):
            continue
        if not is_known_script(match.group("body")):
            continue
        digest = base64.b64encode(hashlib.sha256(match.group("body").encode("utf-8")).digest()).decode()
        if f"'sha256-{digest}'" not in hashes:
            hashes.append(f"'sha256-{digest}'")
    return hashes


# The search page runs Pagefind's WebAssembly: 'wasm-unsafe-eval' lets it compile that module, and
# nothing else (it allows no JavaScript eval); no other page needs it.
SEARCH_PAGE = page_source("search")


def with_policy(html: str, wasm: bool = False) -> str:
    """The page with its policies right after `<meta charset>`, before any script."""
    policy = POLICY.format(wasm=" 'wasm-unsafe-eval'" if wasm else "",
                           hashes="".join(" " + source for source in script_hashes(html)))
    tags = f'<meta http-equiv="Content-Security-Policy" content="{policy}">{REFERRER}'
    html, found = CHARSET.subn(lambda match: match.group() + tags, html, count=1)
    if not found:
        raise RuntimeError("page sans <meta charset=\"utf-8\"> : impossible d'y placer la politique de sécurité (CSP)")
    return html


def on_post_page(output: str, page, config) -> str:
    return with_policy(output, wasm=page.file.src_uri == SEARCH_PAGE)


def on_post_template(output_content: str, template_name: str, config) -> str:
    return with_policy(output_content) if template_name.endswith(".html") else output_content
