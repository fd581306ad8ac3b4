"""Read content files: UTF-8 text, front matter, YAML with line numbers.

YAML is read without PyYAML's YAML 1.1 type guessing: every scalar stays the
text the editor wrote ("14:00", "0612", "yes", "2017-11-31"), and the models
convert it explicitly, with a French message when that fails. Each value's
line is kept so that any problem can name it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import ContentError, Problem

Key = tuple  # path of a value inside a document: ("venue", "city"), ("slots", 0)
NULLS = {"", "~", "null", "Null", "NULL"}
LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)  # libyaml when available: same nodes, several times faster
MAX_NODES = 20_000  # guards against alias bombs ("billion laughs")
MAX_DEPTH = 30  # content nests 4 levels deep at most; checked before anything recursive runs
MAX_EVENTS = 100_000  # values, lists and sub-fields of one file
MAX_TEXT_BYTES = 1_000_000  # a YAML or Markdown content file
LINK_REFUSED = ("lien symbolique refusé : remplacez-le par le fichier lui-même (un lien pourrait faire publier "
                "un fichier hors du projet)")
# Refused in every text (values, file names, bodies, imported cells): characters that show nothing or
# change how a text reads — Unicode categories Cc (controls), Cf (formats: bidirectional marks and
# overrides, zero-width spaces, tags), Zl, Zp (line and paragraph separators), Co (private use) and
# Cn (unassigned). Tab and line feed are allowed where a field holds several lines, and the zero-width
# joiner inside emoji sequences (« 👩‍⚕️ »); spaces (Zs: no-break, thin) are text.
_SPACES = str.maketrans(dict.fromkeys("\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" "\u202f\u205f\u3000\u200d", " "))


def refused_character(text: str, allowed: str = "\t\n") -> int | None:
    """Index of the first refused character of `text` (`allowed`: the controls the field accepts), or None.
    str.isprintable() is false exactly for those categories, surrogates and spaces other than « »: it
    settles nearly every text at C speed, and the slow scan runs only where one is found. (Spaces other than
    « » are told apart only then: str.translate reads a text character by character.)"""
    plain = text
    for character in allowed:
        plain = plain.replace(character, " ")
    if plain.isprintable():
        return None
    plain = plain.translate(_SPACES)
    if plain.isprintable():
        return None
    return next(index for index, character in enumerate(plain) if not character.isprintable())


WORD_SYMBOLS = range(0xF020, 0xF100)  # Word's Symbol and Wingdings fonts pasted as text: a list's bullets, arrows, ticks


def forbidden_message(character: str) -> str:
    if ord(character) in WORD_SYMBOLS:
        return (f"symbole d'une police de Word (U+{ord(character):04X}), le plus souvent la puce d'une liste copiée, que le "
                "site ne peut pas afficher : commencez plutôt chaque ligne de la liste par « - » (ou « • »)")
    return (f"caractère invisible interdit (U+{ord(character):04X}) : retapez ce texte, ou collez-le d'abord dans un "
            "éditeur de texte simple")

YAML_HINTS = {
    "mapping values are not allowed": "un « : » inattendu ; mettez entre guillemets une valeur qui contient « : »",
    "found character '\\t'": "une tabulation ; indentez avec des espaces",
    "tab character": "une tabulation ; indentez avec des espaces",
    "could not find expected ':'": "il manque un « : » après le nom du champ",
    "did not find expected key": "indentation incohérente, ou guillemet non fermé",
    "found undefined alias": "« * » en début de valeur ; mettez la valeur entre guillemets",
    "expected a single document": "un seul bloc d'en-tête est permis",
    "found unexpected end of stream": "guillemet non fermé",
    "while scanning a quoted scalar": "guillemet non fermé",
    "expected <block end>": "indentation incohérente (les champs d'un même niveau doivent être alignés)",
    "found unknown escape character": "barre oblique inverse « \\ » entre guillemets doubles ; utilisez des guillemets simples",
}


@dataclass
class Document:
    """A parsed YAML document and the line of each value in the file."""

    data: Any
    lines: dict[Key, int] = field(default_factory=dict)

    def line_of(self, key: Key) -> int:
        """Line of `key`, or of its closest parent that has one."""
        key = tuple(key)
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return self.lines.get((), 1)


def read_bytes(path: Path, rel: str, limit: int = MAX_TEXT_BYTES) -> bytes:
    """A file's bytes, or a French problem: a symbolic link (never followed), a file above
    `limit` bytes, or one the system refuses to read."""
    try:
        if path.is_symlink():
            raise ContentError([Problem(rel, 0, "", LINK_REFUSED)])
        with open(path, "rb") as handle:
            raw = handle.read(limit + 1)
    except OSError as error:
        raise ContentError([Problem(rel, 0, "", f"fichier illisible ({error.strerror or error}) ; "
                                                "vérifiez qu'il existe et que vous avez le droit de le lire")]) from None
    if len(raw) > limit:
        hint = ("raccourcissez-le (un texte de présentation tient en quelques pages)" if limit == MAX_TEXT_BYTES
                else "allégez-le (PDF compressé, image ou vidéo moins lourde)")
        raise ContentError([Problem(rel, 0, "", f"fichier trop gros : {limit // 1_000_000} Mo au plus ; {hint}")])
    return raw


def read_text(path: Path, rel: str, raw: bytes | None = None) -> str:
    """Decode a UTF-8 file (BOM and CRLF accepted) or report where it is not UTF-8, or where it holds
    an invisible control or direction character; `raw`: its bytes when already read."""
    raw = read_bytes(path, rel) if raw is None else raw
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ContentError(
            [Problem(rel, line, "", "le fichier n'est pas en UTF-8 ; enregistrez-le en « UTF-8 » dans votre éditeur")]
        ) from None
    if (index := refused_character(text, "\t\n\r")) is not None:
        line = text[:index].replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
        raise ContentError([Problem(rel, line, "", forbidden_message(text[index]))])
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_front_matter(text: str, rel: str) -> tuple[str, str, int]:
    """Split `---` front matter from the Markdown body.

    Returns (yaml_text, body, line of the first YAML line).
    """
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        raise ContentError(
            [Problem(rel, 1, "", "en-tête manquant : le fichier doit commencer par une ligne « --- », "
                                 "les champs (title, type, start…), puis une ligne « --- »")]
        )
    for index, line in enumerate(lines[1:], start=1):
        if line.rstrip() in ("---", "..."):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), 2
    raise ContentError([Problem(rel, 1, "", "en-tête non fermé : ajoutez une ligne « --- » après les champs")])


def body_line(text: str, body: str) -> int:
    """The line of the file `text` where its Markdown `body` (from split_front_matter) starts."""
    return text.count("\n") - body.count("\n") + 1


def parse_yaml(text: str, rel: str, first_line: int = 1) -> Document:
    """Parse YAML text into plain dicts, lists and strings with line numbers."""
    try:
        _check_shape(text, rel, first_line)
        node = yaml.compose(text, Loader=LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = first_line + (mark.line if mark else 0)
        raise ContentError([Problem(rel, line, "", f"syntaxe YAML invalide : {_yaml_hint(error, text)}")]) from None
    except yaml.YAMLError:
        raise ContentError([Problem(rel, first_line, "", "syntaxe YAML invalide")]) from None
    document = Document(None, {(): first_line})
    if node is None:
        return document
    problems: list[Problem] = []
    converter = _Converter(rel, first_line, document.lines, problems, text.split("\n"))
    document.data = converter.convert(node, ())
    if problems:
        raise ContentError(problems)
    return document


def _check_shape(text: str, rel: str, first_line: int) -> None:
    """Depth and size of a YAML text, read as a flat stream of events (nothing recursive yet):
    a file nested thousands of levels deep gets a French message, not a crash."""
    depth = count = 0
    for event in yaml.parse(text, Loader=LOADER):
        count += 1
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise ContentError([Problem(rel, first_line + event.start_mark.line, "",
                                            f"imbrication trop profonde (plus de {MAX_DEPTH} niveaux) : le contenu "
                                            "n'a jamais besoin d'autant de niveaux ; vérifiez les crochets et l'indentation")])
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
        if count > MAX_EVENTS:
            raise ContentError([Problem(rel, first_line + event.start_mark.line, "",
                                        f"fichier trop grand : plus de {MAX_EVENTS} valeurs ; découpez-le")])


def _yaml_hint(error: yaml.MarkedYAMLError, source: str = "") -> str:
    text = f"{error.context or ''} {error.problem or ''}"
    mark = error.problem_mark
    lines = source.split("\n")  # as parse_yaml splits it (read_text made every line break « \n »)
    line = lines[mark.line] if mark and mark.line < len(lines) else ""
    if "cannot start any token" in text and line[mark.column:mark.column + 1] == "\t":  # libyaml names no character
        return YAML_HINTS["tab character"]
    if (first := VALUE_START.match(line)) and first.group(1) in INDICATORS:
        return f"« {first.group(1)} » en début de valeur ; mettez la valeur entre guillemets"
    if mark and (quoted := _quote_closed_early(line, mark.column)) is not None:
        return quoted
    for english, french in YAML_HINTS.items():
        if english in text:
            return french
    return "vérifiez l'indentation et les « : », et mettez entre guillemets une valeur qui contient « : » ou « # »"


MARKED = re.compile(r"[&!]\S*")  # an anchor or a tag before a value
COMMENT = re.compile(r"[ \t]*(#[^\s#].*)")  # « #2 », « #SSP »: a « # » joined to a word
# What YAML reads as syntax at the start of a value, not as text (« *Atelier* », « %20 », « > À noter », « @CHLens »)
INDICATORS = "*&!%@`|>?"
VALUE_START = re.compile(r"^\s*(?:-\s+|(?:-\s+)?[^\s:#][^:#]*:\s+)(\S)")
QUOTED_VALUE = re.compile(r"^(\s*(?:- )?[^\s:#][^:#]*:\s+)(['\"])(.*)\2\s*$")  # « title: 'L'hygiène' »: key, quote, inside


def _quote_closed_early(line: str, column: int) -> str | None:
    """The hint for a value between quotes holding the same quote, which closes it (« title: 'L'hygiène des
    mains' »): libyaml stops just after that quote, at `column` of `line`. With the line as it should be
    written, when it can be said."""
    if not 0 < column <= len(line) or line[column - 1] not in "'\"":
        return None
    quote = line[column - 1]
    match = QUOTED_VALUE.match(line)
    inside = match.group(3) if match and match.group(2) == quote else None
    if quote == "'":
        fixed = f" : {match.group(1).strip()} \"{inside}\"" if match and inside is not None and '"' not in inside else ""
        return f"une apostrophe dans une valeur entre apostrophes (' … ') la ferme trop tôt ; entourez-la de guillemets doubles{fixed}"
    fixed = f" : {match.group(1).strip()} '{inside}'" if match and inside is not None and "'" not in inside else ""
    return (f"un guillemet droit (\") dans une valeur entre guillemets droits la ferme trop tôt ; écrivez « » dans le texte, "
            f"ou entourez la valeur d'apostrophes{fixed}")


class _Converter:
    """Turns composed YAML nodes into Python values, recording lines."""

    def __init__(self, rel: str, first_line: int, lines: dict[Key, int], problems: list[Problem], source: list[str]):
        self.rel, self.first_line, self.lines, self.problems, self.source = rel, first_line, lines, problems, source
        self.count = 0
        self.active: set[int] = set()

    def line(self, node: yaml.Node) -> int:
        return self.first_line + node.start_mark.line

    def convert(self, node: yaml.Node, key: Key) -> Any:
        self.count += 1
        if self.count > MAX_NODES or id(node) in self.active:
            self.problems.append(Problem(self.rel, self.line(node), "", "références YAML (« & » et « * ») trop nombreuses ou circulaires"))
            return None
        self.lines.setdefault(key, self.line(node))
        if isinstance(node, yaml.ScalarNode):
            if node.style in (None, "") and node.value in NULLS:  # plain (unquoted): libyaml says "", PyYAML None
                return None
            if (index := refused_character(node.value)) is not None:  # written with a YAML escape (« \x07 »)
                self.problems.append(Problem(self.rel, self.line(node), ".".join(map(str, key)),
                                             forbidden_message(node.value[index])))
            if (mark := node.start_mark).line < len(self.source) and (marked := MARKED.match(self.source[mark.line], mark.column)):
                written = marked.group()  # matched at the value's start: the line's rest (it may be long) is not copied
                self.problems.append(Problem(self.rel, self.line(node), ".".join(map(str, key)),
                                             f"« {written} » en début de valeur : YAML le lit comme une marque et le retire (la "
                                             f"valeur lue serait « {node.value} ») ; mettez la valeur entre guillemets"))
            elif node.style in (None, "") and (cut := self.comment_after(node)):
                self.problems.append(Problem(self.rel, self.first_line + node.end_mark.line, ".".join(map(str, key)),
                                             f"« {cut} » n'est pas lu : après une espace, « # » commence un commentaire, que YAML "
                                             f"ignore (la valeur lue serait « {node.value} ») ; mettez toute la valeur entre "
                                             "guillemets, ou le commentaire sur sa propre ligne"))
            return node.value
        self.active.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                return [self.convert(item, key + (index,)) for index, item in enumerate(node.value)]
            return self.convert_mapping(node, key)
        finally:
            self.active.discard(id(node))

    def comment_after(self, node: yaml.ScalarNode) -> str:
        """What follows an unquoted value on its last line from a « # » joined to a word on: a comment to YAML, lost
        from the value (« title: Atelier #2 sur l'hygiène » reads « Atelier », « #SSP2025 » a hashtag). A « # »
        followed by a space is a comment as YAML writes them (the new edition's file has « # À REMPLIR : … »)."""
        mark = node.end_mark
        found = COMMENT.match(self.source[mark.line], mark.column) if mark.line < len(self.source) else None
        return found.group(1).strip() if found else ""  # matched at the value's end only: a long line is not copied

    def convert_mapping(self, node: yaml.MappingNode, key: Key) -> dict:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(Problem(self.rel, self.line(key_node), "", "un nom de champ doit être un simple mot"))
                continue
            name = key_node.value
            field_name = ".".join(str(part) for part in key + (name,))
            if name in result:
                self.problems.append(Problem(self.rel, self.line(key_node), field_name, "champ présent deux fois ; gardez-en un seul"))
                continue
            self.lines[key + (name,)] = self.line(key_node)
            result[name] = self.convert(value_node, key + (name,))
        return result
