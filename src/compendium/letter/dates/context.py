"""What every resolver reads: the text, its reference date, its sentences, and what the text
says of itself once (its fiscal year)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..text import SentenceIndex
from .vocab import MONTH_ABBR, MONTHS, month_number


@dataclass
class Context:
    text: str
    anchor: dt.date
    sents: SentenceIndex | None
    _fiscal: "tuple[int, int] | None | bool" = False  # the text's own fiscal year start, read once

    def fiscal_start(self) -> "tuple[int, int] | None":
        """(month, day) the text says its fiscal year starts on ("our fiscal year runs from 1 October")."""
        if self._fiscal is False:
            m = _FISCAL_DEFINITION.search(self.text)
            self._fiscal = None
            word = (m.group("m") or m.group("m2") or "").lower() if m else ""
            if word in MONTHS or word.rstrip(".") in MONTH_ABBR:
                self._fiscal = (month_number(word), int(m.group("d") or m.group("d2") or 1))
        return self._fiscal


_FISCAL_DEFINITION = re.compile(
    r"(?i:fiscal|financial) year (?i:runs|begins|starts|running|beginning|starting|which runs|which begins|which starts)"
    r" (?:(?i:from|on) )?(?:(?P<d>\d{1,2}) (?P<m>[A-Z][a-z]+)|(?P<m2>[A-Z][a-z]+)(?: (?P<d2>\d{1,2}))?)\b")
