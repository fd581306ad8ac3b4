"""Problems as GitHub shows them on a pull request: annotations on each file's line, and a table
in the job's summary (GitHub shows at most 10 annotations per step; the summary has them all)."""

from __future__ import annotations

import re

from .problems import Problem, shown


def _data(text: str) -> str:
    """A workflow command's message: « % », CR and LF escaped as GitHub's toolkit does."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """A workflow command's property value: also « : » and « , »."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem, level: str = "error") -> str:
    """`::error file=…,line=…,title=…::message`"""
    properties = [f"file={_property(problem.path)}"]
    if problem.line:
        properties.append(f"line={problem.line}")
    title = f"Champ « {problem.field} »" if problem.field else "Contenu"
    properties.append(f"title={_property(title)}")
    return f"::{level} {','.join(properties)}::{_data(problem.message)}"


def code_span(text: str) -> str:
    """A value shown in GitHub Markdown (job summary, comment) as it is, never as markup: a link,
    an image, a mention or HTML written in content stays text. A code span, its fence longer than any
    run of backticks inside; line breaks and pipes (table cells) neutralised."""
    text = shown(text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")).replace("|", "\\|")
    if not text.strip():
        return " "
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    return f"{fence} {text} {fence}"


def _cell(text: str) -> str:
    return code_span(text)


def summary(problems: list[Problem], notes: list[Problem], valid_text: str) -> str:
    """The job summary, in Markdown: every problem in a table, then the notes."""
    if not problems:
        lines = [f"### ✅ {valid_text}"]
    else:
        count = f"{len(problems)} erreur{'s' if len(problems) > 1 else ''}"
        lines = [f"### ❌ {count} dans le contenu", "",
                 "Corrigez chaque fichier à la ligne indiquée (bouton « Edit » du fichier dans l'onglet "
                 "« Files changed »), puis enregistrez : la vérification recommence.", "",
                 "| Fichier | Ligne | Champ | Ce qu'il faut corriger |", "|---|---:|---|---|"]
        lines += [f"| {_cell(p.path)} | {p.line or ''} | {_cell(p.field)} | {_cell(p.message)} |" for p in problems]
    if notes:
        lines += ["", "Remarques :", ""] + [f"- {_cell(note.path)} : {_cell(note.message)}" for note in notes]
    return "\n".join(lines) + "\n"
