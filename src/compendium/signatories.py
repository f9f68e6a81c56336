"""The signature block: who signed, in letter order, and every affiliation.

Handles: name / title / organization lines; unit lines between title and
organization; several "Title, Organization" lines; "Name, Title, Organization"
on one line with affiliations separated by ";"; organizations one per line;
honorifics and degrees (via nameparser); "(former)", "(ret.)", "Former …";
an affiliation without an organization; blocks separated by blank lines or by
nothing but the next name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nameparser import HumanName

from .structure import Line

TITLE_WORDS = {
    "professor", "director", "adviser", "advisor", "fellow", "president", "chair", "chairman",
    "chairwoman", "chairperson", "co-chair", "secretary", "ambassador", "founder", "co-founder",
    "author", "executive", "officer", "ceo", "coordinator", "manager", "researcher", "lecturer",
    "dean", "editor", "trustee", "representative", "counsel", "partner", "analyst", "scholar",
    "member", "head", "chief", "minister", "senator", "congressman", "congresswoman", "governor",
    "envoy", "rapporteur", "commissioner", "administrator", "attorney", "lawyer", "journalist",
    "correspondent", "consultant", "specialist", "principal", "provost", "chancellor", "rector",
    "vice-president", "vice-chair", "board", "deputy", "assistant", "associate", "senior", "visiting",
    "distinguished", "adjunct", "emeritus", "acting", "interim", "founding", "managing", "general",
    "staff", "program", "programme", "producer", "writer", "historian", "economist", "pastor",
    "rabbi", "reverend", "bishop", "survivor", "defector", "activist", "spokesperson", "delegate",
}
ORG_WORDS = {
    "foundation", "foundations", "university", "institute", "institution", "center", "centre",
    "council", "committee", "department", "watch", "house", "first", "society", "association",
    "international", "bureau", "office", "coalition", "alliance", "network", "group", "fund",
    "project", "campaign", "initiative", "program", "forum", "union", "church", "amnesty",
    "school", "college", "academy", "studies", "government", "advocacy", "freedom", "liberty",
    "inc", "inc.", "llc", "ltd", "trust", "agency", "ministry", "commission", "services",
    "service", "board", "press", "news", "museum", "library", "federation", "league",
    "movement", "action", "relief", "aid", "peace", "justice", "democracy", "law", "policy",
    "research", "affairs", "global", "world", "national", "rights", "human", "korea", "north",
    "the", "of", "for", "and", "&", "united", "nations", "state", "states",
}
HONORIFICS = {"dr.", "dr", "hon.", "hon", "mr.", "mrs.", "ms.", "prof.", "rev.", "sen.", "amb.",
              "ambassador", "gen.", "adm.", "col.", "rabbi", "sir", "dame", "lord", "lady"}
DEGREE = re.compile(r"^(?:Ph\.?D\.?|M\.?D\.?|J\.?D\.?|Esq\.?|LL\.?M\.?|M\.?A\.?|M\.?P\.?H\.?|D\.?Phil\.?|OBE|CBE|KBE)$")
GENERATIONAL = re.compile(r"^(?:Jr\.?|Sr\.?|II|III|IV|V)$")
FORMER = re.compile(r"\s*\((?:former|ret\.?|retired|formerly)\)\s*|^\s*(?:former(?:ly)?)\s+|,\s*(?:ret\.?|retired)\s*$", re.I)


@dataclass
class Affiliation:
    title: str = ""
    unit: str = ""
    organization: str = ""
    former: bool = False


@dataclass
class Signatory:
    signatory_id: int
    signatory_type: str  # person | organization
    written: str  # the name line as written (persons) or the organization
    name: str = ""
    honorific: str = ""
    given_name: str = ""
    middle_name: str = ""
    family_name: str = ""
    suffix: str = ""
    affiliations: list[Affiliation] = field(default_factory=list)
    start: int = 0
    end: int = 0


def _tokens(s: str) -> list[str]:
    return [t for t in re.split(r"\s+", s.strip()) if t]


# Title words that also name units ("Program Officer", "Board Member" but "Asia
# Program"): a title only with another title word after them.
MODIFIERS = {"program", "programme", "board"}


def is_title(line: str) -> bool:
    """A position line: a title word among its first words ("Senior Adviser", "Author of …")."""
    s = FORMER.sub(" ", line).strip()
    words = [w.lower().strip(",.()") for w in _tokens(s)[:3]]
    qualified = False
    for w in words:
        if w in MODIFIERS:
            qualified = True
            continue
        if w in TITLE_WORDS or w.split("-")[-1] in TITLE_WORDS:
            return True
        if w in ORG_WORDS and w not in ("the", "of", "u.s.", "us") and not qualified:
            return False
    return False


def is_person_name(line: str) -> bool:
    """Looks like a person's name: 2–6 capitalised words or initials, no organization or title word."""
    s = FORMER.sub(" ", line).strip()
    if not s or re.search(r"\d|[:;/@&]", s) or len(s) > 60:
        return False
    parts = [p.strip() for p in s.split(",")]
    head, tail = parts[0], parts[1:]
    if any(not (DEGREE.match(t) or GENERATIONAL.match(t)) for t in tail):
        return False
    toks = _tokens(head)
    while toks and toks[0].lower() in HONORIFICS:
        toks = toks[1:]
    while toks and (DEGREE.match(toks[-1]) or GENERATIONAL.match(toks[-1])):
        toks = toks[:-1]
    if not 2 <= len(toks) <= 5:
        return False
    particles = {"van", "von", "de", "del", "der", "da", "di", "la", "le", "bin", "al", "el", "ibn"}
    for t in toks:
        low = t.lower().strip(",.")
        if low in ORG_WORDS or low in TITLE_WORDS:
            return False
        if low in particles or re.fullmatch(r"(?:al|el)-\w+", low):
            continue
        # a capitalised word (accented capitals too: "Émile") or initials
        if not (t[0].isupper() and re.fullmatch(r"[^\W\d_][\w'’\-]*\.?", t)) and not re.fullmatch(r"[A-Z]\.(?:[A-Z]\.)*", t):
            return False
    return True


