"""Command-line tool for editors: `python -m ssp <commande>` (run through make: `make verifier`)."""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

import click

from . import frenchinput
from .clifrench import FrenchGroup
from .communes import region_of_place
from .problems import ContentError, Problem, format_problems, shown
from .vocab import AUDIENCES, EVENT_TYPES


@click.group(cls=FrenchGroup, help="Outils de la Semaine de la sécurité des patients, pour les équipes qui tiennent le contenu.")
@click.option("--projet", type=click.Path(file_okay=False, path_type=Path), default=".",
              help="Dossier du projet (celui qui contient campaigns/).")
@click.pass_context
def main(context: click.Context, projet: Path) -> None:
    context.obj = projet.resolve()


@main.command(help="Vérifie tout le contenu, sans construire le site. Code de sortie 1 s'il y a des erreurs.")
@click.option("--format", "output", type=click.Choice(["texte", "github"]), default="texte",
              help="texte (par défaut) ; github : annotations sur les lignes des fichiers d'une pull request, "
                   "et tableau de toutes les erreurs dans le résumé de la tâche ($GITHUB_STEP_SUMMARY).")
@click.pass_obj
def verifier(project: Path, output: str) -> None:
    from .folders import clutter, project_problems
    from .load import load_all

    problems, valid, notes = project_problems(project), "", []
    try:
        if problems:
            raise ContentError(problems)
        notes = [Problem(path, 0, "", "fichier système ignoré (laissé par Windows, macOS ou un traitement de texte)")
                 for path in clutter(project / "campaigns", project)]
        campaigns = load_all(project / "campaigns", project)
        valid = "Contenu valide : " + plural(len(campaigns.editions), "édition") + ", " + plural(
            sum(len(edition.events) for edition in campaigns.editions), "action") + "."
    except ContentError as error:
        problems = error.problems
    if output == "github":
        from . import github

        for problem in problems:
            click.echo(github.annotation(problem))
        for note in notes:
            click.echo(github.annotation(note, "notice"))
        if summary_path := os.environ.get("GITHUB_STEP_SUMMARY"):
            with open(summary_path, "a", encoding="utf-8") as handle:
                handle.write(github.summary(problems, notes, valid))
    else:
        for note in notes:
            click.echo(f"Remarque : {note}")
        click.echo(format_problems(problems) if problems else valid, err=bool(problems))
    sys.exit(1 if problems else 0)


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count > 1 else ''}"


@main.command(help="Vérifie que les liens vers d'autres sites répondent (demande Internet ; jamais en CI).")
@click.pass_obj
def liens(project: Path) -> None:
    from .linkcheck import SKIPPED, check, external_links
    from .load import load_all

    try:
        links = external_links(load_all(project / "campaigns", project))
    except ContentError as error:
        click.echo(str(error), err=True)
        sys.exit(1)
    found = check(links)
    skipped = [(link, problem) for link, problem in found if problem == SKIPPED]
    broken = [(link, problem) for link, problem in found if problem != SKIPPED]
    for link, problem in skipped:
        click.echo(shown(f"Remarque : {link.source} : {link.what} {link.url} {problem}"))
    for link, problem in broken:
        click.echo(shown(f"{link.source} : {link.what} {link.url} {problem}"))
    click.echo(f"{len(links) - len(skipped)} liens vérifiés, {len(broken)} en erreur"
               + (f", {len(skipped)} non vérifiés (adresses internes)." if skipped else "."))
    sys.exit(1 if broken else 0)


class Typed(click.ParamType):
    """An answer as people type it (« 16/09/2026 14h », « Portes ouvertes », « Hauts de France »), read by
    frenchinput and given in the content files' form; a wrong one is said in French and, when it was
    typed at a question, asked again (the other answers are kept)."""

    def __init__(self, metavar: str, parse) -> None:
        self.name, self.parse = metavar, parse

    def get_metavar(self, param, ctx=None) -> str:
        return self.name

    def convert(self, value, param, ctx):
        if not value:
            return ""
        try:
            return self.parse(value)
        except frenchinput.InputError as error:
            self.fail(str(error), param, ctx)


def _quoted(text: str) -> str:
    """A value as a shell reads it back, as people would write it: « "Portes ouvertes de l'unité" »."""
    if shlex.quote(text) == text or any(character in text for character in '"$`\\!'):
        return shlex.quote(text)
    return f'"{text}"'


