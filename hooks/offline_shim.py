"""Offline bundle (OFFLINE=true): the iframe-worker shim from the site (vendored from npm), not unpkg.com; no redirect stubs."""
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
SHIM = ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js"    # pinned in package.json
TARGET = "assets/javascripts/iframe-worker-shim.js"                       # the name must contain "iframe-worker"


def _offline(config):
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return plugin is not None and plugin.config.enabled


def on_config(config):
    if not _offline(config):
        return config
    if not SHIM.exists():
        raise PluginError(f"offline build: {SHIM} is missing: run `npm ci` first (make offline does)")
    polyfills = [p for p in config.extra.get("polyfills", []) if "iframe-worker" not in str(p)]
    config.extra["polyfills"] = polyfills + [TARGET]
    # Old-URL stubs (hooks/redirects.py) assume directory URLs and only matter on the server: none in the bundle.
    config.extra["redirects"] = {}
    return config


def on_post_build(config):
    if _offline(config):
        target = Path(config["site_dir"]) / TARGET
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SHIM, target)
