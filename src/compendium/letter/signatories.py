"""The signature block: who signed, in letter order, and every affiliation.

The block is read in three steps, each a small set of general rules rather
than one rule per layout:

1. Items: the lines after the closing become items with exact offsets.
   Bullets and numbers ("-", "•", "1.", "2)") are set aside, two columns
   flattened into one line by runs of spaces are split back into columns
   (read column by column), and a one-line list of organizations
   ("A, B, C and D") is split into one item each. Headings ("Organisations",
   "Individuals", "Signed by:") say what the items under them are.
2. Each item is classified from its features: a person's name (capitalised
   words with a known given name, an initial, an honorific or post-nominals,
   or names in a script without case), a position (a title word near the
   start), an organization (an organization word, an acronym, parentheses), or
   a one-line signature "Name, Title, Organization[; Title, Organization]".
3. Items are grouped into signatories: a name starts a person and the lines
   that follow (up to the next name, or the next block where blank lines
   separate people) are that person's affiliations; an item that is not part
   of a person is an organization signing as itself.

Honorifics and ranks (Dr., Sir, The Rt Hon, Maj. Gen. (ret.)) go to the
`honorific` column, post-nominals (QC, OBE, Ph.D., MP) to `suffix`; "former",
"(ret.)", "retired" mark a past position; footnote marks and "(in personal
capacity)" are set aside.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from nameparser import HumanName

from .givennames import is_known
from .patterns import BULLET, INLINE_INTRO as _INLINE_INTRO, MORE_SIGNERS, SIG_HEADING_ORGS, SIG_HEADING_PEOPLE, SIG_INTRO
from .lines import Line
from .places import without_place

TITLE_WORDS = {
    "professor", "director", "adviser", "advisor", "fellow", "president", "chair", "chairman",
    "chairwoman", "chairperson", "co-chair", "secretary", "ambassador", "founder", "co-founder",
    "author", "executive", "officer", "ceo", "coordinator", "manager", "researcher", "lecturer",
    "dean", "editor", "trustee", "representative", "counsel", "partner", "analyst", "scholar",
    "member", "head", "chief", "minister", "senator", "congressman", "congresswoman", "governor",
    "envoy", "rapporteur", "commissioner", "administrator", "attorney", "lawyer", "journalist",
    "correspondent", "consultant", "specialist", "principal", "provost", "chancellor", "rector",
    "vice-president", "vice-chair", "board", "deputy", "assistant", "associate", "senior", "visiting",
    "distinguished", "adjunct", "emeritus", "emerita", "acting", "interim", "founding", "managing", "general",
    "staff", "program", "programme", "producer", "writer", "historian", "economist", "pastor",
    "rabbi", "reverend", "bishop", "survivor", "defector", "activist", "spokesperson", "delegate",
    "judge", "justice", "mp", "mep", "reader", "postdoctoral", "doctoral", "phd", "student",
    "candidate", "campaigner", "organizer", "organiser", "advocate", "vice", "co-director",
    "treasurer", "convenor", "convener", "moderator", "leader", "speaker", "whip",
    "spokesman", "spokeswoman", "sheriff", "mayor", "councillor", "councilmember", "diplomat",
    "investigator", "monitor", "expert", "physician", "doctor", "nurse", "surgeon", "engineer", "archbishop",
    "imam", "priest", "lord", "baroness", "baron", "emerit", "instructor", "teacher", "secretary-general",
    "critic", "barrister", "solicitor", "notary", "practitioner", "shadow", "clerk", "registrar", "ombudsman", "ombudsperson", "attaché", "consul",
    "commander", "colonel", "captain", "lieutenant", "admiral", "major", "brigadier",
    "under-secretary-general", "high", "permanent", "ranking", "vice-chancellor", "pro-vice-chancellor",
}
# Words that make a line an organization: the strong ones are enough on their own.
ORG_STRONG = {
    "diocese", "archdiocese", "parish", "synod", "congregation", "division", "section", "directorate", "faculty", "chambers", "secretariat", "forces", "army", "navy", "police",
    "foundation", "foundations", "university", "universidad", "université", "universität", "institute",
    "institut", "instituto", "institution", "center", "centre", "centro", "council", "committee", "department",
    "watch", "society", "association", "asociación", "associação", "international", "internacional",
    "bureau", "office", "coalition", "alliance", "network", "group", "fund", "project", "campaign",
    "initiative", "forum", "union", "church", "amnesty", "school", "college", "academy", "studies",
    "government", "advocacy", "inc", "inc.", "llc", "ltd", "ltd.", "trust", "agency", "ministry",
    "commission", "services", "press", "museum", "library", "federation", "fédération", "league",
    "movement", "mouvement", "movimiento", "relief", "aid", "parliament", "assembly", "congress", "senate",
    "house", "court", "clinic", "laboratory", "lab", "programme", "program", "partnership", "consortium",
    "collective", "platform", "observatory", "observatoire", "mission", "defenders",
    "rights", "watchdog", "ngo", "org", "e.v.", "gmbh", "plc", "cooperative", "co-op", "board", "party",
    "caucus", "solidarity", "freedom", "liberty", "democracy", "justice", "peace", "law", "policy",
    "research", "affairs", "action", "hub", "unit", "desk", "media", "news", "journal",
    "review", "times", "post", "radio", "tv", "television", "witness", "article", "friends",
    "physicians", "doctors", "lawyers", "journalists", "reporters", "women", "children", "youth",
    "students", "workers", "veterans", "survivors", "families", "refugees", "citizens", "people", "peoples",
    "ligue", "liga", "comité", "comision", "comisión", "fundación", "fundação", "stichting", "verein",
}
ORG_WORDS = ORG_STRONG | {"global", "world", "national", "human", "korea", "north", "united", "nations",
                          "state", "states", "&", "the", "of", "for", "and"}
PARTICLES = {"van", "von", "de", "del", "della", "der", "den", "da", "di", "du", "la", "le", "bin", "binti", "al",
             "el", "ibn", "ben", "dos", "das", "do", "y", "e", "zu", "ter", "ten", "st.", "mac", "ap", "bint", "abu"}
# Honorifics, courtesy titles and ranks that may open a name line.
_HONORIFIC_WORDS = (
    r"The|Rt\.?|Right|Hon\.?|Honourable|Honorable|Sir|Dame|Lord|Lady|Baroness|Baron|Viscount|Viscountess|Earl|"
    r"Countess|Dr\.?|Prof\.?|Professor|Mr\.?|Mrs\.?|Ms\.?|Mx\.?|Miss|Rev\.?|Revd\.?|Reverend|Fr\.?|Father|Sister|"
    r"Rabbi|Imam|Bishop|Archbishop|Cardinal|Sheikh|Pastor|Padre|Monsignor|Msgr\.?|Canon|H\.\s?E\.|HE|His|Her|Excellency|Ambassador|Amb\.?|"
    r"Senator|Sen\.|Rep\.|Representative|Congressman|Congresswoman|Judge|Justice|Gen\.?|General|Maj\.?|Major|"
    r"Lt\.?|Lieutenant|Col\.?|Colonel|Brig\.?|Brigadier|Adm\.?|Admiral|Rear|Vice|Capt\.?|Captain|Cmdr\.?|"
    r"Commander|Command|Staff|Master|Warrant|Sgt\.?|Sergeant|Mayor|Councillor|Cllr\.?|Prince|Princess|Dato'?|Datuk|Tan Sri|Chief|Hon'?ble"
)
HONORIFIC = re.compile(rf"^(?:(?:{_HONORIFIC_WORDS})\b\.?\s*(?:\((?:ret\.?|retd\.?|retired)\)\s*)?)+", re.I)
def _dotted(*abbrevs: str) -> str:
    """'QC' → 'Q\\.?\\s?C\\.?': post-nominals are written with and without full stops."""
    return "|".join(r"\.?\s?".join(map(re.escape, a)) + r"\.?" for a in abbrevs)


_POSTNOMINAL_WORDS = (
    _dotted("QC", "KC", "SC", "SAN", "OBE", "MBE", "CBE", "KBE", "DBE", "CMG", "KCMG", "GCMG", "CH", "OM", "PC", "MP",
            "MEP", "MSP", "MLA", "MPP", "MNA", "TD", "AM", "AO", "AC", "FRS", "FBA", "FRSE", "FRSA", "FRCP", "FRCS", "DL",
            "JP", "PhD", "MD", "JD", "LLM", "LLB", "LLD", "MA", "MSc", "BA", "MPH", "MPA", "MBA", "EdD", "SJD", "RN",
            "DPhil", "DSc",
            # fellowships and memberships of professional colleges, religious orders, professional titles
            "FRCPC", "FRCPCH", "FRACP", "FRCPE", "FRCPI", "FRCGP", "FRCN", "FRSC", "FACP", "FACS", "FAAP", "FAAAS", "FAHA",
            "FACC", "FCA", "PRCP", "CFA", "CPA", "SJ", "OSB", "OFM", "MN", "RGN", "MSN", "DNP")
    + r"|FMedSci|FAcSS|FRHistS|Esq\.?|Hon\.?|\((?:[Rr]et\.?|[Rr]etd\.?|Hon\.?)\)"
    # service branches after a retired officer's name: "General Harold Whitcombe, USA (Ret.)"
    + r"|(?:USA|USAF|USMC|USN|USCG|USAR|ANG|RAF|RM)(?:\s*\((?:[Rr]et\.?|[Rr]etd\.?|[Rr]etired)\))?"
)
POSTNOMINAL = re.compile(rf"^(?:{_POSTNOMINAL_WORDS})$")
_TRAILING_POSTNOMINALS = re.compile(rf"(?:(?:,\s*|\s+)(?:{_POSTNOMINAL_WORDS}))+\s*$")
DEGREE = re.compile(rf"^(?:{_POSTNOMINAL_WORDS})(?:\s+(?:{_POSTNOMINAL_WORDS}))*$")
GENERATIONAL = re.compile(r"^(?:Jr\.?|Sr\.?|II|III|IV|V)$")
FORMER = re.compile(
    r"\s*\((?:former|ret\.?|retd\.?|retired|formerly|emeritus)\)\s*|^\s*(?:former(?:ly)?|ex-|retired)\s*"
    r"|,\s*(?:ret\.?|retd\.?|retired|former)\s*$",
    re.I,
)
PERSONAL = re.compile(
    r"\s*[(\[]?\s*(?:in (?:a |my |her |his |their )?(?:personal|individual) capacity|personal capacity|"
    r"signing (?:in a )?personal(?:ly| capacity)?|for identification(?: purposes)?(?: only)?|affiliation[s]? for identification[^)]*)"
    r"\s*[)\]]?\s*\*?",
    re.I,
)
FOOTNOTE_MARK = re.compile(r"[*†‡§¹²³⁴⁵]+")
BEHALF = re.compile(r"^(?:(?P<title>.*?),?\s+)?(?:on behalf of|for and on behalf of|representing)\s+(?P<org>.+)$", re.I)
_AT = re.compile(r"^(?P<title>.+?)\s+(?:at|with)\s+(?P<org>(?:the\s+)?[A-Z].+)$")
_LIST_ENDING = re.compile(r",?\s+(?:and|&)\s+(?=\S)")
_COLUMNS = re.compile(r"\S(?: {3,}|\t+)\S")
# The header row of a table of signatories: "Name | Position | Organization".
_TABLE_HEADER = re.compile(r"^(?i:name|signatory|signature)(?:\s*(?:\||\t| {3,})\s*(?i:position|title|role|organi[sz]ation|affiliation"
                           r"|institution|country|function))+\s*$")
_LEGAL_SUFFIX = re.compile(r"^(?:Inc\.?|Ltd\.?|LLC|LLP|e\.V\.|GmbH|plc|S\.A\.|A\.C\.|Co\.|Corp\.?|N\.A\.)$", re.I)


@dataclass
class Affiliation:
    title: str = ""
    unit: str = ""
    organization: str = ""
    former: bool = False
    source: str = "parser"  # or "correction N"


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
    source: str = "parser"  # or "correction N"


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


# Title words that also name units ("Program Officer", "Board Member" but "Asia
# Program"): a title only with another title word after them.
MODIFIERS = {"program", "programme", "board", "high", "permanent", "vice", "ranking", "research", "policy", "advocacy",
             "communications", "legal", "campaigns", "campaign", "media", "finance", "development", "project",
             "field", "country", "regional", "international", "foreign", "human", "rights", "law", "justice"}
_NOT_ORG_IN_TITLE = {"the", "of", "u.s.", "us", "for", "and", "state", "states", "united", "national", "human",
                     "north", "korea", "global", "world", "nations"}


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
        if w in TITLE_WORDS or w.split("-")[-1] in TITLE_WORDS:
            return True
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


PEERAGE = re.compile(r"\b(?:Lord|Lady|Baroness|Baron|Viscount|Viscountess|Earl|Countess|Marquess|Duke|Duchess)$", re.I)


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


# One-word party names that open a "Party, Constituency" line (a one-word unknown position,
# "Filmmaker, Sundown Pictures", is still a title).
_PARTY_WORDS = {"labour", "conservative", "conservatives", "crossbench", "crossbencher", "independent", "green",
                "greens", "liberal", "democrat", "democrats", "snp", "plaid", "dup", "sdlp", "alliance", "reform",
                "republican", "democratic", "socialist", "socialists", "renew", "ecr", "epp", "s&d"}


_UNIT = re.compile(r"^(?:Department|Dept\.?|Faculty|School|Division|Laboratory|Programme|Program|Unit) (?:of|for)\s")


def _split_title_org(s: str) -> Affiliation:
    """'Title, Organization' (title first); 'Title at Organization'; 'on behalf of X'; a lone
    piece is a title if it looks like one."""
    text, former = _strip_former(s)
    b = BEHALF.match(text)
    if b:
        title = (b.group("title") or "").strip(" ,")
        return Affiliation(title=title, organization=b.group("org").strip(), former=former)
    if "," in text:
        title, org = text.split(",", 1)
        if _UNIT.match(title.strip()) and is_org(org) and "," not in org:
            # "Department of Meteorology, Stockholm University": a unit, then its organization
            return Affiliation(unit=title.strip(), organization=org.strip(), former=former)
        org_first = _words(title)[:1] and (_words(title)[0] in ORG_STRONG or _words(title)[0] == "the")
        if not is_title(title) and is_title(org) and not is_org(org) and "," not in org:
            # "Australian Greens, Senator for Tasmania": the organization first, then the position
            return Affiliation(title=org.strip(), organization=title.strip(), former=former)
        if not is_title(title) and not is_org(title) and not is_org(org) and (
                len(title.split()) > 1 or title.strip().lower() in _PARTY_WORDS):
            # Neither part a position nor an organization by its words: one organization written
            # with its place or party ("Sciences Po, Paris", "Labour, Ashdale and Brinton").
            return Affiliation(organization=text.strip(), former=former)
        if is_title(title) or not is_org(title) or (is_org(org) and not org_first):
            unit, last = "", org.strip()
            if "," in last:
                head, tail = last.rsplit(",", 1)
                if is_org(tail) and is_org(head):  # "Clinical Professor, Immigrant Rights Clinic, NYU School of Law"
                    unit, last = head.strip(), tail.strip()
            return Affiliation(title=title.strip(), unit=unit, organization=last, former=former)
        return Affiliation(title=org.strip() if is_title(org) else "", organization=title.strip() if is_title(org) else text,
                           former=former)
    m = _AT.match(text)
    if m and is_title(m.group("title")):
        return Affiliation(title=m.group("title").strip(), organization=m.group("org").strip(), former=former)
    if is_title(text) and not (is_org(text) and not _title_then_of(text)):
        return Affiliation(title=text, former=former)
    if is_title(text):
        return Affiliation(title=text, former=former)
    return Affiliation(organization=text, former=former)


def _title_then_of(text: str) -> bool:
    return bool(re.match(r"(?i)^[\w\- ]+ (?:of|on|for|to)\b", text))


def _affiliations(lines: list[str]) -> list[Affiliation]:
    lines = [ln for ln in (PERSONAL.sub(" ", x).strip() for x in lines) if ln]
    if not lines:
        return [Affiliation()]
    pieces: list[str] = []
    for ln in lines:
        for piece in (p.strip() for p in ln.split(";") if p.strip()):
            parts = [x.strip() for x in piece.split(",")]
            if len(parts) >= 3 and is_title(parts[0]) and is_title(parts[1]) and not is_org(parts[0]):
                # "Member for Hollis, Deputy Chair, Joint Standing Committee …": two positions
                pieces += [parts[0], ", ".join(parts[1:])]
            else:
                pieces.append(piece)
    lines = pieces
    # Several "Title, Organization" lines, one affiliation each.
    if all("," in ln and is_title(ln.split(",", 1)[0]) or BEHALF.match(_strip_former(ln)[0]) or _AT.match(ln)
           and is_title(_AT.match(ln).group("title")) for ln in lines):
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
        if not rest and ("," in title or BEHALF.match(title) or _AT.match(title)):
            a = _split_title_org(g[0])
            out.append(a)
            continue
        if "," in title and len(rest) == 1 and "," in rest[0] and not is_title(rest[0].split(",")[0]):
            # "Chair, International Development Committee" / "Conservative, Wealdon Vale": each
            # line whole, two affiliations.
            out += [_split_title_org(g[0]), _split_title_org(g[1])]
            continue
        if not title and len(rest) == 1 and ("," in rest[0] or BEHALF.match(rest[0])):
            out.append(_split_title_org(g[0]))  # "Barrister, Fleetwood Court Chambers": a title we do not know
            continue
        org = rest[-1] if rest else ""
        unit = ", ".join(rest[:-1])
        b = BEHALF.match(org)
        if b:
            org = b.group("org").strip()
        out.append(Affiliation(title=title, unit=unit, organization=org, former=former))
    return out


# --- step 1: items ---------------------------------------------------------------------

def _sub(ln: Line, a: int, b: int, gap: int | None = None) -> Line:
    """The part ln.text[a:b] as a line of its own, offsets kept exact."""
    seg = ln.text[a:b]
    lead = len(seg) - len(seg.lstrip())
    seg = seg.strip()
    return Line(ln.start + a + lead, ln.start + a + lead + len(seg), seg, ln.gap_before if gap is None else gap)


_E_SIGNATURE = re.compile(r"^\s*/s/\s*", re.I)  # "/s/ Jane Doe": a signature on file (US filings)


def _debullet(ln: Line) -> Line:
    m = BULLET.match(ln.text) or _E_SIGNATURE.match(ln.text)
    if m and m.end() < len(ln.text):
        return _sub(ln, m.end(), len(ln.text))
    return ln


def _columns(lines: list[Line]) -> list[Line]:
    """Two or more columns flattened into lines by runs of spaces: read column by column."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        if not _COLUMNS.search(lines[i].text):
            out.append(lines[i])
            i += 1
            continue
        j = i
        rows = []
        # Consecutive lines in columns belong together, blank lines between them or not
        # (scraped pages often put a blank line after every line).
        while j < len(lines) and _COLUMNS.search(lines[j].text):
            cells = [(m.start(), m.end()) for m in re.finditer(r"\S+(?: {1,2}\S+)*", lines[j].text)]
            rows.append((lines[j], cells))
            j += 1
        if all(_evidence(ln.text[c[0][0]:c[0][1]]) and not _evidence(ln.text[c[1][0]:c[1][1]]) for ln, c in rows
               if len(c) >= 2) and any(len(c) >= 2 for _, c in rows):
            # A table whose rows are people ("Jane Doe    Director    Free the Slaves"): one line each.
            out.extend(ln for ln, _ in rows)
            i = j
            continue
        ncols = max(len(c) for _, c in rows)
        full = [c for _, c in rows if len(c) == ncols]
        col_starts = [min(c[k][0] for c in full) for k in range(ncols)]
        for col in range(ncols):
            first = True
            for ln, cells in rows:
                # each cell goes to the column whose start is nearest its own
                placed = [min(range(ncols), key=lambda k: abs(col_starts[k] - a)) for a, _ in cells]
                if col not in placed:
                    continue
                cell = cells[placed.index(col)]
                out.append(_sub(ln, cell[0], cell[1], ln.gap_before if first and col == 0 else (2 if first else 0)))
                first = False
        i = j
    return out


