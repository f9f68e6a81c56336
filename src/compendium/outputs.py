"""How to tell a processed-letter folder the compendium wrote (what it holds: compendium.contract).

Light on purpose (no pandas): the build checks folders before it imports
anything heavy. Every folder `compendium process` writes holds MARKER; only a
folder that provably is the compendium's (the marker, and nothing but the
compendium's own files) is ever replaced or removed.
"""

from __future__ import annotations

import json
from pathlib import Path

from .contract import OUTPUT_FILES
from .errors import InputError

MARKER = ".compendium-processed"
FORMAT = 1
MARKER_TEXT = f"compendium processed letter, format {FORMAT}\n"


def not_ours(folder: Path, names=OUTPUT_FILES) -> str:
    """Why `folder` is not provably a processed letter written by the compendium ('' if it is).

    It may hold only the compendium's own files and the marker. A folder from
    before the marker existed (format 0) is accepted once, for migration, if its
    letter.json is the compendium's; the next write adds the marker."""
    foreign = sorted(p.name + ("/" if p.is_dir() else "") for p in Path(folder).iterdir()
                     if p.name not in (*names, MARKER) or p.is_symlink() or not p.is_file())
    if foreign:
        shown = ", ".join(foreign[:3]) + (f" and {len(foreign) - 3} more" if len(foreign) > 3 else "")
        return f"it holds {shown}, not written by the compendium"
    if (Path(folder) / MARKER).is_file():
        return ""
    try:
        meta = json.loads((Path(folder) / "letter.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        meta = None
    if not (isinstance(meta, dict) and {"letter_id", "source_sha256", "signatory_count"} <= set(meta)):
        return f"it has no {MARKER} marker and no letter.json written by the compendium"
    return ""


def refuse_links(*folders: Path) -> None:
    """Refuse a symbolic link where the compendium keeps folders of its own (each of `folders`,
    and anything directly in it): the build replaces and deletes what is there, and through a
    link it would reach files outside the project. A link is never followed, only named."""
    for folder in map(Path, folders):
        found = [folder] if folder.is_symlink() else \
            sorted(p for p in folder.iterdir() if p.is_symlink()) if folder.is_dir() else []
        if found:
            raise InputError(found[0], "a symbolic link where the compendium keeps its own folders (it replaces "
                                       "and deletes what is there, and never follows a link): remove the link "
                                       "(what it points to is left alone)")
