"""Fixes to the HTML that Material for MkDocs writes, found by the quality gates.

Kept apart from hooks/site.py (which only adapts the campaign core): each fix says what
the Nu Html Checker or axe reported. A gate test fails if Material's markup changes.
"""

from __future__ import annotations

# Nu Html Checker: "Attribute autocomplete is only allowed when the input type is …" —
# Material puts autocomplete="off" on its checkbox toggles (base.html).
TOGGLES = ('data-md-toggle="drawer" type="checkbox" id="__drawer"', 'data-md-toggle="search" type="checkbox" id="__search"')


# Nu Html Checker: "The value of the for attribute of the label element must be the ID of a
# non-hidden form control" — on a page outside the navigation, Material's table of contents
# title points at a __toc checkbox that it only writes for pages in the navigation.
TOC_TITLE = '<label class="md-nav__title" for="__toc">'


def drop_toggle_autocomplete(html: str) -> str:
    for toggle in TOGGLES:
        html = html.replace(f'{toggle} autocomplete="off"', toggle)
    return html


def on_post_page(output: str, page, config) -> str:
    if 'id="__toc"' not in output:
        output = output.replace(TOC_TITLE, '<label class="md-nav__title">')
    return drop_toggle_autocomplete(output)


def on_post_template(output_content: str, template_name: str, config) -> str:
    return drop_toggle_autocomplete(output_content)  # 404.html and other static templates
