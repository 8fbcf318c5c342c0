"""The committed nginx CSP hashes (deploy/csp-hashes.conf) allow exactly the inline scripts of the built site."""
import re
from pathlib import Path

from tillit.csp import inline_script_hashes

ROOT = Path(__file__).resolve().parents[2]

COMMITTED = ROOT / "deploy" / "csp-hashes.conf"


def test_committed_csp_hashes_match_the_builds_inline_scripts(site_dir):
    committed = set(re.findall(r"'sha256-[A-Za-z0-9+/=]+'", COMMITTED.read_text(encoding="utf-8")))
    built = set(inline_script_hashes(site_dir))
    assert built, f"no inline script found in {site_dir}: is it a built site?"
    assert built == committed, (
        f"deploy/csp-hashes.conf does not match the inline scripts of the build in {site_dir} "
        f"(missing: {sorted(built - committed)}, no longer used: {sorted(committed - built)}). "
        "Run `make build && make csp`, commit deploy/csp-hashes.conf and copy it to the nginx server: "
        "until then nginx blocks the missing scripts (palette, tabs, redirects break without an error).")


def test_every_page_has_the_same_scope_script(site_dir):
    """Material's storage script names the scope; a path per folder depth would need a hash per depth."""
    scopes = set()
    for page in site_dir.rglob("*.html"):
        scopes.update(re.findall(r"__md_scope=new URL\(\"([^\"]*)\"", page.read_text(encoding="utf-8")))
    assert scopes == {"/"}, f"extra.scope in mkdocs.yml should make one scope on every page, found {sorted(scopes)}"
