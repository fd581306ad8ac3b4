"""What `ssp importer` tells: a line per row of the sheet, in order, a summary whose figures add
up to the number of rows, and the same report as a CSV to open beside the sheet."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Any

from .frenchnumbers import plural
from .problems import Problem

OUTCOMES = {  # outcome → its French label, singular and plural
    "header": ("ligne d'en-tête", "lignes d'en-tête"),
    "blank": ("ligne vide", "lignes vides"),
    "above": ("ligne au-dessus des en-têtes (non lue)", "lignes au-dessus des en-têtes (non lues)"),
    "hidden": ("ligne masquée dans le tableur (non importée)", "lignes masquées dans le tableur (non importées)"),
    "created": ("action créée", "actions créées"),
    "updated": ("action mise à jour", "actions mises à jour"),
    "unchanged": ("action inchangée", "actions inchangées"),
    "held": ("ligne valide non écrite", "lignes valides non écrites"),
    "to-create": ("action à créer (essai)", "actions à créer (essai)"),
    "to-update": ("action à mettre à jour (essai)", "actions à mettre à jour (essai)"),
    "different": ("ligne différente d'un fichier existant (non remplacé)", "lignes différentes d'un fichier existant (non remplacé)"),
    "error": ("ligne en erreur", "lignes en erreur"),
}
EVENT_OUTCOMES = OUTCOMES | {  # the same, for the records of an OpenAgenda export
    "held": ("événement valide non écrit", "événements valides non écrits"),
    "different": ("événement différent d'un fichier existant (non remplacé)",
                  "événements différents d'un fichier existant (non remplacé)"),
    "error": ("événement en erreur", "événements en erreur"),
}


@dataclass
class RowResult:
    row: int
    outcome: str
    path: str = ""  # the event file, relative to the project
    problems: list[Problem] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)  # « titre : « A » → « B » »
    text: str = ""  # the file's new text, when it is to be written


@dataclass
class ImportReport:
    source: str
    origin: str = ""
    rows: list[RowResult] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # about the whole file (columns…)
    notes: list[str] = field(default_factory=list)
    unit: str = "ligne"  # what a record is: a spreadsheet's line, or an OpenAgenda export's « événement »

    def count(self, outcome: str) -> int:
        return sum(1 for row in self.rows if row.outcome == outcome)

    @property
    def ok(self) -> bool:
        return not self.problems and not any(row.outcome in ("error", "different") for row in self.rows)

    def all_problems(self) -> list[Problem]:
        return self.problems + [problem for row in self.rows for problem in row.problems]


# How the report names things, for a spreadsheet (records are lines) or an OpenAgenda export (events).
WORDS: dict[str, dict[str, Any]] = {
    "ligne": {"outcomes": OUTCOMES, "read": "ligne lue", "field": "colonne", "from": "du tableur", "fix": "le tableur",
              "fix_first": "les colonnes du tableur", "file_error": "erreur du tableur"},
    "événement": {"outcomes": EVENT_OUTCOMES, "read": "événement lu", "field": "champ", "from": "de l'export",
                  "fix": "l'export", "fix_first": "le fichier", "file_error": "erreur du fichier"},
}


def summary(report: ImportReport) -> str:
    """« 12 lignes : 1 ligne d'en-tête, 2 lignes vides, 8 actions créées, 1 ligne en erreur. » — the
    figures add up to the number of rows in the sheet."""
    parts = []
    for outcome, (singular, plural_form) in WORDS[report.unit]["outcomes"].items():
        if count := report.count(outcome):
            parts.append(plural(count, singular, plural_form))
    return plural(len(report.rows), WORDS[report.unit]["read"]) + " : " + ", ".join(parts) + "."


def report_lines(report: ImportReport) -> list[tuple[str, bool]]:
    """What the command prints, in row order: (line, is it a problem)."""
    words = WORDS[report.unit]
    lines = [(f"{report.source} : {report.origin}", False)] if report.origin else []
    lines += [(f"Remarque : {note}", False) for note in report.notes]
    lines += [(_problem_line(problem, report), True) for problem in report.problems]
    for row in report.rows:
        if row.outcome in ("header", "blank"):
            continue
        label = words["outcomes"][row.outcome][0]
        lines.append((f"{report.unit} {row.row} : {label}" + (f" → {row.path}" if row.path else ""),
                      row.outcome in ("error", "different")))
        lines += [(f"  {_problem_line(problem, report)}", True) for problem in row.problems]
        lines += [(f"  {change}", row.outcome == "different") for change in row.changes]
    if any(row.outcome == "hidden" for row in report.rows):
        lines.append(("Des lignes masquées dans le tableur (à la main ou par un filtre) n'ont pas été importées : "
                      "relancez avec --lignes-masquees pour les importer aussi.", False))
    if any(row.outcome == "different" for row in report.rows):
        lines.append((f"Des actions existantes diffèrent {words['from']} : relancez avec --remplacer pour appliquer les "
                      "changements listés (seules les colonnes remplies sont reprises).", True))
    if any(row.outcome.startswith("to-") for row in report.rows):
        lines.append(("Essai : aucun fichier n'a été écrit.", False))
    if any(row.outcome == "held" for row in report.rows):
        lines.append((f"Aucun fichier écrit. Corrigez {words['fix']} et relancez, ou ajoutez --ecrire-valides pour écrire "
                      f"déjà les {report.unit}s valides." if not report.problems else
                      f"Aucun fichier écrit : corrigez d'abord {words['fix_first']}.", True))
    return lines


def _problem_line(problem: Problem, report: ImportReport) -> str:
    where = problem.path + (f", {report.unit} {problem.line}" if problem.line else "") + (
        f", {WORDS[report.unit]['field']} « {problem.field} »" if problem.field else "")
    return f"{where} : {problem.message}"


def report_table(report: ImportReport) -> str:
    """The report, one line per row of the sheet, as a CSV for the spreadsheet (`;`, UTF-8)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([report.unit, "résultat", "fichier", "détail"])
    for problem in report.problems:
        writer.writerow([problem.line or "", WORDS[report.unit]["file_error"], "", _problem_line(problem, report)])
    for row in report.rows:
        details = [_problem_line(problem, report) for problem in row.problems] + row.changes
        writer.writerow([row.row, WORDS[report.unit]["outcomes"][row.outcome][0], row.path, "\n".join(details)])
    return out.getvalue()