def _iso(parse):
    """A date read as people type it, written as the content files do (« 2026-11-24T14:00 »)."""
    return lambda text: frenchinput.iso(parse(text))


def _program() -> str:
    """The command as it was run, to be typed again: « .venv/bin/ssp »."""
    try:
        return os.path.relpath(sys.argv[0]) if sys.argv[0].endswith("ssp") else "ssp"
    except ValueError:  # on another drive (Windows)
        return "ssp"


@main.command("nouvel-evenement", help="Crée le fichier d'une action à partir de quelques réponses, puis le vérifie.")
@click.option("--edition", "year", type=int, required=True, prompt="Année de l'édition", help="Année de l'édition, par exemple 2026.")
@click.option("--titre", prompt="Titre de l'action", help="Titre de l'action.")
@click.option("--type", "type_", prompt="Type (" + ", ".join(EVENT_TYPES) + ")", type=Typed("TYPE", frenchinput.parse_type),
              help="Type d'action : " + ", ".join(EVENT_TYPES) + " (ou son nom : « Portes ouvertes »).")
@click.option("--debut", prompt="Début (24/11/2026, ou 24/11/2026 14h)", type=Typed("DATE", _iso(frenchinput.parse_moment)),
              help="Début : 2026-09-15, 15/09/2026, 15/09/2026 14h…")
@click.option("--fin", default="", type=Typed("DATE", _iso(frenchinput.parse_end)), help="Fin : dernier jour, date et heure, ou heure seule le même jour (16h30).")
@click.option("--organisateur", prompt="Organisateur", help="Établissement ou structure qui organise.")
@click.option("--ville", default="", show_default=False, prompt="Ville (vide si l'action est en ligne)", help="Commune du lieu.")
@click.option("--code-postal", default="", type=Typed("CODE", frenchinput.parse_postal_code), help="Code postal du lieu (5 chiffres).")
@click.option("--lieu", default="", help="Nom du lieu (établissement, salle…).")
@click.option("--region", default="", type=Typed("RÉGION", frenchinput.parse_region), help="Région du lieu (obligatoire avec une ville).")
@click.option("--en-ligne", default="", help="Lien pour suivre l'action en ligne (https://…).")
@click.option("--public", "audience", multiple=True, help="Public visé (répétable) : " + ", ".join(AUDIENCES) + ".")
@click.option("--nom", default=None, help="Nom du fichier, sans .md (par défaut : tiré du titre).")
@click.pass_obj
def nouvel_evenement(project: Path, year, titre, type_, debut, fin, organisateur, ville, code_postal, lieu, region,
                     en_ligne, audience, nom) -> None:
    from .scaffold import event_fields, new_event

    if ville and not region:  # asked only once a place is given
        if not code_postal:
            code_postal = click.prompt("Code postal (vide s'il n'est pas connu)", default="", show_default=False,
                                       type=Typed("CODE", frenchinput.parse_postal_code))
        guess = region_of_place(ville, code_postal or None)  # Enter takes it: the postal code's, or the one town so named
        region = click.prompt("Région", default=guess, type=Typed("RÉGION", frenchinput.parse_region))
    fields = event_fields(titre, type_, debut, fin or None, organisateur, ville or None, code_postal or None,
                          lieu or None, region or None, en_ligne or None, list(audience))
    try:
        path = new_event(project, year, fields, nom)
    except ContentError as error:
        click.echo(format_problems(error.problems, "aucun fichier n'a été écrit"), err=True)
        answers = {"--edition": str(year), "--titre": titre, "--type": type_, "--debut": debut, "--fin": fin,
                   "--organisateur": organisateur, "--ville": ville, "--code-postal": code_postal, "--lieu": lieu,
                   "--region": region, "--en-ligne": en_ligne, "--nom": nom or ""}
        command = [*(part for option, value in answers.items() if value for part in (option, value)),
                   *(part for value in audience for part in ("--public", value))]
        click.echo("Vos réponses, à corriger dans cette commande plutôt qu'à tout ressaisir :\n  "
                   + " ".join([_program(), "nouvel-evenement", *map(_quoted, command)]), err=True)
        sys.exit(1)
    click.echo(f"Action créée : {path.relative_to(project).as_posix()} — ajoutez sa présentation sous l'en-tête.")


