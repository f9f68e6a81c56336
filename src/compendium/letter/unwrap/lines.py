"""Lines with the raw line each came from, and what a container step returns."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class Lines:
    text: list[str]
    origin: list[int]  # 0-based raw line of each line

    def __len__(self) -> int:
        return len(self.text)


@dataclass
class Result:
    lines: Lines
    dropped: list[tuple[int, str, str]] = field(default_factory=list)  # (raw line, text, reason)
    date: tuple[int, dt.date] | None = None
    subject: str | None = None  # a header's subject, for a letter that gives none of its own


class Builder:
    """Collects output lines with their raw line numbers."""

    def __init__(self) -> None:
        self.text: list[str] = []
        self.origin: list[int] = []
        self.dropped: list[tuple[int, str, str]] = []

    def add(self, line: str, origin: int) -> None:
        self.text.append(line)
        self.origin.append(origin)

    def blank(self, origin: int) -> None:
        if self.text and self.text[-1].strip():
            self.add("", origin)

    def drop(self, origin: int, text: str, reason: str) -> None:
        self.dropped.append((origin, text, reason))

    def result(self, date=None, subject: str | None = None) -> Result:
        while self.text and not self.text[-1].strip():
            self.text.pop()
            self.origin.pop()
        return Result(Lines(self.text, self.origin), self.dropped, date, subject)
