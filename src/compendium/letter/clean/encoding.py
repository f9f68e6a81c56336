"""Bytes to text, and the text normalised: encoding damage repaired (ftfy), line endings,
non-breaking spaces, invisible characters and trailing white space made plain; the letter's
wording is never changed."""

from __future__ import annotations

import re
from pathlib import Path

import ftfy

from ...errors import InputError

# Keep the letter's typography (curly quotes, dashes, ligatures): ftfy may only
# repair what was broken in transit.
_FTFY = ftfy.TextFixerConfig(
    uncurl_quotes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    explain=False,
)
_SPACES = re.compile(r"[\u00a0\u2007\u202f\u2000-\u200a\u3000]")
# Invisible characters that carry no wording. Zero-width joiners and non-joiners
# (U+200D, U+200C) are spelling in Persian, Indic scripts and emoji: they stay.
_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff]")
# Bidirectional embeddings, overrides and isolates would show a name reversed in
# the reports ("\u202eRoth" displays as "htoR"): removed, and logged.
BIDI_CONTROLS = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


def decode(data: bytes, where: str | Path = "<bytes>") -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, else cp1252; anything else is refused."""
    # UTF-16 as Windows "Unicode" saves it: a BOM says which, and its NUL bytes tell it from
    # cp1252 text that happens to start with "ÿþ" or "þÿ" (cp1252 or UTF-8 text holds no NUL).
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) and b"\x00" in data:
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(where, f"starts with a UTF-16 byte-order mark but holds undecodable bytes at "
                                    f"offset {exc.start + 2}: re-save it as UTF-8") from None
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
    text = BIDI_CONTROLS.sub("", text)
    return "\n".join(line.rstrip() for line in text.split("\n"))


def bidi_log(text: str) -> list[dict]:
    """Cleaning-log entries for the lines whose bidi controls `normalise` removes."""
    out = []
    for n, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        found = sorted(set(BIDI_CONTROLS.findall(line)))
        if found:
            codes = ", ".join(f"U+{ord(c):04X}" for c in found)
            out.append({"line": n, "text": BIDI_CONTROLS.sub("", line).strip(),
                        "reason": f"bidirectional control characters removed ({codes}); the line is kept"})
    return out

