"""Many letters: who signs with whom across the compendium.

Organizations are merged only through the codebook (canonical names and
aliases, as the processed tables already carry them); names the codebook does
not know are kept as written, and pairs that look alike are listed as
uncertain merges, never merged silently. People are matched across letters by
name parts (nameparser's given and family names), not by raw strings.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import networkx as nx
import pandas as pd

from . import paths
from .codebook import normalise_name
from .errors import InputError
from .rawdata import registered_letters
from .report import Letter, load

_GENERIC = {"inc", "llc", "ltd", "usa", "us", "u s", "the", "of", "for", "and", "foundation", "fund"}


def load_corpus(processed_root: str | Path | None = None) -> list[Letter]:
    """Every processed letter under `processed_root` (default data/processed), by date then id.

    In the project's own data/processed only the letters registered in
    data/raw/SHA256SUMS are read (a folder copied there by hand is not a letter
    of the compendium)."""
    root = Path(processed_root) if processed_root not in (None, "") else paths.processed_dir()
    if not root.is_absolute() and not root.exists():
        root = paths.root() / root
    if not root.is_dir():
        raise InputError("processed_root", f"{processed_root}: no such folder")
    registered = None
    if root.resolve() == paths.processed_dir().resolve():
        registered = {letter_id for letter_id, _ in registered_letters()}
    letters = [load(p) for p in sorted(root.iterdir())
               if p.is_dir() and (p / "letter.json").exists() and (registered is None or p.name in registered)]
    return sorted(letters, key=lambda lt: (lt.date, lt.letter_id))


def letters_table(letters: list[Letter]) -> pd.DataFrame:
    return pd.DataFrame([{"Date": lt.date, "Letter": lt.meta.get("subject") or lt.letter_id, "Letter id": lt.letter_id,
                          "Signatories": int(lt.meta["signatory_count"])} for lt in letters],
                        columns=["Date", "Letter", "Letter id", "Signatories"])


def _orgs(lt: Letter) -> list[str]:
    aff = lt.affiliations
    names = aff.canonical_organization.where(aff.canonical_organization != "", aff.organization)
    return sorted({n for n in names if n})


def organizations(letters: list[Letter]) -> pd.DataFrame:
    rows: dict[str, dict] = {}
    for lt in letters:
        aff = lt.affiliations
        for org in _orgs(lt):
            r = rows.setdefault(org, {"Organization": org, "Letters": 0, "Sector": "", "First": lt.date, "Last": lt.date})
            r["Letters"] += 1
            r["Last"] = max(r["Last"], lt.date)
            sectors = aff.loc[(aff.canonical_organization == org) | (aff.organization == org), "sector"]
            r["Sector"] = r["Sector"] or (sectors.iloc[0] if len(sectors) else "")
    df = pd.DataFrame(list(rows.values()), columns=["Organization", "Letters", "Sector", "First", "Last"])
    return df.sort_values(["Letters", "Organization"], ascending=[False, True]).reset_index(drop=True)


def cosigning_graph(letters: list[Letter]) -> nx.Graph:
    """Organizations as nodes; an edge for each pair that signed the same letter, weight = letters shared."""
    g = nx.Graph()
    for lt in letters:
        orgs = _orgs(lt)
        for o in orgs:
            g.add_node(o)
            g.nodes[o]["letters"] = g.nodes[o].get("letters", 0) + 1
        for a, b in itertools.combinations(orgs, 2):
            w = g.edges[a, b]["weight"] + 1 if g.has_edge(a, b) else 1
            g.add_edge(a, b, weight=w)
    return g


def monthly(letters: list[Letter]) -> pd.DataFrame:
    """Letters and signatories per calendar month, every month from the first letter's to the last's."""
    counts: dict[str, list[int]] = {}
    for lt in letters:
        c = counts.setdefault(lt.date[:7], [0, 0])
        c[0] += 1
        c[1] += int(lt.meta["signatory_count"])
    if not counts:
        return pd.DataFrame(columns=["Month", "Letters", "Signatories"])
    months = pd.period_range(min(counts), max(counts), freq="M").strftime("%Y-%m")
    return pd.DataFrame([{"Month": m, "Letters": counts.get(m, [0, 0])[0], "Signatories": counts.get(m, [0, 0])[1]}
                         for m in months], columns=["Month", "Letters", "Signatories"])


def organizations_by_sector(orgs: pd.DataFrame) -> list[tuple[str, pd.DataFrame]]:
    """The organizations table split by codebook sector (the largest sector first), each by letters signed."""
    groups = []
    for sector, grp in orgs.groupby(orgs["Sector"].replace("", "(no sector)"), sort=False):
        grp = grp.drop(columns="Sector").sort_values(["Letters", "Organization"], ascending=[False, True])
        groups.append((sector, grp.reset_index(drop=True)))
    return sorted(groups, key=lambda sg: (-len(sg[1]), sg[0]))


# The co-signing network is drawn with at most this many organizations and pairs (readable on a page).
NETWORK_NODES = 25
NETWORK_EDGES = 60


def cosigning_threshold(g: nx.Graph, max_nodes: int = NETWORK_NODES, max_edges: int = NETWORK_EDGES) -> int:
    """The smallest k for which the pairs that co-signed at least k letters fit the drawing's bounds."""
    weights = sorted({d["weight"] for _, _, d in g.edges(data=True)})
    for k in weights:
        h = cosigning_subgraph(g, k)
        if h.number_of_nodes() <= max_nodes and h.number_of_edges() <= max_edges:
            return k
    return weights[-1] + 1 if weights else 1


