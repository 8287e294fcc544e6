"""The structure stage's cut in benchmarks/bench_speed.py: paired runs, each document's best time."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


@pytest.fixture
def bench_speed(monkeypatch):
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    import bench_speed

    yield bench_speed
    sys.modules.pop("bench_speed", None)


class FakeClock:
    """A clock that runners move on: each run costs its document's price, plus the noise of the moment."""

    def __init__(self) -> None:
        self.now = 0.0
        self.noise = 0.0

    def __call__(self) -> float:
        return self.now


def test_paired_cut_keeps_each_documents_best_time_through_both_chains(bench_speed, monkeypatch):
    clock = FakeClock()
    monkeypatch.setattr(bench_speed.time, "perf_counter", clock)
    prices = {"short": 1.0, "long": 4.0}
    calls = []

    def with_stage(text: str) -> None:
        calls.append(("with", text))
        clock.now += 1.5 * prices[text] + clock.noise

    def without(text: str) -> None:
        calls.append(("without", text))
        clock.now += prices[text] + clock.noise
        if len(calls) == 4:
            clock.noise = 10.0  # a burst of noise from here to the end of round 2 ...
        if len(calls) == 8:
            clock.noise = 0.0  # ... gone in round 3

    cut = bench_speed.paired_cut(with_stage, without, ["short", "long"], rounds=3)

    assert cut.best_with == pytest.approx(1.5 + 6.0)
    assert cut.best_without == pytest.approx(1.0 + 4.0)
    assert cut.cut == pytest.approx(1 - 5.0 / 7.5)  # the stage's own share, untouched by the burst
    assert cut.total_with > 3 * cut.best_with  # the rounds' sums carry the noise
    # every document went through both chains every round, the order alternating
    assert len(calls) == 12
    firsts = [calls[i][0] for i in range(0, 12, 2)]
    assert firsts == ["without", "with", "with", "without", "without", "with"]
