"""Every gold letter in every container: metamorphic cases for `make accuracy`.

A letter reaches a researcher as a web page, an HTML fragment, a Markdown
export, text pulled out of a PDF, a message in a mailing-list archive, with its
signatories in a table, or with Windows line ends and other bullets. The
letter's wording does not change with the container, so its gold answers do
not either: each gold letter (tests/fixtures/letters, GOLD.md) is re-emitted
here in each container and scored against the same gold file. Lines a
container adds around the letter (running headers, page numbers, archive
headers, list footers) are page chrome and are added to the gold's chrome.

Every variant is deterministic: its random choices (wrap width, page length,
which entities, which delimiter) come from a generator seeded with the letter's
name and the container's, so the same letter gives the same bytes every run.

    python tools/containers.py [-v] [--below] [--write DIR] FOLDER...

prints one table per container beside the plain letters (letter fields,
affiliation F1, dated mentions, chrome left, refusals) and how many variants
score below their own plain letter; --below lists those variants with each
measure that dropped, plain -> variant; --write saves every variant under DIR
for reading.
"""

from __future__ import annotations

import hashlib
import html
import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from compendium.letter.clean import decode
from compendium.letter.dates import parse_date_line
from compendium.letter.patterns import SIG_INTRO

BULLET = re.compile(r"^(?P<indent>\s*)(?P<mark>[•·▪◦‣*\-–]|\d{1,3}[.)]|\(\d{1,3}\))\s+(?P<rest>\S.*)$")
_ENDS_SENTENCE = re.compile(r"[.!?:;,]$")
COLUMNS = re.compile(r"\S(?: {3,}|\t+ *)\S")  # a gap between columns


@dataclass
class Variant:
    text: str
    chrome: list[str] = field(default_factory=list)  # lines the container adds: page chrome
    crlf: bool = False
    not_chrome: list[str] = field(default_factory=list)  # the letter's chrome the container makes letter text


class NotApplicable(Exception):
    """The container needs something this letter does not have (a signature block of one
    signatory a line, for a table)."""


def rng_for(name: str, container: str) -> random.Random:
    return random.Random(int(hashlib.sha256(f"{name}\0{container}".encode()).hexdigest()[:16], 16))


# ---------------------------------------------------------------- the letter's parts, from its gold

@dataclass
class Letter:
    name: str
    lines: list[str]
    gold: dict

    @property
    def date_line(self) -> int | None:
        """The line that dates the letter (the last one above the salutation, else the last)."""
        want = self.gold.get("letter", {}).get("date")
        hits = [i for i, ln in enumerate(self.lines)
                if len(ln) < 80 and want and (d := parse_date_line(ln)) and d.isoformat() == want]
        if not hits:
            return None
        sal = self.salutation
        above = [i for i in hits if sal is None or i < sal]
        return (above or hits)[-1]

    @property
    def salutation(self) -> int | None:
        want = self.gold.get("letter", {}).get("salutation")
        return next((i for i, ln in enumerate(self.lines) if want and ln.strip() == want.strip()), None)

    @property
    def closing(self) -> int | None:
        want = self.gold.get("letter", {}).get("closing")
        hits = [i for i, ln in enumerate(self.lines) if want and ln.strip() == want.strip()]
        return hits[-1] if hits else None

    def signatory_lines(self) -> list[int]:
        """The line each gold signatory starts on, in order (NotApplicable if one is not
        found on a line of its own)."""
        sigs = self.gold.get("signatories", [])
        if not sigs:
            raise NotApplicable("no signatories")
        lo = self.closing if self.closing is not None else (self.salutation or 0)
        out, k = [], lo + 1
        for s in sigs:
            key = s["name"].casefold()
            while k < len(self.lines) and key not in self.lines[k].casefold():
                k += 1
            if k >= len(self.lines):
                raise NotApplicable(f"signatory {s['name']!r} not found on a line")
            out.append(k)
            k += 1
        if re.match(r"^\s*[A-Za-z]+:", self.lines[out[0]]):
            raise NotApplicable("the signatories are named in a memo's header")
        return out

    def org_names(self) -> list[str]:
        orgs = {a["organization"] for s in self.gold.get("signatories", []) for a in s.get("affiliations", [])
                if a.get("organization")}
        return sorted(orgs, key=len, reverse=True)

    def headings(self) -> set[int]:
        """Short lines standing alone in the body, without end punctuation: section headings."""
        lo = self.salutation
        hi = self.closing
        if lo is None or hi is None:
            return set()
        out = set()
        for i in range(lo + 2, hi - 1):
            ln = self.lines[i].strip()
            if (ln and len(ln) < 70 and not _ENDS_SENTENCE.search(ln) and not BULLET.match(ln)
                    and not self.lines[i - 1].strip() and not self.lines[i + 1].strip() and ln[:1].isupper()):
                out.add(i)
        return out


