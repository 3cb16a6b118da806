"""The SVG charts: well-formed, escaped, labelled for screen readers, marks in proportion."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from backoffice.dashboard import charts

SVG = "{http://www.w3.org/2000/svg}"
EVIL = '<script>alert("x")</script> & “引号” \'q\''


def parse(markup) -> ET.Element:
    # Parsing as XML proves every label was escaped and never cut inside an entity (our own output).
    return ET.fromstring(  # noqa: S314
        str(markup).replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))


def rects(root) -> list[ET.Element]:
    return list(root.iter(f"{SVG}rect"))


def test_bars_escape_labels_and_are_labelled_images():
    svg = charts.bars([(EVIL * 3, 3), ("微信 & 加群" * 10, 1)], title=EVIL)
    root = parse(svg)
    assert root.get("role") == "img"
    assert root.get("aria-label") == EVIL
    assert root.find(f"{SVG}title").text == EVIL
    assert "<script>" not in str(svg)
    widths = [float(r.get("width")) for r in rects(root)]
    assert widths[0] == pytest.approx(3 * widths[1], abs=0.2)


def test_long_labels_are_shortened_before_escaping():
    label = "&" * 200
    text = [t.text for t in parse(charts.bars([(label, 1)], title="t")).iter(f"{SVG}text")][0]
    assert text.endswith("…")
    assert set(text[:-1]) == {"&"}


def test_percent_bars_are_drawn_against_100_percent_not_the_largest_value():
    full = parse(charts.bars([("a", 1.0), ("b", 0.5)], title="t", percent=True))
    root = parse(charts.bars([("a", 0.5), ("b", 0.25)], title="t", percent=True))
    widths = [float(r.get("width")) for r in rects(root)]
    full_widths = [float(r.get("width")) for r in rects(full)]
    assert widths == pytest.approx([full_widths[1], full_widths[0] / 4], abs=0.1)
    assert [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "v"] == ["50%", "25%"]


def test_stacked_columns_stack_each_day_in_proportion():
    days = ["2026-03-08", "2026-03-09", "2026-03-10"]
    root = parse(charts.columns(days, [("alice", [2, 0, 1]), ("bob", [2, 4, 0])], title="t"))
    marks = [r for r in rects(root) if r.find(f"{SVG}title") is not None]
    assert [m.find(f"{SVG}title").text for m in marks] == [
        "2026-03-08 · alice: 2", "2026-03-08 · bob: 2", "2026-03-09 · bob: 4", "2026-03-10 · alice: 1"]
    heights = [float(m.get("height")) for m in marks]
    assert heights[0] + heights[1] == pytest.approx(heights[2], abs=0.2)
    x_labels = [t.text for t in root.iter(f"{SVG}text") if t.text and t.text[:2] == "03"]
    assert x_labels == ["03-08", "03-09", "03-10"]


def test_diverging_panel_puts_reversals_below_the_axis():
    root = parse(charts.diverging(["2026-03-09", "2026-03-10"], ["500.00", "0.00"], ["0.00", "250.50"],
                                  title="保证金", up_label="扣除", down_label="退还"))
    axis = float(next(root.iter(f"{SVG}line")).get("y1"))
    up, down = (r for r in rects(root))
    assert float(up.get("y")) + float(up.get("height")) == pytest.approx(axis, abs=0.1)
    assert float(down.get("y")) == pytest.approx(axis, abs=0.1)
    assert float(down.get("height")) == pytest.approx(float(up.get("height")) / 2, abs=0.2)
    assert down.find(f"{SVG}title").text == "2026-03-10 · 退还: 250.50"


def test_stacked_bars_have_a_legend_and_segments():
    root = parse(charts.stacked_bars([("规则", [5, 2, 0])], ["违规", "不违规", "证据不足"], title="t"))
    segments = [r for r in rects(root) if r.find(f"{SVG}title") is not None]
    assert [s.get("class") for s in segments] == ["s0", "s1"]
    assert {t.text for t in root.iter(f"{SVG}text")} >= {"违规", "不违规", "证据不足", "规则", "7"}


def test_no_rows_no_chart():
    assert charts.bars([], title="t") == ""
    assert charts.columns([], [], title="t") == ""
