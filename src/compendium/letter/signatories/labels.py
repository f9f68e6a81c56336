"""Step 2: the role of each item, by the rules. A name starts a person (or, under blank lines
that separate people, a line strong enough to be a name) and the lines after it, up to the next
name, are that person's position, unit and organization; an item that is no part of a person is
an organization signing as itself.

`label_lines` is where roles are given: anything that gives each item one of `ROLES` can stand
in for it (`groups.group` reads the roles back into signatories)."""

from __future__ import annotations

import re

from ..patterns import MORE_SIGNERS
from ..places import without_place
from .features import _evidence, _one_line, _strip_name, is_org, is_title
from .items import _blocks, _Item
from .vocabulary import _TABLE_HEADER, BEHALF_ABOVE

# The roles of compendium.letter.roles (which scores a learned tagger against these rules).
ROLES = ("name", "name+affiliation", "title", "unit", "organization", "signer", "place", "count",
         "placeholder", "heading", "chrome")


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


def _person_end(block: list[_Item], k: int, by_gaps: bool) -> int:
    """Where the person whose name is item k ends: at the next name (under blank lines that
    separate people, the next line strong enough to be one), a list under another heading, or,
    without blank lines, an organization after title, unit and organization."""
    it = block[k]
    j = k + 1
    bare = _one_line(it.line.text) is None
    while j < len(block) and not (_starts_person(block, j, True) and (not by_gaps or _strong(
            block[j], bare and j == k + 1, is_title(block[j - 1].line.text) and j - 1 > k))):
        if block[j].mode != it.mode:
            break  # a list under another heading ("Also endorsed by: …")
        if not by_gaps and j - k >= 4 and is_org(block[j].line.text) and not is_title(block[j].line.text) \
                and not is_title(block[j - 1].line.text):
            break  # without blank lines, title, unit and organization follow a name, or more such pairs
        j += 1
    if not bare and not by_gaps:
        j = k + 1  # a one-line signature is whole: the next line is someone else
    return j


def _affiliation_roles(texts: list[str]) -> list[str]:
    """Roles of a person's affiliation lines as affiliations._affiliations reads them: a position
    line starts a group, the group's last other line is its organization, lines between are units."""
    roles = [""] * len(texts)
    titles = [is_title(t) for t in texts]
    group: list[int] = []
    for k in [*range(len(texts)), None]:
        if k is None or titles[k] and group:
            for n, j in enumerate(group):
                if n == 0 and titles[j]:
                    roles[j] = "title"
                else:
                    roles[j] = "organization" if j == group[-1] else "unit"
            group = []
        if k is not None:
            group.append(k)
    return roles


# A count of further signatures on its own, no 'and' before it: "(37 additional signatures)".
_COUNT = re.compile(r"^\(\s*\d[\d,.]*\s+(?:more|further|additional|other)\s+(?:signatures|signatories|signers|names)"
                    r"\s*\)\.?$", re.I)


_LINK_OR_TAG = re.compile(r"\S@\S+\.\w|https?://|www\.|(?:^|\s)#\w")


def _page_line(text: str) -> bool:
    """A line of the page, not a signer: a copyright notice, a bar of three links or more set apart
    by '|' ('Share: Facebook | X | WhatsApp | E-mail'), or a note of eight words or more that
    gives an address, a link or a hashtag ('… can reply here or write to letters@… #KeepItOn')."""
    return ("©" in text or text.count(" | ") >= 3
            or len(text.split()) >= 8 and bool(_LINK_OR_TAG.search(text)))


def _label_block(block: list[_Item], by_gaps: bool) -> list[str]:
    """The roles of one block's items (see `label_lines`)."""
    roles = ["" for _ in block]
    kept = []
    for k, it in enumerate(block):
        if MORE_SIGNERS.match(it.line.text) or _COUNT.match(it.line.text):
            roles[k] = "count"
        elif _page_line(it.line.text):
            roles[k] = "chrome"
        elif _TABLE_HEADER.match(it.line.text) or re.match(r"(?i)(?:annex|appendix)\b", it.line.text):
            roles[k] = "chrome"  # a table's header row, an annex heading ("Annex: List of co-signing organisations")
        else:
            kept.append(k)
    if by_gaps and len(kept) >= 2 and BEHALF_ABOVE.match(block[kept[0]].line.text):
        roles[kept.pop(0)] = "organization"  # "On behalf of X" above "Name, Title" lines: each of them signs for X
    items = [block[k] for k in kept]
    k = 0
    after_org = False
    while k < len(items):
        text = items[k].line.text
        if _starts_person(items, k, True) and not (after_org and k > 0 and _org_in_org_list(items, k)):
            j = _person_end(items, k, by_gaps)
            one = _one_line(text) is not None and (j == k + 1 or not _evidence(text))
            roles[kept[k]] = "name+affiliation" if one else "name"
            for n, role in enumerate(_affiliation_roles([it.line.text for it in items[k + 1:j]]), k + 1):
                roles[kept[n]] = role
            after_org, k = False, j
        else:
            roles[kept[k]] = "signer"
            after_org, k = True, k + 1
    return roles


def label_lines(items: list[_Item]) -> list[str]:
    """The role the rules give each item of the block: `name` (or `name+affiliation`, a name
    with its position or organization on the same line), then `title`, `unit` and
    `organization` for that person's lines; `signer` for an organization signing as itself;
    `organization` for "On behalf of X" over the people of a block; `count` and `chrome` for
    lines set aside."""
    blocks = _blocks(items)
    return [role for block in blocks for role in _label_block(block, len(blocks) > 1)]
