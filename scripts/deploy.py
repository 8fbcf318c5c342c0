#!/usr/bin/env python3
"""Publish a checked build as a release and switch the web root to it atomically; switch back; mark a build checked.

  deploy.py mark SITE            `make build` after its checks passed: SITE.checked holds the build's digest
  deploy.py publish SITE DEST    SITE copied into a new release next to DEST, then DEST (a link) renamed onto it
  deploy.py rollback DEST        DEST switched back to the release before the current one

Releases live in DEST's folder as .<name>-releases/<time>-<digest>/ (nginx serves only DEST: deploy/nginx.conf).
A switch creates a new link and renames it over DEST, so every request sees the old release or the new one, never a
mix. The current release and the three before it are kept; each new release also gets the previous release's
fingerprinted theme files (hard links), so pages opened before the switch still load their CSS and JavaScript.
publish and rollback refuse a build whose checks did not pass or that changed since, and an example or local address
(the rule: tillit.site.is_published). Standard library and tillit.site only.
"""
import fcntl
import hashlib
import json
import os
import re
import shutil
import sys
from datetime import UTC, datetime
from pathlib import Path

from tillit.site import SITE_URL_SETTING, address_warning, is_published  # the one rule for a real address

KEEP_PREVIOUS = 3
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(?:css|js)(?:\.gz)?$")   # as deploy/nginx.conf's immutable cache
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')


class RefusedError(Exception):
    pass


def digest(tree, skip=()):
    """sha256 of the paths and contents of tree's files but `skip` (the marker proves this exact build was checked)."""
    h = hashlib.sha256()
    for path in sorted(p for p in Path(tree).rglob("*") if p.is_file() and p.relative_to(tree).as_posix() not in skip):
        h.update(path.relative_to(tree).as_posix().encode() + b"\0")
        with open(path, "rb") as f:
            h.update(hashlib.file_digest(f, "sha256").digest())
    return h.hexdigest()


def marker_of(site):
    return Path(site).with_name(Path(site).name + ".checked")


def site_url_of(site):
    start = Path(site) / "index.html"
    found = start.exists() and CANONICAL.search(start.read_text(encoding="utf-8", errors="replace"))
    return found.group(1) if found else ""


def mark(site):
    marker = marker_of(site)
    marker.write_text(json.dumps({"digest": digest(site), "site_url": site_url_of(site),
                                  "checked": f"{datetime.now(UTC):%Y-%m-%dT%H:%M:%SZ}"}), encoding="utf-8")
    print(f"deploy: {site} passed its checks ({marker.name} written)")


