"""QR codes for agendas, made one way for the linking pages and `python -m tillit.linking_pages`."""
import io
import os

import segno

from tillit import cache

QR_MM = 30          # printed size of each QR code, quiet zone included
PNG_DPI = 300       # the PNG: QR_MM wide at 300 dpi, for agenda systems and Word versions that take no SVG
# Encoding a QR code costs milliseconds and every rebuild of `make serve` needs hundreds: kept in .cache/qr, keyed by
# the URL, this file and segno's version, so any change here or to segno makes new ones.
VERSION = cache.code_version(__file__) + segno.__version__


def _encode(url, kind):
    code = segno.make(url, error="m", micro=False)
    width = code.symbol_size(scale=1, border=4)[0]
    out = io.BytesIO()
    options = (dict(scale=QR_MM / width, unit="mm", xmldecl=False, title=url, nl=False) if kind == "svg"
               else dict(scale=max(1, round(QR_MM / 25.4 * PNG_DPI / width)), dpi=PNG_DPI))
    code.save(out, kind=kind, border=4, dark="#000", light="#fff", **options)
    return out.getvalue()


def _cached(url, kind):
    """The cached file of the QR code (None where nothing can be written: a read-only checkout)."""
    return cache.file("qr", f"{VERSION}\0{kind}\0{url}", lambda: _encode(url, kind), f".{kind}")


def qr_svg(url):
    """An SVG QR code of `url`, QR_MM millimetres wide when printed, dark on white (readable in dark mode too)."""
    path = _cached(url, "svg")
    return path.read_bytes() if path else _encode(url, "svg")


def save_qr(url, target, kind="svg"):
    """`url`'s QR code (svg/png) at `target`: a hard link to the cached file (a build writes hundreds), else bytes."""
    try:
        target.unlink(missing_ok=True)   # a --dirty build's earlier file
        os.link(_cached(url, kind), target)
    except (OSError, TypeError):   # another file system, or no cache (a read-only checkout)
        target.write_bytes(_encode(url, kind))
