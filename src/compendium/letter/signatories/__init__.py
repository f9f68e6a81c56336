"""The signature block: who signed, in letter order, and every affiliation.

The block is read in three steps, each a small set of general rules rather
than one rule per layout, one module each (beneath them: the line features
they share, `features`, over the words and patterns, `vocabulary`):

1. Items (`items`): the lines after the closing become items with exact offsets.
   Bullets and numbers ("-", "•", "1.", "2)") are set aside, two columns
   flattened into one line by runs of spaces are split back into columns
   (read column by column), and a one-line list of organizations
   ("A, B, C and D") is split into one item each. Headings ("Organisations",
   "Individuals", "Signed by:") say what the items under them are.
2. Roles (`labels`): each item gets a role from its features: a person's name
   (capitalised words with a known given name, an initial, an honorific or
   post-nominals, or names in a script without case) opens a person, possibly
   with a position and organization on the same line ("Name, Title,
   Organization[; Title, Organization]"); the lines that follow it (up to the
   next name, or the next block where blank lines separate people) are that
   person's position, unit and organization; an item that is not part of a
   person is an organization signing as itself.
3. Groups (`groups`): the roles are read into signatories, and each person's
   lines into affiliations (`affiliations`).

Honorifics and ranks (Dr., Sir, The Rt Hon, Maj. Gen. (ret.)) go to the
`honorific` column, post-nominals (QC, OBE, Ph.D., MP) to `suffix`; "former",
"(ret.)", "retired" mark a past position; footnote marks and "(in personal
capacity)" are set aside.
"""

from __future__ import annotations

from ..lines import Line
# The names other modules read here. compendium.letter.roles reads the rest as `signatories.X`
# (tools/line_roles.py also runs it against older trees, where this package was one module).
from .affiliations import _affiliations, _affiliations_from_pieces, _split_title_org  # noqa: F401
from .features import (_evidence, _one_line, _strip_former, _tokens, _words, is_given_name, is_org,  # noqa: F401
                       is_person_name, is_title)
from .groups import _organization, _person, group  # noqa: F401
from .items import _Item, _items  # noqa: F401
from .labels import ROLES, label_lines  # noqa: F401
from .model import Affiliation, Signatory  # noqa: F401
from .vocabulary import (_AT, _COLUMNS, _TABLE_HEADER, _TRAILING_POSTNOMINALS, BEHALF, FOOTNOTE_MARK, FORMER,  # noqa: F401
                         HONORIFIC, ORG_STRONG, PERSONAL, TITLE_WORDS)


def parse(lines: list[Line]) -> list[Signatory]:
    """Signatories in letter order from the lines after the closing: items, the role of
    each, and the roles read into signatories."""
    items = _items(lines)
    return group(items, label_lines(items))
