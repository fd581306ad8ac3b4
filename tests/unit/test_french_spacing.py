"""French typography in the pages (ssp.text.french_spacing): no line break inside « guillemets », and
nothing changed but the text."""

from ssp.text import french_spacing

NBSP = "\u00a0"


def test_the_spaces_inside_guillemets_become_no_break_spaces_even_across_a_template_line():
    assert french_spacing("<p>Thème : « Des soins sûrs\n pour chaque enfant »</p>") == \
        f"<p>Thème : «{NBSP}Des soins sûrs\n pour chaque enfant{NBSP}»</p>"
    assert french_spacing("<li>(«\n      Usagers, soignants »)</li>") == f"<li>(«{NBSP}Usagers, soignants{NBSP}»)</li>"
    assert french_spacing("<p>«Déjà collés»</p>") == "<p>«Déjà collés»</p>"


def test_tags_scripts_styles_code_and_fields_are_left_as_they_are():
    untouched = ('<meta content="Thème : « Des soins sûrs »"><script type="application/ld+json">{"name": "« a »"}</script>'
                 '<style>q::before { content: "« "; }</style><pre>« b »</pre><code>« c »</code><textarea>« d »</textarea>')
    assert french_spacing(untouched) == untouched
    script = '<script>if (a < b) { say("« y »"); }</script><p>x</p>'  # a « < » in a script is no tag
    assert french_spacing(script) == script
    # text after those is spaced again
    assert french_spacing(untouched + "<p>« e »</p>") == untouched + f"<p>«{NBSP}e{NBSP}»</p>"