def load(txt: Path, gold: dict) -> Letter:
    text = decode(txt.read_bytes(), txt).replace("\r\n", "\n").replace("\r", "\n")
    return Letter(txt.stem, text.split("\n"), gold)


# ---------------------------------------------------------------- the containers

_ENTITY_NAMES = {"’": "&rsquo;", "‘": "&lsquo;", "“": "&ldquo;", "”": "&rdquo;", "–": "&ndash;", "—": "&mdash;",
                 "\u00a0": "&nbsp;", "…": "&hellip;", "é": "&eacute;", "è": "&egrave;", "ü": "&uuml;"}


def _html_text(s: str, rng: random.Random) -> str:
    s = html.escape(s, quote=False)
    out = []
    for ch in s:
        if ch in _ENTITY_NAMES and rng.random() < 0.7:
            out.append(_ENTITY_NAMES[ch])
        elif ord(ch) > 127 and rng.random() < 0.3:
            out.append(f"&#{ord(ch)};")
        elif ch == " " and rng.random() < 0.03:
            out.append("&nbsp;")
        else:
            out.append(ch)
    return "".join(out)


def _blocks(lines: list[str]) -> list[list[int]]:
    """Runs of non-blank lines (indices)."""
    out, cur = [], []
    for i, ln in enumerate(lines):
        if ln.strip():
            cur.append(i)
        elif cur:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def html_fragment(lt: Letter, rng: random.Random) -> Variant:
    """The page as an HTML fragment: paragraphs, <br> inside blocks, lists, a heading, the date
    line bold, organizations linked, entities for typography and some spaces."""
    date_i, heads = lt.date_line, lt.headings()
    orgs = lt.org_names()
    out = ['<div class="entry-content" id="post-4411">']
    for block in _blocks(lt.lines):
        items = [BULLET.match(lt.lines[i]) for i in block]
        if all(items) and len(block) > 1:
            tag = "ol" if items[0].group("mark")[:1].isdigit() else "ul"
            out.append(f"<{tag}>")
            out += [f"  <li>{_html_text(m.group('rest'), rng)}</li>" for m in items]
            out.append(f"</{tag}>")
            continue
        if any(re.search(r"\S {3,}\S", lt.lines[i]) for i in block):
            # Columns side by side: a table in HTML.
            out.append("<table>")
            for i in block:
                cells = re.split(r" {3,}", lt.lines[i].strip())
                out.append("<tr>" + "".join(f"<td>{_html_text(c, rng)}</td>" for c in cells) + "</tr>")
            out.append("</table>")
            continue
        parts = []
        for i in block:
            indent = len(lt.lines[i]) - len(lt.lines[i].lstrip(" "))
            s = "&nbsp;" * indent + _html_text(lt.lines[i].strip(), rng)
            if i == date_i:
                s = f"<strong>{s}</strong>"
            for org in orgs:
                esc = _html_text(org, random.Random(0))
                if esc in s and "<a " not in s and i != date_i and rng.random() < 0.5:
                    s = s.replace(esc, f'<a href="https://www.example.org/{_slug(org)}" target="_blank">{esc}</a>', 1)
            parts.append(s)
        if len(block) == 1 and block[0] in heads:
            out.append(f"<h3>{parts[0]}</h3>")
        elif rng.random() < 0.5:
            out.append("<p>" + "<br />".join(parts) + "</p>")  # one source line per paragraph
        else:
            out.append("<p>" + "<br>\n".join(parts) + "</p>")
        if rng.random() < 0.15:
            out.append("<p>&nbsp;</p>")
    out.append("</div>")
    return Variant("\n".join(out) + "\n")


