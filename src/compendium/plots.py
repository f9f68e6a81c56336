"""Figures for the reports (matplotlib; the network with networkx).

`svg()` renders a figure reproducibly: a fixed hash salt for element ids, no
creation date. Text stays text (`svg.fonttype = "none"`: selectable, a third of
the size), drawn with DejaVu Sans where the reader has it, else a sans-serif.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
import textwrap

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates  # noqa: E402
from matplotlib.backends import backend_svg  # noqa: E402
from matplotlib.textpath import TextToPath  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
import pandas as pd  # noqa: E402

from .report import Letter  # noqa: E402

COLORS = {"letter": "#1f5fa8", "context": "#9a9a9a", "followed": "#c2571a", "mark": "#222222"}
# Matplotlib's own defaults first: a matplotlibrc of the reader's (~/.config/matplotlib, MPLCONFIGDIR,
# MATPLOTLIBRC, the working folder) changes no figure. Only the backend (Agg, above) is kept.
plt.rcParams.update({k: v for k, v in matplotlib.rcParamsDefault.items()
                     if k not in ("backend", "backend_fallback", "interactive")})
plt.rcParams.update({
    "svg.hashsalt": "compendium",
    "svg.fonttype": "none",
    # Text from a letter is drawn as written: "$x_1$" or "Cost $5 # and $10" is not mathtext.
    "text.parse_math": False,
    "text.usetex": False,
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
})


_TEXT_TO_PATH = TextToPath()


@functools.lru_cache(maxsize=8192)
def _text_metrics(s: str, prop, ismath) -> tuple[float, float, float]:
    return _TEXT_TO_PATH.get_text_width_height_descent(s, prop, ismath)


def _svg_text_metrics(self, s, prop, ismath):
    """The SVG renderer's text size, remembered across renderers. matplotlib remembers it per
    renderer instance only, and `bbox_inches="tight"` makes two renderers per figure (one to find
    the box, one to draw), so every label was laid out twice, and every tick label again in every
    figure: about a fifth of a report's figure time. The size depends only on the text, the font
    properties and whether it is mathtext (TextToPath holds no other state), so the SVG is the same."""
    return _text_metrics(s, prop.copy(), ismath)  # a copy: FontProperties is mutable, its hash follows


backend_svg.RendererSVG.get_text_width_height_descent = _svg_text_metrics


def _draw_skipping_dry_run(fig):
    """`fig.draw` that does nothing when the renderer's drawing is disabled. `bbox_inches="tight"`
    first draws the whole figure with every drawing method of the renderer a no-op (to lay it out),
    then asks it for its tight box, then draws it for real: the dry draw was about a sixth of a
    figure's time. The tight box does not need it (`Figure.get_tightbbox` updates the ticks, titles, labels
    and legends it measures), and nothing the dry draw would leave behind changes the drawn figure:
    the SVG is the same (tested against `savefig` with the dry draw)."""
    draw = fig.draw

    def maybe_draw(renderer):
        inner = getattr(renderer, "_renderer", renderer)  # the SVG renderer inside MixedModeRenderer
        if "draw_path" in vars(inner):  # RendererBase._draw_disabled() put no-op methods on the instance
            return None
        return draw(renderer)

    return maybe_draw


def svg(fig, dry_draw: bool = False) -> str:
    """The figure as inline SVG for a page; `dry_draw=True` keeps matplotlib's dry draw (to compare)."""
    buf = io.StringIO()
    own = fig.__dict__.get("draw")  # a draw set on this figure before (kept)
    if not dry_draw:
        fig.draw = _draw_skipping_dry_run(fig)
    try:
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    finally:
        if own is None:
            fig.__dict__.pop("draw", None)
        else:
            fig.draw = own
    plt.close(fig)
    text = buf.getvalue()
    # Shrink with the page on a phone, never grow past the drawn size: the fixed
    # size becomes a max-width, the viewBox keeps the proportions.
    _, rest = text.split("<svg", 1)
    tag, body = rest.split(">", 1)
    width = re.search(r'\swidth="([\d.]+)pt"', tag)
    tag = re.sub(r'\s(width|height)="[^"]*"', "", tag, count=2)
    # On a phone a wide figure keeps a legible size and scrolls sideways in its wrapper.
    style = f' style="max-width: {width.group(1)}pt; min-width: min({width.group(1)}pt, 34rem)"' if width else ""
    return f'<svg class="figure"{style}{tag}>{body}'


