"""Problems found in content, reported to editors in French."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from .frenchnumbers import plural


def shown(text: str) -> str:
    """A text printed to a terminal or a CI log: line breaks and every other control or invisible
    character written as « \\u000a », so that a value cannot start a line of its own (a GitHub
    workflow command such as « ::error », « ::add-mask:: ») nor hide what follows it."""
    if text.isprintable():
        return text
    return "".join(f"\\u{ord(character):04x}" if not character.isprintable() and unicodedata.category(character) != "Zs"
                   else character for character in text)  # spaces (no-break, thin) are text


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one file, with where it is and what to do."""

    path: str  # relative to the project, with forward slashes
    line: int  # 1-based; 0 when the whole file is concerned
    field: str  # dotted key path ("venue.city", "slots.2.end"), or ""
    message: str  # French, says what is expected

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        message = self.message
        if len(message) > LONGEST:  # a value of a megabyte quoted back: its start and the end, which says what to do
            message = f"{message[:600]} [… {plural(len(message) - 900, 'caractère')} …] {message[-300:]}"
        return shown(f"{where}: {self.field} : {message}" if self.field else f"{where}: {message}")


LONGEST = 1_000  # characters of a message printed whole (terminal, CI log)


class ContentError(Exception):
    """Raised when content has problems; carries every one of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(format_problems(self.problems))


def format_problems(problems: list[Problem], outcome: str = "") -> str:
    """All problems, one per line, after a title saying how many and what was not done (`outcome`)."""
    count = len(problems)
    title = plural(count, "erreur") + " dans le contenu"
    lines = [f"{title}{' ; ' + outcome if outcome else ''}. Corrigez :"]
    lines += [f"  {problem}" for problem in problems]
    return "\n".join(lines)
