#!/usr/bin/env python3
"""Write name.gz next to each text file of a built site where it pays (nginx's gzip_static sends it, no gzip a request).

Only text types, only files above MIN_BYTES, and only when the .gz is clearly smaller; compressed once at level 9 with
the original's modification time (nginx's Last-Modified and ETag stay those of the file). `make build` runs it;
`make bench` measures what it saves (bytes, and nginx's CPU per request). Usage: precompress.py SITE_DIR
"""
import gzip
import os
import sys
from pathlib import Path

TEXT = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map", ".webmanifest"}
MIN_BYTES = 1024      # below about 1 kB the saving is smaller than a packet and not worth a second file
MAX_RATIO = 0.9       # keep the .gz only when it saves at least a tenth


def precompress(site):
    written = skipped = 0
    for path in sorted(Path(site).rglob("*")):
        if path.suffix not in TEXT or not path.is_file() or path.stat().st_size < MIN_BYTES:
            continue
        data = path.read_bytes()
        packed = gzip.compress(data, compresslevel=9, mtime=0)
        target = path.with_name(path.name + ".gz")
        if len(packed) > MAX_RATIO * len(data):
            target.unlink(missing_ok=True)
            skipped += 1
            continue
        target.write_bytes(packed)
        os.utime(target, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns))
        written += 1
    return written, skipped


def main(argv):
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        sys.exit("usage: precompress.py SITE_DIR (a built site, e.g. site)")
    written, skipped = precompress(argv[0])
    print(f"precompress: {written} .gz files written ({skipped} text files would not shrink enough)")


if __name__ == "__main__":
    main(sys.argv[1:])
