"""Standoff annotations of a cleaned letter: dates, people, organizations, asks,
quotations and crimes. Every mention is (kind, start, end, text, value) with
text == clean_text[start:end]."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .codebook import Codebook
from .contract import KINDS  # the kinds of mention are the contract's
from .letter.dates import find_timexes
from .letter.signatories import Signatory
from .letter.lines import Span
from .letter.structure import Structure
from .letter.text import SentenceIndex, non_overlapping, sentences


CRIMES = {
    "crimes against humanity": "crimes against humanity",
    "extermination": "extermination",
    "murder": "murder",
    "enslavement": "enslavement",
    "torture": "torture",
    "imprisonment": "imprisonment",
    "rape": "rape",
    "sexual violence": "sexual violence",
    "forced starvation": "forced starvation",
    "starvation": "forced starvation",
    "forced abortion": "forced abortion",
    "enforced disappearance": "enforced disappearance",
    "enforced disappearances": "enforced disappearance",
    "forcible transfer": "forcible transfer",
    "deportation": "deportation",
    "persecution": "persecution",
    "genocide": "genocide",
    "war crimes": "war crimes",
    "public executions": "executions",
    "executions": "executions",
}

PERSON_TITLE = (
    r"(?:President|Vice President|Secretary(?: of State| General| of Defense)?|Ambassador|Prime Minister|"
    r"Foreign Minister|Minister|Senator|Congressman|Congresswoman|Representative|Special Rapporteur|"
    r"High Commissioner|Judge|Justice|Chairman|Chairwoman|Chancellor|King|Queen|Pope|Dr\.|Mr\.|Ms\.|Mrs\.)"
)
# A capitalised name word, accented ones included ("Lefèvre", "Émile", "McDonald"), or an initial.
_NAME_TOKEN = r"(?:[A-ZÀ-ÖØ-Þ](?:[^\W\d_]|[’'\-])+|[A-Z]\.)"
PERSON = re.compile(rf"\b{PERSON_TITLE}\s+(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,3}})")
ASK = re.compile(
    r"\b(?:we|the undersigned)\b(?:,[^,.;]{1,80},)?(?:\s+\w+){0,3}?\s+(?:write to |also |strongly |respectfully )*"
    r"(?P<verb>request|urge|recommend|call (?:on|upon)|ask|encourage|implore|appeal to|hope (?:that )?you will)\b",
    re.I,
)
_CLOSING = {"“": "”", '"': '"'}  # a quotation: an opening mark, three characters or more, its closing mark
_OPENING = re.compile('[“"]')


def quotations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(first, end) of each quotation's mark-to-mark span in text[start:end], left to right:
    what `re.finditer(r'“(?P<q>[^”]{3,})”|"(?P<q2>[^"]{3,})"', text, start, end)` finds, in
    linear time (the pattern scans from every unclosed “ to the paragraph's end).
    Where the next closing mark is is remembered: an opening before it shares it."""
    out: list[tuple[int, int]] = []
    next_close: dict[str, int] = {}
    i = start
    while m := _OPENING.search(text, i, end):
        i = m.start()
        close = _CLOSING[text[i]]
        j = next_close.get(close, -1)
        if j <= i:  # not looked for beyond i yet
            j = text.find(close, i + 1, end)
            j = next_close[close] = end if j < 0 else j
        if j < end and j - i - 1 >= 3:
            out.append((i, j + 1))
            i = j + 1
        else:
            i += 1
    return out


@dataclass
class Mention:
    kind: str
    start: int
    end: int
    text: str
    value: str
    precision: str = ""
    rule: str = ""
    sentence_start: int = -1
    sentence_end: int = -1
    ask_number: int | None = None
    source: str = "parser"  # or "correction N"


def _entities(text: str, codebook: Codebook, sigs: list[Signatory], people_spans: list[Span]) -> list[Mention]:
    cands: list[Mention] = []
    for a, b, entry in codebook.find(text):
        cands.append(Mention("organization", a, b, text[a:b], entry.organization, rule="codebook"))
    for sp in people_spans:
        for m in PERSON.finditer(text, sp.start, sp.end):
            cands.append(Mention("person", m.start(), m.end(), m.group(0), " ".join(m.group("name").split()), rule="titled name"))
    for s in sigs:
        if s.signatory_type == "person":
            i = text.find(s.written, s.start, s.end)
            if i >= 0:
                cands.append(Mention("person", i, i + len(s.written), s.written, s.name, rule="signatory"))
        for a in s.affiliations:
            # An unknown unit is part of its organization; only the organization
            # itself (or a unit standing alone) is an organization mention.
            name = a.organization or a.unit
            if name and codebook.lookup(name) is None and codebook.lookup(a.unit) is None:
                i = text.find(name, s.start, s.end)
                if i >= 0:
                    cands.append(Mention("organization", i, i + len(name), name, name, rule="signatory (not in codebook)"))
    chosen = non_overlapping(cands)
    # "Secretary Kerry" is the "John F. Kerry" named elsewhere in the letter.
    full = [m.value for m in chosen if m.kind == "person"]
    for m in chosen:
        if m.kind == "person" and m.value and " " not in m.value:
            longer = sorted((f for f in full if f.split() and f.split()[-1] == m.value and f != m.value), key=len)
            if longer:
                m.value = longer[-1]
    return chosen