def _split_list(ln: Line, mode: str) -> list[Line] | None:
    """'Org A, Org B, Org C and Org D' on one line → one item each."""
    text = ln.text
    if mode == "person" or text.count(",") + text.count(";") < 1:
        return None
    sep = ";" if text.count(";") >= 2 else ","
    pieces = [(m.start(), m.end()) for m in re.finditer(rf"[^{sep}]+", text)]
    # The last piece may hold "… and X".
    items: list[tuple[int, int]] = []
    for a, b in pieces:
        seg = text[a:b]
        endings = list(_LIST_ENDING.finditer(seg))
        m = endings[-1] if endings else None  # the last "and" of the piece
        if (a, b) == pieces[-1] and m is not None and (m.start() == 0 or len(pieces) > 1):
            if m.start() > 0:
                items.append((a, a + m.start()))
            items.append((a + m.end(), b))
        else:
            items.append((a, b))
    items = [(a + len(text[a:b]) - len(text[a:b].lstrip()), b - (len(text[a:b]) - len(text[a:b].rstrip())))
             for a, b in items if text[a:b].strip()]
    if not items:
        return None
    # "Inc.", "Ltd" belong to the name before them.
    merged: list[tuple[int, int]] = []
    for a, b in items:
        if merged and (_LEGAL_SUFFIX.match(text[a:b].strip(" .")) or _LEGAL_SUFFIX.match(text[a:b].strip())):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    if len(merged) < 3 and not (mode == "organization" and len(merged) >= 2):
        return None
    segs = [text[a:b] for a, b in merged]
    if len(segs) == 2 and not _LIST_ENDING.search(text) and not is_org(segs[1]) and len(_tokens(segs[1])) <= 2:
        return None  # "Union of Investigative Journalists, Cyprus": one organization and its country
    if _evidence(segs[0]) == 2 or is_title(segs[0]) or sum(is_title(s) for s in segs) >= 1:
        return None
    if not _LIST_ENDING.search(text) and mode != "organization":
        return None
    if mode != "organization":
        orgs = sum(1 for s in segs if is_org(s))
        # "Bureau of Democracy, Human Rights and Labor" is one name: a list is organizations throughout.
        if not (orgs == len(segs) or len(segs) >= 4 and orgs >= len(segs) - 1):
            return None
    return [_sub(ln, a, b, ln.gap_before if k == 0 else 0) for k, (a, b) in enumerate(merged)]


