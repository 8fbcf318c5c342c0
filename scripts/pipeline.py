"""Print the build's real event order from MkDocs' own event table: the table in UNDERHALL.md is this output.

Usage: python scripts/pipeline.py [--check FILE]   (`make pipeline`; --check: exit 1 when FILE's table differs)
"""
import argparse
import sys
from pathlib import Path

from mkdocs.config import load_config

from tillit.site import ROOT

BEGIN, END = "<!-- pipeline:begin (make pipeline) -->", "<!-- pipeline:end -->"


def _name(handler, plugins):
    owner = getattr(handler, "__self__", None)
    if owner is not None:   # a plugin's method
        return next((name for name, plugin in plugins.items() if plugin is owner), type(owner).__name__)
    return handler.__module__   # MkDocs names a hook by its path


def table(config_file=ROOT / "mkdocs.yml") -> str:
    """A Markdown table: each event MkDocs runs, its handlers in the order they run, with their priority."""
    config = load_config(str(config_file))
    rows = ["| Event | Handlers, in the order they run (priority) |", "|---|---|"]
    for event, handlers in config.plugins.events.items():
        if handlers:
            names = [_name(h, config.plugins) + (f" ({h.mkdocs_priority})" if getattr(h, "mkdocs_priority", 0) else "")
                     for h in handlers]
            rows.append(f"| {event} | {' → '.join(names)} |")
    return "\n".join(rows)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", type=Path, help="a Markdown file holding the table between the pipeline markers")
    args = parser.parse_args(argv)
    made = table()
    if not args.check:
        return print(made)
    text = args.check.read_text(encoding="utf-8")
    if text[text.index(BEGIN) + len(BEGIN):text.index(END)].strip() != made:
        print(f"{args.check}: the build map differs from MkDocs' event table: run `make pipeline` and paste "
              "its output between the pipeline markers", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
