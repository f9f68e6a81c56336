"""Tense: does the clause around a date look back or ahead?

Read from the nearest tense marker: a future or modal phrase ("will", "urge",
"scheduled for") or a past form (irregular past verbs, "ago", "has been", a
lowercase verb in -ed that is no adjective).
"""

from __future__ import annotations

import re

from ..text import SentenceIndex, clause

FUTURE = re.compile(
    r"\b(?:will|shall|would|going to|upcoming|forthcoming|plans? to|intends? to|"
    r"(?:is|are|be) (?:interested|prepared|expected|scheduled|set|due|planning)|"
    r"request|urge|ask|call on|call upon|hope|look forward|(?:scheduled|planned|slated|due) (?:for|on)|set for|"
    # "set to resume", "supposed to conclude", "to be completed", "payable": ahead of the text's date
    r"(?:set|due|scheduled|slated|supposed|poised) to \w+|to be \w+ed|payable|planned|planning|"
    r"must(?! have)|should(?! have)|(?:has|have|need|needs) to|"
    # "the proposed cut" looks ahead; "delegations proposed a delay" is a past verb, no marker
    r"expected|anticipated|(?:(?<=\bthe )|(?<=\ba )|(?<=\ban )|(?<=\bits )|(?<=\btheir )|(?<=\bour )|(?<=\byour )|(?<=\bthis )|(?<=\bthese ))proposed|"
    r"to (?:attend|participate|host|hold|visit|convene))\b",
    re.I,
)
PAST = re.compile(
    # (not after "be": "will be held", "to be adopted" look ahead)
    r"\b(?<!\bbe )(?<!\bbeing )(?:was|were|had|did|spoke|said|met|held|took|gave|made|wrote|began|saw|sought|brought|thought|told|found|"
    r"left|sent|went|came|became|fled|led|kept|rose|fell|struck|stood|won|lost|paid|built|chose|broke|got|fought|"
    r"caught|taught|bought|felt|heard|meant|ran|sat|sold|spent|threw|understood|withdrew|arose|drew|grew|knew|flew|"
    r"froze|hid|shook|forgot|sank|ago|(?:has|have) (?:been|\w+ed)|"
    # what a letter welcomes has happened: "we welcome the decision … in September"
    r"(?<!would )(?<!will )(?<!\bto )(?<!'d )(?<!’d )welcome[sd]? (?:the|your|its|their|this)(?: recent)? (?:decision|announcement|commitment|move|step|adoption|release|appointment)|"
    # a lowercase verb in -ed ("United" is no past tense)
    r"(?<!\bbe )(?<!\bbeing )(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\btheir )(?<!\bour )(?<!\bits )(?<!\bof )(?<!\bfor )"
    r"(?<!\bincluding )(?<!\bwith )(?<!\bfrom )(?<!\bmore )(?<!\bmost )(?!(?:need|interest|prepar|concern|schedul|expect|pleas|delight|honou?r|alarm|trouble|dismay|encourag"
    r"|disappoint|sadden|shock|convinc|determin|commit|deepl|united|indebt|involv|appall|retir|detain|displac|disappear"
    r"|schedul|plann|related|based|needed|concerned|so-called|undersign|shar|alleg|arm|target|detail|limit|affect"
    r"|continu|renew|increas|unprecedent|unfound|undisclos|concert|sustain|coordinat|dedicat|respect|distinguish"
    r"|esteem|not|learn|found|unit|expect|anticipat|propos)ed\b)(?-i:[a-z]{3,}ed))\b",
    re.I,
)


# "publicly funded observations": an -ed word after an adverb in -ly describes a noun
# (a verb after one, "was widely reported", has its own past marker before it).
_ADVERB_BEFORE = re.compile(r"\b[a-z]{2,}ly $")


def tense(text: str, start: int, end: int, sents: SentenceIndex | None = None) -> str:
    """'future', 'past' or 'unknown' for the clause holding text[start:end], then its sentence."""
    sent = sents.at(start) if sents else (-1, -1)
    if sent[0] < 0:
        sent = line_of(text, start)
    c0, c1 = clause(text, sent, start)
    opens = not re.search(r"\w", re.sub(r"(?i)\b(?:in|on|by|since|during|until|from|of|the|early|late|mid)\b", "",
                                          text[c0:start]))
    lead = _lead_in_tense(text, sent, sents)
    for a, b in ((c0, c1), sent):
        # The verb that governs a time expression comes before it ("we will act in
        # October, as we said") unless the expression opens its clause ("On September
        # 5, the Administration announced …"): the nearest marker on that side decides.
        marks = [(m.start(), "future") for m in FUTURE.finditer(text, a, b)]
        marks += [(m.start(), "past") for m in PAST.finditer(text, a, b) if not _ADVERB_BEFORE.search(text, max(0, m.start() - 30), m.start())]
        if not marks:
            continue
        before = [x for x in marks if x[0] < start]
        after = [x for x in marks if x[0] >= start]
        if before and not opens:
            return max(before)[1]
        if lead and not opens:
            return lead  # "- Participate in the dialogue on 6 March and raise the cases of people held …"
        if after:
            return min(after)[1]
        return max(before)[1]
    return lead or "unknown"


def _lead_in_tense(text: str, sent: tuple[int, int], sents: SentenceIndex | None) -> str:
    """A bullet continues the sentence that introduces the list ("We urge the Commission to:"):
    that sentence's tense, or '' for a sentence that is no bullet (or a lead-in without one)."""
    if sents and sent[0] >= 0 and BULLET_START.match(text, sent[0]):
        prev = sents.before(sent[0] - 1)
        for p0, p1 in reversed(prev[-12:]):  # back over the bullets before it, to the lead-in
            if text[p0:p1].rstrip().endswith(":"):
                if FUTURE.search(text, p0, p1):
                    return "future"
                if PAST.search(text, p0, p1):
                    return "past"
                break
            if not BULLET_START.match(text, p0):
                break
    return ""


BULLET_START = re.compile(r"\s*(?:[-–—•●▪◦·*]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s+")


def line_of(text: str, pos: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return a, len(text) if b < 0 else b