@dataclass
class _Item:
    line: Line
    mode: str  # "person", "organization" or "" (what the heading above says)


def _items(lines: list[Line], keep_headings: bool = False) -> list[_Item]:
    """The block's items; with `keep_headings`, its headings too (mode "heading"), so that every
    line has a place in the sequence whose line roles `roles` reads."""
    mode = ""
    out: list[_Item] = []
    lines = _columns([_debullet(ln) for ln in lines])
    for ln in lines:
        m = _INLINE_INTRO.match(ln.text)
        if m:
            # "Also endorsed by: A, B and C": the introduction and its list on one line
            rest = _sub(ln, m.end(), len(ln.text), 0)
            if keep_headings:
                out.append(_Item(_sub(ln, 0, m.end()), "heading"))
            mode = "organization" if not SIG_HEADING_PEOPLE.search(m.group(0)) else "person"
            for piece in _split_list(rest, mode) or [rest]:
                out.append(_Item(piece, mode))
            continue
        if SIG_INTRO.match(ln.text) or re.fullmatch(r"(?i)(?:signed|endorsed|supported)(?: by)?[:,]?", ln.text):
            if SIG_HEADING_ORGS.search(ln.text):
                mode = "organization"
            elif SIG_HEADING_PEOPLE.search(ln.text):
                mode = "person"
            if keep_headings:
                out.append(_Item(ln, "heading"))
            continue
        ln = _debullet(ln)
        split = _split_list(ln, mode)
        for piece in split or [ln]:
            out.append(_Item(piece, "organization" if split else mode))  # a list split here lists organizations
    return out