def _slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.casefold()).strip("-")[:40]


def markdown(lt: Letter, rng: random.Random) -> Variant:
    """A Markdown export: the date line bold, headings, bulleted signatories with their
    organizations linked, block quotes for quoted paragraphs, hard breaks inside blocks."""
    date_i, heads = lt.date_line, lt.headings()
    try:
        sig_starts = set(lt.signatory_lines())
    except NotApplicable:
        sig_starts = set()
    orgs = lt.org_names()
    first = next((i for i, ln in enumerate(lt.lines) if ln.strip()), 0)
    sig_lo = min(sig_starts) if sig_starts else len(lt.lines)
    lo, hi = lt.salutation or 0, lt.closing or sig_lo
    mark = rng.choice(["-", "*", "+"])
    out = []
    in_item = False
    for i, raw in enumerate(lt.lines):
        ln = raw.strip()
        if not ln:
            out.append("")
            in_item = False
            continue
        m = BULLET.match(raw)
        if i == date_i:
            out.append(f"**{ln}**")
            continue
        if i == first and i < lo:
            out.append("# " + ln)
            continue
        if i in heads:
            out.append("## " + ln)
            continue
        if lo < i < hi and not m and re.search(r"[“\"]", ln) and len(ln) > 80:
            out.append("> " + ln)
            continue
        if i >= sig_lo:
            if i in sig_starts:
                body = m.group("rest") if m and not m.group("mark")[:1].isdigit() else ln
                for org in orgs:
                    if org in body and "](" not in body:
                        body = body.replace(org, f"[{org}](https://www.example.org/{_slug(org)})", 1)
                out.append(f"{mark} {body}  ")
                in_item = True
                continue
            if in_item:
                out.append(f"  {ln}  ")
                continue
        if m and not m.group("mark")[:1].isdigit():
            out.append(f"{mark} {m.group('rest')}")
            continue
        # A line inside a block keeps its break: a hard break (two spaces or a backslash).
        nxt = lt.lines[i + 1].strip() if i + 1 < len(lt.lines) else ""
        out.append(_md_escape(ln) + (rng.choice(["  ", "\\"]) if nxt else ""))
    return Variant("\n".join(out) + "\n")


def _md_escape(s: str) -> str:
    """What a Markdown writer escapes so the text reads as written: a leading '#', '>' or
    '+', a number and period that would start a list, and '*'/'_' around words."""
    s = re.sub(r"^([#>+])", r"\\\1", s)
    s = re.sub(r"(?<=\w)_|_(?=\w)", r"\\_", s)
    s = re.sub(r"\*", r"\\*", s)
    return s


_HEADERS = ["Joint letter", "Open letter", "Coalition letter to the Human Rights Council",
            "Joint NGO letter", "Letter from civil society organisations"]


def pdf_text(lt: Letter, rng: random.Random) -> Variant:
    """Text pulled out of a PDF: hard wraps at 60-75 columns, words hyphenated at line ends,
    pages of about 40 lines separated by form feeds, a running header on every page after
    the first and 'Page N of M' at the foot of each; for half the letters a letterhead
    (the sender's name, address, telephone, e-mail, website) above the first page, and for
    some a registration notice at the foot of the last."""
    width = rng.randint(60, 75)
    wrapped: list[str] = []
    for raw in lt.lines:
        ln = raw.rstrip()
        # A row of columns set side by side (two signatories a line) is laid out by the page, not
        # wrapped as running text: the extracted text keeps the row, its gaps and its length (as
        # pdftotext -layout does), where a wrap would close the gaps and run the columns together.
        if len(ln) <= width or COLUMNS.search(ln.strip()):
            wrapped.append(ln)
            continue
        wrapped += _wrap_hyphenating(ln, width, rng)
    per_page = rng.randint(36, 44)
    pages = [wrapped[k:k + per_page] for k in range(0, len(wrapped), per_page)] or [[]]
    header = f"{rng.choice(_HEADERS)} – {_month_year(lt)}"
    footer_style = rng.choice(["Page {n} of {m}", "- {n} -", "{n}/{m}", "Page {n}"])
    chrome, out = [header], []
    head, notice = _letterhead(lt)
    chrome += head[1:] + notice
    for n, page in enumerate(pages, 1):
        if n > 1:
            out += [header, ""]
        else:
            out += head
        out += page
        if n == len(pages) and notice:
            out += [""] + notice
        foot = footer_style.format(n=n, m=len(pages))
        chrome.append(foot)
        out += ["", foot.center(width).rstrip()]
        if n < len(pages):
            out.append("\f")
    text = "\n".join(out).replace("\n\f\n", "\n\f")
    return Variant(text + "\n", chrome)


