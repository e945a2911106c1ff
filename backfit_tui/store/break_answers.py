"""What was done about the breaks `backfit remind` called, kept in the history: taken, snoozed or skipped."""

from __future__ import annotations

from collections import Counter

from ..core.reminder import Answer
from .history.store import WRITE_WAIT, HistoryStore


def record_answer(store: HistoryStore, answer: Answer, at: float) -> None:
    """Keep one answer to a break, given at Unix time `at`. HistoryUnavailable if it cannot be written; nothing is
    kept in a history open only to read (why was said when it was opened)."""
    if store.read_only:
        return
    with store.transaction(WRITE_WAIT):
        store.db.execute("INSERT INTO break_answers (answered_at, answer) VALUES (?, ?)", (at, answer.value))


def answer_counts(store: HistoryStore, since: float = float("-inf")) -> Counter[Answer]:
    """How many breaks (from `since` on) were taken, snoozed and skipped; every answer is there, if only as 0."""
    rows = store.db.execute(  # a plain read: the history may be open only to read
        "SELECT answer, COUNT(*) FROM break_answers WHERE answered_at >= ? GROUP BY answer", (since,)
    ).fetchall()
    counts = Counter({answer: 0 for answer in Answer})
    counts.update({Answer(answer): count for answer, count in rows if answer in set(Answer)})
    return counts
