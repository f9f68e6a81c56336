"""The signature block as a sequence of line roles, and signatories grouped from roles.

The block's items (signatories step 1: bullets set aside, columns read one by one, one-line
lists split; headings kept) each get one role:

- `name`: a person's name line (honorific and post-nominals included);
- `name+affiliation`: a person's name with a position or organization on the same line
  ("Jane Doe, Director, Free the Slaves", a table row);
- `title`: a position line, possibly with its organization after a comma ("Director, X");
- `unit`: a sub-unit between a position and its organization ("Bloomberg School of Public Health");
- `organization`: the organization of the person above (or below, "On behalf of X");
- `signer`: an organization that signs as itself;
- `place`: a place or country on a line of its own;
- `count`: a count of further signers ("and 120 others");
- `placeholder`: a signature placeholder ("/s/", "[signed]", "________");
- `heading`: a group heading ("Organisations", "Signed by:");
- `chrome`: anything else (a table's header row, an annex heading).

`rule_roles` says what the current rules (signatories.parse) decide for each item, so the
rules and a learned tagger (`tools/line_roles.py`, a CRF over `features`) are scored on the
same items; `group` turns any role sequence back into signatories, so both can also be scored
end to end. `tagger` chooses what `compendium process` runs (the rules by default; README,
accuracy; benchmarks/line-roles.md).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import signatories as sig
from .patterns import SIG_INTRO
from .signatories.labels import _affiliation_roles as affiliation_roles
from .signatories.vocabulary import _UNIT
from .places import is_place, without_place

if TYPE_CHECKING:
    from .lines import Line

ROLES = ("name", "name+affiliation", "title", "unit", "organization", "signer", "place", "count",
         "placeholder", "heading", "chrome")
COUNT = re.compile(r"(?i)^(?:\+|and|plus)?\s*\d[\d,.]*\+?\s+(?:more|other|further|additional)?\s*"
                   r"(?:others|signatories|signers|signatures|people|individuals|organi[sz]ations|more)\b")
PLACEHOLDER = re.compile(r"(?i)^(?:/s/|\[?signed\]?|\[signature\]|_{3,}|\(signature\)|signature:?)\s*$")
_DROPPED = re.compile(r"(?i)(?:annex|appendix)\b")
_BEHALF_ABOVE = re.compile(r"(?i)(?:for and )?on behalf of\s+(?P<org>.+)$")


def sequence(lines: list[Line]) -> list[sig._Item]:
    """The items of a signature block, headings included, in reading order of the rules."""
    return sig._items(lines, keep_headings=True)


def rule_roles(lines: list[Line], parsed: list[sig.Signatory] | None = None) -> tuple[list[sig._Item], list[str]]:
    """The items and the role the rules give each: signatories.label_lines's own (headings kept as
    `heading`), or, given `parsed` (what another version of signatories.parse found), read back
    from its groups, contiguous runs of items (a name line, then its affiliation lines; title,
    unit and organization as _affiliations reads them)."""
    items = sequence(lines)
    if parsed is None:  # today's rules: their own roles (signatories.label_lines), headings aside
        keep = [k for k, it in enumerate(items) if it.mode != "heading"]
        own = iter(sig.label_lines([items[k] for k in keep]))
        return items, [next(own) if it.mode != "heading" else "heading" for it in items]
    starts = {s.start: s for s in parsed}
    roles: list[str] = []
    person: list[int] | None = None  # the open person's affiliation lines

    def settle() -> None:
        if person:
            _affiliation_roles(items, roles, person)

    for k, it in enumerate(items):
        s = starts.get(it.line.start)
        if s is None and (it.mode == "heading" or _BEHALF_ABOVE.match(it.line.text)):
            settle()
            person = None
            roles.append("heading" if it.mode == "heading" else "organization")
        elif s is None and (sig._TABLE_HEADER.match(it.line.text) or _DROPPED.match(it.line.text)):
            roles.append("chrome")
        elif s is not None and s.signatory_type == "person":
            settle()
            person = []
            roles.append("name" if s.written == it.line.text else "name+affiliation")
        elif s is not None:
            settle()
            person = None
            roles.append("signer")
        elif person is not None:
            roles.append("title")  # settled when the person closes
            person.append(k)
        else:
            roles.append("organization")
    settle()
    return items, roles


def _affiliation_roles(items: list[sig._Item], roles: list[str], person: list[int]) -> None:
    """Roles of a person's affiliation lines, as the rules give them (signatories.labels)."""
    for k, role in zip(person, affiliation_roles([items[k].line.text for k in person])):
        roles[k] = role


# --- features of a line for a learned tagger ---------------------------------------------------

