"""Each page's last-updated date from ONE `git log` per build (the git-revision-date plugin ran git per page)."""
import os
import subprocess
import time
from html import escape

from tillit.change_notes import shown_date
from tillit.material import LAST_UPDATED_KEY
from tillit.site import local_time

_dates = {}   # docs_dir -> {real path of a file: unix time of the last commit that touched it}


def _git_dates(docs_dir):
    """Last commit time of every file under docs_dir, newest commit first; {} outside a git checkout."""
    try:   # --relative: paths below docs_dir, so no second call to find the top of the checkout
        log = subprocess.run(["git", "-c", "core.quotepath=off", "log", "--format=%x00%ct", "--name-only",
                              "--no-renames", "--relative", "--", "."], cwd=docs_dir, capture_output=True, text=True,
                             check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    dates, stamp = {}, None
    for line in log.splitlines():
        if line.startswith("\0"):
            stamp = int(line[1:])
        elif line and stamp is not None:
            dates.setdefault(os.path.realpath(os.path.join(docs_dir, line)), stamp)
    return dates


def _when(config, path):
    """Swedish time of the last commit of a file (the build time for one not committed yet, as the plugin did)."""
    docs_dir = config["docs_dir"]
    if docs_dir not in _dates:   # once per build process: both languages share it
        _dates[docs_dir] = _git_dates(docs_dir)
    return local_time(_dates[docs_dir].get(os.path.realpath(path), time.time()))   # 23:30 is dated that day


def shown(config, src_uri, locale):
    """The last-updated date of a docs/ file as a reader of `locale` reads it (28 november 2026)."""
    return shown_date(_when(config, os.path.join(config["docs_dir"], src_uri)), locale)


def set_date(page, config, locale):
    """The page's last-updated date in its language: for Material's source-file partial and the printed page."""
    when = _when(config, page.file.abs_src_path)
    date = shown_date(when, locale)
    page.meta["tillit_changed"] = {"shown": date, "iso": when.date().isoformat()}   # overrides/main.html's print line
    # Same markup as the plugin wrote, which Material's partials/source-file.html shows as "last updated"
    page.meta[LAST_UPDATED_KEY] = (
        '<span class="git-revision-date-localized-plugin git-revision-date-localized-plugin-date" '
        f'title="{escape(date)} {when.strftime("%H:%M:%S %Z")}">{escape(date)}</span>')
