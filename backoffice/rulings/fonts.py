"""The compact CJK font of ruling PDFs, derived at install time from the system's Noto Sans CJK SC.

Noto Sans CJK holds 65,535 glyphs. WeasyPrint subsets embedded fonts keeping the original glyph
ids, so every ruling paid for tables of 63k glyph slots (the subset alone took ~55 ms per face and
the PDF was ~360 KB). This module cuts each weight down to the characters a ruling is made of
(GB 2312, Latin, punctuation, and every character of the project's own rule and template text):
about 8,000 glyphs. Characters outside it still render: the stylesheet names the full Noto font
next, and Pango falls back to it character by character.

Glyphs are reordered so that the characters a ruling usually prints come first: ASCII, then the
project's own text by frequency, then GB 2312 level 1 (the 3,755 common hanzi), then the rest.
WeasyPrint's subset keeps every glyph slot below the highest one used, so a ruling's subset stays
small (about 100 KB of PDF instead of 140 KB) and is made faster (bench/results/pdf.txt).

    python -m backoffice.rulings.fonts [--force]

``scripts/_common.sh`` runs this after installing Debian's ``fonts-noto-cjk``; it rebuilds only when
the character set (the project's text) or the source fonts changed. The derived fonts
stay under the SIL Open Font License of their source, and carry their own family name as it asks.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter
from pathlib import Path

from backoffice.config import PROJECT_ROOT

SOURCE_DIR = Path("/usr/share/fonts/opentype/noto")
SOURCE_INDEX = 2  # the Simplified Chinese member of the collection
FAMILY = "Backoffice Ruling Sans"
OUT_DIR = PROJECT_ROOT / "static" / "fonts"
WEIGHTS = {"Regular": "NotoSansCJK-Regular.ttc", "Bold": "NotoSansCJK-Bold.ttc"}
RANGES = [(0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F), (0x20A0, 0x20CF), (0x2100, 0x214F), (0x2190, 0x21FF),
          (0x2460, 0x24FF), (0x25A0, 0x25FF), (0x3000, 0x303F), (0xFF00, 0xFFEF)]
# The project's own wording: whatever a ruling prints besides the case's own data.
PROJECT_TEXT = ["rules", "templates/pdf", "backoffice/rulings", "backoffice/translations/zh"]
TEXT_SUFFIXES = {".yaml", ".yml", ".toml", ".json", ".html", ".py", ".po"}
BUILD = "3"  # bumped when the way the fonts are made changes, so that installed fonts are rebuilt


def output_path(weight: str) -> Path:
    return OUT_DIR / f"ruling-sans-{weight.lower()}.otf"


def stamp_path() -> Path:
    return OUT_DIR / "ruling-sans.stamp"


def stamp(codepoints: set[int]) -> str:
    """What the fonts were built from: the character set and the source files' sizes."""
    digest = hashlib.sha256(f"{BUILD}:".encode() + ",".join(map(str, sorted(codepoints))).encode())
    for name in WEIGHTS.values():
        source = SOURCE_DIR / name
        digest.update(f"{name}:{source.stat().st_size if source.exists() else 0}".encode())
    return digest.hexdigest()


def gb2312() -> list[str]:
    """GB 2312 in code order: symbols, then level 1 (common hanzi), then level 2."""
    chars = []
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.append(bytes((high, low)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return chars


def project_chars(root: Path = PROJECT_ROOT) -> Counter[str]:
    """Every character of the project's own text, with how often it occurs."""
    counts: Counter[str] = Counter()
    for folder in PROJECT_TEXT:
        for path in (root / folder).rglob("*"):
            if path.is_file() and path.suffix in TEXT_SUFFIXES:
                counts.update(path.read_text(encoding="utf-8", errors="ignore"))
    return counts


def character_order() -> list[int]:
    """The font's characters, most likely first (see the module docstring)."""
    ascii_ = [chr(cp) for cp in range(0x20, 0x7F)]
    ranked = ascii_ + [c for c, _ in project_chars().most_common()] + gb2312()
    ranked += [chr(cp) for lo, hi in RANGES for cp in range(lo, hi + 1)]
    return [cp for cp in dict.fromkeys(map(ord, ranked)) if cp >= 0x20]


def character_set() -> set[int]:
    return set(character_order())


def reorder(font, codepoints: list[int]) -> None:
    """Put the glyphs of ``codepoints`` in that order, and right after ASCII the few glyphs no character
    maps to (the Latin ligatures ff, fi, ffl ... that shaping substitutes): a ruling's English text
    would otherwise reach for the font's last slots."""
    from fontTools.ttLib.reorderGlyphs import reorderGlyphs

    old = font.getGlyphOrder()
    cmap = font.getBestCmap()
    mapped = [cmap[cp] for cp in codepoints if cp in cmap]
    ascii_ = [cmap[cp] for cp in codepoints if cp < 0x80 and cp in cmap]
    reachable = set(cmap.values())
    unmapped = [g for g in old[1:] if g not in reachable]
    new = list(dict.fromkeys([old[0], *ascii_, *unmapped, *mapped, *old]))
    top = font["CFF "].cff.topDictIndex[0]
    # A CID-keyed CFF picks each glyph's private dictionary by glyph index; reorderGlyphs leaves that.
    position = {g: i for i, g in enumerate(old)}
    fd_select = [top.FDSelect[position[g]] for g in new] if hasattr(top, "FDSelect") else None
    reorderGlyphs(font, new)
    for index, fd in enumerate(fd_select or ()):
        top.FDSelect[index] = fd


def build(weight: str, codepoints: list[int]) -> Path:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(SOURCE_DIR / WEIGHTS[weight], fontNumber=SOURCE_INDEX)
    options = subset.Options()
    options.layout_features = ["ccmp", "kern", "liga"]
    options.drop_tables += ["vhea", "vmtx", "VORG", "BASE"]  # rulings never set vertical text
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False  # WeasyPrint drops hints when it embeds the font
    options.desubroutinize = True  # and would flatten the subroutines itself, for every document
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    reorder(font, codepoints)
    postscript = FAMILY.replace(" ", "") + f"-{weight}"
    names = font["name"]
    for name_id, value in {1: FAMILY, 2: weight, 3: f"{postscript};derived from Noto Sans CJK SC",
                           4: f"{FAMILY} {weight}", 6: postscript, 16: FAMILY, 17: weight}.items():
        names.removeNames(nameID=name_id)
        names.setName(value, name_id, 3, 1, 0x409)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    out = output_path(weight)
    tmp = out.with_suffix(".tmp")
    font.save(tmp)
    tmp.replace(out)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the compact CJK fonts of ruling PDFs.")
    parser.add_argument("--force", action="store_true", help="rebuild even if the fonts are up to date")
    args = parser.parse_args(argv)
    codepoints = character_order()
    wanted = stamp(set(codepoints))
    current = stamp_path().read_text().strip() if stamp_path().exists() else None
    if not args.force and current == wanted and all(output_path(w).exists() for w in WEIGHTS):
        return 0
    missing = [str(SOURCE_DIR / name) for name in WEIGHTS.values() if not (SOURCE_DIR / name).exists()]
    if missing:
        print(f"cannot build the ruling fonts: {', '.join(missing)} not found (install Debian's fonts-noto-cjk)",
              file=sys.stderr)
        return 1
    for weight in WEIGHTS:
        print(f"building {output_path(weight)} ({len(codepoints)} characters)")
        build(weight, codepoints)
    stamp_path().write_text(wanted + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