# --- steps 2 and 3: classify and group ---------------------------------------------------

def _blocks(items: list[_Item]) -> list[list[_Item]]:
    """People separated by more blank lines than their own lines are: one block each.
    Without that structure, the whole list is one block and names start people."""
    if not items:
        return []
    gaps = [it.line.gap_before for it in items[1:]]
    if gaps and min(gaps) < max(gaps):
        inner = min(gaps)
        blocks: list[list[_Item]] = []
        for it in items:
            if not blocks or it.line.gap_before > inner or it.mode != blocks[-1][0].mode:
                blocks.append([it])
            else:
                blocks[-1].append(it)
        return blocks
    return [items]


def _starts_person(items: list[_Item], k: int, in_block: bool) -> bool:
    it = items[k]
    text = it.line.text
    if it.mode == "organization":
        return False
    if _one_line(text) is not None:
        return True
    ev = _evidence(text)
    if ev == 0:
        return False
    if ev == 2 or it.mode == "person":
        return not (is_org(text) and ev < 2)
    # Name-shaped without a known given name: a person if a position follows it.
    nxt = items[k + 1].line.text if k + 1 < len(items) else ""
    return bool(nxt) and (is_title(nxt) or ("," in nxt and is_title(nxt.split(",")[0]))) and not is_org(text)