# Symbols glued to a line's first word ("-Ben Sample", "+Ana Example", "*Jane Doe", "=Name"): a mark,
# an OCR speck or a spreadsheet prefix, not part of the word; the line's shape is read without them.
_LEAD = re.compile(r"^[^\w\s(\"'“‘]+(?=\w)")


def _shape(text: str) -> dict[str, float | str]:
    lead = _LEAD.match(text)
    text = text[lead.end():] if lead else text
    toks = sig._tokens(text)
    words = sig._words(text)
    caps = sum(1 for t in toks if t[:1].isupper())
    f: dict[str, float | str] = {
        "bias": 1.0,
        "lead_symbol": float(lead is not None),
        "ntok": str(min(len(toks), 8)),
        "caps": round(caps / len(toks), 1) if toks else 0.0,
        "comma": str(min(text.count(","), 3)),
        "semicolon": float(";" in text),
        "paren": float("(" in text),
        "digit": float(bool(re.search(r"\d", text))),
        "colon_end": float(text.rstrip().endswith(":")),
        "pipe": float(" | " in text or bool(sig._COLUMNS.search(text))),
        "acronym": float(bool(re.search(r"\b[A-Z]{2,}\b", text))),
        "first": words[0] if words else "",
        "last": words[-1] if words else "",
        "first_title": float(bool(words) and words[0] in sig.TITLE_WORDS),
        "title_words": str(min(sum(w in sig.TITLE_WORDS for w in words), 3)),
        "org_words": str(min(sum(w in sig.ORG_STRONG for w in words), 3)),
        "given_first": float(bool(toks) and sig.is_given_name(toks[0])),
        "given_any": float(any(sig.is_given_name(t) for t in toks[:3])),
        "honorific": float(bool(sig.HONORIFIC.match(text))),
        "postnominal": float(bool(sig._TRAILING_POSTNOMINALS.search(text))),
        "former": float(bool(sig.FORMER.search(text))),
        "behalf": float(bool(re.search(r"(?i)\bon behalf of\b", text))),
        "place": float(is_place(text)),
        "org_place": float(without_place(text) is not None),
        "sig_intro": float(bool(SIG_INTRO.match(text))),
        "count": float(bool(COUNT.match(text))),
        "unit_shape": float(bool(_UNIT.match(text))),
        "placeholder": float(bool(PLACEHOLDER.match(text))),
        # the line predicates the rules are built from
        "evidence": str(sig._evidence(text)),
        "is_title": float(sig.is_title(text)),
        "is_org": float(sig.is_org(text)),
        "one_line": float(sig._one_line(text) is not None),
    }
    for w in words[:2]:
        f[f"w:{w}"] = 1.0
    return f


def features(items: list[sig._Item], rules: list[str] | None = None) -> list[dict[str, float | str]]:
    """One feature dict per item: its own shape, its position and gap, the heading's mode, the
    lines before and after; with `rules`, also the role the rules give it and its neighbours."""
    own = [_shape(it.line.text) for it in items]
    out = []
    n = len(items)
    for k, it in enumerate(items):
        f = dict(own[k])
        f["gap"] = str(min(it.line.gap_before, 2))
        f["mode"] = it.mode or "none"
        f["pos"] = "first" if k == 0 else "last" if k == n - 1 else "mid"
        for d, tag in ((-1, "prev"), (1, "next")):
            j = k + d
            if 0 <= j < n:
                for key in ("evidence", "is_title", "is_org", "one_line", "first_title", "given_first", "honorific",
                            "postnominal", "comma", "org_words", "place", "sig_intro"):
                    f[f"{tag}:{key}"] = own[j][key]
                f[f"{tag}:gap"] = str(min(items[j].line.gap_before, 2))
            else:
                f[f"{tag}:none"] = 1.0
        for d, tag in ((-2, "prev2"), (2, "next2")):
            j = k + d
            if 0 <= j < n:
                for key in ("evidence", "is_title", "is_org", "one_line"):
                    f[f"{tag}:{key}"] = own[j][key]
        f.update(_layout(items, own, k))
        out.append(f)
    return out if rules is None else with_rules(out, rules)


def _layout(items: list[sig._Item], own: list[dict[str, float | str]], k: int) -> dict[str, float | str]:
    """Where the item sits in its run of lines between blank lines: its place in the run, the
    run's length, how the run begins, and how far back the nearest name-like line is (a person's
    unit lines sit under a name and a title inside one run)."""
    start = k
    while start > 0 and items[start].line.gap_before == 0:
        start -= 1
    end = k + 1
    while end < len(items) and items[end].line.gap_before == 0:
        end += 1
    named = [j for j in range(start, k + 1) if own[j]["evidence"] == "2" or own[j]["one_line"]]
    return {"run_pos": str(min(k - start, 3)), "run_len": str(min(end - start, 5)),
            "run_last": float(k == end - 1), "run_head": str(own[start]["evidence"]),
            "run_head_title": own[start + 1]["is_title"] if start + 1 < end else 0.0,
            "since_name": str(min(k - named[-1], 4)) if named else "none"}


