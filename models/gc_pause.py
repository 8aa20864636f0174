"""Pausing Python's cyclic garbage collector around one bounded piece of work.

Reading and extracting a document allocate millions of small containers (tokens, lines,
clauses, matches). Every 700 allocations the collector ran, and its older generations walked
every live object of the process (the spaCy vocabulary, the taxonomy, the gazetteer): about a
tenth of the extraction CPU and a twentieth of PDF reading. Reference counting frees nearly
everything anyway; the few cycles (an extraction context and its layers) go at the first
collection after the piece of work. Callers pause only for work of bounded size (a document
up to ``pipeline.GC_PAUSE_CHARS``, a PDF up to ``readers.pdf.GC_PAUSE_PAGES``), so garbage
cannot pile up in a huge one. The build's assembly (models/derived.py) pauses it the same way
while it parses a bounded batch of report contributions. It lives in models so that extract/ and
models/ share it: extract/ may import models, not the other way round.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def collector_paused(pause: bool = True):
    """Run the block with the collector disabled when ``pause``; a caller that disabled it
    itself keeps it disabled, and an exception in the block still restarts it."""
    if not pause or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
