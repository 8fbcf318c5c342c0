"""Publishing for real: scripts/deploy.py (make deploy, make rollback) behind Debian's nginx with deploy/nginx.conf,
with readers' requests running through every switch, and scripts/smoke.py (make smoke) against it."""
import gzip
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import (
    REAL_SITE_URL,
    ROOT,
    copy_project,
    make_publishable,
    mkdocs_build,
    precompress_command,
    start_nginx,
)

DEPLOY = ROOT / "scripts" / "deploy.py"
SMOKE = ROOT / "scripts" / "smoke.py"
STYLESHEET = re.compile(rb'href="(assets/stylesheets/main\.[0-9a-f]{8}\.min\.css)"')


def deploy(*args):
    run = subprocess.run([sys.executable, str(DEPLOY), *map(str, args)], capture_output=True, text=True)
    return run.returncode, run.stdout + run.stderr


def script(path, *args, env_extra=None):
    run = subprocess.run([sys.executable, str(path), *map(str, args)], capture_output=True, text=True,
                         env={**os.environ, **(env_extra or {})})
    return run.returncode, run.stdout + run.stderr


def make(*args, env_extra=None):
    return subprocess.run(["make", "-s", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, **(env_extra or {})})


def wait_for_more(seen, problems, count=20, timeout=60):
    """Until the readers have made `count` more page-and-stylesheet loads (or one went wrong)."""
    start, deadline = len(seen), time.monotonic() + timeout
    while len(seen) < start + count and not problems and time.monotonic() < deadline:
        time.sleep(0.02)


