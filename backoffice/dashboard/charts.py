"""Server-side SVG charts: no JavaScript, no CDN, readable in Chinese.

Every chart is an ``<svg role="img">`` with an ``aria-label`` and a ``<title>``; each mark carries a
``<title>`` of its own (the browser shows it as a tooltip) and the numbers are on the page or in its
CSV. All text passes through ``escape``; labels are shortened *before* escaping, so an entity is
never cut in half. Colours come from CSS classes (``s0``…``s5``): the page's CSP forbids inline styles.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal

from markupsafe import Markup, escape

FONT = 13
SERIES = 6  # colour classes s0..s5 in app.css


def text_width(text: str, size: int = FONT) -> float:
    """Rough rendered width: CJK characters are a full em, others a little over half."""
    return sum(size if ord(ch) >= 0x2E80 else size * 0.6 for ch in text)


def clip(text: str, width: float, size: int = FONT) -> str:
    if text_width(text, size) <= width:
        return text
    while text and text_width(text + "…", size) > width:
        text = text[:-1]
    return text + "…"


def fmt(value, percent: bool = False) -> str:
    if value is None:
        return "—"
    if percent:
        return f"{float(value):.0%}"
    if isinstance(value, str):
        return value
    if isinstance(value, Decimal | float) and value != int(value):
        return f"{value:.2f}"
    return f"{int(value):,}"


def _num(value) -> float:
    return float(value) if value not in (None, "") else 0.0


def _open(width: float, height: float, title: str, css: str = "chart") -> list[str]:
    t = escape(title)
    # Drawn at its own size (text stays 13 px), shrunk by CSS (max-width: 100%) on narrow screens.
    return [f'<svg class="{css}" viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" '
            f'height="{height:.0f}" role="img" aria-label="{t}" preserveAspectRatio="xMinYMin meet">'
            f"<title>{t}</title>"]


def _text(x: float, y: float, text: str, anchor: str = "start", css: str = "") -> str:
    klass = f' class="{css}"' if css else ""
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"{klass}>{escape(text)}</text>'


def _rect(series: int, x: float, y: float, w: float, h: float, tip: str = "") -> str:
    title = f"<title>{escape(tip)}</title>" if tip else ""
    return (f'<rect class="s{series % SERIES}" x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}">'
            f"{title}</rect>")


def _close(parts: list[str]) -> Markup:
    parts.append("</svg>")
    # Safe: every piece of text above went through escape(); the rest is numbers and fixed markup.
    return Markup("".join(parts))  # noqa: S704


def _legend(names: Sequence[str], x: float, y: float) -> list[str]:
    parts = []
    for i, name in enumerate(names):
        label = clip(name, 200)
        parts += [_rect(i, x, y - 10, 10, 10), _text(x + 14, y, label)]
        x += 14 + text_width(label) + 16
    return parts


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def _label_width(rows, width: int) -> float:
    return min(width * 0.42, max(text_width(str(label)) for label, _ in rows) + 12)


def bars(rows: Sequence[tuple[str, object]], *, title: str, percent: bool = False, width: int = 560,
         bar_height: int = 22) -> Markup:
    """A horizontal bar chart of (label, value) rows; ``percent`` for shares between 0 and 1."""
    if not rows:
        return Markup("")
    label_w, gap = _label_width(rows, width), 6
    top = 1.0 if percent else max(_num(v) for _, v in rows) or 1.0
    room = width - label_w - 60
    parts = _open(width, len(rows) * (bar_height + gap), title)
    for i, (label, value) in enumerate(rows):
        y, baseline = i * (bar_height + gap), i * (bar_height + gap) + bar_height * 0.7
        w = max(1.0, room * _num(value) / top) if _num(value) else 0.0
        shown = fmt(value, percent)
        parts += [_text(label_w - 8, baseline, clip(str(label), label_w - 10), "end"),
                  _rect(0, label_w, y, w, bar_height, f"{label}: {shown}"),
                  _text(label_w + w + 6, baseline, shown, css="v")]
    return _close(parts)


def stacked_bars(rows: Sequence[tuple[str, Sequence[int]]], series: Sequence[str], *, title: str,
                 width: int = 560, bar_height: int = 22) -> Markup:
    """Horizontal bars split into ``series`` segments (e.g. one bar per rule, a segment per verdict)."""
    if not rows:
        return Markup("")
    label_w, gap, legend_h = _label_width(rows, width), 6, 24
    top = max(sum(values) for _, values in rows) or 1
    room = width - label_w - 50
    parts = _open(width, legend_h + len(rows) * (bar_height + gap), title)
    parts += _legend(series, label_w, 14)
    for i, (label, values) in enumerate(rows):
        y = legend_h + i * (bar_height + gap)
        parts.append(_text(label_w - 8, y + bar_height * 0.7, clip(str(label), label_w - 10), "end"))
        x = float(label_w)
        for j, value in enumerate(values):
            if value:
                w = max(1.0, room * value / top)
                parts.append(_rect(j, x, y, w, bar_height, f"{label} · {series[j]}: {fmt(value)}"))
                x += w
        parts.append(_text(x + 6, y + bar_height * 0.7, fmt(sum(values)), css="v"))
    return _close(parts)


def _x_labels(days: Sequence[str], left: float, slot: float, y: float, count: int = 8) -> list[str]:
    """``MM-DD`` under about ``count`` of the columns, counted back from the last day (today)."""
    step = max(1, math.ceil(len(days) / count))
    return [_text(left + slot * (i + 0.5), y, day[5:], "middle", "v")
            for i, day in enumerate(days) if (len(days) - 1 - i) % step == 0]


def columns(days: Sequence[str], series: Sequence[tuple[str, Sequence[int]]], *, title: str,
            width: int = 560, height: int = 220) -> Markup:
    """Stacked columns, one per platform day (``YYYY-MM-DD``), a colour per series, with a legend."""
    if not days or not series:
        return Markup("")
    left, right, top_pad, bottom = 40, 18, 30, 22
    plot_w, plot_h = width - left - right, height - top_pad - bottom
    top = _nice_max(max(sum(values[i] for _, values in series) for i in range(len(days))))
    slot = plot_w / len(days)
    bar_w = max(1.0, slot * 0.7)
    parts = _open(width, height, title)
    parts += _legend([name for name, _ in series], left, 14)
    for frac in (0, 0.5, 1):
        y = top_pad + plot_h * (1 - frac)
        parts.append(f'<line class="grid" x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}"></line>')
        if top * frac == int(top * frac):
            parts.append(_text(left - 6, y + 4, fmt(top * frac), "end", "v"))
    for i, day in enumerate(days):
        x, base = left + slot * i + (slot - bar_w) / 2, top_pad + plot_h
        for j, (name, values) in enumerate(series):
            if values[i]:
                h = plot_h * values[i] / top
                base -= h
                parts.append(_rect(j, x, base, bar_w, h, f"{day} · {name}: {fmt(values[i])}"))
    parts += _x_labels(days, left, slot, height - 6)
    return _close(parts)


def diverging(days: Sequence[str], up: Sequence, down: Sequence, *, title: str, up_label: str,
              down_label: str, width: int = 230, height: int = 130) -> Markup:
    """One small multiple: columns above the axis for what was imposed, below for what was reversed."""
    left, right, pad, bottom = 38, 14, 6, 18
    plot_w, plot_h = width - left - right, height - pad * 2 - bottom
    up_v, down_v = [_num(v) for v in up], [_num(v) for v in down]
    top = _nice_max(max([*up_v, *down_v, 0]))
    slot = plot_w / max(len(days), 1)
    bar_w = max(1.0, slot * 0.7)
    axis, half = pad + plot_h / 2, plot_h / 2
    parts = _open(width, height, title, "chart mini")
    # The same scale above and below the axis.
    for y, label in ((pad + 8, fmt(top)), (axis + 4, "0"), (pad + plot_h, fmt(top))):
        parts.append(_text(left - 4, y, label, "end", "v"))
    parts.append(f'<line class="axis" x1="{left}" x2="{width - right}" y1="{axis:.1f}" y2="{axis:.1f}">'
                 "</line>")
    for i, day in enumerate(days):
        x = left + slot * i + (slot - bar_w) / 2
        if up_v[i]:
            h = max(1.0, half * up_v[i] / top)
            parts.append(_rect(0, x, axis - h, bar_w, h, f"{day} · {up_label}: {fmt(up[i])}"))
        if down_v[i]:
            h = max(1.0, half * down_v[i] / top)
            parts.append(_rect(1, x, axis, bar_w, h, f"{day} · {down_label}: {fmt(down[i])}"))
    parts += _x_labels(days, left, slot, height - 4, count=4)
    return _close(parts)
