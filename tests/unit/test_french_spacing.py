"""French typography in the pages (ssp.text.french_spacing): no line break inside « guillemets » nor
before « : ; ! ? », nor between a number and the word after it; nothing changed but the text."""

import re

from hypothesis import given
from hypothesis import strategies as st

from ssp.text import NUMBER, french_spacing

NBSP = "\u00a0"


def test_the_spaces_inside_guillemets_become_no_break_spaces_even_across_a_template_line():
    assert french_spacing("<p>Thème : « Des soins sûrs\n pour chaque enfant »</p>") == \
        f"<p>Thème{NBSP}: «{NBSP}Des soins sûrs\n pour chaque enfant{NBSP}»</p>"
    assert french_spacing("<li>(«\n      Usagers, soignants »)</li>") == f"<li>(«{NBSP}Usagers, soignants{NBSP}»)</li>"
    assert french_spacing("<p>«Déjà collés»</p>") == "<p>«Déjà collés»</p>"


def test_tags_scripts_styles_code_and_fields_are_left_as_they_are():
    untouched = ('<meta content="Thème : « Des soins sûrs »"><script type="application/ld+json">{"name": "« a »"}</script>'
                 '<style>q::before { content: "« "; }</style><pre>« b »</pre><code>« c »</code><textarea>« d »</textarea>'
                 '<select><option>Soins : « e »</option></select>'
                 '<svg role="img"><title>Carte : 21 actions</title><text>« f »</text></svg>')  # a drawing's lines never wrap
    assert french_spacing(untouched) == untouched
    script = '<script>if (a < b) { say("« y »"); }</script><p>x</p>'  # a « < » in a script is no tag
    assert french_spacing(script) == script
    # text after those is spaced again
    assert french_spacing(untouched + "<p>« e »</p>") == untouched + f"<p>«{NBSP}e{NBSP}»</p>"


def test_no_line_break_before_a_colon_a_semicolon_or_a_question_or_exclamation_mark():
    assert french_spacing("<p>Usagers, soignants : partenaires ; vraiment ! Pourquoi ?</p>") == \
        f"<p>Usagers, soignants{NBSP}: partenaires{NBSP}; vraiment{NBSP}! Pourquoi{NBSP}?</p>"
    assert french_spacing("<dt>Lieu :</dt><p>« Quoi ? »</p>") == f"<dt>Lieu{NBSP}:</dt><p>«{NBSP}Quoi{NBSP}?{NBSP}»</p>"
    unchanged = '<p>voir https://exemple.fr/a?b=1 ; 10:30, a :b, «ok</p><a title="Thème : x" href="?q=a ;">x</a>'
    assert french_spacing(unchanged) == unchanged.replace(" ;", f"{NBSP};", 1)  # only the « ; » ending a clause


def test_a_number_stays_on_the_line_of_the_word_it_counts():
    assert french_spacing("<p>21 actions, le 19\n    septembre 2025 à 9 h 30, 1,6 Ko</p>") == \
        f"<p>21{NBSP}actions, le 19{NBSP}septembre 2025{NBSP}à 9{NBSP}h 30, 1,6{NBSP}Ko</p>"
    assert french_spacing("<p>en 2025, 12 / an, 3 : x, H1N1 grippe</p>") == f"<p>en 2025, 12 / an, 3{NBSP}: x, H1N1{NBSP}grippe</p>"
    assert french_spacing("<p>Atelier n° 1387, N°\n 2 ateliers, n° x</p>") == f"<p>Atelier n°{NBSP}1387, N°{NBSP}2{NBSP}ateliers, n° x</p>"
    unchanged = ('<a href="#" title="3 actions" data-n="2 x">x</a><svg><path d="M4 4.5h7m2 0"/></svg>'
                 '<script>var a = 1 in b;</script><code>for 1 in x</code><textarea>2 lignes</textarea>')
    assert french_spacing(unchanged) == unchanged


def test_the_tests_typeset_expected_text_as_the_pages_do():
    from helpers import typeset  # the tests' own writing of the rule, for the page text they expect

    for text in ("Lieu : Douai", "« Usagers, soignants : partenaires »", "Pourquoi ? Parce que !", "a ; b", "10:30, https://a.fr/?q=1",
                 "Du lundi 20 au vendredi 24 novembre 2017", "2 événements : s'abonner", "1,6 Ko (PDF)", "Atelier n° 1387"):
        assert french_spacing(f"<p>{text}</p>") == f"<p>{typeset(text)}</p>", text


# The number rule as first written, without the lookahead that makes it quick on a page full of digits
PLAIN_NUMBER = re.compile(r"[0-9](?:er|re|es|e)?([ \t\r\n]+)(?=[^\W\d_])")


@given(st.text(alphabet="0123456789 \t\nersaéx°<>", max_size=60))
def test_the_quick_number_rule_finds_what_the_plain_one_finds(text):
    assert [match.span(1) for match in NUMBER.finditer(text)] == [match.span(1) for match in PLAIN_NUMBER.finditer(text)]