def cosigning_subgraph(g: nx.Graph, k: int) -> nx.Graph:
    """The pairs of organizations that co-signed at least k letters, and those organizations."""
    h = nx.Graph()
    for a, b, d in g.edges(data=True):
        if d["weight"] >= k:
            for n in (a, b):
                h.add_node(n, **g.nodes[n])
            h.add_edge(a, b, **d)
    return h


def strongest_pairs(g: nx.Graph, top: int = 15) -> pd.DataFrame:
    rows = [{"Organization": a, "With": b, "Letters together": d["weight"]} for a, b, d in g.edges(data=True)]
    df = pd.DataFrame(rows, columns=["Organization", "With", "Letters together"])
    return df.sort_values(["Letters together", "Organization", "With"], ascending=[False, True, True]).head(top)


def _person_key(row) -> tuple[str, str]:
    return (str(row.given_name).lower().strip("."), str(row.family_name).lower())


def people_across_letters(letters: list[Letter]) -> pd.DataFrame:
    """People (matched by given and family name) who signed more than one letter, each affiliation per letter."""
    seen: dict[tuple[str, str], list[dict]] = {}
    for lt in letters:
        sig = lt.signatories[lt.signatories.signatory_type == "person"]
        for s in sig.itertuples():
            key = _person_key(s)
            if not key[1]:
                continue
            aff = lt.affiliations[lt.affiliations.signatory_id == s.signatory_id]
            positions = "; ".join(", ".join(p for p in (r.title, r.canonical_organization or r.organization) if p)
                                  for r in aff.itertuples()) or "(no affiliation)"
            seen.setdefault(key, []).append({"Name": s.name, "Letter": lt.letter_id, "Date": lt.date,
                                             "As signed": positions})
    rows = []
    for _key, entries in sorted(seen.items()):
        if len({e["Letter"] for e in entries}) > 1:
            changed = len({e["As signed"] for e in entries}) > 1
            rows += [{**e, "Affiliation changed": "yes" if changed else "no"} for e in entries]
    return pd.DataFrame(rows, columns=["Name", "Letter", "Date", "As signed", "Affiliation changed"])


def people_summary(people: pd.DataFrame) -> pd.DataFrame:
    """One row per person of `people_across_letters`: letters signed, first and last date,
    whether the affiliation changed; most letters first (then by name)."""
    if people.empty:
        return pd.DataFrame(columns=["Name", "Letters", "First", "Last", "Affiliation changed"])
    g = people.groupby("Name", sort=True)
    out = pd.DataFrame({"Letters": g["Letter"].nunique(), "First": g["Date"].min(), "Last": g["Date"].max(),
                        "Affiliation changed": g["Affiliation changed"].first()}).reset_index()
    return out.sort_values(["Letters", "Name"], ascending=[False, True], kind="stable").reset_index(drop=True)


def uncertain_merges(letters: list[Letter]) -> pd.DataFrame:
    """Organization names that may be the same body but are not merged (not in the codebook)."""
    names = {}
    for lt in letters:
        aff = lt.affiliations
        for r in aff[aff.sector == "unclassified"].itertuples():
            names.setdefault(r.organization, set()).add(lt.letter_id)
    known = {n for lt in letters for n in _orgs(lt)} - set(names)

    def key(n: str) -> str:
        return " ".join(w for w in normalise_name(n).split() if w not in _GENERIC)

    rows = []
    for a in sorted(names):
        for b in sorted((set(names) | known) - {a}):
            if key(a) and key(a) == key(b) and (b not in names or a < b):
                rows.append({"Name as written": a, "Looks like": b,
                             "Why": "same words once case, punctuation and generic words are ignored",
                             "Merged": "no (add an alias to data/raw/codebook.csv to merge)"})
    return pd.DataFrame(rows, columns=["Name as written", "Looks like", "Why", "Merged"])
