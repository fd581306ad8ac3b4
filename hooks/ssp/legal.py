"""Legal pages (accessibility, legal notice, personal data): prose in docs/, facts from configuration.

A page writes [[key]] where a fact goes; the facts come from mkdocs.yml `extra.legal`, so
that another publisher only edits configuration. An unknown key is an error, never a blank.
"""

from __future__ import annotations

import html
import re

from .fields import is_link
from .problems import ContentError, Problem

PLACEHOLDER = re.compile(r"\[\[\s*([a-z_]+)\s*\]\]")
LINKED = re.compile(r"\[([^\]\n]+)\]\(\[\[\s*([a-z_]+)\s*\]\]\)")  # [text]([[key]]): a link to the fact's address
STATUSES = ("totalement conforme", "partiellement conforme", "non conforme")


def fill(markdown: str, facts: dict[str, str], rel: str) -> str:
    """Replace every [[key]] with its fact (HTML-escaped), or report every unknown key."""
    problems = [Problem(rel, markdown[: match.start()].count("\n") + 1, match.group(1),
                        f"information légale inconnue ; ajoutez-la sous extra.legal dans mkdocs.yml "
                        f"(connues : {', '.join(sorted(facts))})")
                for match in PLACEHOLDER.finditer(markdown) if match.group(1) not in facts]
    if problems:
        raise ContentError(problems)
    markdown = LINKED.sub(lambda match: _link(match.group(1), str(facts[match.group(2)])), markdown)
    return PLACEHOLDER.sub(lambda match: html.escape(str(facts[match.group(1)])), markdown)


def _link(text: str, address: str) -> str:
    """A link to an address the publisher gives; until it is given, the text and what is to be filled in."""
    if is_link(address):  # as an action's registration: https:, mailto: or tel:
        return f"[{text}](<{html.escape(address)}>)"
    return f"{text} ({html.escape(address)})"


def check_status(status: str) -> None:
    if status not in STATUSES:
        raise ContentError([Problem("mkdocs.yml", 0, "extra.legal.accessibility_status",
                                    f"« {status} » : valeurs permises : {', '.join(STATUSES)}")])
