"""Small server-side SVG bar charts: no JavaScript, no CDN, readable in Chinese."""

from __future__ import annotations

from markupsafe import Markup, escape


def bars(rows: list[tuple[str, float]], *, width: int = 560, bar_height: int = 22, unit: str = "") -> Markup:
    """A horizontal bar chart of (label, value) rows."""
    if not rows:
        return Markup("")
    label_w, gap = 150, 6
    top = max((v for _, v in rows), default=0) or 1
    height = len(rows) * (bar_height + gap)
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img">']
    for i, (label, value) in enumerate(rows):
        y = i * (bar_height + gap)
        w = max(1, int((width - label_w - 70) * (value / top))) if value else 0
        parts.append(
            f'<text x="{label_w - 8}" y="{y + bar_height * 0.7}" text-anchor="end">{escape(str(label))[:40]}</text>'
            f'<rect x="{label_w}" y="{y}" width="{w}" height="{bar_height}" rx="3"></rect>'
            f'<text x="{label_w + w + 6}" y="{y + bar_height * 0.7}" class="v">{escape(_fmt(value))}{escape(unit)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _fmt(value: float) -> str:
    return f"{value:.0%}" if isinstance(value, float) and value <= 1 else f"{value:g}"
