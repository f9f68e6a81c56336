"""Property tests (hypothesis): cleaning is idempotent and ignores page chrome,
decoding never fails with anything but InputError, no text makes the pipeline
raise anything but CompendiumError, and offsets always index clean.txt."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from compendium.letter import signatories, structure
from compendium.letter.clean import clean, decode
from compendium.errors import CompendiumError, InputError
from compendium.letter.patterns import chrome_reason
from compendium.process import process
from support import FIXTURE_FILES, REAL_RAW

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Valid letters: the real one and every fixture, decoded as the pipeline decodes them.
LETTERS = {p.name: decode(p.read_bytes()) for p in [REAL_RAW, *FIXTURE_FILES]}

HEADER_CHROME = ["Skip to main content", "Menu", "Search", "Share this", "Donate now", "Region / Country",
                 "Human Rights Watch", "News", "Joint letter to Secretary Kerry", "Print", "Topics"]
FOOTER_CHROME = [
    "Share this", "Most Viewed", "Region / Country", "Print", "Related Content", "Subscribe to our newsletter",
    "Your tax deductible gift can help stop human rights violations and save lives around the world.",
    "© 2014 Human Rights Watch", "Privacy Policy", "Back to top", "Support our work",
]
BLANK = st.sampled_from(["", " ", "\u00a0", "\u00a0\u00a0", "\t"])
# Text of a header line: no digits, so never a date line.
NO_DIGITS = st.text(st.characters(blacklist_categories=("Cs", "Nd", "No", "Nl")), max_size=40)


def test_footer_chrome_pool_is_chrome():
    assert all(chrome_reason(line) for line in FOOTER_CHROME)


def signers(text: str):
    return signatories.parse(structure.parse(text).signature_lines)


@SETTINGS
@given(
    name=st.sampled_from(sorted(LETTERS)),
    before=st.lists(st.one_of(st.sampled_from(HEADER_CHROME), NO_DIGITS, BLANK), max_size=6),
    first_footer=st.sampled_from(FOOTER_CHROME),
    after=st.lists(st.one_of(st.sampled_from(FOOTER_CHROME), st.text(max_size=60), BLANK), max_size=6),
    gap=st.sampled_from(["\n", "\n\n", "\n\u00a0\n", "\r\n"]),
)
def test_clean_ignores_chrome_and_is_idempotent(name, before, first_footer, after, gap):
    letter = LETTERS[name]
    base = clean(letter)
    # The page's last navigation line before the letter: a headline right above the date
    # would be the letter's own title, so the header chrome ends with a widget.
    wrapped = "\n".join([*before, "Share this"]) + gap + letter.rstrip("\n") + gap + "\n".join([first_footer, *after])
    again = clean(wrapped)
    assert again.text == base.text
    assert signers(again.text) == signers(base.text)
    twice = clean(again.text)
    assert twice.text == again.text and twice.removed == []


@SETTINGS
@given(st.binary(max_size=300))
def test_decode_returns_text_or_raises_input_error(data):
    try:
        text = decode(data, "x.txt")
    except InputError as exc:
        assert exc.where == "x.txt" and "undecodable" in exc.problem
        return
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) and b"\x00" in data:  # UTF-16 with a byte-order mark
        assert text == data.decode("utf-16")
        return
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    try:
        assert text == body.decode("utf-8")
    except UnicodeDecodeError:
        assert text == body.decode("cp1252")


LINES = [
    "September 10, 2014", "10 September 2014", "2014-09-10", "Dear Secretary Kerry,", "Re: action on Caldora",
    "Subject: Caldora", "We write to request that you attend the side event later this month.",
    "We, the undersigned, urge the Security Council to act in April.", "“probably the worst.”", '"a quote"',
    "President Barack Obama spoke in April.", "torture, rape and forced starvation", "Sincerely,", "Respectfully,",
    "Thank you.", "Morton Abramowitz", "Senior Fellow", "The Century Foundation", "Professor, Georgetown University",
    "Dr. Amara Whitfield, Ph.D., Director, Lantern Rights Network; Trustee, Open Harbor Foundation",
    "Assistant Secretary of State (former)", "Former Director", "Author of The Hidden Gulag", "Asia Program",
    "cc: Ambassador Helen Marlowe", "Share this", "Most Viewed", "Skip to main content", "UN Human Rights",
    "Council resolution of March 2014", "\u00a0", "", "", "", "—", ";", ",", "May", "march", "We may",
]
LETTERISH = st.lists(st.one_of(st.sampled_from(LINES), st.text(max_size=30)), max_size=30).map("\n".join)
ANY_TEXT = st.one_of(st.text(max_size=400), LETTERISH)


def _part(pool: list[str], max_size: int, min_size: int = 0):
    line = st.one_of(st.sampled_from(pool), st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40))
    return st.lists(line, min_size=min_size, max_size=max_size)


# Letters put together part by part, so most of them parse and their offsets get checked.
STRUCTURED = st.builds(
    lambda chrome, date, header, body, closing, sigs, gap: gap.join(
        [*chrome, date, *header, *body, closing, *sigs]),
    _part(HEADER_CHROME, 2),
    st.sampled_from(["September 10, 2014", "10 September 2014", "Sept. 10, 2014", "2014-09-10"]),
    _part(["Secretary of State John F. Kerry", "Re: action on Caldora", "Dear Secretary Kerry,", "Your Excellency,"], 3),
    _part([ln for ln in LINES if ln.endswith(".") or ln.endswith("”")] + ["UN Human Rights", "", "\u00a0"], 6, 1),
    st.sampled_from(["Sincerely,", "Respectfully,", "Thank you.\n\nSincerely,"]),
    _part(["Morton Abramowitz", "Senior Fellow", "The Century Foundation", "Professor, Georgetown University",
           "Victor Cha", "Dr. Amara Whitfield, Ph.D., Director, Lantern Rights Network; Trustee, Open Harbor Foundation",
           "Assistant Secretary of State (former)", "Author of The Hidden Gulag", "Asia Program", "Lantern Rights Network",
           "", "\u00a0", "cc: Ambassador Helen Marlowe", "Élodie Marchand"], 10, 1),
    st.sampled_from(["\n", "\n\n", "\r\n"]),
)


@SETTINGS
@given(st.one_of(ANY_TEXT, STRUCTURED))
def test_clean_structure_signatories_raise_only_compendium_errors(text):
    try:
        cleaned = clean(text, "x.txt")
        st_ = structure.parse(cleaned.text, "x.txt")
    except CompendiumError:
        return
    sigs = signatories.parse(st_.signature_lines)
    for s in sigs:
        assert cleaned.text[s.start : s.end].startswith(s.written)
    for span in [st_.date_line, *st_.addressee, *st_.body, *([st_.closing] if st_.closing else []),
                 *st_.signature_lines, *st_.cc]:
        assert cleaned.text[span.start : span.end] == span.text


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(STRUCTURED, STRUCTURED, LETTERISH, st.text(max_size=300), st.binary(max_size=300)))
def test_process_raises_only_compendium_errors_and_offsets_index_clean_text(read_processed, check_offsets, check_brat,
                                                                            content):
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "letter.txt"
        raw.write_bytes(data)
        out = Path(tmp) / "out" / "letter"
        try:
            process(raw, out, warn=lambda msg: None)
        except CompendiumError:
            event("refused")
            assert not out.exists()
            return
        event("processed")
        p = read_processed(out)
        check_offsets(p)
        check_brat(p)


@pytest.mark.parametrize("name", sorted(LETTERS))
def test_clean_is_idempotent_on_every_letter(name):
    once = clean(LETTERS[name]).text
    assert clean(once).text == once
