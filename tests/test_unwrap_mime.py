"""The raw e-mail source step: header section dropped, quoted-printable decoded, raw lines kept."""

import datetime as dt

from compendium.letter.unwrap import mime, unwrap
from compendium.letter.unwrap.lines import Lines

SOURCE = """Return-Path: <a@example.org>
Date: Tue, 14 Oct 2025 09:12:41 +0200
From: "Council" <a@example.org>
Subject: Re: Reception centres
MIME-Version: 1.0
Content-Type: text/plain; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

Dear Minister Str=C3=B8mvik,

We write as leaders of the Bah=C3=A1=
=E2=80=99=C3=AD communities.

Yours,""".split("\n")


def test_quoted_printable_body_decoded_with_raw_lines():
    res = mime.unwrap(Lines(SOURCE, list(range(len(SOURCE)))))
    assert res.lines.text == ["Dear Minister Strømvik,", "", "We write as leaders of the Bahá’í communities.", "",
                              "Yours,"]
    assert res.lines.origin == [8, 9, 10, 12, 13]  # the joined line starts on raw line 10
    assert res.date == (1, dt.date(2025, 10, 14))
    assert res.subject == "Reception centres"
    assert [d[0] for d in res.dropped] == list(range(7))


def test_header_lines_without_a_source_header_are_not_a_message_source():
    memo = ["To: The Minister", "From: The Council", "Subject: Centres", "", "Dear Minister,"]
    assert mime.unwrap(Lines(memo, list(range(5)))) is None


def test_stage_names_the_container():
    assert unwrap(SOURCE).kinds[0] == "e-mail source"


def test_page_lines_above_the_message_are_dropped():
    page = ["Skip to content", "Home › Letters", "", *SOURCE]
    res = mime.unwrap(Lines(page, list(range(len(page)))))
    assert res.lines.text[0] == "Dear Minister Strømvik," and res.subject == "Reception centres"
    assert [d[2] for d in res.dropped[:2]] == ["page text above the message"] * 2


def test_a_header_section_broken_by_wrapping_is_left_to_the_mail_step():
    wrapped = ["Date: Tue, 14 Oct 2025 09:12:41 +0200", "From: Council", "<a@example.org>", *SOURCE[4:]]
    assert mime.unwrap(Lines(wrapped, list(range(len(wrapped))))) is None
