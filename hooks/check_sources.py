"""Run scripts/check_site.py's source checks on every build and rebuild, so `make serve` shows the same errors as `make build`.

The checks themselves live in the script (they read only docs/ and mkdocs.yml, so they survive a change of
generator); this hook only stops the build with their messages. It reads no plugin state: static-i18n's nested
build of each further language finds the sources unchanged since they passed and skips the checks.
"""
import importlib.util
from pathlib import Path

from _site import ROOT, load_config, strings
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

_spec = importlib.util.spec_from_file_location("check_site", ROOT / "scripts" / "check_site.py")
check_site = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_site)
_passed = None   # the sources' state when they last passed


def _state(config_file):
    """Name, size and time of every file the checks read: a change anywhere runs them again."""
    files = [Path(config_file), *sorted(check_site.DOCS.rglob("*")), *sorted((ROOT / "locales").glob("*.yml")),
             *sorted((ROOT / "exercises").glob("*.yml"))]
    return tuple((str(f), f.stat().st_size, f.stat().st_mtime_ns) for f in files if f.is_file())


@event_priority(100)   # before every other hook and plugin: a broken source stops the build before it is rendered
def on_pre_build(config):
    global _passed
    state = _state(config.config_file_path)
    if state == _passed:
        return
    # make serve rebuilds in one process: read mkdocs.yml and locales/ again (a nav line or a tag just added)
    load_config.cache_clear()
    strings.cache_clear()
    problems = check_site.source_problems(config.config_file_path)
    if problems:
        raise PluginError("\n".join(problems) + f"\n{len(problems)} problem(s) in the sources: fix them in the files "
                          "named above (scripts/check_site.py lists them too)")
    _passed = state
