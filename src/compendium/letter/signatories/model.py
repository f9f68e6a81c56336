"""What the signature block is read into: signatories and their affiliations."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Affiliation:
    title: str = ""
    unit: str = ""
    organization: str = ""
    former: bool = False
    source: str = "parser"  # or "correction N"


@dataclass
class Signatory:
    signatory_id: int
    signatory_type: str  # person | organization
    written: str  # the name line as written (persons) or the organization
    name: str = ""
    honorific: str = ""
    given_name: str = ""
    middle_name: str = ""
    family_name: str = ""
    suffix: str = ""
    affiliations: list[Affiliation] = field(default_factory=list)
    start: int = 0
    end: int = 0
    source: str = "parser"  # or "correction N"