_LETTERHEADS = [
    ("Coalition Secretariat", "Rue de Varembé 3, 1202 Geneva, Switzerland",
     "Tel. +41 22 555 01 23 | secretariat@coalition.example | www.coalition.example"),
    ("Advocacy Office", "1250 Eye Street NW, Suite 600, Washington, DC 20005",
     "Phone (202) 555-0142 · office@advocacy.example · www.advocacy.example"),
    ("Joint Letters Desk", "14 Harcourt Mews, London WC1N 2AA", "T 020 7946 0555  E desk@letters.example"),
    ("Netzwerk Menschenrechte e.V.", "Greifswalder Straße 4, 10405 Berlin", "Tel.: +49 30 555 0190",
     "info@netzwerk-mr.example | www.netzwerk-mr.example"),
]


def _letterhead(lt: Letter) -> tuple[list[str], list[str]]:
    """A letterhead for half the letters (its name line, then address and contact lines, then
    a blank line) and a registration notice at the last page's foot for a quarter of them. Drawn
    from a generator of their own, so the wraps and pages of the rest stay as they were."""
    rng = rng_for(lt.name, "pdf-letterhead")
    head = list(rng.choice(_LETTERHEADS))
    use, notice = rng.random() < 0.5, rng.random() < 0.25
    return (head + [""] if use else []), ([f"{head[0]} is a registered charity (no. {rng.randint(1000000, 1999999)})"]
                                          if notice else [])


def _month_year(lt: Letter) -> str:
    d = lt.gold.get("letter", {}).get("date") or ""
    return d[:7] if d else "2017"


def _wrap_hyphenating(line: str, width: int, rng: random.Random) -> list[str]:
    """A line wrapped as a typesetter does; a list item's lines after its first are set under
    its text, past the bullet or number (a hanging indent, which text extraction in layout
    mode keeps)."""
    first = re.match(r"\s*", line).group(0)
    m = BULLET.match(line)
    indent = first + " " * (len(m.group("mark")) + 1) if m else first
    words = line.split()
    out, cur = [], first
    for w in words:
        room = width - len(cur) - (1 if cur.strip() else 0)
        if len(w) <= room:
            cur = (cur + " " + w) if cur.strip() else cur + w
            continue
        # Hyphenate a long plain word when enough of it fits (as a typesetter would).
        if re.fullmatch(r"[a-z]{8,}", w) and room >= 5 and rng.random() < 0.6:
            cut = min(room - 1, len(w) - 3)
            if cut >= 3:
                out.append((cur + " " if cur.strip() else cur) + w[:cut] + "-")
                cur, w = indent, w[cut:]
                cur = cur + w
                continue
        out.append(cur)
        cur = indent + w
    if cur.strip():
        out.append(cur)
    return out


_LISTS = ["hrc-ngo", "civil-society", "advocacy-l", "joint-letters"]


