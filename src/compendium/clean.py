"""Decode a scraped letter, repair it, and cut the page chrome around it.

The letter's wording is never changed: only encoding damage (mojibake, via
ftfy), line endings, non-breaking spaces and trailing white space are
normalised, and whole lines outside the letter's span are removed. Every
removed line is recorded with its reason. Cleaning is idempotent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import ftfy

from .dates import parse_date_line
from .errors import InputError
from .patterns import CC, CLOSING, chrome_reason
from .signatories import is_title

# Keep the letter's typography (curly quotes, dashes, ligatures): ftfy may only
# repair what was broken in transit.
_FTFY = ftfy.TextFixerConfig(
    uncurl_quotes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    explain=False,
)
_SPACES = re.compile(r"[\u00a0\u2007\u202f\u2000-\u200a\u3000]")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")


@dataclass
class Cleaned:
    text: str
    removed: list[dict] = field(default_factory=list)


def decode(data: bytes, where: str | Path = "<bytes>") -> str:
    """UTF-8 (with or without BOM), else cp1252; anything else is refused."""
    bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    data = data[bom:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        # The offset is into the file as given, BOM included.
        raise InputError(where, f"undecodable bytes at offset {exc.start + bom}: neither UTF-8 nor cp1252") from None


def normalise(text: str) -> str:
    text = ftfy.fix_text(text, _FTFY)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SPACES.sub(" ", text)
    text = _INVISIBLE.sub("", text)
    return "\n".join(line.rstrip() for line in text.split("\n"))


_ABBREVIATION_END = re.compile(r"(?:\b(?:[A-Za-z]\.){2,}|\b(?:Inc|Ltd|Jr|Sr|Co|Corp|Esq|St|Ave|Dept|Univ)\.)$")


def _is_footer_sentence(line: str) -> bool:
    # Signature lines are names, titles and organizations; a full sentence
    # after the signatures is the page talking, not the letter. A line ending
    # in an abbreviation ("Washington, D.C.", "Inc.") is still a signature line.
    return (bool(re.search(r"[.!?]$", line)) and len(line.split()) >= 8
            and not _ABBREVIATION_END.search(line) and not is_title(line.split(",")[0]))


def letter_span(lines: list[str], where: str | Path) -> tuple[int, int, dict[int, str]]:
    """Index of the date line, index after the last letter line, and chrome inside.

    The span runs from the date line through the end of the signature block,
    cc lines included.
    """
    start = next((i for i, line in enumerate(lines) if parse_date_line(line)), None)
    if start is None:
        raise InputError(where, "no date line found (a line such as 'September 10, 2014' or '2014-09-10')")
    closing = next((i for i in range(start + 1, len(lines)) if CLOSING.match(lines[i].strip())), None)
    if closing is None:
        raise InputError(where, "no signature block found (no closing such as 'Sincerely,' before the signatures)")
    end = closing + 1
    inside: dict[int, str] = {}
    for i in range(start, closing):
        reason = chrome_reason(lines[i])
        if reason and len(lines[i].split()) <= 12:
            inside[i] = reason
    in_cc = False
    for i in range(closing + 1, len(lines)):
        line = lines[i].strip()
        if not line:
            continue
        if CC.match(line) and not chrome_reason(line):
            in_cc = True
        elif chrome_reason(line) or (_is_footer_sentence(line) and not in_cc):
            break
        end = i + 1
    if not any(lines[i].strip() for i in range(closing + 1, end)):
        raise InputError(where, "no signature block found (nothing but page chrome after the closing)")
    return start, end, inside


def clean(data: bytes | str, where: str | Path = "<text>") -> Cleaned:
    text = data if isinstance(data, str) else decode(data, where)
    lines = normalise(text).split("\n")
    start, end, inside = letter_span(lines, where)
    removed = []
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if i < start:
            reason = f"page header before the date line ({chrome_reason(line) or 'page chrome'})"
        elif i >= end:
            reason = f"page footer after the signature block ({chrome_reason(line) or 'page chrome'})"
        elif i in inside:
            reason = f"page chrome inside the letter ({inside[i]})"
        else:
            continue
        removed.append({"line": i + 1, "text": line, "reason": reason})
    kept = [line for i, line in enumerate(lines[start:end], start) if i not in inside]
    return Cleaned(text="\n".join(kept).strip("\n") + "\n", removed=removed)
