"""Where the signature block's line roles come from: the rules, a learned tagger (a CRF), or both.

- `rules` (the default today): signatories.parse;
- `crf`: a linear-chain CRF over the line features (`roles.features`) gives each item its role,
  and `group` reads the roles into signatories as the rules read theirs (signatories.group);
- `combined`: the same CRF with the rules' role of each line (and of its neighbours) as features,
  trained on the same letters (`roles.with_rules`).

Both CRFs are decoded (`decode`) to the best sequence in which every position and unit line has a
person open in its block, so that no line of a person is lost for want of one.

The choice is the environment variable COMPENDIUM_LINE_ROLES (or `python -m compendium.evaluate
--line-roles`), checked by `source()`; the default is `linesource.DEFAULT` (one line to change).
The models are package data (resources/line-roles-*.crfsuite), made by tools/train_line_roles.py
with `train` below from the gold letters, their container variants, the seed letter and the loose
fixture letters; the same data give the same model bytes. python-crfsuite (a dependency of the package)
is imported only when a CRF runs.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from . import roles
from . import signatories as sig
from .signatories.items import _blocks
from .linesource import DEFAULT, ENV, SOURCES, source  # noqa: F401  (read here by evaluate, tests, tools)

if TYPE_CHECKING:
    from .lines import Line

RESOURCES = Path(__file__).resolve().parent / "resources"
MODELS = {"crf": RESOURCES / "line-roles-crf.crfsuite", "combined": RESOURCES / "line-roles-combined.crfsuite"}
# L-BFGS with python-crfsuite's usual regularisation (not tuned on the held-out sets): no sampling,
# so the same sequences in the same order give the same model bytes.
PARAMS = {"c1": 0.1, "c2": 0.1, "max_iterations": 100, "feature.possible_transitions": True}


def _crfsuite() -> Any:
    try:
        import pycrfsuite
    except ImportError:
        raise InputError(ENV, "the crf and combined line-role sources need python-crfsuite, a dependency of "
                              "the package: `make install` installs it") from None
    return pycrfsuite


@lru_cache(maxsize=8)
def _tagger(path: Path) -> Any:
    if not path.is_file():
        raise InputError(path, "no line-role model here (tools/train_line_roles.py makes it)")
    t = _crfsuite().Tagger()
    t.open(str(path))
    return t


def sequence_features(items: list[sig._Item], rule: list[str], src: str) -> list[dict[str, float | str]]:
    """What the tagger of `src` reads for each item: the line features, with the rules' roles for
    `combined`."""
    return roles.features(items, rule if src == "combined" else None)


def tag(items: list[sig._Item], rule: list[str], src: str, model: Path | None = None) -> list[str]:
    """Each item's role: the rules' own for `rules`, else the CRF's (`model`, or the shipped one),
    the best sequence in which every position and unit line has a person to belong to (`decode`)."""
    if src == "rules" or not items:
        return list(rule)
    return decode(_weights(model or MODELS[src]), sequence_features(items, rule, src), _block_starts(items))


# A position or unit line belongs to the person above it in its block: a sequence that gives one
# no person (a name read as chrome above "Director") is no reading of a signature block.
_OPENS = ("name", "name+affiliation")
_NEEDS_PERSON = ("title", "unit")
_CLOSES = ("signer", "heading")


@lru_cache(maxsize=8)
def _weights(path: Path) -> tuple[tuple[str, ...], dict[str, dict[str, float]], dict[tuple[str, str], float]]:
    """The model's labels, its state weights by attribute, and its transition weights."""
    info = _tagger(path).info()
    state: dict[str, dict[str, float]] = {}
    for (attr, label), w in info.state_features.items():
        state.setdefault(attr, {})[label] = w
    return tuple(info.labels), state, dict(info.transitions)


def _block_starts(items: list[sig._Item]) -> set[int]:
    """The items that open a block of signatories.group (headings set aside, as it never sees them)."""
    keep = [k for k, it in enumerate(items) if it.mode != "heading"]
    starts, n = set(), 0
    for block in _blocks([items[k] for k in keep]):
        starts.add(keep[n])
        n += len(block)
    return starts


def decode(weights: tuple, xseq: list[dict[str, float | str]], starts: set[int]) -> list[str]:
    """Viterbi over (role, is a person open) with the model's weights: the CRF's own best sequence
    whenever that sequence gives every position and unit line a person (python-crfsuite's `tag`)."""
    labels, state, trans = weights
    best: dict[tuple[str, bool], tuple[float, list[str]]] = {}
    for k, x in enumerate(xseq):
        own = dict.fromkeys(labels, 0.0)
        for key, v in x.items():
            attr, val = (f"{key}:{v}", 1.0) if isinstance(v, str) else (key, float(v))
            for label, w in state.get(attr, {}).items():
                own[label] += w * val
        step: dict[tuple[str, bool], tuple[float, list[str]]] = {}
        prev = best.items() if k else [((None, False), (0.0, []))]
        for (plabel, popen), (score, path) in prev:
            popen = popen and k not in starts and plabel not in _CLOSES
            for label in labels:
                if label in _NEEDS_PERSON and not popen:
                    continue
                s = score + own[label] + (trans.get((plabel, label), 0.0) if plabel else 0.0)
                key = (label, popen or label in _OPENS)
                if key not in step or s > step[key][0]:
                    step[key] = (s, path + [label])
        best = step
    return max(best.values(), key=lambda v: v[0])[1] if best else []


def signatories(lines: list[Line], src: str | None = None) -> list[sig.Signatory]:
    """The block's signatories as the chosen source reads them (the parser's one call site)."""
    src = source(src)
    if src == "rules":
        return sig.parse(lines)
    items, rule = roles.rule_roles(lines)
    return group(items, tag(items, rule, src))


def group(items: list[sig._Item], role: list[str]) -> list[sig.Signatory]:
    """Signatories from the items' roles, read as the rules read their own (signatories.group):
    the tagger decides each line's role, and a person's lines become affiliations as the rules'
    do (title, unit and organization told apart by signatories.affiliations), so a unit taken for
    an organization under the same title does not open an affiliation of its own. Headings are
    set aside first, as signatories.parse never sees them."""
    keep = [k for k, it in enumerate(items) if it.mode != "heading"]
    return sig.group([items[k] for k in keep], [role[k] for k in keep])


def train(sequences: list[tuple[list[dict[str, float | str]], list[str]]], path: Path) -> None:
    """A CRF on (features, roles) sequences, in the order given, written to `path`."""
    tr = _crfsuite().Trainer(verbose=False)
    for xseq, yseq in sequences:
        tr.append(xseq, yseq)
    tr.set_params(PARAMS)
    tr.train(str(path))
