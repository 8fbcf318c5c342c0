"""QR codes for agendas, made one way for the om/lanka pages (hooks/agenda_links.py) and scripts/agenda_link.py."""
import hashlib
import io
import os
from pathlib import Path

import segno

QR_MM = 30          # printed size of each QR code, quiet zone included
_svg_cache = {}
# Encoding a QR code costs milliseconds and every rebuild of `make serve` needs hundreds: keep them on disk,
# keyed by this file and segno's version so any change here or to segno makes new ones (.cache/ is git-ignored).
QR_CACHE = Path(__file__).resolve().parent.parent / ".cache" / "qr" / hashlib.sha256(
    Path(__file__).read_bytes() + segno.__version__.encode()).hexdigest()[:16]


def _cache_file(url):
    return QR_CACHE / (hashlib.sha256(url.encode()).hexdigest()[:32] + ".svg")


def qr_svg(url):
    """An SVG QR code of `url`, QR_MM millimetres wide when printed, dark on white (readable in dark mode too)."""
    if url not in _svg_cache:
        cached = _cache_file(url)
        if cached.is_file():
            _svg_cache[url] = cached.read_bytes()
            return _svg_cache[url]
        code = segno.make(url, error="m", micro=False)
        width = code.symbol_size(scale=1, border=4)[0]
        out = io.BytesIO()
        code.save(out, kind="svg", scale=QR_MM / width, unit="mm", border=4, dark="#000", light="#fff",
                  xmldecl=False, title=url, nl=False)
        _svg_cache[url] = out.getvalue()
        try:
            QR_CACHE.mkdir(parents=True, exist_ok=True)
            partial = cached.with_suffix(f".{os.getpid()}.tmp")
            partial.write_bytes(_svg_cache[url])
            partial.replace(cached)
        except OSError:
            pass   # a read-only checkout builds without the cache
    return _svg_cache[url]


def save_qr(url, target):
    """The QR code of `url` at `target` in a built site: a hard link to the cached file where the file system allows it
    (a build writes hundreds; a link copies no bytes), else the bytes. Nothing writes into a built QR code later."""
    cached = _cache_file(url)
    if not cached.is_file():
        qr_svg(url)   # encodes it into the cache
    try:
        target.unlink(missing_ok=True)   # a --dirty build's earlier file
        os.link(cached, target)
    except OSError:   # another file system, or no cache (a read-only checkout)
        target.write_bytes(qr_svg(url))
