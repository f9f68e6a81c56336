"""Names of countries and regions, as an organization's place is written after its name:
"Civil Rights Defenders (Sweden)", "Promo LEX (Moldova)". From CLDR through babel (already
pinned for JupyterLab), in the languages joint letters are most often published in, plus
the everyday names CLDR spells otherwise."""

from __future__ import annotations

import re
from functools import cache

LANGUAGES = ("en", "fr", "es", "de", "pt")
EVERYDAY = ("Czech Republic", "Burma", "Myanmar", "Palestine", "Ivory Coast", "DRC", "DR Congo",
            "Democratic Republic of the Congo", "Republic of the Congo", "Congo", "UK", "U.K.", "USA", "U.S.A.",
            "US", "U.S.", "England", "Scotland", "Wales", "Northern Ireland", "Hong Kong", "Macau", "Taiwan",
            "Tibet", "Kashmir", "Kurdistan", "West Papua", "Gaza", "West Bank", "Swaziland", "Macedonia",
            "the Gambia", "The Gambia", "the Philippines", "the Netherlands", "Holland", "international",
            "global", "regional", "Africa", "Asia", "Middle East", "MENA", "Latin America", "Caribbean",
            "Central Asia", "South Asia", "Southeast Asia", "East Africa", "West Africa", "Southern Africa",
            "Horn of Africa", "Great Lakes", "Balkans", "Pacific")


def _key(name: str) -> str:
    return re.sub(r"\s+", " ", name.replace("’", "'")).strip(" .").casefold()


@cache
def _names() -> frozenset[str]:
    from babel import Locale

    names = {_key(n) for lang in LANGUAGES for n in Locale(lang).territories.values()}
    names |= {_key(n) for n in EVERYDAY}
    # CLDR's "Myanmar (Burma)", "Congo - Kinshasa": each part alone is the place too.
    for n in list(names):
        names |= {_key(p) for p in re.split(r"\s*[()]\s*|\s+-\s+", n) if len(p) > 2}
    return frozenset(names)


def is_place(name: str) -> bool:
    """A country or region name ("Sweden", "Czech Republic", "Côte d'Ivoire", "Kenya/Uganda")."""
    parts = [p for p in re.split(r"\s*(?:/|,|&|\band\b|\bet\b|\by\b)\s*", name) if p.strip()]
    return bool(parts) and all(_key(p) in _names() for p in parts)


def without_place(line: str) -> str | None:
    """'Promo LEX (Moldova)' → 'Promo LEX': the line without a place in brackets at its end;
    None when the brackets hold no place ('Human Rights Watch (HRW)') or there are none."""
    m = re.match(r"^(?P<name>[^()]+?)\s*\((?P<place>[^()]+)\)\s*$", line)
    return m.group("name") if m and is_place(m.group("place")) else None
