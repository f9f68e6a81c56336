"""Classes of temporal expression found on TimeML news (issue 18): each with its TIMEX3 value."""

from __future__ import annotations

import datetime as dt

import pytest

from compendium.letter.dates import find_timexes, precision_of, value_bounds

WED = dt.date(2014, 9, 10)  # a Wednesday, ISO week 38


def timexes(text, anchor=WED):
    return [(t.text, t.value) for t in find_timexes(text, anchor)]


@pytest.mark.parametrize("text, want", [
    ("The minister said Friday that talks had failed.", [("Friday", "2014-09-05")]),
    ("The council will meet Friday.", [("Friday", "2014-09-12")]),
    ("The council will meet on Friday.", [("Friday", "2014-09-12")]),
    ("The envoy resigned on Monday.", [("Monday", "2014-09-08")]),
    ("Talks resume Friday in Geneva.", [("Friday", "2014-09-12")]),  # no tense: the nearest Friday
    ("Talks on Monday in Geneva.", [("Monday", "2014-09-08")]),
    ("The bombs exploded early Tuesday, witnesses said.", [("early Tuesday", "2014-09-09")]),
    ("the Good Friday Agreement", []),  # a name, not a day
    ("The Sunday Times reported it.", []),
])
def test_weekdays_with_and_without_on(text, want):
    assert timexes(text) == want


def test_the_extent_leaves_the_preposition_out_and_keeps_it_as_the_cue():
    (t,) = find_timexes("The council will meet on Friday.", WED)
    assert (t.text, t.cue) == ("Friday", "on")
    (t,) = find_timexes("We ask that you act by the end of June.", WED)
    assert (t.text, t.cue, t.value) == ("the end of June", "by", "2015-06")


@pytest.mark.parametrize("text, want", [
    ("It posted a third-quarter loss.", [("third-quarter", "2014-Q3")]),  # no article before an adjective
    ("It closed its third quarter with a loss.", [("third quarter", "2014-Q3")]),
    ("Shares rose above Friday's close.", [("Friday", "2014-09-05")]),  # no possessive 's
    ("Prices fell in the late 1970s.", [("late 1970s", "197")]),
    ("Sales rose in the third quarter. The year-ago results included a charge.",
     [("the third quarter", "2014-Q3"), ("year-ago", "2013-Q3")]),
])
def test_timeml_extent(text, want):
    assert timexes(text) == want


@pytest.mark.parametrize("text, want", [
    ("Third-quarter profit rose 5%.", [("Third-quarter", "2014-Q3")]),
    ("Sales fell in the fourth quarter.", [("the fourth quarter", "2013-Q4")]),
    ("Growth slowed in the first half of 2021.", [("the first half of 2021", "2021-H1")]),
    ("Results for Q1 2020 were published.", [("Q1 2020", "2020-Q1")]),
    ("Earnings in the latest quarter were flat.", [("the latest quarter", "2014-Q2")]),
    ("A quarter of the population fled.", []),  # a fraction
    ("Half the staff left.", []),
    ("Net income was $5 million in the third quarter, up from $3 million a year ago.",
     [("the third quarter", "2014-Q3"), ("a year ago", "2013-Q3")]),
    ("Sales rose in the third quarter, against the year-ago quarter.",
     [("the third quarter", "2014-Q3"), ("the year-ago quarter", "2013-Q3")]),
])
def test_quarters_and_halves(text, want):
    assert timexes(text) == want


@pytest.mark.parametrize("text, want", [
    ("The FY2021 budget was cut.", [("FY2021", "FY2021")]),
    ("Revenue in fiscal 1989 rose.", [("fiscal 1989", "FY1989")]),
    ("Spending this fiscal year is capped.", [("this fiscal year", "FY2014")]),
])
def test_fiscal_years_are_named_by_their_year(text, want):
    assert timexes(text) == want


def test_the_week_of_a_day_is_its_iso_week():
    assert timexes("We will meet the week of 8 June.", dt.date(2020, 6, 1)) == [("the week of 8 June", "2020-W24")]


