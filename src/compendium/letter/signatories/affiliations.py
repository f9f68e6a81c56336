"""A person's affiliation lines (or a one-line signature's pieces) split into affiliations:
title, unit and organization each, and whether the position is a past one."""

from __future__ import annotations

import re

from .. import places
from .features import _strip_former, _words, is_org, is_title
from .model import Affiliation
from .vocabulary import _AT, _PARTY_WORDS, _UNIT, BEHALF, ORG_STRONG, PERSONAL


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


def _position_with_org(text: str) -> bool:
    """'Professor, Bar University': a position and, after a comma, where it is held."""
    head, _, rest = text.partition(",")
    return bool(rest.strip()) and is_title(head)


def _and_a_position(line: str) -> str:
    return re.sub(r",\s+and\s+(?=\S)", lambda m: "; " if _position_with_org(line[m.end():]) else m.group(0), line)


_AND_FORMER = re.compile(r"^(?P<now>[^,;]+?)\s+and\s+(?P<then>(?:former|ex-|past)\s*[^,;]+?),\s*(?P<org>[^;]+)$", re.I)


def _and_a_former_position(line: str) -> str:
    """'Founder and former CEO, Sankofa Timber Traders': a present and a past position at one
    organization, two affiliations ('Founder, Sankofa …; former CEO, Sankofa …')."""
    m = _AND_FORMER.match(line)
    if not m or not is_title(m.group("now")) or not is_title(_strip_former(m.group("then"))[0]):
        return line
    return f"{m.group('now')}, {m.group('org')}; {m.group('then')}, {m.group('org')}"


def _pieces(lines: list[str]) -> list[str]:
    """The lines split where a second affiliation starts."""
    pieces: list[str] = []
    for ln in lines:
        # "Director, Foo Institute, and Professor, Bar University": ", and" before a position
        # starts a second affiliation, as ";" does
        ln = _and_a_former_position(_and_a_position(ln))
        for piece in (p.strip() for p in ln.split(";") if p.strip()):
            parts = [x.strip() for x in piece.split(",")]
            if len(parts) >= 3 and is_title(parts[0]) and is_title(parts[1]) and not is_org(parts[0]):
                # "Member for Hollis, Deputy Chair, Joint Standing Committee …": two positions
                pieces += [parts[0], ", ".join(parts[1:])]
            else:
                pieces.append(piece)
    return pieces


def _affiliations(lines: list[str]) -> list[Affiliation]:
    lines = [ln for ln in (PERSONAL.sub(" ", x).strip() for x in lines) if ln]
    if not lines:
        return [Affiliation()]
    lines = _pieces(lines)
    # Several "Title, Organization" lines, one affiliation each.
    if all("," in ln and is_title(ln.split(",", 1)[0]) or BEHALF.match(_strip_former(ln)[0]) or _AT.match(ln)
           and is_title(_AT.match(ln).group("title")) for ln in lines):
        return [_split_title_org(ln) for ln in lines]
    # Otherwise groups that each start at a title line: title, unit lines, organization.
    groups: list[list[str]] = []
    for ln in lines:
        if not groups or is_title(ln) and not _org_of_lone_title(ln, groups[-1]):
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
        if "," in title and len(rest) == 1 and _goes_on(rest[0]):
            a = _split_title_org(g[0])  # "Chair, Association of Independent" / "Booksellers of Vestmark"
            out.append(Affiliation(title=a.title, unit=a.unit, organization=f"{a.organization} {rest[0]}",
                                   former=a.former or former))
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


def _goes_on(line: str) -> bool:
    """A line under 'Title, Organization' that is no title, organization or place of its own: the
    organization's name wrapped onto it."""
    return (line[:1].isupper() and "," not in line and not is_title(line) and not is_org(line)
            and not places.is_place(line) and places.without_place(line) is None)


def _org_of_lone_title(line: str, group: list[str]) -> bool:
    """A line that reads as a title and as an organization ('Allied Transport Staff Federation')
    under a title alone ('President') is that title's organization."""
    return ("," not in line and is_org(line) and len(group) == 1 and is_title(group[0])
            and not is_org(group[0]))


def _affiliations_from_pieces(pieces: list) -> list[Affiliation]:
    """Affiliations of a one-line signature's pieces (strings, or a table row's Affiliation)."""
    pieces = [q for p in pieces for q in (_and_a_former_position(p).split("; ") if isinstance(p, str) else [p])]
    if any(isinstance(p, Affiliation) for p in pieces):
        return [p if isinstance(p, Affiliation) else _split_title_org(p) for p in pieces]
    if len(pieces) == 1 and "," not in pieces[0] and not is_title(pieces[0]) and not BEHALF.match(pieces[0]):
        text, former = _strip_former(pieces[0])
        return [Affiliation(organization=text, former=former)]
    return [_split_title_org(p) for p in pieces]
