"""What one line of a letter looks like: the line model (offsets into the text, blank
lines before it) and the line features that clean (finding the letter in a page) and
structure (finding its parts) must judge alike: running text, a sentence, a title line."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import parse_date_line
from .patterns import BULLET, CLOSING, MEMO, SALUTATION, SUBJECT, chrome_reason


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Line(Span):
    gap_before: int = 0  # blank lines between this line and the previous non-blank one


def lines_of(text: str) -> list[Line]:
    """Non-blank lines with their offsets and the blank lines before each."""
    out, pos, gap = [], 0, 0
    for raw in text.split("\n"):
        if raw.strip():
            lead = len(raw) - len(raw.lstrip())
            s = raw.strip()
            out.append(Line(pos + lead, pos + lead + len(s), s, gap))
            gap = 0
        else:
            gap += 1
        pos += len(raw) + 1
    return out


ABBREVIATION_END = re.compile(r"(?:\b(?:[A-Za-z]\.){2,}|\b(?:Inc|Ltd|Jr|Sr|Co|Corp|Esq|St|Ave|Dept|Univ)\.)$")



def is_prose(line: str) -> bool:
    """A line of running text: several words, lowercase among them, ending a sentence or running on."""
    words = line.split()
    if len(words) < 8 or BULLET.match(line) and len(words) < 6 or MEMO.match(line.strip()) or SUBJECT.match(line.strip()):
        return False
    lower = sum(1 for w in words if w[:1].islower())
    wordy = sum(1 for w in words if sum(c.isalpha() for c in w) >= 2)
    return lower >= len(words) // 3 and wordy >= 6


def is_sentence(line: str) -> bool:
    """Running text, or a short line that reads as a sentence ("We urge you to act.")."""
    if is_prose(line):
        return True
    words = line.split()
    return (len(words) >= 3 and bool(re.search(r"[.!?][”\"’)]*$", line)) and not BULLET.match(line)
            and sum(1 for w in words[1:] if w[:1].islower()) >= 2 and not ABBREVIATION_END.search(line))


def is_title_line(line: str) -> bool:
    """A heading line: short, no sentence end, not chrome, not a date."""
    s = line.strip()
    words = s.split()
    # A letter's title reads as a phrase ("Joint letter on detention in Caldora"); a site's
    # name above it ("Human Rights Watch") does not.
    phrase = len(words) >= 4 and (any(w[:1].islower() for w in words) or re.search(r"(?i)\bletter\b", s))
    return (phrase and len(words) <= (30 if re.search(r"(?i)\bletter\b", s) else 20) and not re.search(r"[.;,]$", s) and not chrome_reason(s)
            and not parse_date_line(s) and not SALUTATION.match(s) and not CLOSING.match(s) and s[:1].isupper())
