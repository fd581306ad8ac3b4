"""Counts, sizes and amounts written the French way: « 3 actions », « 1,2 Mo », « 2 000 € »."""

from __future__ import annotations

from babel.lists import format_list
from babel.numbers import format_currency, format_decimal

LOCALE = "fr_FR"


def number(count: int) -> str:
    """« 2 000 »: thousands apart by a narrow no-break space, as French typography has them."""
    return format_decimal(count, locale=LOCALE)


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """« 1 action publiée », « 2 000 actions publiées » (0 and 1 take the singular in French);
    `singular` may hold several words, each taking an « s » unless `plural_form` is given."""
    words = singular if count <= 1 else plural_form or " ".join(word + "s" for word in singular.split(" "))
    return f"{number(count)} {words}"


def file_size(size: int) -> str:
    """« 850 octets », « 12 Ko », « 1,2 Mo » (multiples of 1024, as file explorers show them)."""
    if size < 1024:
        return f"{size} octets"
    amount = float(size)
    for unit in ("Ko", "Mo", "Go"):
        amount /= 1024
        shown = round(amount, 1 if amount < 10 else 0)
        if shown < 1024 or unit == "Go":  # 1 048 575 octets: « 1 Mo », not « 1 024 Ko »
            return f"{format_decimal(shown, locale=LOCALE)} {unit}"
    raise AssertionError("unreachable")


def euros(amount: int) -> str:
    """« 2 000 € »"""
    return format_currency(amount, "EUR", locale=LOCALE, format="#,##0\u00a0¤", currency_digits=False).replace("\u202f", "\u00a0")


def age_range(age) -> str:
    """An AgeRange in words: « de 6 à 12 ans », « à partir de 60 ans », « jusqu'à 6 ans », « 1 an »."""
    low, high = age.min, age.max
    if low is not None and high is not None:
        return plural(low, "an") if low == high else f"de {low} à {plural(high, 'an')}"
    if high is not None:
        return f"jusqu'à {plural(high, 'an')}"
    return f"à partir de {plural(low, 'an')}" if low else "tous âges"


def french_list(items: list[str]) -> str:
    """« 2011, 2012 et 2013 »."""
    return format_list(list(items), locale="fr")
