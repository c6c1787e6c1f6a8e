"""The evaluation gate: with ../shared present, no stage may score below its pinned baseline."""
import pytest

from zhclaims import eval as ev


@pytest.mark.parametrize("stage", ev.STAGES)
def test_stage_not_below_baseline(stage, shared):
    pinned = ev.baseline(stage)
    assert pinned, f"{stage} has a scorer but no pinned baseline in eval/baselines/{stage}.json"
    result, lowered = ev.run(stage, shared)
    assert not lowered, {k: (result["scores"].get(k), pinned[k]) for k in lowered}


def test_compare_flags_lowered_and_missing():
    assert ev.compare({"a": 0.5, "b": 0.9}, {"a": 0.6, "b": 0.9, "c": 0.1}) == ["a", "c"]
    assert ev.compare({"a": 0.6}, {"a": 0.6}) == []
