"""Every eval set keeps its first, blind figure (bench/first-runs.yaml): a set added without one
could never show it again, since its first run is the only blind one."""

from __future__ import annotations

import yaml

from bot.paths import EVAL_DIR, PROJECT_DIR

FIRST_RUNS = PROJECT_DIR / "bench" / "first-runs.yaml"


def test_every_eval_set_has_its_first_run_on_record_and_only_those():
    data = yaml.safe_load(FIRST_RUNS.read_text(encoding="utf-8"))
    recorded = set(data["first_sets"]) | set(data["blind_sets"])
    assert recorded == {p.name for p in EVAL_DIR.glob("*.yaml")}


def test_blind_first_runs_give_every_figure_as_a_fraction():
    data = yaml.safe_load(FIRST_RUNS.read_text(encoding="utf-8"))
    for name, figures in data["blind_sets"].items():
        for key in ("single", "several", "wrong", "refused", "smalltalk", "followups"):
            assert 0.0 <= figures[key] <= 1.0, (name, key)
        assert figures["run"], name  # which code the first run was measured on
