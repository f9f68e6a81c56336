"""Events: what the letter dates, grouped into events, and the context facts
kept in data/raw/context_events.csv."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path

from . import paths
from .annotate import Mention
from .letter.dates import precision_of, value_bounds
from .errors import InputError
from .letter.text import clause
from .rawdata import read_curated_csv, shown

# Event nouns, most specific first: a clause naming a side event and a
# session is about the side event.
EVENT_NOUNS = [
    ("side event", r"side[- ]event"),
    ("meeting", r"meeting|met|meet|convened"),
    ("summit", r"summit"),
    ("conference", r"conference"),
    ("hearing", r"hearing"),
    ("vote", r"vote"),
    ("resolution", r"resolution"),
    ("statement", r"spoke|said|stated|statement|speech|remarks"),
    ("report", r"report"),
    ("visit", r"visit"),
    ("session", r"session"),
    ("debate", r"debate"),
]
# Verb forms of event nouns: the clause, not the bare verb, says what happened.
_VERB = re.compile(r"met|meet|convened", re.I)
CONTEXT_COLUMNS = ("letter_id", "date", "label", "answers_ask", "citation", "note")


@dataclass
class Event:
    event_id: int
    date: str
    start: str
    end: str
    precision: str
    label: str
    source: str  # letter | context
    mention_id: int | None = None
    citation: str = ""
    answers_ask: int | None = None


def _clause(text: str, m: Mention) -> tuple[int, int]:
    if m.sentence_start < 0:
        return m.start, m.end
    return clause(text, (m.sentence_start, m.sentence_end), m.start)


def _within(items: list[Mention], starts: list[int], c0: int, c1: int) -> list[Mention]:
    """The mentions (sorted by start) that start inside [c0, c1), by bisection."""
    return items[bisect.bisect_left(starts, c0) : bisect.bisect_left(starts, c1)]


def _label(text: str, m: Mention, noun: str, hit: re.Match, c0: int, c1: int, entities: list[Mention],
           starts: list[int]) -> str:
    inside = _within(entities, starts, c0, c1)
    if noun == "statement":
        people = [e for e in inside if e.kind == "person"]
        return " ".join(f"{people[0].text}'s statement".split()) if people else "statement"
    words = text[hit.start() : hit.end()]
    orgs = [e for e in inside if e.kind == "organization"]
    # An organization named right before the noun owns it: "the Office of the High
    # Commissioner for Human Rights report".
    adjacent = [e for e in orgs if 0 <= hit.start() - e.end <= 1]
    if adjacent:
        return " ".join(f"{adjacent[-1].text} {words}".split())
    # Capitalised modifiers right before the noun: "Arria Formula meeting".
    # (never the date itself: "this April's Arria Formula meeting").
    p0 = m.end if m.end <= hit.start() else c0
    pre = re.search(r"((?:[A-Z][\w.’'\-]*\s+)+)$", text[max(c0, p0) : hit.start()])
    phrase = ""
    if pre:
        phrase = pre.group(1).strip() + " " + words
    else:
        lo, hi = sorted((hit.end(), m.start))
        between = [e for e in orgs if lo <= e.start < hi]
        before = [e for e in orgs if e.end <= min(hit.start(), m.start)]
        owner = between[0] if between else (before[-1] if before else None)
        phrase = f"{owner.text} {words}" if owner else words
    at = re.match(r"(?:\s+on\s+[\w ]{1,30}?)?\s+(at|in|of) the ((?:[A-Z][\w\-]*\s?)+)", text[hit.end() : c1])
    if at and noun in ("meeting", "hearing", "conference", "summit"):
        phrase += f" {at.group(1)} the {at.group(2).strip()}"
    phrase = " ".join(phrase.split())  # a name wrapped over a line break is one label
    return phrase[0].upper() + phrase[1:]


def letter_events(text: str, mentions: list[Mention], mention_ids: dict[int, int], addressee: str) -> list[Event]:
    """One event per distinct (date value, event noun); the first mention names it."""
    entities = sorted((m for m in mentions if m.kind in ("person", "organization")), key=lambda e: e.start)
    starts = [e.start for e in entities]
    asks = sorted((m for m in mentions if m.kind == "ask"), key=lambda a: a.start)
    ask_starts = [a.start for a in asks]
    groups: dict[tuple[str, str], dict] = {}
    for i, m in enumerate(mentions):
        if m.kind != "date" or value_bounds(m.value) is None:
            continue
        if m.sentence_start < 0:  # the date line: the letter itself
            # "To the Members of …" as the addressee line: no "to To".
            to = re.sub(r"^to\s+", "", addressee, flags=re.I)
            key, label = (m.value, "letter"), f"This letter, to {to}" if to else "This letter"
        else:
            c0, c1 = _clause(text, m)
            found = None
            for noun, pat in EVENT_NOUNS:
                hits = list(re.finditer(rf"\b(?:{pat})\b", text[c0:c1]))
                if hits:
                    near = min(hits, key=lambda h: abs(c0 + h.start() - m.start))
                    found = (noun, re.compile(rf"\b(?:{pat})\b").search(text, c0 + near.start()))
                    break
            if found and _VERB.fullmatch(found[1].group(0)):
                found = None
            if found:
                noun, hit = found
                key = (m.value, noun)
                label = _label(text, m, noun, hit, c0, c1, entities, starts)
            else:
                # No event noun: the clause itself says what the date is about.
                clause = " ".join(text[c0:c1].split()).strip(" ,.;—")
                clause = re.sub(r"[\s,]*\b(?:and that|and|but|which|while)$", "", clause)  # the clause break
                label = clause if len(clause) <= 80 else clause[:79].rsplit(" ", 1)[0] + "…"
                key = (m.value, "clause:" + label)
            k = bisect.bisect_right(ask_starts, m.start) - 1
            if k >= 0 and asks[k].start <= m.start < asks[k].end:  # asks are sentences: they do not overlap
                label = f"{label} (requested by the letter)"
        if key not in groups:
            groups[key] = {"label": label, "mention": i, "value": m.value}
    events = []
    for g in groups.values():
        first, last = value_bounds(g["value"])
        events.append(Event(0, g["value"], first.isoformat(), last.isoformat(), precision_of(g["value"]),
                            g["label"], "letter", mention_id=mention_ids[g["mention"]]))
    return events


def load_context(letter_id: str, path: Path | None = None) -> list[Event]:
    """Context events for one letter; every row must have a valid date and a source."""
    path = Path(path) if path else paths.context_path()
    if not path.exists():
        return []
    out = []
    for n, row in read_curated_csv(path, CONTEXT_COLUMNS, "context events"):
        value = (row["date"] or "").strip()
        bounds = value_bounds(value) if re.fullmatch(r"[\dA-Z\-]+", value) else None
        if bounds is None:
            raise InputError(f"{path}:{n}", f"invalid date {shown(value)} (use 2014-09-23, 2014-09, 2014 …)")
        citation = (row["citation"] or "").strip()
        if not re.match(r"https?://\S+$", citation):
            raise InputError(f"{path}:{n}", "no source: the citation must be a URL")
        if not (row["label"] or "").strip():
            raise InputError(f"{path}:{n}", "empty label: say what happened")
        ask = (row["answers_ask"] or "").strip()
        if ask and not (re.fullmatch(r"[0-9]{1,6}", ask) and int(ask) >= 1):  # asks are counted 1, 2, …, never a million
            raise InputError(f"{path}:{n}", f"answers_ask {shown(ask)} must be an ask number (1, 2, …) or empty")
        if row["letter_id"].strip() != letter_id:
            continue
        out.append(Event(0, value, bounds[0].isoformat(), bounds[1].isoformat(), precision_of(value),
                         row["label"].strip(), "context", citation=citation,
                         answers_ask=int(ask) if ask else None))
    return out


def events(text: str, mentions: list[Mention], mention_ids: dict[int, int], addressee: str,
           context: list[Event]) -> list[Event]:
    """Letter and context events sorted by start date, then source and label; ids 1…"""
    evs = letter_events(text, mentions, mention_ids, addressee) + context
    evs.sort(key=lambda e: (e.start, e.end, e.source != "letter", e.label))
    for i, e in enumerate(evs, 1):
        e.event_id = i
    return evs
