"""The source checks run under any generator: tillit.checks imports nothing from MkDocs, Material or static-i18n."""
import subprocess
import sys

from conftest import ROOT


def test_the_checker_imports_no_generator():
    probe = ("import sys, tillit.checks; tillit.checks.source_problems(); "
             "print(sorted({m.split('.')[0] for m in sys.modules} & {'mkdocs', 'material', 'mkdocs_static_i18n'}))")
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]", f"tillit.checks pulls in {result.stdout.strip()}"
