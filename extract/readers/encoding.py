"""Decode the bytes of a text file the way people's files really come.

Windows "Unicode" text is UTF-16 with a byte-order mark; Excel and Notepad
of old write Windows-1252. Trust, in order: a BOM, valid UTF-8, then
Windows-1252 when the bytes fit it (no byte cp1252 leaves undefined, no
control characters a text would not have). NUL bytes in the first 4 KB of a
file without a BOM mean a binary file; NULs later on (a damaged export, a
file padded by a copy tool) are dropped so they never reach a CSV or Turtle.
"""
from __future__ import annotations

import codecs
import re

# longest first: the UTF-32-LE BOM starts with the UTF-16-LE one
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# C0 controls that no text file carries (tab, newline, form feed, carriage return are fine)
_CONTROL = re.compile(r"[\x01-\x08\x0b\x0e-\x1f\x7f]")
HEAD = 4096


class NotText(ValueError):
    """The bytes are not text in any encoding we accept; the message says why."""


def bom_encoding(raw: bytes) -> tuple[str, int] | None:
    """(codec, BOM length) when the bytes start with a byte-order mark."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            return codec, len(bom)
    return None


def decode_text(raw: bytes) -> tuple[str, str]:
    """(text, encoding name) of a text file's bytes; raises NotText for binary data."""
    bom = bom_encoding(raw)
    if bom:
        codec, skip = bom
        try:
            return _drop_nul(raw[skip:].decode(codec)), codec
        except UnicodeDecodeError as exc:
            raise NotText(f"damaged {codec.upper()} text (byte-order mark, then invalid bytes at {exc.start})") from exc
    if b"\x00" in raw[:HEAD]:
        raise NotText("binary file, not text (NUL bytes)")
    try:
        return _drop_nul(raw.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise NotText(f"binary file, not text (byte 0x{raw[exc.start]:02x} at {exc.start} is not UTF-8 "
                      "or Windows-1252)") from exc
    if len(_CONTROL.findall(text[:HEAD])) > 8:
        raise NotText("binary file, not text (control characters)")
    return _drop_nul(text), "cp1252"


def _drop_nul(text: str) -> str:
    return text.replace("\x00", "") if "\x00" in text else text


# -- long files, in a stream ------------------------------------------------------------------

def _chunks(path, size: int, skip: int = 0):
    with open(path, "rb") as fh:
        fh.seek(skip)
        while data := fh.read(size):
            yield data


def stream_encoding(path, chunk: int) -> tuple[str, int]:
    """(codec, BOM length) that :func:`decode_text` would choose for the whole file, found in a
    stream of ``chunk`` bytes at a time (a pass over the file, never all of it in memory); raises
    NotText with ``decode_text``'s reasons."""
    with open(path, "rb") as fh:
        head = fh.read(HEAD)
    bom = bom_encoding(head)
    if bom is None and b"\x00" in head:
        raise NotText("binary file, not text (NUL bytes)")
    codec, skip = bom or ("utf-8", 0)
    bad = _first_error(path, codec, chunk, skip)
    if bad is None:
        return codec, skip
    if bom:
        raise NotText(f"damaged {codec.upper()} text (byte-order mark, then invalid bytes at {bad[0]})")
    bad = _first_error(path, "cp1252", chunk, 0)
    if bad is not None:
        raise NotText(f"binary file, not text (byte 0x{bad[1]:02x} at {bad[0]} is not UTF-8 or Windows-1252)")
    if len(_CONTROL.findall(head.decode("cp1252")[:HEAD])) > 8:
        raise NotText("binary file, not text (control characters)")
    return "cp1252", 0


def _first_error(path, codec: str, chunk: int, skip: int) -> tuple[int, int] | None:
    """(offset, byte) of the first byte ``codec`` cannot decode, or None when the whole file decodes."""
    decoder = codecs.getincrementaldecoder(codec)()
    done = 0
    for data in _chunks(path, chunk, skip):
        pending = len(decoder.getstate()[0])
        try:
            decoder.decode(data)
        except UnicodeDecodeError as exc:
            at = done - pending + exc.start
            return at, (exc.object[exc.start] if exc.start < len(exc.object) else 0)
        done += len(data)
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        return done - len(exc.object) + exc.start, exc.object[exc.start]
    return None


def decoded_chunks(path, encoding: tuple[str, int], chunk: int):
    """The file's text in pieces, decoded with ``encoding`` (from :func:`stream_encoding`), NULs dropped."""
    codec, skip = encoding
    decoder = codecs.getincrementaldecoder(codec)()
    for data in _chunks(path, chunk, skip):
        yield _drop_nul(decoder.decode(data))
    yield _drop_nul(decoder.decode(b"", final=True))
