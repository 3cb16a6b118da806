"""The compact CJK font: what it covers, that rulings embed it, and the fallback for anything else."""

from __future__ import annotations

import subprocess

import pytest

from backoffice.rulings import fonts

pdf = pytest.importorskip("backoffice.rulings.pdf")


def _fonts_of(data: bytes, tmp_path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout  # noqa: S603,S607


def _text_of(data: bytes, tmp_path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,  # noqa: S603,S607
                          check=True).stdout


def test_the_character_set_covers_gb2312_latin_punctuation_and_the_projects_own_text():
    chars = {chr(cp) for cp in fonts.character_set()}
    gb = fonts.gb2312()
    assert len(gb) == 7445  # 6,763 hanzi and 682 symbols
    assert set(gb) <= chars
    assert set("AZaz09@#（）【】《》，。、：；！？“”—…·¥€") <= chars
    # Wording of the rule packs and of the document itself, whatever its code block.
    assert set("违规处理决定书诚信分清退") <= chars
    assert {c for c in fonts.project_chars() if c.isprintable() and ord(c) >= 0x20} <= chars
    assert "喆" not in chars  # a name character outside GB 2312 and outside the project's text


def test_characters_a_ruling_usually_prints_come_first_and_keep_their_noto_outlines_and_widths():
    assert all(fonts.output_path(w).exists() for w in fonts.WEIGHTS), "run python -m backoffice.rulings.fonts"
    from fontTools.pens.recordingPen import RecordingPen
    from fontTools.ttLib import TTFont

    order = fonts.character_order()
    assert order[:3] == [0x20, 0x21, 0x22]
    assert order.index(ord("决")) < order.index(ord("亍"))
    for weight, source_name in fonts.WEIGHTS.items():
        with TTFont(fonts.output_path(weight)) as built, \
                TTFont(fonts.SOURCE_DIR / source_name, fontNumber=fonts.SOURCE_INDEX, lazy=True) as source:
            ours, theirs = built.getBestCmap(), source.getBestCmap()
            glyph_id = {cp: built.getGlyphID(name) for cp, name in ours.items()}
            assert glyph_id[ord("A")] < 100
            assert glyph_id[ord("决")] < 2000
            assert glyph_id[ord("亍")] > max(glyph_id[ord(c)] for c in "决定书处罚违规")
            # Glyphs no character maps to (ligatures such as 'ff' in 'offence') follow ASCII.
            reachable = set(ours.values())
            unmapped = [built.getGlyphID(g) for g in built.getGlyphOrder()[1:] if g not in reachable]
            assert unmapped
            assert max(unmapped) < 120
            for char in "A决罚亍★，":
                drawn = []
                for font, name in ((built, ours[ord(char)]), (source, theirs[ord(char)])):
                    pen = RecordingPen()
                    font.getGlyphSet()[name].draw(pen)
                    drawn.append((pen.value, font["hmtx"][name]))
                assert drawn[0] == drawn[1], f"{char} ({weight}) lost its outline or width when reordered"


def test_a_ruling_embeds_the_compact_font_and_falls_back_to_noto_for_other_characters(tmp_path):
    assert all(fonts.output_path(w).exists() for w in fonts.WEIGHTS), "run python -m backoffice.rulings.fonts"
    data = pdf.html_to_pdf("<p>违规处理决定书 <b>处罚措施</b></p>")
    embedded = _fonts_of(data, tmp_path)
    assert "Backoffice-Ruling-Sans " in embedded
    assert "Backoffice-Ruling-Sans-Bold" in embedded
    assert "Noto" not in embedded

    data = pdf.html_to_pdf("<p>商家 张喆 的店铺</p>")
    embedded = _fonts_of(data, tmp_path)
    assert "Backoffice-Ruling-Sans" in embedded
    assert "Noto-Sans-CJK-SC" in embedded
    assert "张喆" in _text_of(data, tmp_path)


def test_building_reports_a_missing_source_font_and_skips_fonts_that_are_up_to_date(tmp_path, monkeypatch,
                                                                                     capsys):
    monkeypatch.setattr(fonts, "OUT_DIR", tmp_path / "fonts")
    monkeypatch.setattr(fonts, "SOURCE_DIR", tmp_path / "nowhere")
    assert fonts.main([]) == 1
    assert "fonts-noto-cjk" in capsys.readouterr().err

    (tmp_path / "fonts").mkdir()
    for weight in fonts.WEIGHTS:
        fonts.output_path(weight).write_bytes(b"built")
    fonts.stamp_path().write_text(fonts.stamp(fonts.character_set()))
    assert fonts.main([]) == 0  # up to date: the missing source is not even needed
    assert fonts.main(["--force"]) == 1
    # New wording in the project's text changes the character set: the fonts are rebuilt.
    monkeypatch.setattr(fonts, "RANGES", [*fonts.RANGES, (0x2600, 0x26FF)])
    assert fonts.main([]) == 1


def test_the_stamp_follows_the_character_set():
    assert fonts.stamp({0x4E00, 0x41}) == fonts.stamp({0x41, 0x4E00})
    assert fonts.stamp({0x4E00}) != fonts.stamp({0x4E00, 0x41})
