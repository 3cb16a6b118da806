"""Mechanical evasions applied to the team's rewrites: each one is a technique of its own.

The tables here were written by the team from how evasions look in chat; they are not the
detector's tables (the detector derives its own from pypinyin and its component data), so a
transformed row tests the detector rather than echoing it.
"""

from __future__ import annotations

import random
import re

from pypinyin import Style, lazy_pinyin

# Key words an evader disguises, longest first when replacing.
KEYWORDS = [
    "微信号", "微信", "手机号", "手机", "电话", "号码", "联系方式", "联系", "支付宝", "转账", "私聊", "私下",
    "加我", "扣扣", "邮箱", "二维码", "淘宝", "刷单", "好评返现", "返现", "兼职", "删帖", "傻逼", "垃圾",
    "滚", "去死", "贷款", "代开发票", "套现", "赌", "加群", "红包", "抖音", "小红书", "闲鱼", "拼多多",
]
HOMOPHONES = {
    "微信": ["薇信", "威信", "维心", "徽信", "V信", "危信", "喂信"], "微信号": ["薇信号", "威心号", "卫星号"],
    "电话": ["电化", "垫话", "店话", "殿话"], "手机": ["首机", "手鸡", "守机"], "手机号": ["首机号", "手鸡号"],
    "联系": ["连系", "连细", "联细"], "联系方式": ["连系方式", "联细方式"], "支付宝": ["吱付宝", "支附宝", "zhi付宝"],
    "转账": ["砖账", "转帐"], "加我": ["家我", "嘉我", "+我"], "扣扣": ["抠抠", "寇寇", "蔻蔻"],
    "邮箱": ["油箱", "游箱"], "刷单": ["唰单", "刷丹"], "私聊": ["丝聊", "斯聊"], "号码": ["耗码", "号玛"],
    "傻逼": ["煞笔", "沙比", "傻币"], "去死": ["去si", "曲死"], "垃圾": ["拉鸡", "辣鸡", "lj"],
    "淘宝": ["桃宝", "掏宝"], "兼职": ["兼值", "尖职"], "贷款": ["代款", "袋款"], "红包": ["洪包", "hong包"],
}
RADICAL_SPLIT = {
    "信": "亻言", "话": "讠舌", "码": "石马", "加": "力口", "好": "女子", "联": "耳关", "扣": "扌口",
    "转": "车专", "账": "贝长", "钱": "钅戋", "机": "木几", "号": "口丂", "约": "纟勺", "私": "禾厶",
    "邮": "由阝", "找": "扌戈", "群": "君羊", "线": "纟戋", "淘": "氵匋", "赌": "贝者", "妈": "女马",
    "滚": "氵衮", "蛋": "疋虫", "狗": "犭句", "猪": "犭者", "打": "扌丁", "现": "王见", "刷": "㕞刂",
    "删": "册刂", "帖": "巾占", "贷": "代贝", "红": "纟工", "析": "木斤", "细": "纟田", "聊": "耳卯",
}
EMOJI = {"信": "❤", "微信": "💚信", "扣扣": "🐧", "电话": "☎️", "手机": "📱", "邮箱": "📧", "钱": "💰",
         "红包": "🧧", "加我": "➕我", "猪": "🐷", "狗": "🐶", "去死": "☠️"}
SEPARATORS = [" ", "*", ".", "-", "/", "|", "~", "、", "_", "·", "❀", "♡"]
LOOKALIKE = {"o": "о", "a": "а", "e": "е", "c": "с", "p": "р", "x": "х", "y": "у"}  # Latin -> Cyrillic
FULLWIDTH = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}
_TRAD = {"微": "微", "信": "信", "号": "號", "电": "電", "话": "話", "联": "聯", "系": "係", "机": "機",
         "码": "碼", "账": "賬", "转": "轉", "请": "請", "说": "說", "个": "個", "们": "們", "这": "這",
         "发": "發", "给": "給", "详": "詳", "细": "細", "边": "邊", "时": "時", "间": "間", "价": "價",
         "钱": "錢", "单": "單", "买": "買", "卖": "賣", "对": "對", "会": "會", "来": "來", "吗": "嗎",
         "还": "還", "与": "與", "为": "為", "东": "東", "么": "麼", "后": "後", "经": "經", "红": "紅",
         "评": "評", "现": "現", "返": "返", "寄": "寄", "贷": "貸", "款": "款", "网": "網", "页": "頁"}
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _keyword_in(text: str) -> list[str]:
    return [k for k in sorted(KEYWORDS, key=len, reverse=True) if k in text]