def _org_in_org_list(items: list[_Item], k: int) -> bool:
    """'Geneva Call' between 'Child Soldiers International' and 'Human Rights Watch': a line
    that looks like a name only by its first word (a known given name), in a run of organizations that sign as
    themselves and with no position after it, is one more organization; so is
    'Promo LEX (Moldova)' among 'People in Need (Czech Republic)' and the like."""
    text = items[k].line.text
    text = without_place(text) or text  # "Promo LEX (Moldova)": an organization and its country
    if k == 0 or k + 1 >= len(items) or items[k].mode == "person" or not _evidence(text) or "," in text:
        return False
    hon, bare, post = _strip_name(text)
    if hon or post or re.search(r"\b[A-Z]\.", bare):  # "Dr.", "MP", "Jane Q. Doe": a person's marks
        return False
    before, after = items[k - 1].line.text, items[k + 1].line.text
    return is_org(before) and not is_title(before) and is_org(after) and not is_title(after)


def _strong(it: _Item, under_bare_name: bool = False, under_title: bool = False) -> bool:
    """A line that starts a person even inside another person's block ('Red Amazónica de
    Defensores (Ecuador)' under a name and a title is that person's organization)."""
    text = it.line.text
    if under_title and without_place(text) is not None:
        return False  # under a position line: the organization of that position, with its country
    one = _one_line(text)
    if one is not None:  # "Australian Greens, Senator for Tasmania" right under a bare name: its affiliation
        return _evidence(one[0]) == 2 or not under_bare_name
    return _evidence(text) == 2 and not is_org(text)


