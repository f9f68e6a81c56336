"""Step 3: roles into signatories. A name opens a person, and the title, unit and organization
lines after it are that person's affiliations; a signer is an organization that signs as itself;
"On behalf of X" over a block gives X to the people of that block. Signatories come out in
reading order: people set side by side in columns are read row by row."""

from __future__ import annotations

import re

from nameparser import HumanName

from ..lines import Line
from .affiliations import _affiliations, _affiliations_from_pieces
from .features import _one_line, _peer, _strip_former, _strip_name
from .items import _blocks, _Item
from .model import Affiliation, Signatory
from .vocabulary import BEHALF_ABOVE, GENERATIONAL


def _person(sid: int, name_line: str, affs: list[Affiliation], start: int, end: int) -> Signatory:
    written = name_line
    s, former = _strip_former(name_line)
    hon, bare, post = _strip_name(s)
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
    # A line of title words only ("General Secretary", read as a name by a tagger) leaves nameparser
    # no name: the person keeps the line as written rather than an empty name.
    name = " ".join(p for p in (hn.first, hn.middle, hn.last, *generational) if p) or " ".join(bare.split())
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



def _person_of(head: _Item, role: str, lines: list[_Item], sid: int) -> Signatory:
    """A person from the name item and its affiliation items."""
    text = head.line.text
    one = _one_line(text) if role == "name+affiliation" else None
    if one and not lines:
        written, pieces = one
        affs = _affiliations_from_pieces(pieces)
    else:
        affs = _affiliations([g.line.text for g in lines])
        written = text
        if one:
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
    return _person(sid, written, affs, head.line.start, max(g.line.end for g in [head, *lines]))


def _on_behalf(people: list[Signatory], behalf: str) -> None:
    """"On behalf of X" over a block: X is the organization of each person's first affiliation
    that names none (or their only affiliation)."""
    for sig in people:
        if sig.signatory_type != "person":
            continue
        empty = [a for a in sig.affiliations if not a.organization]
        if empty:
            a = empty[0]
            sig.affiliations[sig.affiliations.index(a)] = Affiliation(title=a.title, unit=a.unit, organization=behalf,
                                                                      former=a.former)
        elif not sig.affiliations:
            sig.affiliations.append(Affiliation(organization=behalf))


def _group_block(block: list[_Item], roles: list[str], out: list[Signatory]) -> None:
    """The signatories of one block, appended to `out`."""
    first = len(out)
    behalf = ""
    head: int | None = None
    lines: list[_Item] = []

    def close() -> None:
        nonlocal head
        if head is not None:
            out.append(_person_of(block[head], roles[head], lines, len(out) + 1))
            head = None

    for k, (it, role) in enumerate(zip(block, roles)):
        above = BEHALF_ABOVE.match(it.line.text) if role == "organization" and head is None else None
        if role in ("name", "name+affiliation"):
            close()
            head, lines = k, []
        elif role in ("title", "unit", "organization", "place") and head is not None:
            lines.append(it)
        elif above:
            behalf = above.group("org").strip()
        elif role in ("organization", "signer"):
            close()
            out.append(_organization(len(out) + 1, it.line))
        # anything else (a count, a placeholder, a heading, chrome) is set aside
    close()
    if behalf:
        _on_behalf(out[first:], behalf)


def group(items: list[_Item], roles: list[str]) -> list[Signatory]:
    """Signatories in reading order from the block's items and the role of each."""
    out: list[Signatory] = []
    k = 0
    for block in _blocks(items):
        _group_block(block, roles[k:k + len(block)], out)
        k += len(block)
    # Reading order: people set side by side in columns are read row by row.
    out.sort(key=lambda s: s.start)
    for n, s in enumerate(out, 1):
        s.signatory_id = n
    return out
