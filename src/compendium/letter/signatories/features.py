"""Features of one line of the block: is it a person's name (and how sure), a position, an
organization, a one-line signature "Name, Title, Organization"; a name line's honorific and
post-nominals, a line's mark of a past position."""

from __future__ import annotations

import re
import unicodedata

from ..givennames import is_known
from .model import Affiliation
from .vocabulary import (_COLUMNS, _NOT_ORG_IN_TITLE, _TRAILING_POSTNOMINALS, BEHALF, DEGREE, FOOTNOTE_MARK, FORMER,
                         GENERATIONAL, HONORIFIC, MODIFIERS, ORG_STRONG, ORG_WORDS, PARTICLES, PEERAGE, PERSONAL,
                         POSTNOMINAL, TITLE_SUFFIXES, TITLE_WORDS)


def _tokens(s: str) -> list[str]:
    return [t for t in re.split(r"\s+", s.strip()) if t]


def _words(s: str) -> list[str]:
    return [w.lower().strip(",.()[]\"'“”‘’*") for w in _tokens(s)]


def is_given_name(word: str) -> bool:
    w = word.strip(".,")
    if len(w) < 2 or not w[0].isupper():
        return False
    if is_known(w):
        return True
    plain = unicodedata.normalize("NFKD", w).encode("ascii", "ignore").decode()
    if plain and plain != w and is_known(plain):
        return True
    first = re.split(r"[-’']", w)[0]
    return first != w and len(first) > 1 and is_known(first)


def is_title(line: str) -> bool:
    """A position line: a title word among its first words ("Senior Adviser", "Author of …")."""
    s = FORMER.sub(" ", PERSONAL.sub(" ", line)).strip()
    m = HONORIFIC.match(s)
    if m and not s[m.end():].strip(" .,()"):
        return True  # a rank or courtesy title on a line of its own: "Maj. Gen. (ret.)", "Ambassador"
    words = _words(s)[:3]
    qualified = False
    for w in words:
        if w in MODIFIERS:
            qualified = True
            continue
        parts = w.split("-")
        if w in TITLE_WORDS or parts[-1] in TITLE_WORDS or parts[-1] in TITLE_SUFFIXES and parts[0] in TITLE_WORDS:
            return True  # "Co-Director", "President-elect", "Ambassador-designate"
        if w in ORG_WORDS and w not in _NOT_ORG_IN_TITLE and not qualified:
            return False
    return False


def _strip_name(s: str) -> tuple[str, str, str]:
    """(honorific, bare name, post-nominals) of a name line."""
    s = FOOTNOTE_MARK.sub("", PERSONAL.sub(" ", s)).strip().rstrip(",")
    hon = ""
    m = HONORIFIC.match(s)
    if m and m.end() < len(s):
        rest = s[m.end():].strip()
        # Keep a word that is the person's own given name ("Major" is rare; "General" never is).
        if len(_tokens(rest)) >= 1:
            hon, s = m.group(0).strip(), rest
    post = ""
    m = _TRAILING_POSTNOMINALS.search(s)
    if m and m.start() > 0:
        post, s = m.group(0).strip(" ,"), s[: m.start()].strip().rstrip(",")
    return hon, s, post



def _peer(hon: str, bare: str) -> str:
    """'Lord Carrow of Ambleside', 'Baroness Osei': a peer named by the peerage alone, whose
    name is the style itself (no given name to stand without it); '' otherwise."""
    m = PEERAGE.search(hon.strip())
    if m and re.fullmatch(r"[A-Z][\w'’-]+(?: of [A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})?", bare.strip()):
        return f"{m.group(0)} {bare.strip()}"
    return ""


def _name_tokens_ok(toks: list[str]) -> bool:
    if not 2 <= len(toks) <= 5:
        return False
    if re.fullmatch(r"[A-Z]{2,}", toks[0]) and not all(t.isupper() for t in toks):
        return False  # an acronym first: "PEN Eastern Africa", "CIVICUS Alliance"
    for t in toks:
        low = t.lower().strip(",.")
        if low in ORG_STRONG or low in TITLE_WORDS and low not in ("rabbi", "bishop", "lord"):
            return False
        if low in PARTICLES or re.fullmatch(r"(?:al|el|ul|ud|bin|ibn)-\w+", low):
            continue
        if re.fullmatch(r"[A-Z]\.(?:[A-Z]\.)*|[A-Z]", t):
            continue  # an initial
        if all(not c.isalpha() or not (c.isupper() or c.islower()) for c in t) and any(c.isalpha() for c in t):
            continue  # a script without case (Hebrew, Arabic, Chinese…)
        if not (t[0].isupper() and re.fullmatch(r"[^\W\d_][\w'’\-\u0300-\u036f\u200c\u200d]*\.?", t)):
            return False
    # All particles or all initials is not a name.
    return any(len(t.strip(".")) > 1 and t.lower() not in PARTICLES for t in toks)


