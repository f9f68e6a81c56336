"""A letter posted as a thread of social-media posts (unwrap/thread.py). Letter written for these tests."""

from __future__ import annotations

from compendium.letter.unwrap import thread, unwrap
from compendium.letter.unwrap.lines import Lines

THREAD = """\
Fen Rights Group
@fenrights@social.example.org
Mar 3, 2026, 09:12
🧵 1/3
3 March 2026

Dear Minister,
↩ 2  🔁 10  ⭐ 14
Fen Rights Group
@fenrights@social.example.org
Mar 3, 2026, 09:13
2/3
We ask you to keep the fen open to walkers.
↩ 0  🔁 4  ⭐ 9
Fen Rights Group
@fenrights@social.example.org
Mar 3, 2026, 09:13
3/3 Yours sincerely,
Fen Rights Group
Marsh Walkers' Club
"""


def test_counts_lines_have_digits_and_symbols_but_no_letters():
    assert thread.is_counts("↩ 3  🔁 41  ⭐ 52")
    assert not thread.is_counts("12.05.2026") and not thread.is_counts("3 replies")


def test_each_posts_header_and_counts_go_and_a_post_ends_its_paragraph():
    u = unwrap(THREAD.splitlines())
    assert u.kinds == ["social-media thread"]
    kept = [(t, o) for t, o in zip(u.lines, u.origin)]
    assert kept[0] == ("3 March 2026", 4)
    assert ("We ask you to keep the fen open to walkers.", 12) in kept
    assert ("Yours sincerely,", 17) in kept  # the counter opening the post's text comes off
    k = kept.index(("Dear Minister,", 6))
    assert kept[k + 1][0] == ""  # the next post starts a paragraph
    # the author's name under the letter stays: only the one over a handle is the post's
    assert [t for t, _ in kept[-2:]] == ["Fen Rights Group", "Marsh Walkers' Club"]
    assert {r["reason"] for r in u.removed} == {"social-media thread: the post's handle", "social-media thread: the post's author",
                                               "social-media thread: the post's time", "social-media thread: the thread's counter",
                                               "social-media thread: the post's counts of replies, boosts and favourites"}


def test_one_handle_is_no_thread():
    lines = ["Dear Sir,", "@someone", "Yours,"]
    assert thread.unwrap(Lines(lines, [0, 1, 2])) is None