def _addressee_value(st: Structure, people: list[Mention]) -> str:
    if st.salutation:
        for p in people:
            if st.salutation.start <= p.start < st.salutation.end:
                return p.value
    for p in people:
        if st.addressee and st.addressee[0].start <= p.start < st.addressee[-1].end:
            return p.value
    return st.addressee[0].text if st.addressee else "the addressee"


def _asks(text: str, sents, entities: list[Mention], addressee: str) -> list[Mention]:
    out = []
    entities_at: dict[int, list[Mention]] = {}
    for e in entities:
        entities_at.setdefault(e.start, []).append(e)
    for a, b in sents:
        m = ASK.search(text, a, b)
        if not m:
            continue
        after = text[m.end() : b]
        # Addressed to the subject of the request: "request that you …" is the letter's
        # addressee; "recommend that the US work …" the US; otherwise the letter's addressee.
        # (The verb may end its sentence or stand before a comma: "…, we urge.", "we urge, again, …".)
        subject = re.match(r"\s*(?:that\s+)?(?:the\s+)?", after)
        start = m.end() + subject.end()
        first = [e for e in entities_at.get(start, []) if e.kind in ("organization", "person")]
        value = first[0].value if first else addressee
        out.append(Mention("ask", a, b, text[a:b], value, rule=m.group("verb").lower(), ask_number=len(out) + 1))
    return out


def _quote_source(text: str, q0: int, sent: tuple[int, int], para: Span, entities: list[Mention], sents) -> str:
    a, _ = sent
    before = [e for e in entities if a <= e.start and e.end <= q0]
    people = [e for e in before if e.kind == "person"]
    if people:
        return people[0].value
    subject = re.match(r"\s*(?:The|the|This|this|Its|its)\s+(report|resolution|commission|statement)\b", text[a:q0])
    if subject:
        noun = subject.group(1)
        earlier = [s for s in sents if para.start <= s[0] and s[1] <= a]
        for s0, s1 in reversed(earlier):
            if re.search(rf"\b{noun}\b", text[s0:s1]):
                orgs = [e for e in entities if s0 <= e.start < s1 and e.kind == "organization"]
                if orgs:
                    return f"{orgs[0].value} {noun}" if noun != "commission" else orgs[0].value
    for e in reversed(before):
        nxt = re.match(r"\s+(resolution|report|statement)\b", text[e.end : q0])
        if e.kind == "organization" and nxt:
            return f"{e.value} {nxt.group(1)}"
    return before[-1].value if before else ""


def annotate(text: str, st: Structure, sigs: list[Signatory], codebook: Codebook) -> list[Mention]:
    """All mentions of a cleaned letter, in text order (kinds in KINDS order at equal offsets)."""
    header = [*([st.title] if st.title and st.title != st.subject_line else []), st.date_line, *st.addressee,
              *([st.subject_line] if st.subject_line else []), *([st.salutation] if st.salutation else []),
              *st.headings]
    header = sorted({h for h in header if h.text}, key=lambda s: s.start)
    body = list(st.body)
    sent_list = sentences(text, body)
    sents = SentenceIndex(sent_list)
    mentions: list[Mention] = []

    for t in find_timexes(text, st.date, [(s.start, s.end) for s in header + body]):
        if t.rule == "ref_word":
            continue  # "now", "recently": TimeML's PRESENT_REF / PAST_REF, nothing to place on a timeline
        mentions.append(Mention("date", t.start, t.end, t.text, t.value, precision=t.precision, rule=t.rule))

    entities = _entities(text, codebook, sigs, header + body + [Span(c.start, c.end, c.text) for c in st.cc])
    mentions += entities

    people = [e for e in entities if e.kind == "person"]
    mentions += _asks(text, sent_list, entities, _addressee_value(st, people))

    for para in body:
        for first, last in quotations(text, para.start, para.end):
            q0, q1 = first + 1, last - 1
            sent = sents.at(first)
            source = _quote_source(text, first, sent, para, entities, sent_list)
            mentions.append(Mention("quote", q0, q1, text[q0:q1], source, rule="quotation marks"))

    crime_pat = re.compile(r"\b(" + "|".join(sorted(map(re.escape, CRIMES), key=len, reverse=True)) + r")\b", re.I)
    crimes = []
    for para in body:
        for m in crime_pat.finditer(text, para.start, para.end):
            crimes.append(Mention("crime", m.start(), m.end(), m.group(0), CRIMES[m.group(0).lower()], rule="crime list"))
    mentions += non_overlapping(crimes)

    for m in mentions:
        if m.sentence_start < 0:
            m.sentence_start, m.sentence_end = sents.at(m.start)
    for m in mentions:
        # A value is a name or a date, never a line break or a tab (brat notes cannot hold them).
        m.value = " ".join(m.value.split())
    order = {k: i for i, k in enumerate(KINDS)}
    return sorted(mentions, key=lambda m: (m.start, order[m.kind], m.end))
