"""Smoke test of scripts/bench.py: a tiny run must still produce every figure. Timings are never asserted.

Runs in `make bench` (marker `bench`), next to the script it checks: it measures nothing a reader sees and costs
a few minutes (cold builds, `make build` with PDFs, Lighthouse, the search in Chromium, nginx)."""
import json
import os
import subprocess
import sys

import pytest
from conftest import ROOT

pytestmark = [pytest.mark.slow, pytest.mark.bench]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"


@pytest.fixture(scope="module")
def smoke(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench")
    (out / "BENCHMARKS.md").write_text("# Earlier run\n\n## Optimisations\n\nBy hand.\n\n## Reproduce\n\nx\n")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench.py"), "--smoke",
                             "--output", str(out / "BENCHMARKS.md"), "--json", str(out / "bench.json")],
                            cwd=ROOT, capture_output=True, text=True, timeout=1200,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})   # as the Makefile runs it
    assert result.returncode == 0, result.stderr[-4000:]
    return json.loads((out / "bench.json").read_text()), (out / "BENCHMARKS.md").read_text()


def test_bench_leaves_the_working_tree_alone(smoke):
    assert not (ROOT / "bench-plain.yml").exists()


def test_build_cost_and_make_build_are_measured(smoke):
    r, _ = smoke
    b = r["build"]
    assert len(b["pairs"]) == len(b["cpu_pairs"]) == 1 and all(t > 0 for t in b["pairs"][0] + b["cpu_pairs"][0])
    assert b["ratio_median"] > 0 and b["cpu_ratio_median"] > 0 and b["project_median_s"] > 0
    assert r["make_build_s"] > 0


def test_first_view_covers_every_page_in_both_languages(smoke):
    r, _ = smoke
    rows = r["weight"]["pages"]
    assert {row["lang"] for row in rows} == {"sv", "en"}
    assert all(row["html_gz"] > 0 and row["assets_gz"] > 0 for row in rows), "a page references no CSS/JS"
    assert rows == sorted(rows, key=lambda row: -row["total_gz"])
    assert r["weight"]["files"] > len(rows) and r["weight"]["bytes"] > 0


def test_lighthouse_scores_are_produced(smoke):
    r, md = smoke
    if not LIGHTHOUSE.exists():
        assert r["lighthouse"] == [] and "lighthouse missing" in md
        pytest.skip("node_modules/.bin/lighthouse not installed (npm ci)")
    assert [page["page"] for page in r["lighthouse"]] == ["index.html"]   # smoke: the Swedish start page only
    scores = r["lighthouse"][0]["scores"]
    assert set(scores) == {"performance", "accessibility", "best-practices", "seo"}
    assert all(0 <= v <= 100 for v in scores.values())


def test_search_index_and_latency_are_measured(smoke):
    r, _ = smoke
    s = r["search"]
    assert set(s["per_lang"]) == {"sv", "en"}
    for row in s["per_lang"].values():
        assert 0 < row["index_gzip"] < row["index_raw"]
        assert len(row["pause"]) == 3 and row["pause_p95_ms"] >= 0
        assert row["typed"] and row["typed_p95_ms"] >= 0
    assert s["pause_p95_ms"] >= 0 and s["typed_p95_ms"] >= 0


def test_precompressed_files_are_measured_behind_nginx(smoke):
    r, _ = smoke
    g = r["gzip_static"]
    assert g["gz_files"] > 0 and 0 < g["static_gz_bytes"] < g["raw_bytes"], g
    assert all(len(v) == 1 and v[0] >= 0 for v in g["cpu_ms"].values()), g
    assert 0 < g["bytes"]["on"] < g["raw_bytes"] / g["paths"], g


def test_report_shows_every_figure(smoke):
    r, md = smoke
    for heading in ("## Summary", "## Build cost", "## First view", "## Lighthouse", "## Search",
                    "## Precompressed files (gzip_static)", "## Optimisations", "## Reproduce"):
        assert md.count(heading) == 1, heading
    assert "SMOKE RUN" in md and "Load average" in md and "By hand." in md
    summary = md.split("## Summary")[1].split("## Build cost")[0]
    for needle in ("Build cost vs plain", "CPU-time ratio", "Project build", "Full `make build`",
                   "First view, heaviest", "Site size", "Lighthouse mobile", "Search index (sv)", "Search index (en)",
                   "last key after a pause", "a key every 200 ms", "nginx CPU per request", "Bytes per request"):
        assert needle in summary, needle
    for needle in ("None", "nan", "{"):
        assert needle not in summary, f"'{needle}' in the summary table"