def mail_archive(lt: Letter, rng: random.Random) -> Variant:
    """A message in a mailing-list archive page (Pipermail style): the archive's header
    block, the message's headers, the page as the message body, the list footer."""
    lst = rng.choice(_LISTS)
    date = lt.gold.get("letter", {}).get("date") or "2017-01-01"
    subject = lt.gold.get("letter", {}).get("subject") or "(no subject)"
    when = _rfc_date(date, rng)
    head = [f"[{lst}] {subject}", "", "Maria Campos maria.campos at example.org", when, "",
            f"Previous message: [{lst}] Agenda for the next call", f"Next message: [{lst}] Re: {subject}",
            "Messages sorted by: [ date ] [ thread ] [ subject ] [ author ]", "", "-" * 50, ""]
    foot = ["", "-------------- next part --------------", "An HTML attachment was scrubbed...",
            f"URL: <http://lists.example.org/pipermail/{lst}/attachments/2017/a1b2c3.html>", "",
            "_______________________________________________", f"{lst} mailing list",
            f"{lst}@lists.example.org", f"http://lists.example.org/mailman/listinfo/{lst}"]
    chrome = [ln for ln in head + foot if ln.strip() and set(ln) != {"-"}]
    return Variant("\n".join(head + lt.lines + foot) + "\n", chrome)


def _rfc_date(iso: str, rng: random.Random) -> str:
    import datetime as dt
    d = dt.date.fromisoformat(iso)
    return f"{d.strftime('%a %b')} {d.day:2d} {rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}:07 CEST {d.year}"


def forwarded_mail(lt: Letter, rng: random.Random) -> Variant:
    """A reply that forwards the letter: a short note, the forwarded-message separator and
    headers, the letter quoted with '> '."""
    date = lt.gold.get("letter", {}).get("date") or "2017-01-01"
    subject = lt.gold.get("letter", {}).get("subject") or "Joint letter"
    head = ["From: Tom Becker <t.becker@example.net>", "Sent: " + _rfc_date(date, rng),
            "To: advocacy-l@lists.example.org", f"Subject: Fwd: {subject}", "",
            "Colleagues, the letter below went out today; forwarding for your records.", "", "Tom", "",
            "---------- Forwarded message ---------", "From: Coalition secretariat <secretariat@example.org>",
            "Date: " + _rfc_date(date, rng), f"Subject: {subject}", "To: Tom Becker <t.becker@example.net>", ""]
    body = [("> " + ln) if ln.strip() else ">" for ln in lt.lines]
    chrome = [ln for ln in head if ln.strip()]
    return Variant("\n".join(head + body) + "\n", chrome)


def signatory_table(lt: Letter, rng: random.Random) -> Variant:
    """The signatories as a table: one row a signatory, one cell a line of its block, a header
    row, cells separated by tabs, by pipes or by runs of spaces."""
    starts = lt.signatory_lines()
    if len(set(starts)) != len(starts):
        raise NotApplicable("two signatories on one line")
    # A signatory's row begins with its block: 'On behalf of X' above 'Name, Title' in one
    # block (blank lines around it) is that signatory's, not the one before's.
    for k in range(1, len(starts)):
        top = starts[k]
        while top - 1 > starts[k - 1] and lt.lines[top - 1].strip() and not _heading(lt.lines[top - 1]):
            top -= 1
        if top - 1 > starts[k - 1] and not lt.lines[top - 1].strip():
            starts[k] = top
    # The last signatory's block: as many lines as the longest block before it, or more while
    # its lines name the signatory's own affiliations, over single blank lines, up to the
    # date, a cc or a note.
    most = max([sum(1 for i in range(a, b) if lt.lines[i].strip()) for a, b in zip(starts, starts[1:])] or [3])
    own = [x.casefold() for a in lt.gold["signatories"][-1].get("affiliations", [])
           for x in (a.get("organization"), a.get("title")) if x]
    end, taken, k = starts[-1] + 1, 1, starts[-1] + 1
    while k < len(lt.lines) and (taken < most or any(x in lt.lines[k].casefold() for x in own)):
        if not lt.lines[k].strip():
            if k + 1 < len(lt.lines) and lt.lines[k + 1].strip():
                k += 1
                continue
            break
        if _sig_stop(lt.lines[k]) or _looks_like_chrome(lt, k):
            break
        taken += 1
        k += 1
        end = k
    rows: list[list[str]] = []
    extra: dict[int, list[str]] = {}  # lines kept between rows (group headings)
    for k, s in enumerate(starts):
        stop = starts[k + 1] if k + 1 < len(starts) else end
        cells = []
        for i in range(s, stop):
            ln = lt.lines[i].strip()
            m = BULLET.match(ln)
            if m and not m.group("mark")[:1].isdigit():
                ln = m.group("rest")
            if not ln:
                continue
            if ln.endswith(":") and i > s:
                extra.setdefault(len(rows) + 1, []).append(ln)
                continue
            cells.append(ln)
        rows.append(cells)
    width = max(len(r) for r in rows)
    header = ["Name", "Title", "Organization"][:width] if width <= 3 else [f"Field {k}" for k in range(1, width + 1)]
    if width == 1:
        header = ["Signatory"]
    style = rng.choice(["tabs", "pipes", "spaces"])
    table = _render(header, rows, extra, style)
    lines = lt.lines[: starts[0]] + table + lt.lines[end:]
    # A page header that is also a signatory's name ('Amnesty International' above the page
    # and in the list) is the cell's text once the table is read: no longer chrome alone.
    cells = {c for r in rows for c in r}
    return Variant("\n".join(lines) + "\n", not_chrome=[c for c in lt.gold.get("chrome", []) if c.strip() in cells])


