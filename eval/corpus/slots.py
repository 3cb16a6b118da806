"""Slot values for the family templates: contact handles, numbers in their many spellings.

Each ``{slot}`` in a template is filled with a fresh deterministic value. The spellings of
numbers (digit words, circled digits, pieces) are part of what the detector must see through.
"""

from __future__ import annotations

import random
import string

CN_DIGITS = "零一二三四五六七八九"
CN_SLANG = "洞幺两三四五六拐八勾"  # radio-style digits
CN_FORMAL = "零壹贰叁肆伍陆柒捌玖"
CIRCLED = "⓪①②③④⑤⑥⑦⑧⑨"
FULL = {c: chr(ord(c) + 0xFEE0) for c in string.digits + string.ascii_letters}

_NAMES = ["zhang", "lili", "xm", "design", "tom", "chen", "wang", "amy", "kevin", "yun", "xiaoyu", "studio",
          "mumu", "a_feng", "jack", "lin", "huahua", "sky"]
_MAILHOST = ["qq.com", "163.com", "126.com", "gmail.com", "foxmail.com", "sina.com", "outlook.com"]
_DOMAINS = ["shejishi", "logo-pro", "kuaiyin", "myshop", "abcdesign", "haohuo", "jiazhuang", "mofang88", "yunpan"]
_SHOPS = ["小美家居", "晨光设计", "阿强数码", "优品生活馆", "木子小铺", "悦读书屋", "星河文创"]
_ITEMS = ["logo", "海报", "宣传册", "网站", "小程序", "沙发", "台灯", "数据线", "茶叶", "面膜", "手机壳", "书包"]
_CITIES = ["杭州", "重庆", "成都", "广州", "深圳", "武汉", "西安", "南京"]


def _digits(r: random.Random, n: int) -> str:
    return "".join(r.choice(string.digits) for _ in range(n))


def _phone(r: random.Random) -> str:
    return "1" + r.choice("3456789") + _digits(r, 9)


def spell(number: str, table: str) -> str:
    return "".join(table[int(d)] if d.isdigit() else d for d in number)


def values(r: random.Random) -> dict[str, str]:
    """One fresh set of slot values."""
    phone = _phone(r)
    qq = str(r.randint(10000, 3999999999))
    wx = r.choice(_NAMES) + r.choice(["_", "", "-", ""]) + str(r.randint(10, 99999))
    mail_user = r.choice(_NAMES) + str(r.randint(1, 9999))
    mixed = "".join(
        d if r.random() < 0.5 else r.choice((CN_DIGITS, CN_SLANG, CN_FORMAL))[int(d)] for d in phone)
    return {
        "phone": phone,
        "phone_dash": f"{phone[:3]}-{phone[3:7]}-{phone[7:]}",
        "phone_space": " ".join(phone),
        "phone_cn": spell(phone, CN_DIGITS),
        "phone_slang": spell(phone, CN_SLANG),
        "phone_formal": spell(phone, CN_FORMAL),
        "phone_circled": spell(phone, CIRCLED),
        "phone_full": "".join(FULL[d] for d in phone),
        "phone_mixed": mixed,
        "phone_head": phone[:3],           # a number given in pieces: head / mid / tail
        "phone_mid": phone[3:7],
        "phone_tail": phone[7:],
        "phone_masked": f"{phone[:3]}****{phone[7:]}",
        "qq": qq,
        "qq_cn": spell(qq, CN_DIGITS),
        "qq_space": " ".join(qq),
        "wx": wx,
        "wx_full": "".join(FULL.get(c, c) for c in wx),
        "mail": f"{mail_user}@{r.choice(_MAILHOST)}",
        "mail_user": mail_user,
        "mail_host": r.choice(_MAILHOST),
        "dom": r.choice(_DOMAINS),
        "url": f"www.{r.choice(_DOMAINS)}.{r.choice(['com', 'cn', 'net', 'top'])}",
        "order": _digits(r, r.choice((16, 18, 19))),
        "track": r.choice(["SF", "YT", "ZTO", "JD"]) + _digits(r, 12),
        "price": str(r.randint(20, 20000)),
        "n": str(r.randint(2, 30)),
        "qty": str(r.randint(2, 500)),
        "version": f"{r.randint(1, 12)}.{r.randint(0, 20)}.{r.randint(0, 9)}",
        "shop": r.choice(_SHOPS),
        "item": r.choice(_ITEMS),
        "city": r.choice(_CITIES),
        "year": str(r.randint(2019, 2026)),
        "date": f"{r.randint(1, 12)}月{r.randint(1, 28)}日",
        "time": f"{r.randint(8, 22)}:{r.choice(['00', '15', '30', '45'])}",
    }


SLOTS = tuple(values(random.Random(0)))


def render(template: str, r: random.Random) -> str:
    return template.format(**values(r))
