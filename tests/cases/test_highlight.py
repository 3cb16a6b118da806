"""Flag spans become marked segments of a message (pure)."""

from backoffice.cases.highlight import Segment, segments


def test_no_spans_gives_the_whole_text_unmarked():
    assert segments("你好", [], "h") == [Segment("你好", False)]
    assert segments("", [], "h") == [Segment("", False)]


def test_a_span_marks_exactly_its_characters():
    text = "加我薇信 abc12345 详聊"
    out = segments(text, [(5, 13, "zbj.offsite_contact")], "hit-7")
    assert out == [
        Segment("加我薇信 ", False),
        Segment("abc12345", True, ("zbj.offsite_contact",), "hit-7-0"),
        Segment(" 详聊", False),
    ]
    assert "".join(s.text for s in out) == text


def test_overlapping_and_touching_spans_merge_with_all_their_rules():
    out = segments("0123456789", [(2, 5, "b"), (0, 3, "a"), (5, 6, "c"), (8, 9, "a")], "m")
    assert [(s.text, s.marked, s.rules, s.anchor) for s in out] == [
        ("012345", True, ("a", "b", "c"), "m-0"),
        ("67", False, (), None),
        ("8", True, ("a",), "m-1"),
        ("9", False, (), None),
    ]


def test_spans_outside_the_text_or_empty_are_clamped_or_ignored():
    out = segments("abc", [(-2, 1, "x"), (2, 99, "y"), (1, 1, "z"), (None, 2, "n")], "m")
    assert [(s.text, s.marked) for s in out] == [("a", True), ("b", False), ("c", True)]