@pytest.mark.parametrize("text, want", [
    ("The famine of the 1990s.", [("1990s", "199")]),
    ("Prices rose in the late 1970s.", [("late 1970s", "197")]),
    ("Music of the nineties.", [("nineties", "199")]),
    ("Men in their sixties.", []),  # an age
    ("Wars of the 20th century.", [("the 20th century", "19")]),
    ("Wars of this century.", [("this century", "20")]),
])
def test_decades_and_centuries(text, want):
    assert timexes(text) == want


def test_decade_and_century_values_cover_their_years():
    assert value_bounds("199") == (dt.date(1990, 1, 1), dt.date(1999, 12, 31))
    assert value_bounds("19") == (dt.date(1900, 1, 1), dt.date(1999, 12, 31))
    assert value_bounds("2014-Q3") == (dt.date(2014, 7, 1), dt.date(2014, 9, 30))
    assert value_bounds("2021-H1") == (dt.date(2021, 1, 1), dt.date(2021, 6, 30))
    assert [precision_of(v) for v in ("199", "19", "2014-Q3", "2021-H1", "2009/2010", "FY2021")] == \
        ["decade", "century", "quarter", "half", "range", "year"]


@pytest.mark.parametrize("text, want", [
    ("The plant opened in mid-1996.", [("mid-1996", "1996")]),
    ("It closed at the end of 1994.", [("the end of 1994", "1994")]),
    ("Elections are due early next year.", [("early next year", "2015")]),
    ("Talks collapsed in late November.", [("late November", "2013-11")]),
    ("Debt will be repaid by year-end.", [("year-end", "2014")]),
])
def test_early_mid_late_and_the_end_of(text, want):
    assert timexes(text) == want


@pytest.mark.parametrize("text, want", [
    ("The drought of 2009-2010 killed cattle.", [("2009-2010", "2009/2010")]),
    ("In the 1957-58 season.", [("1957-58", "1957/1958")]),
])
def test_year_ranges(text, want):
    assert timexes(text) == want


@pytest.mark.parametrize("text, want", [
    ("Arrests rose over the past year.", [("the past year", "2013-09-10/2014-09-10")]),
    ("Arrests rose in the last 18 months.", [("the last 18 months", "2013-03-10/2014-09-10")]),
])
def test_the_past_year_ends_at_the_reference_date(text, want):
    assert timexes(text) == want


def test_the_day_before_yesterday_and_after_tomorrow():
    assert timexes("He was arrested the day before yesterday.") == [("the day before yesterday", "2014-09-08")]
    assert timexes("He will be released the day after tomorrow.") == [("the day after tomorrow", "2014-09-12")]


def test_anaphoric_expressions_take_the_last_date_mentioned():
    assert timexes("The talks began on 3 March 2013. The following day, the envoy left.") == [
        ("3 March 2013", "2013-03-03"), ("The following day", "2013-03-04")]
    assert timexes("The camp opened in 2009. That year, 400 people died.") == [("2009", "2009"), ("That year", "2009")]
    assert timexes("The following day, the envoy left.") == []  # nothing to anchor on


@pytest.mark.parametrize("text, want", [
    ("It was founded in nineteen ninety-six.", [("nineteen ninety-six", "1996")]),
    ("By the year two thousand it had closed.", [("the year two thousand", "2000")]),
    ("In January nineteen ninety-seven the law passed.", [("January nineteen ninety-seven", "1997-01")]),
])
def test_spelled_out_years(text, want):
    assert timexes(text) == want


@pytest.mark.parametrize("text, anchor, want", [
    ("The council met in November.", WED, [("November", "2013-11")]),  # the tense: past
    ("The council will meet in March.", WED, [("March", "2015-03")]),  # the tense: ahead
    ("A vote in October.", WED, [("October", "2014-10")]),  # no tense: the nearest October
    ("A vote in August.", WED, [("August", "2014-08")]),
    ("A vote in February.", WED, [("February", "2015-02")]),
    ("The hearing is on 3 May.", dt.date(2020, 4, 20), [("3 May", "2020-05-03")]),
    ("The court ruled on 3 May.", dt.date(2020, 4, 20), [("3 May", "2019-05-03")]),
])
def test_a_month_or_day_without_a_year_by_tense_then_nearest(text, anchor, want):
    assert timexes(text, anchor) == want


