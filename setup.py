"""Build hook for the one optional compiled part: the PDF reader's pdfium call loops.

Everything else is configured in pyproject.toml. The extension is optional: without a
C compiler ``pip install -e .`` still succeeds and the reader uses its pure-Python
path (same output, ~1.5x slower on PDFs; see extract/readers/_pdfium_batch.c).
"""
from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext


class _BuildExt(build_ext):
    def build_extensions(self):
        # rounding as in Python: no fused multiply-add (clang contracts by default)
        if self.compiler.compiler_type == "unix":
            for ext in self.extensions:
                ext.extra_compile_args.append("-ffp-contract=off")
        super().build_extensions()


setup(
    ext_modules=[Extension("inkoopgraaf.extract.readers._pdfium_batch",
                           sources=["extract/readers/_pdfium_batch.c"], optional=True)],
    cmdclass={"build_ext": _BuildExt},
)