def precompress(site):
    run = subprocess.run(precompress_command(site), cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


def second_release(first, dest):
    """A copy of a build as the next build would differ: a new fingerprint on Material's stylesheet and new text."""
    shutil.copytree(first, dest)
    for gz in dest.rglob("*.gz"):
        gz.unlink()
    old = STYLESHEET.search((dest / "index.html").read_bytes()).group(1).decode()
    new = re.sub(r"\.[0-9a-f]{8}\.", ".0b0b0b0b.", old)
    (dest / old).rename(dest / new)
    old_name, new_name = old.rsplit("/", 1)[1].encode(), new.rsplit("/", 1)[1].encode()
    for page in dest.rglob("*.html"):
        text = page.read_bytes()
        if old_name in text:
            page.write_bytes(text.replace(old_name, new_name))
    start = dest / "index.html"
    start.write_bytes(start.read_bytes().replace(b"</body>", b"<!-- release 2 --></body>"))
    precompress(dest)   # the .gz files of the changed pages too (gzip_static would send stale ones)
    return old, new


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """Two checked builds for a real address (the copy's mkdocs.yml as a web team sets it), the second a changed
    copy."""
    tmp = tmp_path_factory.mktemp("release")
    copy = make_publishable(copy_project(tmp / "project"), REAL_SITE_URL)
    first = tmp / "build1" / "site"
    result = mkdocs_build(first, config=copy / "mkdocs.yml", cwd=copy)
    assert result.returncode == 0, result.stderr[-3000:]
    precompress(first)
    old_css, new_css = second_release(first, tmp / "build2" / "site")
    for site in (first, tmp / "build2" / "site"):
        assert deploy("mark", site)[0] == 0
    return first, tmp / "build2" / "site", old_css, new_css


def tiny_site(path, url=REAL_SITE_URL, text="one", asset="app.1234abcd.min.js"):
    (path / "assets").mkdir(parents=True)
    (path / "index.html").write_text(f'<html><head><link rel="canonical" href="{url}"></head>{text}</html>')
    (path / "assets" / asset).write_text(f"/* {text} */")
    assert deploy("mark", path)[0] == 0
    return path


def test_deploy_and_rollback_refuse_unchecked_changed_or_placeholder_builds(tmp_path):
    dest = tmp_path / "www" / "tsl"
    unchecked = tmp_path / "unchecked"
    (unchecked).mkdir()
    (unchecked / "index.html").write_text("<html></html>")
    code, output = deploy("publish", unchecked, dest)
    assert code == 1 and "no record of passed checks" in output and "make build" in output, output
    changed = tiny_site(tmp_path / "changed")
    (changed / "index.html").write_text("edited after make build")
    code, output = deploy("publish", changed, dest)
    assert code == 1 and "changed after its checks passed" in output, output
    placeholder = tiny_site(tmp_path / "placeholder", url="https://intranat.example.se/")
    code, output = deploy("publish", placeholder, dest)
    assert code == 1 and "mkdocs.yml site_url" in output and "example address" in output, output
    assert not dest.exists() and not dest.is_symlink(), "a refused deploy switched something"
    code, output = deploy("rollback", dest)
    assert code == 1 and "nothing has been published" in output, output
    assert deploy("publish", tiny_site(tmp_path / "good"), dest)[0] == 0
    code, output = deploy("rollback", dest)
    assert code == 1 and "nothing to go back to" in output, output
    folder = tmp_path / "www2" / "tsl"
    folder.mkdir(parents=True)
    code, output = deploy("publish", tmp_path / "good", folder)
    assert code == 1 and "is a folder, not a link" in output, output
    without = make("rollback")
    assert without.returncode != 0 and "DEST=" in without.stderr, without.stderr


def test_deploy_keeps_three_earlier_releases_and_the_previous_theme_files(tmp_path):
    dest = tmp_path / "www" / "tsl"
    for i in range(6):
        site = tiny_site(tmp_path / f"b{i}", text=f"build {i}", asset=f"app.{i:08x}.min.js")
        code, output = deploy("publish", site, dest)
        assert code == 0, output
    releases = dest.parent / ".tsl-releases"
    kept = sorted(p.name for p in releases.iterdir() if p.is_dir())
    assert len(kept) == 4, kept                             # the current one and three before it
    assert Path(os.path.realpath(dest)).name == kept[-1] and "build 5" in (dest / "index.html").read_text()
    assert (dest / "assets" / f"app.{5:08x}.min.js").exists()
    assert (dest / "assets" / f"app.{4:08x}.min.js").exists(), "the previous release's fingerprinted file is gone"
    assert os.readlink(dest).startswith(".tsl-releases/"), "the link should be relative (the web root can move)"
    rollback = make("rollback", f"DEST={dest}")
    assert rollback.returncode == 0 and "build 4" in (dest / "index.html").read_text(), \
        rollback.stdout + rollback.stderr


@pytest.mark.slow
def test_two_deploys_and_a_rollback_under_load_never_serve_a_mixed_site(builds, tmp_path):
    first, second, old_css, new_css = builds
    server = start_nginx(tmp_path)
    dest = tmp_path / "www" / "tsl"
    try:
        code, output = deploy("publish", first, dest)
        assert code == 0, output
        release1 = Path(os.path.realpath(dest))
        pages = {(first / "index.html").read_bytes(): 1, (second / "index.html").read_bytes(): 2}
        seen, problems, stop = [], [], threading.Event()

        def reader(compressed):
            headers = {"Accept-Encoding": "gzip"} if compressed else {}
            while not stop.is_set():
                try:
                    with urllib.request.urlopen(urllib.request.Request(server.base, headers=headers), timeout=10) as r:
                        body = r.read()
                        if r.headers.get("Content-Encoding") == "gzip":
                            body = gzip.decompress(body)
                    release = pages.get(body)
                    if release is None:
                        problems.append("a start page that is neither release 1 nor release 2")
                        continue
                    css = STYLESHEET.search(body).group(1).decode()
                    with urllib.request.urlopen(server.base + css, timeout=10) as r:
                        r.read()
                    seen.append(release)
                except Exception as e:   # noqa: BLE001  (any failure of a reader is a failure of the switch)
                    problems.append(f"{getattr(e, 'url', server.base)}: {e!r}")

        threads = [threading.Thread(target=reader, args=(g,)) for g in (False, True)]
        for t in threads:
            t.start()
        try:
            code, output = deploy("publish", second, dest)           # make deploy, the second time
            assert code == 0 and "theme files of the previous release kept" in output, output
            wait_for_more(seen, problems)
            assert Path(os.path.realpath(dest)) != release1
            # a page opened from release 1 still gets its stylesheet, now from release 2's folder
            with urllib.request.urlopen(server.base + old_css, timeout=10) as r:
                assert r.status == 200
            rollback = make("rollback", f"DEST={dest}")                # make rollback: one step back
            assert rollback.returncode == 0, rollback.stdout + rollback.stderr
            wait_for_more(seen, problems)
        finally:
            stop.set()
            for t in threads:
                t.join(timeout=30)
        assert not problems, problems[:10]
        assert 1 in seen and 2 in seen, "the readers did not see both releases"
        assert Path(os.path.realpath(dest)) == release1, "make rollback did not go back to the first release"
        with urllib.request.urlopen(server.base, timeout=10) as r:
            assert r.read() == (first / "index.html").read_bytes()
        with urllib.request.urlopen(server.base + new_css, timeout=10) as r:   # pages opened from release 2
            assert r.status == 200
        # the published release answers every smoke check (plain http here: no HSTS check)
        code, output = script(SMOKE, server.base)
        assert code == 0, output
    finally:
        server.stop()


def test_smoke_passes_against_the_shipped_https_configuration(tls_site):
    run = make("smoke", f"URL={tls_site.base}", env_extra={"SMOKE_CAFILE": str(tls_site.cafile)})
    lines = run.stdout.splitlines()
    assert run.returncode == 0, run.stdout + run.stderr
    checks = [line for line in lines if line.startswith(("ok", "FAIL"))]
    assert len(checks) >= 19 and all(line.startswith("ok") for line in checks), run.stdout
    for needle in ("start page (sv)", "start page (en)", "404 page (sv)", "404 page (en)", "redirect ",
                   "header Strict-Transport-Security", "search index (en)", "feed (sv)", "page and section"):
        assert any(needle in line for line in checks), f"no check for {needle}:\n{run.stdout}"


def test_smoke_fails_naming_the_check_when_a_header_or_a_page_is_gone(tsl_nginx, tmp_path):
    """The same build with one page removed, behind the shipped config with one header removed."""
    site = tsl_nginx.prefix / "www" / "tsl"
    (tmp_path / "www").mkdir()
    subprocess.run(["cp", "-al", str(site), str(tmp_path / "www" / "tsl")], check=True)   # hard links: cheap
    shutil.rmtree(tmp_path / "www" / "tsl" / "en" / "fortroendevalda")
    (tmp_path / "conf").mkdir()
    shutil.copy(tsl_nginx.prefix / "conf" / "csp-hashes.conf", tmp_path / "conf")

    def drop_header(name, text):
        if name != "security-headers.conf":
            return text
        return re.sub(r"(?m)^add_header X-Content-Type-Options.*$", "", text)
    server = start_nginx(tmp_path, tls=True, edit=drop_header)
    try:
        code, output = script(SMOKE, server.base, env_extra={"SMOKE_CAFILE": str(server.cafile)})
    finally:
        server.stop()
    failed = [line for line in output.splitlines() if line.startswith("FAIL")]
    assert code == 1 and "smoke: " in output, output
    assert any("header X-Content-Type-Options" in line for line in failed), output
    assert any("page and section" in line and "(en)" in line and "status 404" in line for line in failed), output
    assert any("security headers on the 404 page" in line and "X-Content-Type-Options" in line for line in failed)
    assert not any("(sv)" in line and "page and section" in line for line in failed), output
