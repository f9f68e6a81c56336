"""Letterheads and legal footers of a PDF's pages: the sender's address, telephone, e-mail and
website printed at the top of the first page, and the same details or a registration notice
('a registered charity in England and Wales (no. …)') at the foot of a page.

They are the page's, not the letter's. A letterhead is the start of the first page's first
block (the lines above its first blank line) up to its last line of contact details (a
telephone number, an e-mail or web address), so an addressee written right under it stays;
its lines of contact details or of a postal address go, the organization's name above them
stays (the letter's sender). A page's foot block goes when every line of it is contact
details, a postal address or a registration notice.
"""

from __future__ import annotations

import re

_PHONE = re.compile(r"(?:\b(?:tel|phone|telephone|fax|mobile|mob|t|f|m)\b\.?:?\s*\+?|\+)\(?\d[\d ()./-]{5,}\d", re.I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w.+-]+ at [\w-]+(?:\.[\w-]+)+")
_WEB = re.compile(r"\b(?:https?://|www\.)\S+|\b[\w-]+\.(?:org|com|net|int|eu|gov|edu|example)(?:\.[a-z]{2})?(?:/\S*)?\b",
                  re.I)
_ADDRESS = re.compile(
    r"\b\d{1,5}[a-z]?,?\s+(?:[A-Z][\w'’.-]*\s+){1,4}(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Lane|Square|Place|Court|"
    r"Mews|Way|Boulevard|Blvd\.?|Drive|Quay|Row|Terrace|Plaza|Gardens|Hill|Parade)\b"
    r"|\b(?:Rue|Via|Calle|Avenida|Rua|Piazza|Place|Boulevard)\s+(?:de\s+(?:la\s+)?|du\s+|des\s+)?[A-Z][\w'’-]*"
    r"|\b[A-Z][\w'’-]*(?:straße|strasse|gasse|weg|platz|gracht|laan|vej|gatan|gate)\s*\d"
    r"|\b(?:Suite|Floor|P\.?\s?O\.?\s?Box|c/o|Postfach|CP|BP)\b"
    r"|\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b"  # a British postcode
    r"|\b[A-Z]{2}\s\d{5}(?:-\d{4})?\b"  # a US state and ZIP code
    r"|\b(?:[A-Z]{1,2}-)?\d{4,5}\s+[A-Z][a-zà-ÿ]+\b")  # '1202 Geneva', 'D-10115 Berlin'
_REGISTERED = re.compile(
    r"\bregistered (?:charity|company|association|office|in (?:England|Scotland|Ireland))|\b(?:charity|company|"
    r"registration) (?:no\b|number)|\bVAT (?:no|number|reg)|\bTransparency Register\b|\bcompany limited by guarantee\b",
    re.I)


def contact(line: str) -> bool:
    """A line holding a telephone number, an e-mail address or a website."""
    return bool(_PHONE.search(line) or _EMAIL.search(line) or _WEB.search(line))


def address(line: str) -> bool:
    return bool(_ADDRESS.search(line)) and len(line.split()) <= 16


def registered(line: str) -> bool:
    return bool(_REGISTERED.search(line))


def top(lines: list[str]) -> list[int]:
    """The letterhead's lines to drop, among a first page's lines: its first block up to its
    last line of contact details, the lines of contact details or addresses in it."""
    block = []
    for k, t in enumerate(lines):
        if not t.strip():
            if block:
                break
            continue
        block.append(k)
    last = max((i for i, k in enumerate(block) if contact(lines[k])), default=None)
    if last is None or last >= 6:
        return []
    return [k for k in block[: last + 1] if contact(lines[k]) or address(lines[k])]


def foot(lines: list[str]) -> list[int]:
    """A page's foot block to drop (its lines after the last blank line), when every line of
    it is contact details, an address or a registration notice."""
    block: list[int] = []
    for k in range(len(lines) - 1, -1, -1):
        if not lines[k].strip():
            if block:
                break
            continue
        block.insert(0, k)
    if not block or len(block) > 4 or len(block) == len([t for t in lines if t.strip()]):
        return []
    ok = all(contact(lines[k]) or address(lines[k]) or registered(lines[k]) for k in block)
    return block if ok else []