def _replace_first_keyword(text: str, fn, r: random.Random) -> str | None:
    found = _keyword_in(text)
    if not found:
        return None
    k = r.choice(found)
    new = fn(k)
    return None if new is None or new == k else text.replace(k, new, 1)


def reversed_text(text: str, r: random.Random) -> str | None:
    clauses = [c for c in re.split(r"([，。！？,!?\s])", text)]
    spans = [i for i, c in enumerate(clauses) if _keyword_in(c) or re.search(r"\d{5,}", c)]
    if spans and r.random() < 0.6:  # reverse the clause that carries the violation
        i = r.choice(spans)
        clauses[i] = clauses[i][::-1]
        return "".join(clauses)
    return text[::-1]


def full_pinyin(text: str, r: random.Random) -> str | None:
    if r.random() < 0.5:  # only the key words, the rest stays Chinese
        return _replace_first_keyword(text, lambda k: r.choice(["", " "]).join(lazy_pinyin(k)), r)
    sep = r.choice([" ", ""])
    return sep.join(lazy_pinyin(text)) if _CJK.search(text) else None


def pinyin_initials(text: str, r: random.Random) -> str | None:
    def initials(k: str) -> str:
        s = "".join(lazy_pinyin(k, style=Style.FIRST_LETTER))
        return s.upper() if r.random() < 0.3 else s
    return _replace_first_keyword(text, initials, r)


def homophone(text: str, r: random.Random) -> str | None:
    return _replace_first_keyword(text, lambda k: r.choice(HOMOPHONES[k]) if k in HOMOPHONES else None, r)


def radical_split(text: str, r: random.Random) -> str | None:
    for k in _keyword_in(text):
        chars = [c for c in k if c in RADICAL_SPLIT]
        if chars:
            c = r.choice(chars)
            return text.replace(k, k.replace(c, RADICAL_SPLIT[c]), 1)
    chars = [c for c in text if c in RADICAL_SPLIT]
    return text.replace(c := r.choice(chars), RADICAL_SPLIT[c], 1) if chars else None


def separators(text: str, r: random.Random) -> str | None:
    sep = r.choice(SEPARATORS)
    found = _keyword_in(text)
    if found:
        k = r.choice(found)
        return text.replace(k, sep.join(k), 1)
    m = re.search(r"\d{5,}", text)
    return text[:m.start()] + sep.join(m.group()) + text[m.end():] if m else None


def emoji(text: str, r: random.Random) -> str | None:
    for k in sorted(EMOJI, key=len, reverse=True):
        if k in text:
            return text.replace(k, EMOJI[k], 1)
    return None


def fullwidth(text: str, r: random.Random) -> str | None:
    if not re.search(r"[!-~]", text):
        return None
    return "".join(FULLWIDTH.get(c, c) for c in text)


def traditional(text: str, r: random.Random) -> str | None:
    out = "".join(_TRAD.get(c, c) for c in text)
    return out if out != text else None


def zero_width(text: str, r: random.Random) -> str | None:
    found = _keyword_in(text)
    target = r.choice(found) if found else None
    if target is None:
        m = re.search(r"\d{5,}|[a-z]{2,}", text)
        target = m.group() if m else None
    return text.replace(target, "\u200b".join(target), 1) if target else None


def lookalike_letters(text: str, r: random.Random) -> str | None:
    if not re.search(r"[oaecpxy]", text):
        return None
    return "".join(LOOKALIKE.get(c, c) if r.random() < 0.7 else c for c in text)


#: technique name -> transform; violations take any, hard negatives only the neutral ones.
TRANSFORMS = {
    "reversed": reversed_text,
    "full pinyin": full_pinyin,
    "pinyin initials": pinyin_initials,
    "homophone": homophone,
    "radical split": radical_split,
    "separators": separators,
    "emoji substitution": emoji,
    "full-width": fullwidth,
    "traditional script": traditional,
    "zero-width": zero_width,
    "look-alike letters": lookalike_letters,
}
NEUTRAL = ("full-width", "traditional script", "separators", "zero-width")