def _person(sid: int, name_line: str, affs: list[Affiliation], start: int, end: int) -> Signatory:
    written = name_line
    s, former = _strip_former(name_line)
    hon, bare, post = _strip_name(s)
    if former and affs == [Affiliation()]:
        pass
    peer = _peer(hon, bare)
    if peer:  # the style is the name: "Lord Carrow of Ambleside"
        return Signatory(signatory_id=sid, signatory_type="person", written=written, name=peer, honorific=hon,
                         given_name="", middle_name="", family_name=bare.split(" of ")[0].strip(), suffix=post,
                         affiliations=affs, start=start, end=end)
    hn = HumanName(bare)
    name_suffix = [x for x in re.split(r",\s*|\s+", hn.suffix) if x]
    generational = [x for x in name_suffix if GENERATIONAL.match(x)]
    if hon and not hn.title:
        honorific = hon
    else:
        honorific = " ".join(x for x in (hon, hn.title) if x)
    suffix = ", ".join(x for x in (hn.suffix, post) if x)
    name = " ".join(p for p in (hn.first, hn.middle, hn.last, *generational) if p)
    return Signatory(
        signatory_id=sid, signatory_type="person", written=written, name=name,
        honorific=honorific, given_name=hn.first, middle_name=hn.middle,
        family_name=hn.last, suffix=suffix, affiliations=affs, start=start, end=end,
    )