def test_holidays():
    assert timexes("Prices will rise before Thanksgiving Day.", dt.date(1999, 11, 22)) == [("Thanksgiving Day", "1999-11-25")]
    assert timexes("Sales fell last Christmas.") == [("last Christmas", "2013-12-25")]


@pytest.mark.parametrize("text, want", [
    ("Prices are now higher.", [("now", "PRESENT_REF")]),
    ("He is currently in prison.", [("currently", "PRESENT_REF")]),
    ("He was recently released.", [("recently", "PAST_REF")]),
    ("It may happen in the future.", [("the future", "FUTURE_REF")]),
    ("The future of the region.", []),
])
def test_present_past_and_future_references(text, want):
    got = find_timexes(text, WED)
    assert [(t.text, t.value) for t in got] == want
    assert all(t.rule == "ref_word" and t.precision == "ref" for t in got)  # kept off a letter's timeline


@pytest.mark.parametrize("text", [
    "WASHINGTON, August 8 (Xinhua) -- The talks resumed.",  # a dateline
    "Children in today's world face new risks.",
    'James Baker, speaking on ABC News\' "This Week," said the plan failed.',  # a programme
    "The index closed at 2082.1 points.",  # a number, not a year
    "This is VOA Today.",
])
def test_false_hits_named_in_the_issue(text):
    assert timexes(text) == []


# --- speed: linear in the text's length ------------------------------------------------

NEWS = ("WASHINGTON, August 8 (Xinhua) -- Third-quarter profit rose 5% from a year ago, the company said Friday. "
        "Sales fell in the first half of 2021 and will recover early next year, as they did in the late 1970s. "
        "The board met on 3 March and again the following day; the vote is now due by the end of June, "
        "the week of 8 June at the latest, after talks that ran from 2 to 4 May over the past 18 months.\n\n")


def _seconds(text: str) -> float:
    import time

    best = float("inf")
    for _ in range(3):  # CPU time, best of three: other processes on the machine do not count
        t = time.process_time()
        find_timexes(text, WED)
        best = min(best, time.process_time() - t)
    return best


def test_annotating_is_linear_in_the_text_length():
    small, large = NEWS * 25, NEWS * 200
    assert len(find_timexes(large, WED)) == 8 * len(find_timexes(small, WED))
    ratio = _seconds(large) / _seconds(small)
    assert ratio <= 12, ratio  # eight times the text, at most twelve times the time (quadratic: 64)


def test_a_letter_keeps_present_and_past_references_off_its_dated_mentions():
    import io

    import pandas as pd

    from compendium import codebook
    from compendium.process import build_tables, parse_letter

    data = ("September 10, 2014\n\nDear Minister,\n\nThe detainees are now in their third year; two were recently "
            "moved, and abuses grew in recent years. We urge you to act on Friday.\n\nSincerely,\n\n"
            "Amara Whitfield\nDirector\nLantern Rights Network\n").encode()
    files, _ = build_tables(parse_letter(data, "x", "x.txt"), data, codebook.load(None), [])
    mentions = pd.read_csv(io.StringIO(files["mentions.csv"]), dtype=str, keep_default_na=False)
    dates = mentions[mentions.kind == "date"]
    assert list(zip(dates.text, dates.value)) == [("September 10, 2014", "2014-09-10"), ("recent years", "PAST_REF"),
                                                  ("Friday", "2014-09-12")]
    assert "PRESENT_REF" not in files["clean.tml"] and 'value="2014-09-12">Friday</TIMEX3>' in files["clean.tml"]


def test_a_fiscal_year_follows_the_texts_own_definition():
    text = "Our fiscal year runs from 1 October to 30 September. In FY2021 we spent more than in fiscal 2020."
    got = dict(timexes(text, dt.date(2021, 11, 3)))
    assert got["FY2021"] == "2020-10-01/2021-09-30" and got["fiscal 2020"] == "2019-10-01/2020-09-30"
    # a definition that names no month leaves fiscal years as FY + year
    assert timexes("The fiscal year runs from Monday. FY2021 was hard.") == [
        ("The fiscal year", "FY2014"), ("Monday", "2014-09-08"), ("FY2021", "FY2021")]
