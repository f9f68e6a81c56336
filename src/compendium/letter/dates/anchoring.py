"""Placing an expression without a year (or a week): which side of the reference date it is on."""

from __future__ import annotations

import datetime as dt
import re

from ..text import clause
from .tense import PAST, line_of, tense
from .values import date
from .vocab import cues

DEADLINE_CUES = cues("deadline")  # "by", "before", "until"
SINCE_CUES = cues("since")


def year_for(month: int, day: int | None, anchor: dt.date, direction: str) -> int:
    """Year of an underspecified month (and day) relative to the anchor date."""
    key, akey = (month, day or 0), (anchor.month, anchor.day if day else 0)
    if direction == "past":
        return anchor.year if key <= akey else anchor.year - 1
    if direction == "future":
        return anchor.year if key >= akey else anchor.year + 1
    if direction == "last":
        return anchor.year if key < akey else anchor.year - 1
    if direction == "next":
        return anchor.year if key > akey else anchor.year + 1
    return anchor.year  # "this March", or tense unknown: the letter's own year


def weekday_near(anchor: dt.date, wd: int, direction: str) -> dt.date:
    delta = wd - anchor.weekday()
    if direction == "last":
        return anchor + dt.timedelta(days=delta - 7 if delta >= 0 else delta)
    if direction == "next":  # the day of the following week: said on a Thursday, "next Friday" is in 8 days
        return anchor + dt.timedelta(days=delta + 7)
    if direction == "past":
        return anchor + dt.timedelta(days=delta - 7 if delta > 0 else delta)
    if direction == "future":
        return anchor + dt.timedelta(days=delta + 7 if delta < 0 else delta)
    if direction == "nearest":  # no tense to go by: the closest such day, earlier on a tie
        delta = (delta + 3) % 7 - 3
        return anchor + dt.timedelta(days=delta)
    return anchor + dt.timedelta(days=delta)  # "this Friday": that day of the letter's week


def direction(cue: str | None, text: str, m: re.Match, sents) -> str:
    d = tense(text, m.start(), m.end(), sents)
    if (cue or "").lower() in DEADLINE_CUES:
        # A deadline looks ahead, unless the clause before it is told in the past ("had … by May").
        sent = sents.at(m.start()) if sents else line_of(text, m.start())
        c0, _ = clause(text, sent if sent[0] >= 0 else line_of(text, m.start()), m.start())
        if d != "past" or not PAST.search(text, c0, m.start()):
            return "future"
    if (cue or "").lower() in SINCE_CUES:
        return "past"
    return d


def plausible(direction: str, month: int, day: int | None, anchor: dt.date, cue: str = "") -> str:
    """Past or future for a month (and day) with no year, weighing the tense against distance.

    With no tense, an imminent date (two months ahead) is ahead and anything else has happened:
    letters date to the day what happened. With a tense, a date two months back is still past
    when reading it forward would put it most of a year away ("urge an investigation into the
    events of 3 June", written in July), and "until 31 October" after a past verb runs forward.
    """
    past = date(year_for(month, day, anchor, "past"), month, day or 15)
    ahead = date(year_for(month, day, anchor, "future"), month, day or 15)
    if not past or not ahead:
        return direction if direction in ("past", "future") else "past"
    back, fwd = (anchor - past).days, (ahead - anchor).days
    if direction == "unknown":
        if day is None:  # a month alone, no tense: the nearest such month (this one if it is now)
            return "past" if back <= fwd else "future"
        # No tense: the nearest such day, a day ahead counted at twice its distance (letters
        # date to the day what happened): "payable Jan. 2" written on 2 November is ahead.
        return "future" if fwd <= 60 or 2 * fwd < back else "past"
    if direction == "future" and day is not None and fwd > 180 and back <= 60:
        return "past"
    if direction == "past" and (cue or "").lower() in ("until", "till") and fwd < back:
        return "future"
    return direction