def _one_line(line: str) -> tuple[str, list[str]] | None:
    """'Name, Title, Organization[; Title, Organization]' → (name, [affiliation strings])."""
    if "," not in line:
        return None
    parts = [p.strip() for p in line.split(",")]
    k = 1
    while k < len(parts) and (DEGREE.match(parts[k]) or GENERATIONAL.match(parts[k])):
        k += 1
    name, rest = ", ".join(parts[:k]), ", ".join(parts[k:])
    if not rest or not is_person_name(name):
        return None
    return name, [a.strip() for a in rest.split(";") if a.strip()]


def _strip_former(s: str) -> tuple[str, bool]:
    out = FORMER.sub(" ", s)
    out = re.sub(r"\s{2,}", " ", out).strip().rstrip(",")
    return out, out != s.strip()


def _split_title_org(s: str) -> Affiliation:
    """'Title, Organization' (title first); a lone piece is a title if it looks like one."""
    text, former = _strip_former(s)
    if "," in text:
        title, org = text.split(",", 1)
        return Affiliation(title=title.strip(), organization=org.strip(), former=former)
    if is_title(text):
        return Affiliation(title=text, former=former)
    return Affiliation(organization=text, former=former)


def _affiliations(lines: list[str]) -> list[Affiliation]:
    if not lines:
        return [Affiliation()]
    # Several "Title, Organization" lines, one affiliation each.
    if all("," in ln and is_title(ln.split(",", 1)[0]) for ln in lines):
        return [_split_title_org(ln) for ln in lines]
    # Otherwise groups that each start at a title line: title, unit lines, organization.
    groups: list[list[str]] = []
    for ln in lines:
        if is_title(ln) or not groups:
            groups.append([ln])
        else:
            groups[-1].append(ln)
    out = []
    for g in groups:
        former = False
        cleaned = []
        for ln in g:
            c, f = _strip_former(ln)
            cleaned.append(c)
            former |= f
        if is_title(g[0]):
            title, rest = cleaned[0], cleaned[1:]
        else:
            title, rest = "", cleaned
        if "," in title and not rest and is_title(title.split(",", 1)[0]):
            a = _split_title_org(g[0])
            out.append(a)
            continue
        org = rest[-1] if rest else ""
        unit = ", ".join(rest[:-1])
        out.append(Affiliation(title=title, unit=unit, organization=org, former=former))
    return out


def _blocks(lines: list[Line]) -> list[list[Line]]:
    if not lines:
        return []
    gaps = [ln.gap_before for ln in lines[1:]]
    if gaps and min(gaps) < max(gaps):
        inner = min(gaps)
        blocks: list[list[Line]] = []
        for ln in lines:
            if not blocks or ln.gap_before > inner:
                blocks.append([ln])
            else:
                blocks[-1].append(ln)
        return blocks
    # No blank-line structure: a new block starts at each name (or one-line signature);
    # lines that are neither, with no name before them, are organizations, one each.
    blocks = []
    for ln in lines:
        starts = is_person_name(ln.text) or _one_line(ln.text) is not None
        if starts or not blocks or blocks[-1][0].text and not _is_person_block(blocks[-1]):
            blocks.append([ln])
        else:
            blocks[-1].append(ln)
    return blocks


def _is_person_block(block: list[Line]) -> bool:
    return is_person_name(block[0].text) or _one_line(block[0].text) is not None


def _person(sid: int, name_line: str, affs: list[Affiliation], start: int, end: int) -> Signatory:
    written, _ = _strip_former(name_line)
    hn = HumanName(written)
    degrees = [s for s in re.split(r",\s*|\s+", hn.suffix) if s]
    generational = [s for s in degrees if GENERATIONAL.match(s)]
    name = " ".join(p for p in (hn.first, hn.middle, hn.last, *generational) if p)
    return Signatory(
        signatory_id=sid, signatory_type="person", written=name_line, name=name,
        honorific=hn.title, given_name=hn.first, middle_name=hn.middle,
        family_name=hn.last, suffix=hn.suffix, affiliations=affs, start=start, end=end,
    )


def parse(lines: list[Line]) -> list[Signatory]:
    """Signatories in letter order from the lines after the closing."""
    out: list[Signatory] = []
    for block in _blocks(lines):
        texts = [ln.text for ln in block]
        one = _one_line(texts[0])
        if one and len(texts) == 1:
            name, pieces = one
            affs = [_split_title_org(p) for p in pieces]
            out.append(_person(len(out) + 1, name, affs, block[0].start, block[-1].end))
        elif is_person_name(texts[0]):
            out.append(_person(len(out) + 1, texts[0], _affiliations(texts[1:]), block[0].start, block[-1].end))
        else:
            for ln in block:
                out.append(Signatory(
                    signatory_id=len(out) + 1, signatory_type="organization", written=ln.text,
                    affiliations=[Affiliation(organization=ln.text)], start=ln.start, end=ln.end,
                ))
    return out