def show(fig, alt: str = ""):
    """Display a figure in a notebook as inline SVG (what the HTML report embeds)."""
    from IPython.display import HTML, display

    import html as _html

    display(HTML(f'<figure role="img" aria-label="{_html.escape(alt)}"><div class="figure-wrap">{svg(fig)}</div></figure>'))


def _wrap(s: str, width: int = 48) -> str:
    return "\n".join(textwrap.wrap(s, width)) or s


def timeline_figure(letter: Letter, include_context: bool = True):
    """Each event drawn at its precision: a day as a point, a month or a year as a span."""
    ev = letter.timeline
    if not include_context:
        ev = ev[ev.source == "letter"]
    ev = ev.sort_values(["start", "end", "event_id"]).reset_index(drop=True)
    letter_day = dt.date.fromisoformat(letter.date)
    n = len(ev)
    fig, ax = plt.subplots(figsize=(9, 0.42 * n + 1.4))
    for i, e in enumerate(ev.itertuples()):
        y = n - 1 - i
        start = dt.date.fromisoformat(e.start)
        end = dt.date.fromisoformat(e.end) + dt.timedelta(days=1)
        kind = "letter" if e.source == "letter" else ("followed" if start > letter_day else "context")
        color = COLORS[kind]
        if e.precision == "day":
            ax.plot([start], [y], marker="o", color=color, markersize=6, zorder=3)
        else:
            ax.barh(y, (end - start).days, left=start, height=0.5, color=color,
                    alpha=0.85 if kind == "letter" else 0.6, zorder=2)
        ax.text(-0.01, y, _wrap(f"{e.label} ({e.date})", 60), transform=ax.get_yaxis_transform(),
                ha="right", va="center", fontsize=8, color=color)
    ax.axvline(letter_day, color=COLORS["mark"], linestyle="--", linewidth=1, zorder=1)
    ax.text(letter_day, -0.75, f" the letter, {letter.date}", fontsize=8, va="bottom", color=COLORS["mark"])
    ax.set_yticks([])
    ax.set_ylim(-0.8, n + 0.2)
    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 4, 7, 10)))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
    ax.spines["left"].set_visible(False)
    handles = [plt.Line2D([], [], color=COLORS["letter"], lw=6, label="named in the letter")]
    if include_context:
        handles += [plt.Line2D([], [], color=COLORS["context"], lw=6, label="context, before the letter"),
                    plt.Line2D([], [], color=COLORS["followed"], lw=6, label="context, what followed")]
    ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0, 1.0), ncol=3, frameon=False, fontsize=8,
              title="Bars span the month or year the source supports; points are single days",
              title_fontsize=8, alignment="left")
    return fig


def composition_figure(comp: pd.DataFrame):
    fig, ax = plt.subplots(figsize=(6, 0.4 * len(comp) + 1))
    comp = comp.iloc[::-1]
    ax.barh(comp["Sector"], comp["Affiliations"], color=COLORS["letter"], label="affiliations")
    ax.barh(comp["Sector"], comp["Signatories"], color="#8fb3dc", height=0.4, label="signatories")
    ax.set_xlabel("count")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(frameon=False, fontsize=8, loc="lower right")
    return fig


def network(letter: Letter) -> nx.Graph:
    """Bipartite graph: signatories and the (canonical) organizations they list."""
    g = nx.Graph()
    for r in letter.affiliations.itertuples():
        person = r.name or r.organization
        g.add_node(("p", person), label=person, kind="signatory")
        org = r.canonical_organization or r.organization
        if org and r.signatory_type == "person":
            g.add_node(("o", org), label=org, kind="organization", sector=r.sector)
            g.add_edge(("p", person), ("o", org), former=r.former == "true")
    return g


