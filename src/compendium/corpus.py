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

from .codebook import normalise_name
from .report import html_table
from .store import Tables, load_tables

_GENERIC = {"inc", "llc", "ltd", "usa", "us", "u s", "the", "of", "for", "and", "foundation", "fund"}


CORPUS_TABLES = ("letters", "signatories", "affiliations")  # what the corpus report reads


def load_corpus(processed_root: str | Path | None = None) -> Tables:
    """Every processed letter under `processed_root` (default data/processed), from the corpus
    store (compendium.store): no letter's tables are read or checked again unless its folder
    changed since the store was written. Ordered by date then id.

    In the project's own data/processed only the letters registered in
    data/raw/SHA256SUMS are read (a folder copied there by hand is not a letter
    of the compendium).

    Only the tables the corpus report reads (CORPUS_TABLES; the others are None): the corpus's
    paragraphs and mentions, most of the store, stay on disk (store.load_tables for all)."""
    return load_tables(processed_root, CORPUS_TABLES)


def letters_table(t: Tables) -> pd.DataFrame:
    lt = t.letters
    return pd.DataFrame({"Date": lt.date, "Letter": lt.subject.where(lt.subject != "", lt.letter_id),
                         "Letter id": lt.letter_id, "Signatories": lt.signatory_count.astype(int)},
                        columns=["Date", "Letter", "Letter id", "Signatories"])


def _org_rows(t: Tables) -> pd.DataFrame:
    """Each affiliation's organization (the codebook's name, else as written), in corpus order."""
    aff = t.affiliations
    return aff.assign(org=aff.canonical_organization.where(aff.canonical_organization != "", aff.organization))


def _orgs_by_letter(t: Tables) -> list[tuple[str, str, list[str]]]:
    """(letter id, date, its organizations sorted) for every letter, by date then id."""
    rows = _org_rows(t)
    rows = rows[rows.org != ""]
    orgs = {lid: sorted(set(g)) for lid, g in rows.groupby("letter_id", sort=False).org}
    return [(lid, d, orgs.get(lid, [])) for lid, d in zip(t.letters.letter_id, t.letters.date)]


def organizations(t: Tables) -> pd.DataFrame:
    rows = _org_rows(t)
    sector = {}
    for org, sec in zip(rows.org, rows.sector):  # the sector of an organization's first row
        if org:
            sector.setdefault(org, sec)
    out: dict[str, dict] = {}
    for _lid, date, orgs in _orgs_by_letter(t):
        for org in orgs:
            r = out.setdefault(org, {"Organization": org, "Letters": 0, "Sector": sector.get(org, ""),
                                     "First": date, "Last": date})
            r["Letters"] += 1
            r["Last"] = max(r["Last"], date)
    df = pd.DataFrame(list(out.values()), columns=["Organization", "Letters", "Sector", "First", "Last"])
    return df.sort_values(["Letters", "Organization"], ascending=[False, True]).reset_index(drop=True)


def cosigning_graph(t: Tables) -> nx.Graph:
    """Organizations as nodes; an edge for each pair that signed the same letter, weight = letters shared."""
    g = nx.Graph()
    for _lid, _date, orgs in _orgs_by_letter(t):
        for o in orgs:
            g.add_node(o)
            g.nodes[o]["letters"] = g.nodes[o].get("letters", 0) + 1
        for a, b in itertools.combinations(orgs, 2):
            w = g.edges[a, b]["weight"] + 1 if g.has_edge(a, b) else 1
            g.add_edge(a, b, weight=w)
    return g


def monthly(t: Tables) -> pd.DataFrame:
    """Letters and signatories per calendar month, every month from the first letter's to the last's."""
    counts: dict[str, list[int]] = {}
    for date, n in zip(t.letters.date, t.letters.signatory_count):
        c = counts.setdefault(date[:7], [0, 0])
        c[0] += 1
        c[1] += int(n)
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


def people_across_letters(t: Tables) -> pd.DataFrame:
    """People (matched by given and family name) who signed more than one letter, each affiliation per letter."""
    positions: dict[tuple[str, int], list[str]] = {}
    for r in t.affiliations.itertuples():
        p = ", ".join(x for x in (r.title, r.canonical_organization or r.organization) if x)
        positions.setdefault((r.letter_id, int(r.signatory_id)), []).append(p)
    seen: dict[tuple[str, str], list[dict]] = {}
    sig = t.signatories[t.signatories.signatory_type == "person"]
    for s in sig.itertuples():
        key = _person_key(s)
        if not key[1]:
            continue
        signed = "; ".join(positions.get((s.letter_id, int(s.signatory_id)), [])) or "(no affiliation)"
        seen.setdefault(key, []).append({"Name": s.name, "Letter": s.letter_id, "Date": s.letter_date,
                                         "As signed": signed})
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


def uncertain_merges(t: Tables) -> pd.DataFrame:
    """Organization names that may be the same body but are not merged (not in the codebook)."""
    names: dict[str, set] = {}
    aff = t.affiliations
    for org, lid in zip(aff.organization[aff.sector == "unclassified"], aff.letter_id[aff.sector == "unclassified"]):
        names.setdefault(org, set()).add(lid)
    known = {n for _lid, _d, orgs in _orgs_by_letter(t) for n in orgs} - set(names)

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


# Every list on the corpus page stops at this many rows, so that the page costs about the same
# to render at 5,000 letters as at 500; the store holds every row (compendium.explore.load_all).
LIST_ROWS = 100


def capped_table(df: pd.DataFrame, caption: str, rows: int = LIST_ROWS) -> str:
    """report.html_table of at most `rows` rows; the caption says how many were left out."""
    if len(df) > rows:
        caption += (f" (the first {rows} of {len(df)}; every row is in the corpus store, "
                    "data/processed/_corpus/, read by compendium.explore.load_all)")
    return html_table(df.head(rows), caption)
