"""Keep compiled theme templates in .cache/jinja so a rebuild (each save in `make serve`, each language) skips Jinja's compile step."""
from pathlib import Path

from jinja2 import FileSystemBytecodeCache


def on_env(env, config, files):
    # keyed by template name and a checksum of its source: an edited template is compiled again
    folder = Path(config.config_file_path).parent / ".cache" / "jinja"
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    return env