def network_figure(letter: Letter):
    g = network(letter)
    # In the letter's order: each signatory's first row (the list is made once, not once per comparison).
    listed = list(letter.affiliations.name.where(letter.affiliations.name != "", letter.affiliations.organization))
    first = {}
    for i, name in enumerate(listed):
        first.setdefault(name, i)
    people = sorted((n for n, d in g.nodes(data=True) if d["kind"] == "signatory"), key=lambda n: first[n[1]])
    orgs = sorted((n for n, d in g.nodes(data=True) if d["kind"] == "organization"), key=lambda n: n[1])
    pos = {}
    for i, n in enumerate(people):
        pos[n] = (0.0, 1 - i / max(len(people) - 1, 1))
    for i, n in enumerate(orgs):
        pos[n] = (1.0, 1 - i / max(len(orgs) - 1, 1))
    fig, ax = plt.subplots(figsize=(9, 0.32 * max(len(people), len(orgs)) + 1))
    solid = [(u, v) for u, v, d in g.edges(data=True) if not d["former"]]
    dashed = [(u, v) for u, v, d in g.edges(data=True) if d["former"]]
    nx.draw_networkx_edges(g, pos, edgelist=solid, ax=ax, edge_color="#8fb3dc", width=1.2)
    nx.draw_networkx_edges(g, pos, edgelist=dashed, ax=ax, edge_color="#c2571a", style="dashed", width=1.2)
    nx.draw_networkx_nodes(g, pos, nodelist=people, ax=ax, node_color=COLORS["letter"], node_size=30)
    nx.draw_networkx_nodes(g, pos, nodelist=orgs, ax=ax, node_color="#555555", node_shape="s", node_size=30)
    for n in people:
        ax.text(pos[n][0] - 0.02, pos[n][1], n[1], ha="right", va="center", fontsize=8)
    for n in orgs:
        ax.text(pos[n][0] + 0.02, pos[n][1], _wrap(f"{n[1]} ({g.nodes[n]['sector']})", 55), ha="left", va="center", fontsize=8)
    ax.set_xlim(-0.6, 1.9)
    ax.axis("off")
    ax.set_title("Signatories (left) and their organizations (right); dashed: a former position",
                 fontsize=8, loc="left", color="#555555")
    return fig


# --- corpus ----------------------------------------------------------------------------

def monthly_figure(months: pd.DataFrame):
    """Letters per month (above) and their signatories (below): readable for any number of letters."""
    x = [dt.date.fromisoformat(m + "-01") for m in months["Month"]]
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(9, 3.6), sharex=True, gridspec_kw={"hspace": 0.15})
    width = 24 if len(x) < 120 else 20
    top.bar(x, months["Letters"], width=width, align="edge", color=COLORS["letter"])
    top.set_ylabel("letters")
    bottom.bar(x, months["Signatories"], width=width, align="edge", color="#8fb3dc")
    bottom.set_ylabel("signatories")
    for ax in (top, bottom):
        ax.yaxis.get_major_locator().set_params(integer=True)
    locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
    bottom.xaxis.set_major_locator(locator)
    bottom.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    top.set_title("Per calendar month", fontsize=8, loc="left", color="#555555")
    return fig


def organizations_figure(orgs: pd.DataFrame, top: int = 25):
    shown = orgs.head(top).iloc[::-1]
    fig, ax = plt.subplots(figsize=(8, 0.3 * len(shown) + 1))
    ax.barh([_wrap(o, 50) for o in shown["Organization"]], shown["Letters"], color=COLORS["letter"])
    ax.set_xlabel("letters signed")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.tick_params(axis="y", labelsize=7)
    return fig


def cosigning_figure(h: nx.Graph, k: int):
    """The co-signing network restricted to pairs that signed at least k letters together (corpus.cosigning_subgraph);
    edge width = letters shared, node size = letters signed."""
    fig, ax = plt.subplots(figsize=(9, 7))
    if h.number_of_nodes():
        pos = nx.spring_layout(h, seed=7, weight="weight", k=1.2 / max(h.number_of_nodes(), 1) ** 0.5)
        top = max(d["weight"] for _, _, d in h.edges(data=True))
        widths = [0.5 + 3.5 * h.edges[e]["weight"] / top for e in h.edges]
        nx.draw_networkx_edges(h, pos, ax=ax, width=widths, edge_color="#8fb3dc", alpha=0.7)
        most = max(h.nodes[n].get("letters", 1) for n in h.nodes)
        sizes = [30 + 300 * h.nodes[n].get("letters", 1) / most for n in h.nodes]
        nx.draw_networkx_nodes(h, pos, ax=ax, node_size=sizes, node_color=COLORS["letter"])
        for n, (x, y) in sorted(pos.items()):
            ax.text(x, y + 0.03, _wrap(n, 28), fontsize=6.5, ha="center", va="bottom")
    ax.axis("off")
    ax.set_title(f"Organizations that signed at least {k} letter{'s' if k != 1 else ''} together "
                 f"({h.number_of_nodes()} organizations, {h.number_of_edges()} pairs); "
                 "thicker lines: more letters together", fontsize=8, loc="left", color="#555555")
    return fig
