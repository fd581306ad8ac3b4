"""Click in French: help screens, metavars and every message Click itself prints.

Click looks its messages up with gettext when it writes them and ships no French catalogue:
FRENCH_MESSAGES is that catalogue (a test checks that it covers every message of the installed Click).
"""

from __future__ import annotations

import click


class FrenchFormatter(click.HelpFormatter):
    """Click's help screens, in French."""

    SECTIONS = {"Options": "Options", "Commands": "Commandes", "Arguments": "Arguments"}

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args.replace("COMMAND [ARGS]...", "COMMANDE [ARGUMENTS]..."),
                            prefix="Utilisation : ")

    def section(self, name: str):
        return super().section(self.SECTIONS.get(name, name))

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading} :\n")


METAVARS = {"integer": "NOMBRE", "text": "TEXTE", "file": "FICHIER", "directory": "DOSSIER", "path": "CHEMIN",
            "float": "NOMBRE", "boolean": "OUI/NON"}


class FrenchCommand(click.Command):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if isinstance(param, click.Option) and param.metavar is None and param.type.name in METAVARS:
                param.metavar = METAVARS[param.type.name]

    def get_help_option(self, ctx: click.Context):
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = "Affiche cette aide."
        return option


class FrenchGroup(FrenchCommand, click.Group):
    command_class = FrenchCommand


click.Context.formatter_class = FrenchFormatter

# Click's own messages (a missing argument, an unknown option…), in French. Click looks them up
# with gettext when it writes them; it ships no French catalogue, so this is one.
FRENCH_MESSAGES = {
    "Error: {message}": "Erreur : {message}",
    "Try '{command} {option}' for help.": "Aide : « {command} {option} ».",
    "Missing argument": "Argument manquant",
    "Missing option": "Option manquante",
    "Missing parameter": "Paramètre manquant",
    "Missing {param_type}": "{param_type} manquant",
    "Missing command.": "Commande manquante.",
    "Missing parameter: {param_name}": "Paramètre manquant : {param_name}",
    "No such command {name!r}.": "Commande inconnue : {name!r}.",
    "No such option {name!r}.": "Option inconnue : {name!r}.",
    "Option {name!r} does not take a value.": "L'option {name!r} ne prend pas de valeur.",
    "Invalid value for {param_hint}: {message}": "Valeur invalide pour {param_hint} : {message}",
    "Invalid value: {message}": "Valeur invalide : {message}",
    "Choose from:\n\t{choices}": "Choisissez parmi :\n\t{choices}",
    "{value!r} is not {choice}.": "{value!r} n'est pas {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} n'est pas l'une des valeurs {choices}.",
    "{value!r} is not a valid {number_type}.": "{value!r} n'est pas un nombre valide.",
    "{name} {filename!r} does not exist.": "{filename!r} n'existe pas.",
    "{name} {filename!r} is a directory.": "{filename!r} est un dossier.",
    "{name} {filename!r} is a file.": "{filename!r} est un fichier.",
    "{name} {filename!r} is not readable.": "{filename!r} ne peut pas être lu.",
    "{name} {filename!r} is not writable.": "{filename!r} ne peut pas être écrit.",
    "Aborted!": "Interrompu.",
    "Did you mean {possibility}?": "Vouliez-vous dire {possibility} ?",
    "(Did you mean one of: {possibilities}?)": "(Vouliez-vous dire l'une de ces options : {possibilities} ?)",
    "Option {name!r} requires an argument.": "L'option {name!r} demande une valeur.",
    "Option {name!r} requires {nargs} arguments.": "L'option {name!r} demande {nargs} valeurs.",
    "Got unexpected extra argument ({args})": "Argument en trop ({args})",
    "Got unexpected extra arguments ({args})": "Arguments en trop ({args})",
    "required": "obligatoire",
    "default: {default}": "par défaut : {default}",
    "env var: {var}": "variable d'environnement : {var}",
    "deprecated": "obsolète",
    "(dynamic)": "(calculé)",
    "Usage:": "Utilisation :",
    "Options": "Options",
    "Commands": "Commandes",
    "Positional arguments": "Arguments",
    "Show this message and exit.": "Affiche cette aide.",
    "Show the version and exit.": "Affiche la version.",
    "%(prog)s, version %(version)s": "%(prog)s, version %(version)s",
    "Confirm the action without prompting.": "Confirme sans poser la question.",
    "Do you want to continue?": "Continuer ?",
    "Repeat for confirmation": "Répétez pour confirmer",
    "Press any key to continue...": "Appuyez sur une touche pour continuer…",
    "Error: The two entered values do not match.": "Erreur : les deux valeurs saisies diffèrent.",
    "Error: invalid input": "Erreur : saisie invalide",
    "Argument {name!r} takes {nargs} values.": "L'argument {name!r} prend {nargs} valeurs.",
    "Takes {nargs} values but 1 was given.": "Prend {nargs} valeurs, 1 seule donnée.",
    "Takes {nargs} values but {len} were given.": "Prend {nargs} valeurs, {len} données.",
    "Choice({choices})": "Choix({choices})",
    "Could not open file {filename!r}: {message}": "Impossible d'ouvrir {filename!r} : {message}",
    "Invalid start character for option ({option})": "Caractère de début invalide pour l'option ({option})",
    "Name '{name}' defined twice": "Nom « {name} » défini deux fois",
    "Value must be an iterable.": "Une liste de valeurs est attendue.",
    "{name} {filename!r} is not executable.": "{filename!r} n'est pas exécutable.",
    "{value!r} is not a valid UUID.": "{value!r} n'est pas un UUID valide.",
    "{value} is not in the range {range}.": "{value} n'est pas dans l'intervalle {range}.",
    "{value!r} does not match the format {format}.": "{value!r} ne suit pas le format {format}.",
    "{value!r} does not match the formats {formats}.": "{value!r} ne suit aucun des formats {formats}.",
    "directory": "dossier",
    "file": "fichier",
    "path": "chemin",
    "unknown error": "erreur inconnue",
    "Unknown color {colour!r}": "Couleur inconnue : {colour!r}",
    "Unknown standard stream '{name}'": "Flux standard inconnu : « {name} »",
    "Couldn't detect Bash version, shell completion is not supported.": "Version de Bash inconnue : complétion indisponible.",
    "Windows error: {error}": "Erreur Windows : {error}",
    "{editor}: Editing failed": "{editor} : échec de l'édition",
    "{editor}: Editing failed: {e}": "{editor} : échec de l'édition : {e}",
    "d": "j",
    "Could not determine name for option with declarations {decls!r}": "Nom d'option introuvable dans {decls!r}",
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}": "Attention : la commande {name!r} est obsolète.{extra_message}",
    "{len_type} values are required, but {len_value} was given.": "{len_type} valeurs sont demandées, {len_value} donnée.",
    "{len_type} values are required, but {len_value} were given.": "{len_type} valeurs sont demandées, {len_value} données.",
    "{value!r} is not a valid boolean. Recognized values: {states}": "{value!r} n'est ni oui ni non. Valeurs reconnues : {states}",
}


def _french(message: str) -> str:
    return FRENCH_MESSAGES.get(message, message)


def _french_plural(singular: str, plural: str, count: int) -> str:
    return _french(singular if count == 1 else plural)


for _module in (click.core, click.exceptions, click.parser, click.types, click.decorators, click.formatting,
                click.termui, click.utils):
    if hasattr(_module, "_"):
        setattr(_module, "_", _french)  # noqa: B010 (Click's own gettext, replaced where it is used)
    if hasattr(_module, "ngettext"):
        setattr(_module, "ngettext", _french_plural)  # noqa: B010


