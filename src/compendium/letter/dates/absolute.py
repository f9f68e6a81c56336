"""Absolute dates: a date line ("New York, 10 September 2014") and a full date string."""

from __future__ import annotations

import datetime as dt
import re

from .fragments import DAY, MONTH, MONTH_DATED, WEEKDAY, YEAR
from .vocab import FOREIGN_MONTHS, MONTHS_ANY, alternation

# An absolute date, as on a date line.
ABSOLUTE_DATE = re.compile(
    rf"(?P<mdy>{MONTH}\s+{DAY},?\s+{YEAR})"
    rf"|(?P<dmy>{DAY}\s+{MONTH},?\s+{YEAR})"
    rf"|(?P<iso>{YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))"
)


_WORD = r"([^\W\d_]+)\.?"
_DMY = re.compile(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+|de\s+)?{_WORD},?\s+(?:de\s+)?(\d{{4}})")
_MDY = re.compile(rf"{_WORD}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_absolute(text: str) -> dt.date | None:
    """Read one absolute date string ("September 10, 2014", "10 Sept. 2014", ISO).

    The forms the rules find are read here with the month names of vocabulary/months.tsv;
    dateparser (0.5 s to load and warm) is asked only about anything else."""
    s = " ".join(text.split())
    if m := _ISO.fullmatch(s):
        return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := _DMY.fullmatch(s):
        day, word, year = m.groups()
    elif m := _MDY.fullmatch(s):
        word, day, year = m.groups()
    else:
        return _dateparser(text)
    month = MONTHS_ANY.get(word.lower())
    return _valid(int(year), month, int(day)) if month else _dateparser(text)


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _dateparser(text: str) -> dt.date | None:
    import dateparser  # imported here: it costs ~0.3 s and the common forms do without it

    cleaned = re.sub(r"\b(Sept)\.", "Sep", text)
    cleaned = re.sub(r"\b([A-Z][a-z]{2})\.", r"\1", cleaned)
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", cleaned)
    parsed = dateparser.parse(
        cleaned,
        languages=["en"],
        settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"],
                  "PREFER_DATES_FROM": "past", "DATE_ORDER": "MDY" if cleaned[:1].isalpha() else "DMY"},
    )
    return parsed.date() if parsed else None


# A date line: the date alone, optionally after a memo label ("Date:"), a place
# ("New York, 10 September 2014", "Oslo, 4 May 2017") and a weekday ("Thursday,
# May 4, 2017"), with ordinals ("March 3rd, 2016", "the 21st of October 2017").
_PLACE = r"(?:[^\W\d_][^\W\d_ .'’-]*(?:[ .'’-]+[^\W\d_][^\W\d_ .'’-]*){0,4}\.?,\s+)"
DATE_LINE = re.compile(
    rf"^\s*(?:(?i:date[d]?)\s*:\s*)?{_PLACE}{{0,2}}(?:{WEEKDAY},?\s+)?(?:the\s+)?"
    rf"(?P<date>{MONTH_DATED}\s+{DAY},?\s+{YEAR}|{DAY}\s+(?:of\s+)?{MONTH_DATED},?\s+{YEAR}"
    rf"|{YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))\.?\s*$"
)


# "Date: 14.09.2023", "Geneva, 14/09/2023": digits only after a label or a place (a bare
# "14.09.2023" on a page is its publication date); day first, as most such letters write it.
NUMERIC_DATE_LINE = re.compile(
    rf"^\s*(?:(?i:date[d]?)\s*:\s*|{_PLACE}{{1,2}})(?P<date>(?P<d>\d{{1,2}})(?P<sep>[./-])(?P<m>\d{{1,2}})(?P=sep)"
    rf"(?P<y>(?:19|20)\d\d))\.?\s*$"
)


