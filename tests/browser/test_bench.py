"""Smoke test of scripts/bench.py: a tiny run must still produce every figure. Timings are never asserted.

Runs in `make bench` (marker `bench`), next to the script it checks: it measures nothing a reader sees and costs
1.5-2.5 minutes (cold builds, `make build` with PDFs, a preview server, Lighthouse, scale builds)."""
import json
import subprocess
import sys

import pytest
from conftest import ROOT

pytestmark = [pytest.mark.slow, pytest.mark.bench]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"


@pytest.fixture(scope="module")
def smoke(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench.py"), "--smoke",
                             "--output", str(out / "BENCHMARKS.md"), "--json", str(out / "bench.json")],
                            cwd=ROOT, capture_output=True, text=True, timeout=1200)
    assert result.returncode == 0, result.stderr[-4000:]
    return json.loads((out / "bench.json").read_text()), (out / "BENCHMARKS.md").read_text()


def test_bench_leaves_the_working_tree_alone(smoke):
    assert not list((ROOT / "docs").glob("*-bench*")), "synthetic scale pages were left in docs/"
    assert not (ROOT / "bench-plain.yml").exists() and not (ROOT / "bench-scale.yml").exists()


def test_build_cost_and_preview_are_measured(smoke):
    r, _ = smoke
    assert len(r["build"]["pairs"]) == 1 and all(t > 0 for t in r["build"]["pairs"][0])
    assert r["build"]["ratio_median"] > 0
    assert r["make_build"]["ok"], r["make_build"]["error"]
    assert len(r["preview"]["times"]) == 1 and r["preview"]["times"][0] > 0
    assert r["preview"]["page"].startswith("docs/") and r["preview"]["page"].endswith(".sv.md")


def test_first_view_covers_every_page_in_both_languages(smoke):
    r, _ = smoke
    rows = r["first_view"]["rows"]
    assert {row["lang"] for row in rows} == {"sv", "en"}
    assert all(row["html_gz"] > 0 and row["assets_gz"] > 0 for row in rows), "a page references no CSS/JS"
    assert rows == sorted(rows, key=lambda row: -row["total_gz"])
    assert r["first_view"]["plain_heaviest"] > 0
    assert [t["lang"] for t in r["transfer"]] == ["sv", "en"]
    for t in r["transfer"]:
        assert t["body"] > 0 and t["requests"] > 1 and not t["offhost"], t


def test_lighthouse_scores_are_produced(smoke):
    r, md = smoke
    if not LIGHTHOUSE.exists():
        assert r["lighthouse"]["available"] is False and "lighthouse missing" in md
        pytest.skip("node_modules/.bin/lighthouse not installed (npm ci)")
    pages = r["lighthouse"]["pages"]
    assert len(pages) == 1
    assert set(pages[0]["scores"]) == {"performance", "accessibility", "best-practices", "seo"}
    assert all(0 <= v <= 100 for v in pages[0]["scores"].values())


def test_search_index_and_latency_are_measured(smoke):
    r, _ = smoke
    s = r["search"]
    assert s["indexes"] and all(0 < i["gzip"] < i["raw"] for i in s["indexes"].values())
    assert set(s["per_lang"]) == {"sv", "en"}
    assert all(v["queries"] > 0 and v["p95_ms"] >= v["median_ms"] >= 0 for v in s["per_lang"].values())
    assert s["typed_keys"] > 0 and s["typed_p95_ms"] >= 0 and all(v["typed_keys"] > 0 for v in s["per_lang"].values())


def test_scale_builds_grow_the_content(smoke):
    r, _ = smoke
    rows = r["scale"]["rows"]
    assert [row["factor"] for row in rows] == [1, 2]
    assert rows[1]["pages"] == 2 * rows[0]["pages"]
    assert rows[1]["index_raw"] > rows[0]["index_raw"] and all(row["seconds"] > 0 for row in rows)


def test_report_shows_every_figure(smoke):
    r, md = smoke
    for heading in ("## Machine and versions", "## Summary", "## Build cost", "## Live preview", "## First view",
                    "## Lighthouse", "## Search", "## Scale"):
        assert heading in md
    assert "SMOKE RUN" in md and "Load average" in md and f"| CPU cores | {r['cores']} " in md
    for needle in ("None", "nan", "{"):
        assert needle not in md.split("## Summary")[1].split("## Build cost")[0], f"'{needle}' in the summary table"


def test_precompressed_files_are_measured_behind_nginx(smoke):
    r, md = smoke
    g = r["gzip_static"]
    assert g["gz_files"] > 0 and 0 < g["static_gz_bytes"] < g["raw_bytes"], g
    assert all(len(v) == 1 and v[0] >= 0 for v in g["cpu_ms"].values()), g
    assert 0 < g["bytes"]["on"] < g["raw_bytes"] / g["paths"], g
    assert "## Precompressed files (gzip_static)" in md and "nginx CPU per request" in md
