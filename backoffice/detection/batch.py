"""Multi-core batch scanning: long-lived workers that return only flagged messages."""

from __future__ import annotations

import multiprocessing as mp
from pathlib import Path

from backoffice.detection.scanner import Hit, Scanner

_SCANNER: Scanner | None = None


def _init(directory: str | None) -> None:
    global _SCANNER
    _SCANNER = Scanner(directory)


def _work(job: tuple[int, list[str]]) -> list[tuple[int, list[Hit]]]:
    base, texts = job
    return [(base + i, hits) for i, hits in _SCANNER.scan_texts(texts)]


class BatchScanner:
    """``with BatchScanner() as b: b.scan(texts)`` -> [(index, hits)] for flagged messages.

    Each worker builds its scanner once (lexicons, automata, fold table) and is
    reused for every chunk; clean messages never cross the process boundary.
    """

    def __init__(self, processes: int = 2, directory: Path | str | None = None, chunk: int = 5000) -> None:
        ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
        self.chunk = chunk
        self.pool = ctx.Pool(processes, initializer=_init, initargs=(str(directory) if directory else None,))

    def scan(self, texts: list[str]) -> list[tuple[int, list[Hit]]]:
        jobs = [(i, texts[i:i + self.chunk]) for i in range(0, len(texts), self.chunk)]
        out: list[tuple[int, list[Hit]]] = []
        for part in self.pool.imap(_work, jobs):
            out.extend(part)
        return out

    def close(self) -> None:
        self.pool.close()
        self.pool.join()

    def __enter__(self) -> BatchScanner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
