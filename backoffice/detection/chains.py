"""Runs of listed words, read in linear time (the context rules' subjects, bridges and tails).

A regex ``(?:words)*`` that must be followed by something reads a run of words made of other
words of its list (我这边 = 我 + 这边, 哈哈 = 哈 + 哈) in exponentially many ways before it
fails: forty repetitions hung the scanner. A ``Chain`` visits each position once, so a question
costs the run's length times the longest word.
"""

from __future__ import annotations

from collections.abc import Iterable


class Chain:
    """Zero or more words of a list, back to back."""

    __slots__ = ("words", "longest")

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(words)
        self.longest = max(map(len, self.words), default=0)

    def word_ends(self, text: str, i: int, stop: int) -> list[int]:
        """Where one word of the list starting at ``i`` ends, at ``stop`` at the latest."""
        return [i + n for n in range(1, min(self.longest, stop - i) + 1) if text[i:i + n] in self.words]

    def reach(self, text: str, start: int, stop: int) -> set[int]:
        """Every position a run from ``start`` can end at (``start`` itself included)."""
        seen, todo = {start}, [start]
        while todo:
            for j in self.word_ends(text, todo.pop(), stop):
                if j not in seen:
                    seen.add(j)
                    todo.append(j)
        return seen

    def spans(self, text: str, start: int, stop: int) -> bool:
        """``text[start:stop]`` is such a run."""
        return stop in self.reach(text, start, stop)

    def finishing(self, text: str, start: int, stop: int) -> set[int]:
        """The positions in [start, stop] from which a run ends exactly at ``stop``."""
        done = {stop}
        for i in range(stop - 1, start - 1, -1):
            if any(j in done for j in self.word_ends(text, i, stop)):
                done.add(i)
        return done
