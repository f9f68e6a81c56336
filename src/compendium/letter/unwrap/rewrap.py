"""Hard-wrapped lines rejoined: which line breaks of text pulled out of a PDF the typesetter
made, and which the writer made.

A typesetter breaks a line only where the next word would not fit on it: the line is full.
A writer breaks where an item ends: a name, a title, an organization, a date line, a
salutation, a row of columns. Extracted text shows both alike, so a break is read as the
typesetter's only when the line was full (against the page's own wrap width, the longest
line that is not a row of columns) and nothing says the writer made it:

- a line that must go on (it ends on a comma, a semicolon, a dash, an open bracket or a
  small word such as 'of' or 'the', or the next line begins in lower case) was wrapped;
- a row of columns or of table cells, a bullet, and a line that stands alone in a letter (a
  date line, a salutation, a 'To:' or 'Cc:' header, a closing, 'Signed by:', page chrome)
  start afresh; past those, a line ending on any word in lower case was wrapped;
- between two items of a list (lines whose words are capitalised, as names, titles and
  organizations are, unlike running text), a line that ends an item (on a closing
  bracket, '(ACAT-Burundi)', '(in a personal capacity)') or a next line that begins as an
  item does (a person's name, a name and a comma as the line before it begins, an
  organization and its country in brackets under another organization) starts afresh;
- a line ending a sentence short of the margin, or before a heading (a short line of its
  own, no sentence), ends its paragraph.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from .. import givennames, places
from ..dates import parse_date_line
from ..patterns import CC, CLOSING, INLINE_INTRO, MEMO, SALUTATION, SIG_INTRO, SUBJECT, chrome_reason

BULLET = re.compile(r"^\s*(?:[•·▪◦‣*\-–]|\d{1,3}[.)]|\(\d{1,3}\)|[a-z][.)])\s")
COLUMNS = re.compile(r"\S(?: {3,}|\t+ *)\S")  # the gap between two columns
_FIELDS = re.compile(r"\S (?:·|\|) \S.* (?:·|\|) \S")  # 'By the editors · 11 April 2017 · 4 min read'
END = re.compile(r"[.!?:;][”\"’)]*$")
_SENTENCE_END = re.compile(r"[.!?:][”\"’)]*$")
_RUNS_ON = re.compile(r"\b[a-zà-ÿ][\w'’]*$")  # a word in lower case
# A comma, a dash, an open bracket or a small word: the sentence must go on.
_RUNS_ON_STRONG = re.compile(r"(?:[,;&/(–—-]|\b(?:a|an|the|of|on|in|at|to|by|for|from|with|and|or|but|that|"
                             r"which|who|whose|as|than|de|des|du|la|le|et|y|und|von|per|via)\b)$")
# Words written in lower case inside names of organizations and titles ('Ministry of Foreign
# Affairs', 'Médecins du Monde'): they say nothing of whether a line is running text.
_SMALL = frozenset("a an and at by de del della des di do dos du e el en et for from für in la las le les los of "
                   "on or pour the to und van von y zu".split())
_HONORIFIC = re.compile(
    r"^(?:(?:Dr|Prof|Professor|Sir|Dame|Lord|Lady|Baroness|Baron|Rev|Revd|Rt|Hon|Mr|Mrs|Ms|Mx|Ambassador|"
    r"Senator|Sen|Rep|Judge|Justice|Bishop|Archbishop|Cardinal|Fr|Imam|Rabbi|Gen|General|Lt|Lieutenant|Maj|"
    r"Major|Col|Colonel|Capt|Captain|Adm|Admiral|Rear|Vice|Brig|Brigadier|Sgt|Sergeant|Command|Commander)\.?\s+)+"
    r"(?:\((?:ret|Ret)\.?\)\s+)?(?=[A-Z])")
# Words of organizations' names, that a person's name does not hold ('Latin America Working
# Group', 'Péter Catholic University'): a short list of the commonest, for telling a name from
# the rest of an organization's name wrapped onto the next line.
_ORG_WORDS = frozenset(
    "academy agency alliance association board bureau campaign center centre church clinic coalition college "
    "commission committee congress council court department embassy faculty federation forum foundation fund "
    "group house initiative institute institution international league ministry mission movement network "
    "office parliament partnership platform programme program project rights school senate service services "
    "society studies trust union university watch".split())
_NAME_WORD = re.compile(r"^(?:[A-ZÀ-Ý][\w'’.-]*|[A-Z]\.|(?:van|von|de|da|del|der|den|di|du|la|le|bin|al|ibn)$)")


class Page:
    """What the page's lines say of its typesetting: its wrap width (the longest line, rows
    of columns aside: a row is laid out by the page and may run past the text's width) and
    how many cells a row of its table written with pipes has (0: none)."""

    def __init__(self, lines: list[str]) -> None:
        self.width = max((len(t.rstrip()) for t in lines if not COLUMNS.search(t.strip())), default=0)
        rows = Counter(_row(t) for t in lines if _row(t))
        self.cells = rows.most_common(1)[0][0] if rows and rows.most_common(1)[0][1] >= 2 else 0

    def wrapped(self, line: str, nxt: str, joined: str | None = None, after: str = "") -> bool:
        """Whether the typesetter broke `line` before `nxt`: the two are one line of the
        letter. `joined` is the letter's line `line` ends, its earlier wrapped parts rejoined;
        `after` the line after `nxt`."""
        width = self.width
        outdent = _indent(line) > _indent(nxt)
        line, nxt = line.rstrip(), nxt.strip()
        if not line.strip() or not nxt or BULLET.match(nxt):
            return False
        if COLUMNS.search(line.strip()) or COLUMNS.search(nxt) or _row(joined or line) >= self.cells > 0 and _row(nxt):
            return False  # a row of columns, or a whole row of the table then another row
        if re.search(r"[a-z]{2}-$", line) and nxt[:1].islower() and len(line) >= width - 15:
            return True  # a word hyphenated at the line's end
        if len(line) + 1 + len(nxt.split()[0]) <= width:
            return False  # the next word would have fitted: the writer broke the line
        if outdent and joined and joined.strip() != line.strip() and BULLET.match(joined):
            return False  # a list item's lines hang under its text: a line back at the margin is not one
        if _own_line(nxt):
            return False
        if _RUNS_ON_STRONG.search(line) or nxt[:1].islower() and not _OCR_CAPITAL_I.match(nxt):
            return True
        if stands_alone(nxt) or _FIELDS.search(nxt):
            return False
        if _RUNS_ON.search(line):
            return True
        if END.search(line) and len(nxt.split()) <= 4 and re.search(r"[,:]$", nxt):
            return False  # a sentence's end, then a closing or an introduction ('Sincerely,', 'Signed by:')
        if _SENTENCE_END.search(line) and len(line) < width - 5:
            return False  # a paragraph's last line, ending short of the margin
        if _SENTENCE_END.search(line) and self._heading(nxt, after):
            return False  # a paragraph's end, then a heading ('Key concerns')
        return not new_item((joined or line).strip(), nxt)

    def _heading(self, line: str, after: str) -> bool:
        """A short line ending its own line, no sentence: a heading, not the end of a
        paragraph (whose last line ends a sentence)."""
        after = after.strip()
        ends_own = not after or BULLET.match(after) or len(line) + 1 + len(after.split()[0]) <= self.width
        return bool(ends_own and len(line) < self.width // 2 and line[:1].isupper() and not END.search(line)
                    and not re.search(r"[,–—-]$", line))


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _row(line: str) -> int:
    """How many cells a row of a table written with pipes has (0: not a row)."""
    return line.count(" | ") + 1 if " | " in line else 0


def _own_line(line: str) -> bool:
    """A line no running text goes on with: a salutation, a memo's or a letter's header
    ('To:', 'Cc:', 'Re:'), a closing, the introduction of the signatures."""
    if CC.match(line) and line[:2].lower() == "cc":
        return True  # "cc: …" is written in lower case as often as not
    return line[:1].isupper() and bool(
        SALUTATION.match(line) or MEMO.match(line) or SUBJECT.match(line) or CLOSING.match(line)
        or SIG_INTRO.match(line) or INLINE_INTRO.match(line))


def stands_alone(line: str) -> bool:
    """A line a letter or its page sets on a line of its own: a date line, a salutation, a
    header, a closing, the introduction of the signatures, a site's page chrome ('Tags: …',
    'Related content')."""
    return bool((len(line) < 50 and parse_date_line(line)) or _own_line(line) or chrome_reason(line))


def is_item(line: str) -> bool:
    """A line of a list rather than running text: its words capitalised, small words and
    asides in brackets ('(in personal capacity)') aside."""
    words = [w.strip("()[],;:'\"“”‘’") for w in re.sub(r"\([^()]*\)", " ", line).split()]
    content = [w for w in words if w and w.casefold() not in _SMALL and any(c.isalpha() for c in w)]
    if not content:
        return False
    upper = sum(1 for w in content if w[:1].isupper() or w[:1].isdigit())
    return upper >= 0.6 * len(content)


def new_item(line: str, nxt: str) -> bool:
    """Between two items of a list: `line` ends one or `nxt` begins one."""
    if not (is_item(line) and is_item(nxt)) or not nxt[:1].isupper() or MEMO.match(line) or SUBJECT.match(line):
        return False  # not two items; a header's value wraps as running text does
    if line.endswith(")") and line.count("(") == line.count(")"):
        return True  # '… Network (REDHAC)', 'Lawyer (in personal capacity)'
    org = places.without_place(nxt)
    if org and len(org.split()) >= 2 and "," not in line:
        return True  # 'People in Need (Czech Republic)' under another organization
    bare = re.sub(r"\s*\([^()]*\)", "", nxt)  # 'Ambassador (ret.) Karen Lindqvist-Moore'
    lead = re.split(r"\s*[,;|–—]\s*", bare, maxsplit=1)[0]
    if is_person(lead):
        return True
    # 'Henrik Dahlgren, Head of Advocacy, …' then 'Abeba Gebremedhin-Rossi, Programme Officer, …'
    before = re.split(r"\s*,\s*", line, maxsplit=1)[0]
    return bool(re.match(r"[^,;|–—]+,", bare)) and "," in line and _name_shaped(lead) and is_person(before)


def is_person(text: str) -> bool:
    """A person's name: an honorific or a given name, then capitalised words or initials."""
    text = re.sub(r"\s+", " ", text.strip())
    rest = _HONORIFIC.sub("", text)
    words = rest.split()
    if not 1 <= len(words) <= 5 or not all(_NAME_WORD.match(w) and w.casefold() not in _ORG_WORDS for w in words):
        return False
    if rest != text:
        return True
    return len(words) >= 2 and _given(words[0])


