"""Run scripts/check_site.py's source checks on every build and rebuild, so `make serve` shows the same errors as `make build`.

The checks themselves live in the script (they read only docs/ and mkdocs.yml, so they survive a change of
generator); this hook only stops the build with their messages. It reads no plugin state: static-i18n's nested
build of each further language finds the sources unchanged since they passed and skips the checks. The script keeps
each result in .cache/ by a fingerprint of everything the checks read, so a new process with unchanged sources
reads it back.
"""
import importlib.util

from _site import ROOT, load_config, strings
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

_spec = importlib.util.spec_from_file_location("check_site", ROOT / "scripts" / "check_site.py")
check_site = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_site)
_passed = None   # the sources' fingerprint when they last passed in this process


@event_priority(100)   # before every other hook and plugin: a broken source stops the build before it is rendered
def on_pre_build(config):
    global _passed
    state = check_site.sources_fingerprint(config.config_file_path)
    if state == _passed:
        return
    # make serve rebuilds in one process: read mkdocs.yml and locales/ again (a nav line or a tag just added)
    load_config.cache_clear()
    strings.cache_clear()
    problems = check_site.cached_source_problems(config.config_file_path, state)
    if problems:
        raise PluginError("\n".join(problems) + f"\n{len(problems)} problem(s) in the sources: fix them in the files "
                          "named above (scripts/check_site.py lists them too)")
    _passed = state
