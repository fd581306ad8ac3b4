"""Do the external links of the content still answer? For a person to run (`make liens`), never in CI."""

from __future__ import annotations

import ipaddress
import socket
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from .load import Campaigns

USER_AGENT = "Mozilla/5.0 (compatible; ssp-verification-liens)"


@dataclass(frozen=True)
class Link:
    url: str
    source: str  # the content file that cites it
    what: str


def external_links(campaigns: Campaigns) -> list[Link]:
    links = []
    for edition in campaigns.editions:
        links += [Link(r.url, edition.source, f"ressource « {r.title} »") for r in edition.meta.resources]
        links += [Link(m.meta.url, edition.source, f"support « {m.meta.title} »") for m in edition.materials if m.meta.url]
        links += [Link(c.meta.url, c.source, "page de l'appel à projets") for c in edition.calls if c.meta.url]
        for event in edition.events:
            links += [Link(url, event.source, "lien de l'action") for url in (event.meta.online_url, event.meta.registration)
                      if url and url.startswith(("http://", "https://"))]
    links += [Link(c.meta.website, c.source, "site internet") for c in campaigns.contacts.values() if c.meta.website]
    return sorted(set(links), key=lambda link: (link.source, link.url))


SKIPPED = "non vérifié : adresse interne (cette machine, un réseau privé ou local), jamais contactée"


def internal(url: str) -> bool:
    """Does `url` lead to this machine or a private network (after resolving its name)? Such
    addresses are not contacted: a content file could make the checker reach a local service."""
    try:
        host = urllib.parse.urlsplit(url).hostname or ""
        if not host or host.endswith((".local", ".localhost", ".internal", ".home.arpa")) or host == "localhost":
            return True
        addresses = {str(info[4][0]) for info in socket.getaddrinfo(host, None)}
    except (OSError, ValueError, UnicodeError):
        return False  # an unknown name: the request will say it is unreachable
    return any(not ipaddress.ip_address(address.split("%")[0]).is_global for address in addresses)


class _Redirects(urllib.request.HTTPRedirectHandler):
    """A redirection is followed only to another public address."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if internal(newurl):
            raise urllib.error.URLError(f"redirigé vers une adresse interne ({newurl}), non suivie")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_opener = urllib.request.build_opener(_Redirects)


def status(url: str, timeout: float = 15) -> str | None:
    """None when the link answers; otherwise what went wrong, in French (SKIPPED for an internal address)."""
    if internal(url):
        return SKIPPED
    for method in ("HEAD", "GET"):  # some servers refuse HEAD
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with _opener.open(request, timeout=timeout):
                return None
        except urllib.error.HTTPError as error:
            if method == "GET" or error.code not in (403, 405, 501):
                return f"répond « {error.code} {error.reason} »"
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            reason = getattr(error, "reason", error)
            return f"injoignable ({reason})"
    return None


def check(links: list[Link], workers: int = 8) -> list[tuple[Link, str]]:
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(lambda link: status(link.url), links))
    return [(link, problem) for link, problem in zip(links, results) if problem]