def with_rules(feats: list[dict[str, float | str]], rules: list[str]) -> list[dict[str, float | str]]:
    """The features with the rules' role of each item and of its neighbours added."""
    n = len(feats)
    return [dict(f, rule=rules[k], rule_prev=rules[k - 1] if k else "none", rule_next=rules[k + 1] if k + 1 < n else "none")
            for k, f in enumerate(feats)]


# --- roles → signatories -----------------------------------------------------------------------

def _affs(items: list[sig._Item], roles: list[str]) -> list[sig.Affiliation]:
    """Affiliations from a person's lines and their roles: a title opens one, a unit and an
    organization fill it (or open one when it already has its organization)."""
    out: list[sig.Affiliation] = []
    for it, role in zip(items, roles):
        text = sig.PERSONAL.sub(" ", it.line.text).strip()
        if not text or role not in ("title", "unit", "organization"):
            continue
        clean, former = sig._strip_former(text)
        if role == "title":
            if "," in clean or ";" in clean or sig.BEHALF.match(clean) or sig._AT.match(clean):
                out += [a for a in sig._affiliations([text]) if a != sig.Affiliation()]
            else:
                out.append(sig.Affiliation(title=clean, former=former))
            continue
        b = sig.BEHALF.match(clean)
        clean = b.group("org").strip() if b else clean
        if out and not out[-1].organization:
            a = out[-1]
            if role == "unit":
                a.unit = ", ".join(x for x in (a.unit, clean) if x)
            else:
                a.organization, a.former = clean, a.former or former
        elif role == "organization":
            out.append(sig.Affiliation(organization=clean, former=former))
    return out or [sig.Affiliation()]


def group(items: list[sig._Item], roles: list[str]) -> list[sig.Signatory]:
    """Signatories from a role sequence: a name opens a person, the title, unit and organization
    lines after it are that person's; a signer is an organization as itself; an organization
    line with no person open ("On behalf of X") is the organization of the people right under it."""
    out: list[sig.Signatory] = []
    person: list[int] = []
    behalf = ""

    def close() -> None:
        if not person:
            return
        head = items[person[0]]
        rest = [items[j] for j in person[1:]]
        rest_roles = [roles[j] for j in person[1:]]
        written, affs = head.line.text, []
        if roles[person[0]] == "name+affiliation":
            one = sig._one_line(head.line.text)
            if one is None and "," in head.line.text:
                one = (head.line.text.split(",", 1)[0], [head.line.text.split(",", 1)[1].strip()])
            if one is not None:
                written, affs = one[0], [a for a in sig._affiliations_from_pieces(one[1]) if a != sig.Affiliation()]
        affs += [a for a in _affs(rest, rest_roles) if a != sig.Affiliation()]
        if behalf:
            open_ = [a for a in affs if not a.organization]
            if open_:
                open_[0].organization = behalf
            elif not affs:
                affs = [sig.Affiliation(organization=behalf)]
        end = max(items[j].line.end for j in person)
        out.append(sig._person(len(out) + 1, written, affs or [sig.Affiliation()], head.line.start, end))
        person.clear()

    for k, (it, role) in enumerate(zip(items, roles)):
        above = role == "organization" and _BEHALF_ABOVE.match(it.line.text)
        if above and k + 1 < len(roles) and roles[k + 1] in ("name", "name+affiliation") and (
                not person or it.line.gap_before > items[k + 1].line.gap_before):
            close()  # "On behalf of X" over the people who sign for X (nearer them than the name above)
            behalf = above.group("org").strip()
        elif role in ("name", "name+affiliation"):
            close()
            if behalf and it.line.gap_before > 0 and k and roles[k - 1] != "organization":
                behalf = ""  # "On behalf of X" reaches the people of its own block only
            person.append(k)
        elif role in ("title", "unit", "organization", "place") and person:
            person.append(k)
        elif role == "organization":
            out.append(sig._organization(len(out) + 1, it.line))
        elif role == "signer":
            close()
            behalf = ""
            out.append(sig._organization(len(out) + 1, it.line))
        else:  # heading, chrome, count, placeholder, or a title with no person
            close()
            if role == "heading":
                behalf = ""
    close()
    out.sort(key=lambda s: s.start)
    for n, s in enumerate(out, 1):
        s.signatory_id = n
    return out
