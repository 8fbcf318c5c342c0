"""The three guides stay readable and true: a short README linking both guides, the build map as MkDocs prints it,
and no `make` command a guide names that the Makefile lacks."""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GUIDES = ["README.md", "REDAKTION.md", "UNDERHALL.md"]


def read(name):
    return (ROOT / name).read_text(encoding="utf-8")


def test_readme_is_short_and_links_both_guides():
    readme = read("README.md")
    assert len(readme.splitlines()) <= 200, f"README.md has {len(readme.splitlines())} lines: at most 200"
    for guide in ("REDAKTION.md", "UNDERHALL.md"):
        assert f"]({guide})" in readme, f"README.md: link {guide} as [text]({guide})"


def test_build_map_in_the_maintainers_guide_is_make_pipelines_output():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}   # this checkout's tillit/, as the Makefile exports it
    run = subprocess.run([sys.executable, "scripts/pipeline.py", "--check", "UNDERHALL.md"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr


def makefile_targets():
    return set(re.findall(r"^([a-z][a-z-]*):", read("Makefile"), re.MULTILINE))


@pytest.mark.parametrize("guide", GUIDES)
def test_every_make_command_a_guide_names_is_a_target(guide):
    named = set(re.findall(r"\bmake ([a-z][a-z-]*)", read(guide)))
    assert named, f"{guide} names no make command"
    missing = sorted(named - makefile_targets())
    assert not missing, f"{guide} names `make {'`, `make '.join(missing)}`, which the Makefile does not have"
