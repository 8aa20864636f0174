"""pdfium's per-character and per-segment functions, bound for calls in a loop.

The PDF reader asks pdfium for every character box on a page with a table and
for every segment of every path. pypdfium2's bindings type each handle as a
pointer to its own struct, so every call converts and checks its arguments;
the same C functions bound here with plain addresses (``c_void_p``) and
results written into preallocated arrays cost 25–35 % less per call (measured
0.39 → 0.28 µs for ``FPDFText_GetUnicode``). The functions are pypdfium2's own
(taken by address from ``pypdfium2.raw``), so library loading and version stay
pypdfium2's business.
"""
from __future__ import annotations

import ctypes
import functools
from types import SimpleNamespace

_P = ctypes.c_void_p
_INT = ctypes.c_int

# name → (result type, argument types), in pdfium's own signature order
_SIGNATURES = {
    "FPDFText_GetUnicode": (ctypes.c_uint, (_P, _INT)),
    "FPDFText_GetLooseCharBox": (_INT, (_P, _INT, _P)),      # FS_RECTF*: left, top, right, bottom
    "FPDFText_GetCharAngle": (ctypes.c_float, (_P, _INT)),
    "FPDFText_GetCharOrigin": (_INT, (_P, _INT, _P, _P)),     # double* x, double* y
    "FPDFText_GetFontSize": (ctypes.c_double, (_P, _INT)),
    "FPDFText_GetFontWeight": (_INT, (_P, _INT)),
    "FPDFText_GetMatrix": (_INT, (_P, _INT, _P)),             # FS_MATRIX*: a, b, c, d, e, f
    "FPDFText_GetTextIndexFromCharIndex": (_INT, (_P, _INT)),
    "FPDFText_GetCharIndexFromTextIndex": (_INT, (_P, _INT)),
    "FPDFPage_CountObjects": (_INT, (_P,)),
    "FPDFPage_GetObject": (_P, (_P, _INT)),
    "FPDFPageObj_GetType": (_INT, (_P,)),
    "FPDFPageObj_GetMatrix": (_INT, (_P, _P)),                 # FS_MATRIX*
    "FPDFFormObj_CountObjects": (_INT, (_P,)),
    "FPDFFormObj_GetObject": (_P, (_P, ctypes.c_ulong)),
    "FPDFPath_CountSegments": (_INT, (_P,)),
    "FPDFPath_GetPathSegment": (_P, (_P, _INT)),
    "FPDFPathSegment_GetPoint": (_INT, (_P, _P, _P)),          # float* x, float* y
    "FPDFPathSegment_GetType": (_INT, (_P,)),
    "FPDFPathSegment_GetClose": (_INT, (_P,)),
}


@functools.lru_cache(maxsize=1)
def api() -> SimpleNamespace:
    """The functions of :data:`_SIGNATURES` by their pdfium names (``api().FPDFText_GetUnicode``),
    bound once per process."""
    bound = {}
    for name, (result, args) in _SIGNATURES.items():
        bound[name] = ctypes.CFUNCTYPE(result, *args)(addresses(name)[0])
    return SimpleNamespace(**bound)


def address(handle) -> int:
    """The plain address of a pypdfium2 object (``PdfPage``, ``PdfTextPage``) or raw handle."""
    return ctypes.cast(getattr(handle, "raw", handle), _P).value


class OutArray:
    """A preallocated C array (floats unless told) for out-parameters: its elements' ``addresses``
    to pass, its ``values`` to read after the call (``f(handle, i, out.addresses[0])``, then
    ``left, top, right, bottom = out.values``).

    ``values`` is a memoryview of the array: unpacking it takes half the time of unpacking the
    ctypes array itself (0.41 against 0.80 µs for a call and four floats), with the same floats.
    """

    __slots__ = ("_array", "values", "addresses")

    def __init__(self, n: int, ctype=ctypes.c_float) -> None:
        self._array = (ctype * n)()
        self.values = memoryview(self._array).cast("B").cast(ctype._type_)
        base, size = ctypes.addressof(self._array), ctypes.sizeof(ctype)
        self.addresses = tuple(base + k * size for k in range(n))


#: set to 1 to read PDFs with the pure-Python loops even when the compiled ones are built
PURE_PYTHON_ENV = "INKOOPGRAAF_PURE_PYTHON_PDF"


@functools.lru_cache(maxsize=1)
def accelerator():
    """The compiled call loops (``_pdfium_batch``), or None when they are not built (no C
    compiler at install time) or ``INKOOPGRAAF_PURE_PYTHON_PDF=1``. Both paths give the same
    output; the compiled one saves the ~0.5 µs ctypes overhead per pdfium call."""
    import importlib
    import os

    if os.environ.get(PURE_PYTHON_ENV) == "1":
        return None
    try:
        return importlib.import_module(f"{__package__}._pdfium_batch")
    except ImportError:
        return None


@functools.lru_cache(maxsize=None)
def addresses(*names: str) -> tuple[int, ...]:
    """The plain addresses of pypdfium2's functions ``names`` (for the compiled loops and :func:`api`)."""
    import pypdfium2.raw as raw

    return tuple(ctypes.cast(getattr(raw, name), _P).value for name in names)