def _heading(line: str) -> bool:
    """A heading over signatories ('Individuals:', 'Organisations'), not a signatory's line."""
    return line.rstrip().endswith(":") or bool(SIG_INTRO.match(line.strip()))


def _looks_like_chrome(lt: Letter, k: int) -> bool:
    return lt.lines[k].strip() in set(lt.gold.get("chrome", []))


def _sig_stop(line: str) -> bool:
    return bool(parse_date_line(line)) or line.strip().lower().startswith(("cc", "c.c.", "note", "*"))


def _render(header: list[str], rows: list[list[str]], extra: dict[int, list[str]], style: str) -> list[str]:
    width = len(header)
    rows = [r + [""] * (width - len(r)) for r in rows]
    if style == "tabs":
        fmt = ["\t".join(header)] + ["\t".join(r).rstrip("\t") for r in rows]
    elif style == "pipes":
        fmt = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
        fmt += ["| " + " | ".join(r) + " |" for r in rows]
    else:
        w = [max(len(x) for x in col) + 3 for col in zip(header, *rows)]
        fmt = ["".join(c.ljust(w[k]) for k, c in enumerate(header)).rstrip()]
        fmt += ["".join(c.ljust(w[k]) for k, c in enumerate(r)).rstrip() for r in rows]
    head_n = 2 if style == "pipes" else 1
    out = fmt[:head_n]
    for k, ln in enumerate(fmt[head_n:], 1):
        out += extra.get(k, [])
        out.append(ln)
    return out


_BULLETS = ["-", "*", "◦", "‣", "–", "o"]
_NUMBERS = ["{n})", "({n})", "{n}.", "{a})"]


def line_ends_and_bullets(lt: Letter, rng: random.Random) -> Variant:
    """Windows line ends, paragraphs indented by a tab, other bullets and numbering styles."""
    bullet, number = rng.choice(_BULLETS), rng.choice(_NUMBERS)
    lo, hi = lt.salutation, lt.closing
    out = []
    for i, raw in enumerate(lt.lines):
        m = BULLET.match(raw)
        if m:
            mark = m.group("mark")
            digits = re.sub(r"\D", "", mark)
            if digits:
                n = int(digits)
                new = number.format(n=n, a=chr(96 + n) if n <= 26 else n)
            else:
                new = bullet
            gap = rng.choice([" ", "\t"])
            out.append(f"{m.group('indent')}{new}{gap}{m.group('rest')}")
        elif lo is not None and hi is not None and lo < i < hi and len(raw) > 80:
            out.append("\t" + raw)
        else:
            out.append(raw)
    return Variant("\n".join(out) + "\n", crlf=True)


_FR_HEAD = ["Aller au contenu principal", "Accueil › Actualités › Lettres ouvertes", "Partager sur Facebook",
            "Publié le {d}", "Temps de lecture : 4 min"]
_ES_FOOT = ["Compartir esta página", "Artículos relacionados", "Aviso legal | Política de privacidad",
            "© {y} Todos los derechos reservados"]
_DE_FOOT = ["Teilen", "Weitere Beiträge", "Impressum | Datenschutz", "© {y} Alle Rechte vorbehalten"]


