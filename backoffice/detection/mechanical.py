"""PDD negative service by mechanical or irrelevant replies (seed 001: "机械性、答非所问的回复").

The article also recommends quick-reply templates and a standard Q&A bank (快捷回复模板,
建立标准问答库), so a template is not a violation in itself. What we flag is a reply that is
**canned** and **does not answer**:

- a *reply* is all the merchant's messages between a customer's question and the customer's next
  message; a *question* is a customer turn with a question mark or a question word
  (``conduct.yaml``) and some content once filler words are removed ("在吗" asks nothing);
- the reply is *canned* when the same text (near-verbatim: case, width, script, spaces, emoji and
  punctuation ignored) was already the merchant's whole reply to a **different** question in the
  same conversation (a customer asking the same thing twice and getting the same answer is fine;
  a greeting that opens every conversation is a different conversation each time);
- it *does not answer* when it shares no content (no character bigram, filler words removed) with
  the question it follows: "本店默认中通快递" after "发什么快递" shares 快递 and is a standard answer.

A canned, non-answering reply is 答非所问 (``irrelevant_reply``); once the same text has been the
reply to ``repeats`` different questions it is 机械重复回答 (``mechanical_reply``). Replies shorter
than ``min_chars`` ("好的", "稍等") are acknowledgements, not templates.
"""

from __future__ import annotations

from dataclasses import dataclass

from backoffice.detection.conduct import ConductHit, Ref, Said, Words, grams, key, timed

MECHANICAL_CONFIDENCE = 0.7
IRRELEVANT_CONFIDENCE = 0.6
#: The questions one reply is remembered to have answered: the first use for each different
#: question, up to this many. Each new use is compared with them and a flag lists them; compared
#: with every earlier use, a conversation of 2,500 exchanges answered alike took four minutes
#: and stored every reply in every flag.
MAX_USES = 20


@dataclass(frozen=True, slots=True)
class MechanicalSettings:
    repeats: int  # different questions the same reply answered before it is mechanical (operator setting)
    min_chars: int  # shorter replies are acknowledgements (operator setting)


@dataclass(frozen=True, slots=True)
class _Use:
    question: str  # the question's content (filler removed)
    question_index: int
    reply_index: int


def _same_question(a: str, b: str) -> bool:
    return a in b or b in a


def _exchanges(messages: list[Said]) -> list[tuple[list[tuple[int, str]], list[tuple[int, str]]]]:
    """(customer turn, merchant reply) pairs in time order, as (index, text) lists."""
    pairs: list[tuple[list, list]] = []
    turn: list[tuple[int, str]] = []
    reply: list[tuple[int, str]] = []
    for _t, i, role, text in timed(messages):
        if role == "customer":
            if reply:
                pairs.append((turn, reply))
                turn, reply = [], []
            turn.append((i, text))
        elif turn:
            reply.append((i, text))
    if turn and reply:
        pairs.append((turn, reply))
    return pairs


def find_mechanical(messages: list[Said], words: Words, settings: MechanicalSettings,
                    ref: Ref = str) -> list[ConductHit]:
    """Canned replies that do not answer the question they follow, at the reply's first message."""
    uses: dict[str, list[_Use]] = {}
    hits = []
    for turn, reply in _exchanges(messages):
        asked = " ".join(text for _i, text in turn)
        question = words.content(asked)
        said = "".join(key(text) for _i, text in reply)
        if not question or not words.is_question(asked) or len(said) < settings.min_chars:
            continue
        use = _Use(question, turn[0][0], reply[0][0])
        earlier = uses.setdefault(said, [])  # the first use for each different question
        distinct = [u for u in earlier if not _same_question(u.question, question)]
        if len(distinct) == len(earlier) and len(earlier) < MAX_USES:
            earlier.append(use)
        if not distinct or grams(words.content(said)) & grams(question):
            continue
        if len(distinct) + 1 >= settings.repeats:
            hits.append(ConductHit(use.reply_index, "mechanical_reply", MECHANICAL_CONFIDENCE, {
                "questions": len(distinct) + 1,
                "replies": [ref(u.reply_index) for u in [*distinct, use]],
            }))
        else:
            first = distinct[0]
            hits.append(ConductHit(use.reply_index, "irrelevant_reply", IRRELEVANT_CONFIDENCE, {
                "question": ref(use.question_index), "earlier_reply": ref(first.reply_index),
                "earlier_question": ref(first.question_index),
            }))
    return hits
