"""What `ssp importer` tells: a line per row of the sheet, in order, a summary whose figures add
up to the number of rows, and the same report as a CSV to open beside the sheet."""

from __future__ import annotations

import csv
import io

from .frenchnumbers import plural
from .importer import OUTCOMES, ImportReport
from .problems import Problem


def summary(report: ImportReport) -> str:
    """« 12 lignes : 1 ligne d'en-tête, 2 lignes vides, 8 actions créées, 1 ligne en erreur. » — the
    figures add up to the number of rows in the sheet."""
    parts = []
    for outcome, (singular, plural_form) in OUTCOMES.items():
        if count := report.count(outcome):
            parts.append(plural(count, singular, plural_form))
    return plural(len(report.rows), "ligne lue") + " : " + ", ".join(parts) + "."


def report_lines(report: ImportReport) -> list[tuple[str, bool]]:
    """What the command prints, in row order: (line, is it a problem)."""
    lines = [(f"{report.source} : {report.origin}", False)] if report.origin else []
    lines += [(f"Remarque : {note}", False) for note in report.notes]
    lines += [(_problem_line(problem), True) for problem in report.problems]
    for row in report.rows:
        if row.outcome in ("header", "blank"):
            continue
        label = OUTCOMES[row.outcome][0]
        lines.append((f"ligne {row.row} : {label}" + (f" → {row.path}" if row.path else ""),
                      row.outcome in ("error", "different")))
        lines += [(f"  {_problem_line(problem)}", True) for problem in row.problems]
        lines += [(f"  {change}", row.outcome == "different") for change in row.changes]
    if any(row.outcome == "different" for row in report.rows):
        lines.append(("Des actions existantes diffèrent du tableur : relancez avec --remplacer pour appliquer les "
                      "changements listés (seules les colonnes remplies sont reprises).", True))
    if any(row.outcome.startswith("to-") for row in report.rows):
        lines.append(("Essai : aucun fichier n'a été écrit.", False))
    if any(row.outcome == "held" for row in report.rows):
        lines.append(("Aucun fichier écrit. Corrigez le tableur et relancez, ou ajoutez --ecrire-valides pour écrire "
                      "déjà les lignes valides." if not report.problems else
                      "Aucun fichier écrit : corrigez d'abord les colonnes du tableur.", True))
    return lines


def _problem_line(problem: Problem) -> str:
    where = problem.path + (f", ligne {problem.line}" if problem.line else "") + (
        f", colonne « {problem.field} »" if problem.field else "")
    return f"{where} : {problem.message}"


def report_table(report: ImportReport) -> str:
    """The report, one line per row of the sheet, as a CSV for the spreadsheet (`;`, UTF-8)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["ligne", "résultat", "fichier", "détail"])
    for problem in report.problems:
        writer.writerow([problem.line or "", "erreur du tableur", "", _problem_line(problem)])
    for row in report.rows:
        details = [_problem_line(problem) for problem in row.problems] + row.changes
        writer.writerow([row.row, OUTCOMES[row.outcome][0], row.path, "\n".join(details)])
    return out.getvalue()