def numeric_date(day: int, month: int, year: int) -> dt.date | None:
    """Day first; month first only when the day cannot be a month ("09/14/2023")."""
    if month > 12 >= day:
        day, month = month, day
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# A date line in French, Spanish, Portuguese or German ("Genève, le 3 mars 2022", "Madrid,
# 14 de octubre de 2021", "Brasília, 7 de novembro de 2022", "Berlin, den 5. Mai 2020", "Roma, lì 3
# marzo 2024", "Warszawa, dnia 12 lipca 2024 r.", "Stockholm den 4 mars 2024"):
# a place, the article the language puts before the day, the day and the month name.
_FOREIGN_MONTH = alternation(FOREIGN_MONTHS)
_ARTICLE = "den|le|el|em|am|il|lì|li|dnia|dne"  # before the day; a place before it needs no comma
FOREIGN_DATE_LINE = re.compile(
    rf"^\s*(?:{_PLACE}{{0,2}}(?i:(?:{_ARTICLE})\s+)?|[^\W\d_][^\W\d_.'’-]*(?:[ -][^\W\d_][^\W\d_.'’-]*){{0,3}}\s+(?i:(?:{_ARTICLE}))\s+)"
    rf"(?P<date>(?P<d>[12]\d|3[01]|0?[1-9])(?:\.|er|º|°)?\s+(?:de\s+)?(?P<mon>(?i:{_FOREIGN_MONTH}))\.?,?"
    rf"\s+(?:de\s+)?(?P<y>{YEAR}))(?:\s*r\.)?\.?\s*$"  # Polish writes "r." (roku) after the year
)


# A date line with a short note after a dash or bar ("Lyon, 12 février 2024 — Published on our
# wiki", "September 10, 2014 | 12:00AM EDT"): the date line is what comes before it.
_TRAILER = re.compile(r"\s+[—–|·]\s+(?P<note>(?:\S+\s*){1,6})$")


# A full date anywhere in a line, for the hint of a letter refused for want of a date line.
_HELD_DATE = re.compile(
    rf"(?:{MONTH_DATED}\s+{DAY},?\s+{YEAR}|{DAY}\.?\s+(?:of\s+|de\s+)?(?:{MONTH_DATED}|(?i:{_FOREIGN_MONTH})),?\s+"
    rf"(?:de\s+)?{YEAR}|{YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))")


def holds_date(line: str) -> bool:
    """Whether a line holds a full date (day, month and year) anywhere in it."""
    return bool(_HELD_DATE.search(line))


def held_date(line: str) -> dt.date | None:
    """The first full date a line holds ("Submitted to the Co-Chairs on 26 September 2023.")."""
    m = _HELD_DATE.search(line)
    return parse_absolute(re.sub(r"(\d)\.(?=\s)", r"\1", m.group(0))) if m else None


def parse_date_line(line: str) -> dt.date | None:
    t = _TRAILER.search(line)
    if t and not re.search(r"[.!?]\S*\s*$", line[: t.start()]) and (d := _parse_date_line(line[: t.start()])):
        return d
    return _parse_date_line(line)


# A page's publication or update line, in the languages of the month names above.
_PUBLISHED = re.compile(r"(?i)\b(?:published|posted|updated|issued|released|publié|publiée|mis à jour|publicad[oa]|"
                        r"actualizad[oa]|atualizad[oa]|veröffentlicht|aktualisiert|pubblicat[oa]|aggiornat[oa]|"
                        r"gepubliceerd|bijgewerkt|opublikowan[oay]|publicerad|uppdaterad|udgivet|publisert|"
                        r"zveřejněno|publicat)\b")


def _parse_date_line(line: str) -> dt.date | None:
    m = DATE_LINE.match(line)
    if not m and (f := FOREIGN_DATE_LINE.match(line)):
        if _PUBLISHED.search(line[: f.start("date")]):
            return None  # "Publicado el 15 de octubre de 2021": a page's date, not a letter's
        return _valid(int(f.group("y")), FOREIGN_MONTHS[f.group("mon").lower()], int(f.group("d")))
    if not m:
        m = NUMERIC_DATE_LINE.match(line)
        if not m or re.search(r"(?i)\b(?:published|posted|updated|issued|released)\b", line[: m.start("date")]):
            return None
        return numeric_date(int(m.group("d")), int(m.group("m")), int(m.group("y")))
    place = line[: m.start("date")]
    if re.search(r"(?i)\b(?:published|posted|updated|issued|released|press release|news)\b", place):
        return None  # a page's publication date, not a letter's
    return parse_absolute(re.sub(r"\s+of\s+", " ", m.group("date")))
