"""Lighthouse (npm, mobile preset) on one page per template and language: accessibility, best practices, SEO = 100.

They run in `make bench` only (marker `bench`), with the other measurements: in `make test` axe-core checks every
page against WCAG 2.1 A/AA (test_accessibility.py) and test_page_head.py every page's description, and each
Lighthouse run costs 10-30 s on two cores."""
import json
import os
import subprocess

import pytest
from conftest import CHROMIUM, ROOT, _site

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.bench]

CATEGORIES = ("accessibility", "best-practices", "seo")
# One page per template. The 404 template is checked at its own address (status 200): served for a missing page
# its 404 status fails Lighthouse's "HTTP status code" and console audits by definition.
TEMPLATES = {"start": "", "content": "tsl/vad-ar-tsl/", "glossary": "ordlista/", "not-found": "404.html"}


@pytest.mark.parametrize("template,lang", [(t, lang) for t in TEMPLATES for lang in ("sv", "en")])
def test_lighthouse_scores_100(base_url, tmp_path, template, lang):
    cli = ROOT / "node_modules" / ".bin" / "lighthouse"
    if not cli.exists():
        pytest.fail(f"{cli} is missing: run `npm ci` in {ROOT} (make test does)")
    url = base_url + ("en/" if lang == "en" else "") + TEMPLATES[template]
    report = tmp_path / "report.json"
    flags = " ".join(["--headless=new", *_site.chromium_args()])
    result = subprocess.run([str(cli), url, "--quiet", "--only-categories=" + ",".join(CATEGORIES),
                             "--output=json", f"--output-path={report}", f"--chrome-flags={flags}",
                             # screenshots feed no audit of these categories; the long glossary's costs ~20 s
                             "--disable-full-page-screenshot", "--skip-audits=screenshot-thumbnails,final-screenshot"],
                            env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0 and report.exists(), result.stderr[-3000:]
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["configSettings"]["formFactor"] == "mobile"
    assert data["finalDisplayedUrl"].startswith(url), data["finalDisplayedUrl"]
    scores = {c: data["categories"][c]["score"] for c in CATEGORIES}
    failing = []
    for c in CATEGORIES:
        for ref in data["categories"][c]["auditRefs"]:
            audit = data["audits"][ref["id"]]
            if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                items = (audit.get("details") or {}).get("items") or []
                where = [str((i.get("node") or {}).get("snippet") or i.get("url") or i.get("description") or "")[:160]
                         for i in items[:3]]
                failing.append(f"{c}/{ref['id']}: {audit['title']} {where}")
    print(f"lighthouse {lang} {template}: {scores}")
    assert all(s == 1 for s in scores.values()), f"{url}: {scores}\n" + "\n".join(failing)