def _organization(sid: int, ln: Line) -> Signatory:
    name, _ = _strip_former(ln.text)
    name = name.strip().rstrip(",;.") if not re.search(r"\b(?:Inc|Ltd|Co|Corp)\.$", name) else name.strip()
    return Signatory(signatory_id=sid, signatory_type="organization", written=ln.text,
                     affiliations=[Affiliation(organization=name)], start=ln.start, end=ln.end)


def parse(lines: list[Line]) -> list[Signatory]:
    """Signatories in letter order from the lines after the closing."""
    out: list[Signatory] = []
    items = _items(lines)
    blocks = _blocks(items)
    by_gaps = len(blocks) > 1
    for block in blocks:
        # a table's header row, an annex heading over the list ("Annex: List of co-signing organisations")
        block = [it for it in block if not _TABLE_HEADER.match(it.line.text) and not MORE_SIGNERS.match(it.line.text)
                 and not re.match(r"(?i)(?:annex|appendix)\b", it.line.text)]
        if not block:
            continue
        behalf = None
        m = re.match(r"(?i)(?:for and )?on behalf of\s+(?P<org>.+)$", block[0].line.text) if len(block) >= 2 else None
        if by_gaps and m:  # "On behalf of X" above "Name, Title" lines: each of them signs for X
            behalf, block = m.group("org").strip(), block[1:]
        first_of_block = len(out)
        k = 0
        while k < len(block):
            it = block[k]
            after_org = bool(out) and out[-1].signatory_type == "organization" and k > 0
            if _starts_person(block, k, True) and not (after_org and _org_in_org_list(block, k)):
                j = k + 1
                bare = _one_line(it.line.text) is None
                while j < len(block) and not (_starts_person(block, j, True) and (not by_gaps or _strong(
                        block[j], bare and j == k + 1, is_title(block[j - 1].line.text) and j - 1 > k))):
                    if block[j].mode != it.mode:
                        break  # a list under another heading ("Also endorsed by: …")
                    if not by_gaps and j - k >= 4 and is_org(block[j].line.text) and not is_title(block[j].line.text):
                        break  # without blank lines, at most title, unit and organization follow a name
                    j += 1
                one = _one_line(it.line.text)
                if one and not by_gaps:
                    j = k + 1  # a one-line signature is whole: the next line is someone else
                group = block[k:j]
                if one and len(group) == 1:
                    name, pieces = one
                    affs = _affiliations_from_pieces(pieces)
                    written = name
                else:
                    affs = _affiliations([g.line.text for g in group[1:]])
                    written = it.line.text
                    if one and not _evidence(it.line.text):
                        written, pieces = one
                        titled = _affiliations_from_pieces(pieces)
                        rest = [a for a in affs if a != Affiliation()]
                        if (len(titled) == len(rest) == 1 and not titled[0].organization and rest[0].organization
                                and not rest[0].title):
                            # "Name, Title" then "on behalf of Organization": one affiliation
                            titled = [Affiliation(title=titled[0].title, unit=rest[0].unit,
                                                  organization=rest[0].organization, former=titled[0].former)]
                            rest = []
                        affs = titled + rest
                sig = _person(len(out) + 1, written, affs, it.line.start, max(g.line.end for g in group))
                out.append(sig)
                k = j
            else:
                out.append(_organization(len(out) + 1, it.line))
                k += 1
        for sig in out[first_of_block:] if behalf else []:
            if sig.signatory_type != "person":
                continue
            empty = [a for a in sig.affiliations if not a.organization]
            if empty:
                a = empty[0]
                sig.affiliations[sig.affiliations.index(a)] = Affiliation(title=a.title, unit=a.unit, organization=behalf,
                                                                          former=a.former)
            elif not sig.affiliations:
                sig.affiliations.append(Affiliation(organization=behalf))
    # Reading order: people set side by side in columns are read row by row.
    out.sort(key=lambda s: s.start)
    for n, s in enumerate(out, 1):
        s.signatory_id = n
    return out


def _affiliations_from_pieces(pieces: list) -> list[Affiliation]:
    """Affiliations of a one-line signature's pieces (strings, or a table row's Affiliation)."""
    if any(isinstance(p, Affiliation) for p in pieces):
        return [p if isinstance(p, Affiliation) else _split_title_org(p) for p in pieces]
    if len(pieces) == 1 and "," not in pieces[0] and not is_title(pieces[0]) and not BEHALF.match(pieces[0]):
        text, former = _strip_former(pieces[0])
        return [Affiliation(organization=text, former=former)]
    return [_split_title_org(p) for p in pieces]
