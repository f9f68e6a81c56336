"""Temporal expressions (dates.py) and the letter's events (timeline.py)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from compendium.letter.dates import find_timexes, precision_of, value_bounds
from support import ROOT

ANCHOR = dt.date(2014, 9, 10)  # the real letter's date, a Wednesday in ISO week 38


def timexes(text, anchor=ANCHOR):
    return [(t.text, t.value) for t in find_timexes(text, anchor)]


# --- the real letter ---------------------------------------------------------------

REAL_DATES = [
    ("September 10, 2014", "2014-09-10"),
    ("April", "2014-04"),
    ("later this month", "2014-09"),
    ("earlier this year", "2014"),
    ("this March", "2014-03"),
    ("this April", "2014-04"),
    ("September", "2014-09"),
    ("September", "2014-09"),
    ("March 2014", "2014-03"),
]


def test_real_letter_nine_date_mentions(real):
    dates = real.kind("date")
    assert list(zip(dates.text, dates.value)) == REAL_DATES


def test_real_letter_date_precisions(real):
    dates = real.kind("date")
    assert list(dates.precision) == ["day", "month", "month", "year", "month", "month", "month", "month", "month"]


def test_real_letter_we_and_may_are_not_dates(real):
    dates = real.kind("date")
    assert not {"We", "we", "may", "May"} & set(dates.text)
    may = real.clean.index("accountability may help shift")
    for d in dates.itertuples():
        assert not (d.start <= may + len("accountability ") < d.end)
    # "We" opens many sentences, none is Wednesday.
    assert real.clean.count("We ") >= 4


def test_real_letter_six_letter_events(real):
    ev = real.timeline[real.timeline.source == "letter"]
    assert len(ev) == 6
    got = sorted(zip(ev.date, ev.label))
    expected = [
        ("2014", r"Commission of Inquiry.*report"),
        ("2014-03", r"Human Rights Council resolution"),
        ("2014-04", r"Arria Formula meeting"),
        ("2014-04", r"Barack Obama's statement"),
        ("2014-09", r"side event"),
        ("2014-09-10", r"^This letter, to Secretary of State John F\. Kerry$"),
    ]
    for (date, label), (want_date, pattern) in zip(got, expected):
        assert date == want_date and re.search(pattern, label), (date, label)


def test_real_letter_side_event_is_requested(real):
    ev = real.timeline[(real.timeline.source == "letter") & (real.timeline.date == "2014-09")]
    assert "(requested by the letter)" in ev.label.iloc[0]


def test_real_letter_event_bounds_and_mentions(real):
    ev = real.timeline[real.timeline.source == "letter"].set_index("date")
    assert (ev.loc["2014", "start"], ev.loc["2014", "end"]) == ("2014-01-01", "2014-12-31")
    assert (ev.loc["2014-03", "start"], ev.loc["2014-03", "end"]) == ("2014-03-01", "2014-03-31")
    assert ev.loc["2014-09-10", "precision"] == "day"
    # Each letter event points at a date mention with its value.
    mentions = real.mentions.set_index(real.mentions.mention_id.astype(int))
    for e in real.timeline[real.timeline.source == "letter"].itertuples():
        m = mentions.loc[int(e.mention_id)]
        assert m.kind == "date" and m.value == e.date


def test_real_letter_context_events_come_with_sources(real):
    import csv

    with open(ROOT / "data" / "raw" / "context_events.csv", encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["letter_id"] == "2014-09-10-kerry-unga-north-korea"]
    ctx = real.timeline[real.timeline.source == "context"]
    assert sorted(ctx.date) == sorted(r["date"] for r in rows)
    assert all(c.startswith("http") for c in ctx.citation)
    # Sorted by start date, ids 1…n.
    assert list(real.timeline.start) == sorted(real.timeline.start)
    assert list(real.timeline.event_id.astype(int)) == list(range(1, len(real.timeline) + 1))


# --- find_timexes, form by form ------------------------------------------------------

def test_next_week_is_an_iso_week():
    assert timexes("We will meet next week.") == [("next week", "2014-W38")]
    assert timexes("They met last week.") == [("last week", "2014-W36")]
    assert timexes("The vote is this week.") == [("this week", "2014-W37")]


def test_last_december_is_the_year_before():
    assert timexes("The commission met last December.") == [("last December", "2013-12")]
    assert timexes("Last December the commission reported.") == [("Last December", "2013-12")]


def test_next_and_last_month_names():
    assert timexes("The council meets next March.") == [("next March", "2015-03")]
    assert timexes("The council met last March.") == [("last March", "2014-03")]
    assert timexes("The council met last September.") == [("last September", "2013-09")]
    assert timexes("The council meets next September.") == [("next September", "2015-09")]


def test_on_january_12_follows_the_tense():
    assert timexes("The minister will visit on January 12.") == [("January 12", "2015-01-12")]
    assert timexes("The minister visited on January 12.") == [("January 12", "2014-01-12")]
    assert timexes("On January 12, the council met.") == [("January 12", "2014-01-12")]
    got = timexes("We met on January 12, and we will meet on March 3.")
    assert got == [("January 12", "2014-01-12"), ("March 3", "2015-03-03")]


def test_month_without_year_follows_the_tense():
    assert timexes("The council adopted it in August.") == [("August", "2014-08")]
    assert timexes("The council will adopt it in August.") == [("August", "2015-08")]
    assert timexes("In April, the president spoke.") == [("April", "2014-04")]


def test_united_is_not_a_past_tense():
    # "We ask that the United Kingdom raise it in April": a request, so next April.
    assert timexes("We ask that the United Kingdom raise it in April.") == [("April", "2015-04")]


def test_by_the_end_of_june_is_a_deadline_ahead():
    assert timexes("We ask that you act by the end of June.") == [("the end of June", "2015-06")]
    assert timexes("The report is due by the end of June 2014.") == [("the end of June 2014", "2014-06")]
    assert timexes("By the end of October, the council must act.") == [("the end of October", "2014-10")]


def test_yesterday_today_tomorrow():
    assert timexes("The vote was held yesterday.") == [("yesterday", "2014-09-09")]
    assert timexes("We write today, and meet tomorrow.") == [("today", "2014-09-10"), ("tomorrow", "2014-09-11")]


def test_next_month_and_years():
    assert timexes("The session opens next month.") == [("next month", "2014-10")]
    assert timexes("It closed last month.") == [("last month", "2014-08")]
    assert timexes("Earlier this year the report came out.") == [("Earlier this year", "2014")]
    assert timexes("Next year will tell.") == [("Next year", "2015")]


def test_seasons():
    assert timexes("Talks resumed this spring.") == [("this spring", "2014-SP")]
    assert timexes("Talks resume next spring.") == [("next spring", "2015-SP")]
    assert timexes("Talks stalled last spring.") == [("last spring", "2014-SP")]
    assert timexes("The floods of summer 2013.") == [("summer 2013", "2013-SU")]
    assert timexes("Talks resume this winter.") == [("this winter", "2014-WI")]
    assert timexes("In spring, birds sing.") == []  # a season alone is no date


def test_bare_years():
    assert timexes("The camps were built in 1998 and expanded in 2009.") == [("1998", "1998"), ("2009", "2009")]
    assert timexes("Since 2012 the authorities have detained thousands.") == [("2012", "2012")]
    assert timexes("Call +1 202 612 4321 or see 2014/15.") == []
    assert timexes("The famine of the 1990s.") == [("1990s", "199")]  # a decade (TIMEX3 199), not the year 1990
    assert timexes("At least 4,000 people.") == []


def test_absolute_dates():
    assert timexes("Letter dated 10 September 2014 follows.") == [("10 September 2014", "2014-09-10")]
    assert timexes("On Sept. 10, 2014 we met.") == [("Sept. 10, 2014", "2014-09-10")]
    assert timexes("The report of 2014-02-17 is clear.") == [("2014-02-17", "2014-02-17")]
    assert timexes("On September 10th, 2014 we met.") == [("September 10th, 2014", "2014-09-10")]
    assert timexes("The March 2014 resolution.") == [("March 2014", "2014-03")]


def test_march_the_verb_and_may_the_modal_are_not_months():
    assert timexes("They march to the capital. We may act. March for justice!") == []
    assert timexes("Thousands will march in May.") == [("May", "2015-05")]


def test_we_is_not_wednesday():
    assert timexes("We write to you. We urge you.") == []


def test_generic_references():
    assert timexes("We will act in the coming months.") == [("the coming months", "FUTURE_REF")]
    assert timexes("Abuses grew in recent years.") == [("recent years", "PAST_REF")]
    assert timexes("It got worse over the past few months.") == [("the past few months", "PAST_REF")]


def test_anchor_matters():
    assert timexes("We met last December.", dt.date(2015, 3, 3)) == [("last December", "2014-12")]
    assert timexes("We meet next week.", dt.date(2014, 12, 31)) == [("next week", "2015-W02")]


def test_spans_restrict_the_search():
    text = "In April we met. In September we meet again."
    got = find_timexes(text, ANCHOR, spans=[(17, len(text))])
    assert [t.text for t in got] == ["September"]


def test_longest_match_wins():
    t = find_timexes("the March 2014 Human Rights Council resolution", ANCHOR)
    assert [(x.text, x.value, x.precision, x.rule) for x in t] == [("March 2014", "2014-03", "month", "month_year")]


# --- value_bounds and precision_of ----------------------------------------------------

@pytest.mark.parametrize("value, first, last, precision", [
    ("2014-09-10", dt.date(2014, 9, 10), dt.date(2014, 9, 10), "day"),
    ("2014-W38", dt.date(2014, 9, 15), dt.date(2014, 9, 21), "week"),
    ("2015-W01", dt.date(2014, 12, 29), dt.date(2015, 1, 4), "week"),
    ("2014-09", dt.date(2014, 9, 1), dt.date(2014, 9, 30), "month"),
    ("2016-02", dt.date(2016, 2, 1), dt.date(2016, 2, 29), "month"),
    ("2014-02", dt.date(2014, 2, 1), dt.date(2014, 2, 28), "month"),
    ("2014-SP", dt.date(2014, 3, 1), dt.date(2014, 5, 31), "season"),
    ("2014-SU", dt.date(2014, 6, 1), dt.date(2014, 8, 31), "season"),
    ("2014-FA", dt.date(2014, 9, 1), dt.date(2014, 11, 30), "season"),
    ("2014-WI", dt.date(2014, 12, 1), dt.date(2015, 2, 28), "season"),
    ("2014", dt.date(2014, 1, 1), dt.date(2014, 12, 31), "year"),
])
def test_value_bounds(value, first, last, precision):
    assert value_bounds(value) == (first, last)
    assert precision_of(value) == precision


@pytest.mark.parametrize("value", ["FUTURE_REF", "PAST_REF", "2014-02-30", "2014-13", "2014-W60", "Sept 2014", ""])
def test_value_bounds_none_for_references_and_impossible_dates(value):
    assert value_bounds(value) is None


def test_every_week_value_starts_on_monday():
    for week in (1, 10, 38, 52):
        first, last = value_bounds(f"2014-W{week:02d}")
        assert first.weekday() == 0 and last.weekday() == 6


def test_context_file_with_impossible_date_is_an_input_error(tmp_path):
    from compendium.errors import InputError
    from compendium.timeline import load_context

    path = tmp_path / "context_events.csv"
    path.write_text("letter_id,date,label,answers_ask,citation,note\n"
                    "x,2014-02-30,Something,,https://example.org/a,\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_context("x", path)
    assert str(path) in err.value.where and "2014-02-30" in err.value.problem


def test_letter_event_names_its_addressee(letters):
    p = letters("sig-organizations-only.txt")
    ev = p.timeline[(p.timeline.source == "letter") & (p.timeline.date == "2016-04-14")]
    assert list(ev.label) == ["This letter, to the Members of the UN Security Council"]


# --- forms of the letters issue, resolved against a letter of Thursday 4 May 2017 ----------

MAY4 = dt.date(2017, 5, 4)


@pytest.mark.parametrize("text, expected", [
    ("The talks collapsed three weeks ago.", [("three weeks ago", "2017-W15")]),
    ("We ask you to act within the next ten days.", [("the next ten days", "2017-05-04/2017-05-14")]),
    ("Troops entered on 3 May 2017. Two days later, the radio was shut.", [("3 May 2017", "2017-05-03"),
                                                                          ("Two days later", "2017-05-05")]),
    ("They met last Thursday and will meet next Friday.", [("last Thursday", "2017-04-27"), ("next Friday", "2017-05-12")]),
    ("The vote is this week, and today we write.", [("this week", "2017-W18"), ("today", "2017-05-04")]),
    ("Elections are due late next year.", [("late next year", "2018")]),
    ("Report back by the end of the month.", [("the end of the month", "2017-05")]),
    ("In November the panel met. We hope you will act by August.", [("November", "2016-11"), ("August", "2017-08")]),
    ("On 3 April the court ruled. On 30 November it will sit again.", [("3 April", "2017-04-03"),
                                                                       ("30 November", "2017-11-30")]),
    ("The session ran from 2 to 27 March 2017.", [("2 to 27 March 2017", "2017-03-02/2017-03-27")]),
    ("We will meet on 14 and 15 May.", [("14 and 15 May", "2017-05-14/2017-05-15")]),
    ("The letter closes on Thursday, November 16.", [("Thursday, November 16", "2017-11-16")]),
    ("Since 2009 the group has worked here.", [("2009", "2009")]),
    ("Charter 77, H1N1, resolution 2334 (2016), A/HRC/RES/32/2, seven years, Horizon 2020 and the Human Rights "
     "Act 1998 are not dates.", []),
    ("We hope you will act soon. In March, the Council met again.", [("March", "2017-03")]),
    ("The Council will vote in two weeks.", [("two weeks", "2017-W20")]),
])
def test_letters_issue_forms(text, expected):
    assert timexes(text, MAY4) == expected


def test_numeric_dates_day_first_after_a_label_or_a_place():
    import datetime as dt

    from compendium.letter.dates import find_timexes, parse_date_line

    assert parse_date_line("Date: 14.09.2023") == dt.date(2023, 9, 14)
    assert parse_date_line("Geneva, 03/04/2021") == dt.date(2021, 4, 3)
    assert parse_date_line("Date: 09/14/2023") == dt.date(2023, 9, 14)  # 14 cannot be a month
    assert parse_date_line("14.09.2023") is None  # alone on a page: its publication date
    found = find_timexes("We met on 14.09.2023; see version 1.2.2023.5.", dt.date(2023, 9, 20))
    assert [(t.text, t.value) for t in found] == [("14.09.2023", "2023-09-14")]


@pytest.mark.parametrize("text, anchor, want", [
    # "pooled" is an adjective after "including", not a past verb: the request looks ahead
    ("We ask WHO to act, including pooled procurement, and to place the matter on the agenda of the Assembly in May.",
     (2024, 2, 6), [("May", "2024-05")]),
    # a bullet takes its lead-in's tense before a participle after the date ("individuals held")
    ("We urge you to:\n\n- Participate in the dialogue on 6 and 7 March and raise the cases of individuals held incommunicado;",
     (2023, 2, 8), [("6 and 7 March", "2023-03-06/2023-03-07")]),
    # what a letter welcomes has happened
    ("We welcome the decision of the Ministry to suspend its programme in September, and ask that it remain suspended.",
     (2018, 1, 15), [("September", "2017-09")]),
    ("The Council's commitment, set out in resolution 1998 (2011), matters.", (2019, 5, 2), []),
    ("The law was adopted on 4 April. The bill had been tabled less than a week earlier.", (2017, 5, 2),
     [("4 April", "2017-04-04")]),
])
def test_tense_and_non_dates_from_held_out_letters(text, anchor, want):
    import datetime as dt

    from compendium.letter.dates import find_timexes

    got = [(t.text, t.value) for t in find_timexes(text, dt.date(*anchor))]
    assert got == want


def test_review_cases_would_welcome_looks_ahead_and_law_numbers_are_no_dates():
    import datetime as dt

    from compendium.letter.dates import find_timexes

    got = find_timexes("We would welcome the adoption of a resolution at the session in September.", dt.date(2023, 5, 1))
    assert [(t.text, t.value) for t in got] == [("September", "2023-09")]
    assert find_timexes("Under Law No. 3/12/2019 the body was dissolved.", dt.date(2023, 5, 1)) == []


def test_an_ed_word_after_an_adverb_is_no_past_verb():
    import datetime as dt

    from compendium.letter.dates import find_timexes

    text = ("When you meet on 31 August, we urge you to adopt a standard that makes publicly funded "
            "observations free to reuse, and to report on progress at the summit in November.")
    got = [(t.text, t.value) for t in find_timexes(text, dt.date(2022, 6, 12))]
    assert got == [("31 August", "2022-08-31"), ("November", "2022-11")]


@pytest.mark.parametrize("line, want", [
    ("Lyon, 12 février 2024 — Published on our wiki", dt.date(2024, 2, 12)),
    ("September 10, 2014 | 12:00AM EDT", dt.date(2014, 9, 10)),
    ("Geneva, 3 March 2022 – Joint statement", dt.date(2022, 3, 3)),
    # a publication line stays one; a sentence that starts with a date is no date line
    ("Published 10 September 2014 — News", None),
    ("March 3, 2015 — the day the law passed and all of us were there to see it", None),
    ("On March 3, 2015. — Note", None),
])
def test_a_date_line_may_carry_a_short_note_after_a_dash(line, want):
    from compendium.letter.dates import parse_date_line

    assert parse_date_line(line) == want


def test_a_refusal_for_want_of_a_date_line_names_the_lines_that_hold_one(tmp_path):
    from compendium.errors import InputError
    from compendium.letter import clean

    page = ("Home\nNews of 3 May 2021 and more text here about it\n\nDear Minister,\n\n"
            "We ask you to act on the river now and publish the maps soon after.\n\nSincerely,\n\nJane Doe\n"
            "Director, River Trust\n")
    with pytest.raises(InputError, match=r"not a date line alone: 2 \('News of 3 May 2021"):
        clean.clean(page, where="page.txt")


@pytest.mark.parametrize("line, want", [
    ("Roma, lì 12 marzo 2024", dt.date(2024, 3, 12)),
    ("Warszawa, 12 lipca 2024 r.", dt.date(2024, 7, 12)),
    ("Amsterdam, 3 mei 2024", dt.date(2024, 5, 3)),
    ("Stockholm, 4 mars 2024", dt.date(2024, 3, 4)),
    ("București, 5 martie 2024", dt.date(2024, 3, 5)),
    ("Norrhamra den 16 januari 2024", dt.date(2024, 1, 16)),  # a place before the article needs no comma
])
def test_date_lines_in_more_languages(line, want):
    # month names from CLDR (babel) in dates/vocabulary/months.tsv, in the form a date takes
    from compendium.letter.dates import parse_date_line

    assert parse_date_line(line) == want


# --- dated mentions in the letter's own language -------------------------------------

@pytest.mark.parametrize("text, anchor, expected", [
    ("Nel 2024 il reparto ha chiuso il 25 febbraio e riaprirà il 2 aprile. Lo scorso anno e alla fine del mese "
     "non è cambiato nulla, e per questo chiediamo una risposta entro marzo.", dt.date(2025, 3, 12),
     [("Nel 2024", "2024"), ("25 febbraio", "2025-02-25"), ("2 aprile", "2025-04-02"), ("scorso anno", "2024"),
      ("fine del mese", "2025-03"), ("entro marzo", "2025-03")]),
    ("Deze vestigingen werden vorig jaar bezocht. Sinds 2020 is het aantal verdubbeld en op 9 november "
     "spreekt de raad, en wij willen volgende week een gesprek met het college van de stad.", dt.date(2023, 10, 3),
     [("vorig jaar", "2022"), ("Sinds 2020", "2020"), ("9 november", "2023-11-09"), ("volgende week", "2023-W41")]),
    ("W ubiegłym roku Fundusz sfinansował 14 procent wniosków. W konkursie ogłoszonym w marcu złożono 4000 "
     "projektów, a w przyszłym roku i do końca listopada nie jest to możliwe.", dt.date(2023, 11, 14),
     [("W ubiegłym roku", "2022"), ("w marcu", "2023-03"), ("w przyszłym roku", "2024"),
      ("do końca listopada", "2023-11")]),
    ("Under hösten stängdes akuten. I december väntade patienterna, och vi kräver att det sker i februari "
     "och före sommaren, och att vi får ett möte nästa vecka för att det är inte för sent.", dt.date(2024, 1, 17),
     [("Under hösten", "2023-FA"), ("I december", "2023-12"), ("i februari", "2024-02"),
      ("före sommaren", "2024-SU"), ("nästa vecka", "2024-W04")]),
])
def test_dated_mentions_in_the_letters_own_language(text, anchor, expected):
    assert timexes(text, anchor) == expected


def test_english_text_gets_no_foreign_rules():
    from compendium.letter.dates.foreign import languages

    english = "We met in mars and in the spring of 2014 with the director of the Museo del Prado, who is from Rome."
    assert languages(english) == ()
    assert timexes(english) == [("the spring of 2014", "2014-SP")]
    assert languages("Wij vragen het college om de bibliotheken open te houden, en dat is niet te veel.") == ("nl",)


def test_the_foreign_vocabulary_file_is_what_the_tool_writes(tmp_path):
    import subprocess
    import sys

    subprocess.run([sys.executable, str(ROOT / "tools/date_vocabulary.py"), "--out", str(tmp_path / "f.tsv")],
                   check=True, capture_output=True)
    assert (tmp_path / "f.tsv").read_bytes() == (ROOT / "src/compendium/letter/dates/vocabulary/foreign.tsv").read_bytes()


@pytest.mark.parametrize("text, expected", [
    ("Seit 2019 haben wir das Ministerium gewarnt. Am 12. Februar hat die Leitung die Schließung angekündigt, und "
     "letztes Jahr haben wir geschrieben. Wir bitten um eine Antwort bis April und ein Treffen nächste Woche.",
     [("Seit 2019", "2019"), ("12. Februar", "2024-02-12"), ("letztes Jahr", "2023"), ("bis April", "2024-04"),
      ("nächste Woche", "2024-W12")]),
    ("Depuis 2019, nous avons alerté le ministère. Le 12 février, la direction a annoncé la fermeture. Nous demandons "
     "une réponse avant la fin du mois et une réunion la semaine prochaine, en avril au plus tard.",
     [("Depuis 2019", "2019"), ("12 février", "2024-02-12"), ("fin du mois", "2024-03"),
      ("la semaine prochaine", "2024-W12"), ("en avril", "2024-04")]),
    ("Nel 2022 il reparto ha registrato 310 parti, contro i 402 dell'anno precedente, e per questo scriviamo.",
     [("Nel 2022", "2022"), ("anno precedente", "2021")]),
])
def test_dated_mentions_in_german_french_and_against_the_year_before(text, expected):
    assert timexes(text, dt.date(2024, 3, 14)) == expected


def test_a_day_of_a_month_in_the_year_named_beside_it():
    assert timexes("The shelter closes on 1 November this year; we met on March 3 last year.", dt.date(2024, 9, 1)) == [
        ("1 November this year", "2024-11-01"), ("March 3 last year", "2023-03-03")]


def test_a_weekday_in_the_letters_language_is_the_nearest_such_day():
    text = "Il comitato si riunirà venerdì e ha già discusso il tema lunedì, e noi chiediamo una risposta alla regione."
    assert timexes(text, dt.date(2025, 3, 12)) == [("venerdì", "2025-03-14"), ("lunedì", "2025-03-10")]


def test_proposed_looks_ahead_only_as_an_adjective():
    anchor = dt.date(2023, 9, 26)
    assert timexes("At the session in May, several delegations proposed a delay.", anchor) == [("May", "2023-05")]
    assert timexes("We oppose the proposed cut in May.", anchor) == [("May", "2024-05")]


def test_a_spanish_letter_is_read_as_spanish_though_de_and_la_are_words_of_other_languages():
    from compendium.letter.dates.foreign import languages

    text = ("Estimada Ministra:\n\nDesde 2019, el servicio de urgencias ha perdido a once médicos. El 14 de marzo la "
            "dirección anunció el cierre nocturno, y el año pasado ya denunciamos la falta de personal.\n\nLe pedimos "
            "una reunión la próxima semana y una respuesta antes de mayo.\n")
    assert languages(text) == ("es",)
    assert timexes(text, dt.date(2024, 4, 2)) == [
        ("Desde 2019", "2019"), ("14 de marzo", "2024-03-14"), ("el año pasado", "2023"),
        ("la próxima semana", "2024-W15"), ("antes de mayo", "2024-05")]


@pytest.mark.parametrize("text, expected", [
    ("El verano pasado los tiempos de espera superaron las seis horas y la situación es grave para la población.",
     ("verano pasado", "2023-SU")),
    ("Deze bibliotheek was vorige zomer gesloten en de gemeente heeft het niet gemeld aan de bewoners.",
     ("vorige zomer", "2023-SU")),
    ("Förra sommaren stängdes akuten och det är inte bra för patienterna i vår region.", ("Förra sommaren", "2023-SU")),
])
def test_a_season_with_its_relative_word_in_the_letters_language(text, expected):
    assert timexes(text, dt.date(2024, 3, 14)) == [expected]