@main.command("nouvelle-edition", help="Crée le dossier d'une édition, à partir d'une précédente (--depuis).")
@click.argument("annee", type=int)
@click.option("--depuis", type=int, default=None, help="Édition de départ, par exemple 2025.")
@click.pass_obj
def nouvelle_edition(project: Path, annee: int, depuis: int | None) -> None:
    from .scaffold import new_edition

    try:
        path = new_edition(project, annee, depuis)
    except ContentError as error:
        click.echo(str(error), err=True)
        sys.exit(1)
    click.echo(f"Édition créée : {path.relative_to(project).as_posix()} — remplissez theme, start et end.")


@main.command(help="Reconduit une action d'une édition précédente (son fichier, ou son identifiant de tableur) dans "
                   "une autre édition : même organisateur, lieu, public et présentation, dates reportées sur la semaine "
                   "de la nouvelle édition, statut remis à « programmé », lien vers l'action d'origine.")
@click.argument("action")
@click.option("--edition", "year", type=int, required=True, help="Année de la nouvelle édition, par exemple 2026.")
@click.option("--debut", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Nouveau premier jour de l'action (AAAA-MM-JJ), au lieu du report sur la nouvelle semaine.")
@click.option("--jour", type=click.Choice(["semaine", "rang"]), default=None,
              help="Si les deux semaines ne commencent pas le même jour : « semaine » garde le jour de la semaine (un mardi "
                   "reste un mardi), « rang » garde le rang dans la semaine nationale (le 2e jour reste le 2e). "
                   "Sans cette option, la question est posée.")
@click.pass_obj
def reconduire(project: Path, action: str, year: int, debut, jour: str | None) -> None:
    from .carryover import Choice, carry_over, find_action, first_day
    from .frenchdates import long_date

    try:
        source = find_action(project, action, year)
        try:
            first, new_first = first_day(project, source, year, debut.date() if debut else None, jour)
        except Choice as choice:
            if not sys.stdin.isatty():
                click.echo(choice.question() + "\nRelancez avec --jour semaine ou --jour rang (ou --debut AAAA-MM-JJ).", err=True)
                sys.exit(1)
            answer = click.prompt(choice.question() + "\n1 : le " + long_date(choice.same_weekday) + "\n2 : le "
                                  + long_date(choice.same_rank) + "\nVotre choix", type=click.Choice(["1", "2"]))
            first, new_first = choice.first, choice.same_weekday if answer == "1" else choice.same_rank
        carried = carry_over(project, source, year, new_first, first)
    except ContentError as error:
        click.echo(format_problems(error.problems, "aucun fichier n'a été écrit"), err=True)
        sys.exit(1)
    carried.path.parent.mkdir(parents=True, exist_ok=True)
    carried.path.write_text(carried.text, encoding="utf-8")
    click.echo(f"Action reconduite : {carried.path.relative_to(project).as_posix()}, le {long_date(carried.after)} "
               f"(elle avait lieu le {long_date(carried.before)}).")
    click.echo("À vérifier avant de publier : les horaires, le lieu et le lien pour suivre en ligne s'il y en a un"
               + "".join(f" ; {what}" for what in carried.dropped) + ".")


@main.command(help="Transforme un tableur d'actions (.xlsx ou .csv, modèle dans modeles/), ou un export JSON "
                   "d'OpenAgenda (.json), en fichiers d'actions. Rien n'est écrit tant qu'une ligne est en erreur.")
@click.argument("tableur", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--edition", "year", type=int, required=True, help="Année de l'édition, par exemple 2026.")
@click.option("--ecrire-valides", is_flag=True, help="Écrire les lignes valides même si d'autres sont en erreur.")
@click.option("--remplacer", is_flag=True, help="Mettre à jour les actions existantes qui diffèrent du tableur "
                                                "(seulement les colonnes remplies).")
@click.option("--essai", is_flag=True, help="Tout vérifier et dire ce qui serait fait, sans rien écrire.")
@click.option("--rapport", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Écrire aussi le compte rendu ligne par ligne dans ce fichier CSV (s'ouvre dans le tableur).")
@click.option("--organisateur", default=None,
              help="Export OpenAgenda : l'organisateur des événements qui ne le disent pas (OpenAgenda n'a pas ce champ).")
@click.option("--feuille", default=None, help="Classeur .xlsx : le nom de la feuille à lire (sinon la première "
                                                "feuille visible qui a les colonnes attendues).")
@click.option("--lignes-masquees", is_flag=True, help="Classeur .xlsx : importer aussi les lignes et colonnes masquées "
                                                      "(à la main ou par un filtre), que l'import laisse sinon de côté.")
@click.pass_obj
def importer(project: Path, tableur: Path, year: int, ecrire_valides: bool, remplacer: bool, essai: bool,
             rapport: Path | None, organisateur: str | None, feuille: str | None, lignes_masquees: bool) -> None:
    from .agendaimport import import_openagenda
    from .importer import import_sheet
    from .importreport import report_lines, report_table, summary

    if tableur.suffix.lower() == ".json":
        report = import_openagenda(project, year, tableur, write_valid=ecrire_valides, replace=remplacer, dry_run=essai,
                                   organizer=organisateur)
    else:
        report = import_sheet(project, year, tableur, write_valid=ecrire_valides, replace=remplacer, dry_run=essai,
                              sheet_name=feuille, hidden=lignes_masquees)
    for line, is_problem in report_lines(report):
        click.echo(line, err=is_problem)
    if rapport:
        rapport.write_text(report_table(report), encoding="utf-8-sig", newline="")
    if report.rows:
        click.echo(summary(report))
    sys.exit(0 if report.ok else 1)


@main.command(help="Écrit, à partir des listes du site, le formulaire « Déclarer une action » de GitHub "
                   "(.github/ISSUE_TEMPLATE/) et les modèles de tableur (modeles/).")
@click.pass_obj
def formulaire(project: Path) -> None:
    from .issueform import FORM_PATH, form_yaml
    from .sheettemplate import CSV_PATH, XLSX_PATH, csv_template, write_xlsx_template

    (project / FORM_PATH).parent.mkdir(parents=True, exist_ok=True)
    (project / FORM_PATH).write_text(form_yaml(), encoding="utf-8")
    (project / CSV_PATH).parent.mkdir(parents=True, exist_ok=True)
    (project / CSV_PATH).write_bytes(csv_template())
    write_xlsx_template(project / XLSX_PATH)
    click.echo(f"Écrits : {FORM_PATH}, {CSV_PATH}, {XLSX_PATH}")


@main.command(help="Transforme les réponses d'une issue « Déclarer une action » (fichier texte) en fichier d'action, "
                   "écrit dans DOSSIER (chemin, action.md) ; sinon écrit commentaire.md et sort avec le code 1.")
@click.argument("reponses", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--sortie", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Dossier où écrire le résultat.")
@click.pass_obj
def declaration(project: Path, reponses: Path, sortie: Path) -> None:
    from .issueform import declare

    result = declare(project, reponses.read_text(encoding="utf-8", errors="replace"))
    sortie.mkdir(parents=True, exist_ok=True)
    if result.ok:
        (sortie / "chemin").write_text(result.path, encoding="utf-8")
        (sortie / "action.md").write_text(result.text, encoding="utf-8")
        click.echo(f"Action prête : {result.path}")
        return
    (sortie / "commentaire.md").write_text(result.comment(), encoding="utf-8")
    click.echo(result.comment(), err=True)
    sys.exit(1)


@main.command(help="Écrit toutes les pages (en données JSON) et tous les fichiers de données dans DOSSIER.")
@click.argument("dossier", type=click.Path(file_okay=False, path_type=Path))
@click.pass_obj
def exporter(project: Path, dossier: Path) -> None:
    from datetime import date

    from .build import build_site
    from .export import export

    try:
        site = build_site(project, today=date.today())
    except ContentError as error:
        click.echo(str(error), err=True)
        sys.exit(1)
    click.echo(f"{export(site, dossier)} fichiers écrits dans {dossier}.")


@main.command(help="Écrit les schémas JSON des fichiers de contenu dans schemas/ (pour VS Code).")
@click.pass_obj
def schemas(project: Path) -> None:
    from .schema import schema_files

    folder = project / "schemas"
    folder.mkdir(exist_ok=True)
    for name, text in schema_files().items():
        (folder / name).write_text(text, encoding="utf-8")
    click.echo(f"{len(schema_files())} schémas écrits dans {folder}.")


def run() -> None:
    """The `ssp` command. An unexpected failure gets a French message, not a traceback (SSP_DEBUG=1 shows it)."""
    try:
        main(prog_name="ssp")
    except Exception as error:
        if os.environ.get("SSP_DEBUG"):
            raise
        click.echo(f"Erreur inattendue ({type(error).__name__}) : rien n'a été modifié de plus. Signalez-la à l'équipe "
                   "du site avec la commande lancée ; SSP_DEBUG=1 affiche le détail.", err=True)
        sys.exit(2)


if __name__ == "__main__":
    run()