def read_marker(marker, what):
    try:
        return json.loads(Path(marker).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise RefusedError(f"{what} has no record of passed checks ({Path(marker).name} is missing): "
                           "its checks failed or never ran. "
                           "Run `make build` (it writes the record only when every check passes).") from None


def require_published(url, what):
    if not is_published(url):
        raise RefusedError(address_warning(url, what).removeprefix("warning: ") +
                           f" Nothing was switched: publish once {SITE_URL_SETTING} is the real address.")


def releases_of(dest):
    return dest.parent / f".{dest.name}-releases"


def current(dest):
    if dest.is_symlink():
        return Path(os.path.realpath(dest))
    if dest.exists():
        raise RefusedError(f"{dest} is a folder, not a link to a release: move it away (mv {dest} {dest}.old), then "
                           "deploy again (README: Publicera)")
    return None


def switch(dest, release):
    link = dest.with_name(f".{dest.name}.switch-{os.getpid()}")
    link.unlink(missing_ok=True)
    link.symlink_to(os.path.relpath(release, dest.parent), target_is_directory=True)
    os.replace(link, dest)


def release_ids(releases):
    return sorted(p.name for p in releases.iterdir() if p.is_dir() and not p.name.startswith("."))


def publish(site, dest):
    site, dest = Path(site), Path(dest).absolute()
    record = read_marker(marker_of(site), f"the build in {site}/")
    if digest(site) != record["digest"]:
        raise RefusedError(f"{site}/ changed after its checks passed: run `make build` again (nothing was switched)")
    require_published(site_url_of(site), f"the build in {site}/")
    before, releases = current(dest), releases_of(dest)
    releases.mkdir(parents=True, exist_ok=True)
    # ids sort by time (to the microsecond, under the lock: never twice): rollback goes to the one before
    release_id = f"{datetime.now(UTC):%Y%m%d-%H%M%S.%f}-{record['digest'][:8]}"
    partial, release = releases / f".partial-{release_id}", releases / release_id
    shutil.copytree(site, partial, symlinks=False)
    carried = carry_theme_files(before, partial) if before else []
    os.replace(partial, release)
    write_record(releases, release_id, {**record, "carried": carried})
    switch(dest, release)
    print(f"deploy: {dest} -> {release_id} ({record['site_url']}; "
          f"{len(carried)} theme files of the previous release kept)")
    prune(releases, release)


def carry_theme_files(source, target):
    """Hard-link source's fingerprinted theme files that target lacks into it (open pages load them): the list added."""
    added = []
    for old in sorted(source.rglob("*")):
        rel = old.relative_to(source)
        if FINGERPRINTED.search(old.name) and old.is_file() and not (target / rel).exists():
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(old, target / rel)
            except OSError:
                shutil.copy2(old, target / rel)
            added.append(rel.as_posix())
    return added


def write_record(releases, release_id, record):
    partial = releases / f".{release_id}.checked.new"
    partial.write_text(json.dumps(record), encoding="utf-8")
    os.replace(partial, releases / f"{release_id}.checked")


def prune(releases, keep):
    for old in [i for i in release_ids(releases) if i != keep.name][:-KEEP_PREVIOUS]:
        shutil.rmtree(releases / old)
        (releases / f"{old}.checked").unlink(missing_ok=True)
        print(f"deploy: removed the old release {old}")


def rollback(dest):
    dest = Path(dest).absolute()
    now = current(dest)
    if now is None:
        raise RefusedError(f"{dest} does not exist: nothing has been published there yet")
    earlier = [i for i in release_ids(releases_of(dest)) if i < now.name]
    if not earlier:
        raise RefusedError(f"{dest} is on {now.name}, the oldest release kept: there is nothing to go back to")
    target = releases_of(dest) / earlier[-1]
    record = read_marker(releases_of(dest) / f"{target.name}.checked", f"the release {target.name}")
    if digest(target, skip=set(record.get("carried", ()))) != record.get("digest"):
        raise RefusedError(f"the release {target.name} changed after it was published: not switching to it")
    require_published(record.get("site_url", ""), f"the release {target.name}")
    # pages opened from the current release keep their theme files too (added, never replaced)
    record["carried"] = record.get("carried", []) + carry_theme_files(now, target)
    write_record(releases_of(dest), target.name, record)
    switch(dest, target)
    print(f"deploy: {dest} -> {target.name} (back from {now.name})")


def main(argv):
    command, *args = argv or [""]
    if len(args) != {"mark": 1, "publish": 2, "rollback": 1}.get(command):
        sys.exit("usage: deploy.py mark SITE | publish SITE DEST | rollback DEST")
    if command == "mark":
        return mark(Path(args[0]))
    if any(not a for a in args):
        sys.exit(f"deploy: say where to publish: make {command} DEST=/var/www/tillit/tsl")
    dest = Path(args[-1]).absolute()
    dest.parent.mkdir(parents=True, exist_ok=True)
    with open(dest.parent / f".{dest.name}.lock", "w") as lock:   # one deploy or rollback at a time
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            publish(*args) if command == "publish" else rollback(*args)
        except RefusedError as why:
            sys.exit(f"deploy: refused: {why}")


if __name__ == "__main__":
    main(sys.argv[1:])