def _name_shaped(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 4 and all(_NAME_WORD.match(w) and w.casefold() not in _SMALL | _ORG_WORDS
                                        for w in words)


def _given(word: str) -> bool:
    word = word.strip(".")
    plain = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    return givennames.is_known(word) or givennames.is_known(plain.replace("ł", "l").replace("ø", "o"))


# "lt is", "ln 2019", "lf the": a capital I read as a lower-case l by OCR, which starts a sentence.
_OCR_CAPITAL_I = re.compile(r"l[tnfs]\s")


def join(a: str, b: str, words: str) -> str:
    """Two wrapped lines as one; a word hyphenated at the break rejoined without its hyphen,
    unless the text writes it with one elsewhere (a compound)."""
    m = re.search(r"(\w+)-$", a)
    if m and b[:1].islower():
        nxt = re.match(r"\w+", b)
        whole = m.group(1) + "-" + (nxt.group(0) if nxt else "")
        if words.count(whole) > 1:
            return a + b
        return a[:-1] + b
    return a.rstrip() + " " + b


def rewrap(kept: list[tuple[str, int]], page: Page | None = None) -> list[tuple[str, int]]:
    """Lines (text, raw line) with the typesetter's breaks taken out; each joined line keeps
    the raw line it starts on."""
    page = page or Page([t for t, _ in kept])
    words = " ".join(t for t, _ in kept)
    out: list[tuple[str, int]] = []
    cur: str | None = None
    for i, (t, o) in enumerate(kept):
        if cur is None:
            cur, start = t, o
        else:
            cur = join(cur, t.strip(), words)
        nxt = kept[i + 1][0] if i + 1 < len(kept) else ""
        after = kept[i + 2][0] if i + 2 < len(kept) else ""
        if not page.wrapped(t, nxt, cur, after):
            out.append((cur, start))
            cur = None
    if cur is not None:
        out.append((cur, start))
    return out
