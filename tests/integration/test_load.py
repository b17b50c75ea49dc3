"""Load during rebuilds: 8 askers for POLQA_LOAD_SECONDS (60) while the index is rebuilt, at least
twice (the askers go on until two builds have published, at most MAX_SECONDS in all).

Each asker holds an engine and, every few answers, loads a fresh one (as a new app
process would) while builds publish new indexes beside it. Every answer must be right
and no call may fail. Answers per second and errors go to tests/artifacts/load.json.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import replace

from indexer.answer import AnswerRequest
from indexer.answer import answer as answer_of
from indexer.search import Engine
from tests.conftest import ROOT

EXPECTED = {
    "哪些单位负责低空经济": "市交通运输局",
    "老旧小区改造谁牵头": "市房管局",
    "充电桩建设由哪些单位负责": "市停车场及新能源汽车配套设施建设工作领导小组",
    "市数据局今年牵头哪些任务": "市数据局",
}
ASKERS = 8
BUILDS = 2
MAX_SECONDS = 300  # the runtime bound, whatever the machine's speed


def test_eight_askers_during_rebuilds_get_only_right_answers(engine, settings, tmp_path):
    seconds = float(os.environ.get("POLQA_LOAD_SECONDS", "60"))
    shutil.copytree(settings.index_folder.resolve(), tmp_path / "seed")
    local = replace(settings, index_dir=tmp_path / "idx")
    (local.index_dir).mkdir()
    os.symlink(tmp_path / "seed", local.index_folder)
    env = {
        **os.environ,
        "POLQA_INDEX": str(local.index_dir),
        "POLQA_CACHE": str(settings.cache_dir),
        "POLQA_RETRIEVERS": ",".join(settings.retrievers),
    }
    stop, answers, errors, builds = threading.Event(), [0] * ASKERS, [], [0]

    def rebuild():
        while not stop.is_set():
            result = subprocess.run(
                [sys.executable, "-m", "indexer", "build", "--quiet"],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                timeout=600,
            )
            if result.returncode:
                errors.append(f"build: {result.stderr[-300:]}")
            builds[0] += 1

    def ask(n: int):
        rng = random.Random(n)
        engine = Engine.load(local)
        while not stop.is_set():
            try:
                if rng.random() < 0.05:
                    engine = Engine.load(local)
                question = rng.choice(list(EXPECTED))
                answer = answer_of(engine, AnswerRequest(question))
                if EXPECTED[question] not in answer.lead_units:
                    errors.append(f"{question}: {answer.lead_units}")
                answers[n] += 1
            except Exception as err:
                errors.append(f"{type(err).__name__}: {err}")

    threads = [threading.Thread(target=rebuild)] + [threading.Thread(target=ask, args=(n,)) for n in range(ASKERS)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    while time.monotonic() - started < seconds or (builds[0] < BUILDS and time.monotonic() - started < MAX_SECONDS):
        time.sleep(0.5)
    stop.set()
    for thread in threads:
        thread.join(timeout=600)
    elapsed = time.monotonic() - started
    report = {
        "askers": ASKERS,
        "seconds": round(elapsed, 1),
        "answers": sum(answers),
        "answers_per_second": round(sum(answers) / elapsed, 1),
        "builds": builds[0],
        "errors": errors[:20],
    }
    artifacts = ROOT / "tests" / "artifacts"
    artifacts.mkdir(exist_ok=True)
    (artifacts / "load.json").write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps(report, ensure_ascii=False))
    assert not errors, errors[:5]
    assert builds[0] >= BUILDS and all(answers), report