def _evidence(line: str) -> int:
    """How sure we are that `line` is a person's name: 0 no, 1 name-shaped, 2 yes."""
    s = FORMER.sub(" ", line).strip()
    m = HONORIFIC.match(s)
    if m and not s[m.end():].strip(" .,()"):
        return 0  # a rank alone ("Maj. Gen. (ret.)") is a position, not a name
    if not s or len(s) > 70:
        return 0
    hon, bare, post = _strip_name(s)
    if re.search(r"\d|[:;/@&()]", bare):
        return 0
    parts = [p.strip() for p in bare.split(",")]
    head, tail = parts[0], parts[1:]
    if any(not (DEGREE.match(t) or GENERATIONAL.match(t) or POSTNOMINAL.match(t)) for t in tail):
        return 0
    toks = _tokens(head)
    while toks and (DEGREE.match(toks[-1]) or GENERATIONAL.match(toks[-1]) or POSTNOMINAL.match(toks[-1])):
        toks = toks[:-1]
    if _peer(hon, head):
        return 2
    if not _name_tokens_ok(toks):
        return 0
    if hon or post or tail or any(re.fullmatch(r"[A-Z]\.?", t) for t in toks[1:-1]):
        return 2
    caseless = all(not (c.isupper() or c.islower()) for t in toks for c in t if c.isalpha())
    if caseless or is_given_name(toks[0]) or (len(toks) >= 2 and is_given_name(toks[-1]) and len(toks) == 2):
        return 2
    return 1


def is_person_name(line: str) -> bool:
    """Looks like a person's name: 2–5 capitalised words or initials, no organization or title word."""
    return _evidence(line) > 0


def is_org(line: str) -> bool:
    s = FOOTNOTE_MARK.sub("", line).strip()
    m = _TRAILING_POSTNOMINALS.search(s)
    if m and m.start() > 0:
        s = s[: m.start()]  # "MP", "OBE" after a name are no acronym of an organization
    words = _words(s)
    if any(w in ORG_STRONG for w in words):
        return True
    return bool(re.search(r"\([A-Z][A-Za-z]{1,10}\)|\b[A-Z]{2,}\b|&|\d", s)) or s.lower().startswith("the ")


def _one_line(line: str) -> tuple[str, list[str]] | None:
    """'Name, Title, Organization[; Title, Organization]' → (name, [affiliation strings])."""
    line = PERSONAL.sub(" ", line).strip()
    if _COLUMNS.search(line):
        line = re.sub(r"(?: {3,}|\t+)", " | ", line)  # a table row: cells become fields
    # A table row's cell borders come first: a cell may hold a comma.
    for sep in ((" | ",) if " | " in line else ()) + (",", " – ", " — ", " - ", " | "):
        if sep not in line:
            continue
        parts = [p.strip() for p in line.split(sep)]
        k = 1
        while k < len(parts) and (DEGREE.match(parts[k]) or GENERATIONAL.match(parts[k]) or POSTNOMINAL.match(parts[k])
                                  or all(POSTNOMINAL.match(x) for x in parts[k].split())):
            k += 1
        if k >= len(parts):
            continue
        cut = -1
        for _ in range(k):
            cut = line.index(sep, cut + 1)
        name, rest = line[:cut].strip(), line[cut + len(sep):].strip(" ,")
        if not rest or not _evidence(name):
            continue
        if _evidence(name) == 1 and not (is_title(rest) or is_org(rest) or BEHALF.match(rest)
                                         or re.match(r"(?i)former\b", rest)):
            continue
        cells = [c.strip() for c in parts[k:]]
        if sep == " | " and len(cells) == 2 and all(cells) and (is_title(cells[0]) or not is_org(cells[0])):
            # a table row "Name | Position | Organization": the cells are the fields, whatever
            # commas a position holds ("Chair, Antimicrobial Stewardship Working Group")
            title, former = _strip_former(cells[0])
            return name, [Affiliation(title=title, organization=cells[1], former=former)]
        if sep != ",":
            rest = rest.replace(sep, ", ")  # "Name – Title – Organization", table cells
        return name, [a.strip() for a in re.split(r";|\s+/\s+", rest) if a.strip()]
    m = re.match(r"^(?P<name>[^()]+?)\s*\((?P<org>[^()]+)\)\s*$", line)
    if m and re.fullmatch(r"(?i)\s*(?:ret|retd|retired|former|hon)\.?\s*", m.group("org")):
        return None  # "(Ret.)" marks the name line, it names no organization
    if m and _evidence(m.group("name")) == 2:
        return m.group("name"), [m.group("org")]
    return None


def _strip_former(s: str) -> tuple[str, bool]:
    s0 = FOOTNOTE_MARK.sub("", PERSONAL.sub(" ", s)).strip()
    out = FORMER.sub(" ", s0)
    out = re.sub(r"\s{2,}", " ", out).strip().rstrip(",").strip()
    return out, out != s0.strip().rstrip(",").strip()