def foreign_chrome(lt: Letter, rng: random.Random) -> Variant:
    """The page around the letter in French above and Spanish or German below."""
    import datetime as dt
    iso = lt.gold.get("letter", {}).get("date") or "2017-01-01"
    d = dt.date.fromisoformat(iso)
    months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
              "novembre", "décembre"]
    head = [ln.format(d=f"{d.day} {months[d.month - 1]} {d.year}") for ln in _FR_HEAD]
    foot = [ln.format(y=d.year) for ln in rng.choice([_ES_FOOT, _DE_FOOT])]
    return Variant("\n".join(head + [""] + lt.lines + [""] + foot) + "\n", head + foot)


CONTAINERS = {
    "html": html_fragment,
    "markdown": markdown,
    "pdf": pdf_text,
    "mail-archive": mail_archive,
    "mail-forwarded": forwarded_mail,
    "table": signatory_table,
    "crlf-tabs-bullets": line_ends_and_bullets,
    "foreign-chrome": foreign_chrome,
}


def variant(lt: Letter, container: str) -> tuple[bytes, dict]:
    """The letter in a container, as bytes, and its gold (chrome lines added)."""
    v = CONTAINERS[container](lt, rng_for(lt.name, container))
    text = v.text.replace("\n", "\r\n") if v.crlf else v.text
    gold = dict(lt.gold)
    # A line the container adds that the letter also writes ('Subject: …' in a mail header and
    # in the letter) cannot be told apart in the clean text: it is not scored as chrome.
    own = {ln.strip() for ln in lt.lines}
    gold["chrome"] = ([c for c in lt.gold.get("chrome", []) if c not in v.not_chrome]
                      + [c for c in v.chrome if c.strip() not in own])
    return text.encode("utf-8"), gold


# ---------------------------------------------------------------- scoring

def gold_letters(folders: list[Path]) -> list[tuple[Path, dict]]:
    out = []
    for folder in folders:
        for g in sorted(Path(folder).glob("*.gold.json")):
            out.append((g.with_name(g.name[: -len(".gold.json")] + ".txt"), json.loads(g.read_text(encoding="utf-8"))))
    return out


def gold_from_parse(txt: Path, cb) -> dict | None:
    """For a letter with no gold file (the seed letter, the loose fixtures): its plain parse is
    the reference its containers must reproduce. None if the plain letter is refused."""
    import io

    import pandas as pd

    from compendium.errors import InputError
    from compendium.process import build_tables, parse_letter

    data = txt.read_bytes()
    try:
        parsed = parse_letter(data, "letter", txt)
        files, _ = build_tables(parsed, data, cb, [])
    except InputError:
        return None
    letter = json.loads(files["letter.json"])
    aff = pd.read_csv(io.StringIO(files["affiliations.csv"]), dtype=str, keep_default_na=False)
    sigs: dict[str, dict] = {}
    for r in aff.itertuples():
        name = r.name if r.signatory_type == "person" else r.organization
        s = sigs.setdefault(r.signatory_id, {"type": r.signatory_type, "name": name, "affiliations": []})
        if r.title or r.organization:
            s["affiliations"].append({"title": r.title, "organization": r.organization, "former": r.former == "true"})
    ments = pd.read_csv(io.StringIO(files["mentions.csv"]), dtype=str, keep_default_na=False)
    return {"refuse": False, "letter": {f: letter[f] for f in ("date", "subject", "salutation", "closing",
                                                                "paragraph_count")},
            "signatories": list(sigs.values()),
            "dated_mentions": [{"text": r.text, "value": r.value} for r in ments.itertuples() if r.kind == "date"],
            "chrome": [r["text"].strip() for r in letter["removed"] if "bidirectional" not in r["reason"]]}


