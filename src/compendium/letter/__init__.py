"""The parser: a raw letter read in order, one stage a module (see `compendium.process.parse_letter`).

unwrap (the container taken off) -> clean (decode, repair, find the letter, cut page chrome)
-> structure (the letter's parts) and signatories (names and affiliations; roles: the same block
as line roles) -> dates (dated mentions). Beneath them: lines (the line model), patterns,
places, text, givennames (vocabularies and text models the stages share)."""