def main(argv: list[str] | None = None) -> int:
    import argparse

    from compendium import codebook, evaluate

    ap = argparse.ArgumentParser(prog="containers", description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", nargs="+", type=Path, help="folders of gold letters (NAME.txt, NAME.gold.json)")
    ap.add_argument("--reference", nargs="*", type=Path, default=[],
                    help="letters without gold, scored against their own plain parse")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    ap.add_argument("--below", action="store_true",
                    help="list every variant that scores below its plain letter, measure by measure")
    ap.add_argument("--write", type=Path, help="save every variant under this folder")
    ap.add_argument("--only", nargs="*", default=None, help="these containers only")
    args = ap.parse_args(argv)
    cb = codebook.load(None)
    letters = gold_letters(args.folders)
    for txt in args.reference:
        gold = gold_from_parse(txt, cb)
        if gold is not None:
            letters.append((txt, gold))
    plain = [evaluate.score_letter(txt, gold, cb) for txt, gold in letters]
    rows = [("plain", evaluate.summary(plain), len(plain), 0, 0)]
    details, drops = {}, []
    for name in args.only or CONTAINERS:
        scores, skipped, n_below = [], 0, 0
        for (txt, gold), base in zip(letters, plain):
            lt = load(txt, gold)
            try:
                data, vgold = variant(lt, name)
            except NotApplicable:
                skipped += 1
                continue
            if args.write:
                path = args.write / name / f"{txt.parent.name}--{txt.name}"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
            sc = evaluate.score_letter(txt, vgold, cb, data=data)
            scores.append(sc)
            lost = below(base, sc)
            if lost:
                n_below += 1
                drops.append((name, txt, lost))
        rows.append((name, evaluate.summary(scores), len(scores), skipped, n_below))
        details[name] = scores
    print(table(rows))
    if args.below:
        print(f"## Variants below their plain letter ({len(drops)})\n")
        for name, txt, lost in drops:
            print(f"- {name}: {txt.parent.name}/{txt.stem}: "
                  + "; ".join(f"{m} {a:.3f} -> {b:.3f}" if isinstance(a, float) else f"{m} {a} -> {b}"
                              for m, a, b in lost))
    if args.verbose:
        for name, scores in details.items():
            for s in scores:
                for m in s.misses:
                    print(f"- {name}: {s.name}: {m}")
    return 0


def measures(sc) -> dict[str, float | int | bool]:
    """One letter's own figures, the ones `table` sums over letters."""
    fields = sum(sc.fields.values()) / len(sc.fields) if sc.fields else 1.0
    p = sc.aff_tp / sc.aff_pred if sc.aff_pred else 1.0
    r = sc.aff_tp / sc.aff_gold if sc.aff_gold else 1.0
    verdict = "accepted, not a letter" if sc.not_a_letter else "refused"
    return {verdict: bool(sc.refused) != sc.not_a_letter, "letter fields": fields,
            "affiliation F1": 2 * p * r / (p + r) if p + r else 0.0,
            "date recall": sc.date_tp / sc.date_gold if sc.date_gold else 1.0,
            "date precision": sc.date_tp / sc.date_pred if sc.date_pred else 1.0,
            "chrome left": sc.chrome_left}


def below(plain, variant) -> list[tuple[str, object, object]]:
    """The measures on which a variant does worse than its plain letter: (measure, plain, variant)."""
    a, b = measures(plain), measures(variant)
    worse = {m: b[m] > a[m] for m in a if not isinstance(a[m], float)}  # a wrong verdict, chrome left
    return [(m, a[m], b[m]) for m in a if worse.get(m, b[m] < a[m] - 1e-9)]


def table(rows) -> str:
    out = ["## Every gold letter in every container", "",
           "| container | letters | not applicable | refused | letter fields | affiliation F1 | date recall | "
           "date precision | chrome left | below plain |", "|---|---|---|---|---|---|---|---|---|---|"]
    for name, sm, _n, skipped, n_below in rows:
        out.append(f"| {name} | {sm['letters']} | {skipped} | {sm['refused']} | {sm['letter_fields']:.3f} | {sm['aff_f1']:.3f} | "
                   f"{sm['date_recall']:.3f} | {sm['date_precision']:.3f} | {sm['chrome_left']} | {n_below} |")
    out += ["", "Letters without a gold file (--reference) are scored against their own plain parse, so their "
                "plain row is 1.000 by construction; a container row below plain is a loss the container caused. "
                "'below plain': variants that do worse than their own plain letter on any measure (--below lists them)."]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.exit(main())
