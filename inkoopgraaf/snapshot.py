"""One consistent snapshot per output folder: a lock, and generations switched in one rename.

Layout of an output folder (``outputs/``)::

    .lock                       held (flock) by the build writing here; holds its PID
    .snapshots/000007/          one complete build: facts.jsonl, documents.csv, texts/, ...
    .snapshots/current -> 000007   switched with one atomic rename of a symlink
    facts.jsonl -> .snapshots/current/facts.jsonl     stable names for people and tools
    .cache/                     extraction cache (content-addressed, shared by builds)

A build writes everything into ``.snapshots/000008.tmp/``; only when every
file is written does it rename the folder to ``000008`` and switch
``current``. A ``kill -9`` at any moment leaves either the old or the new
build current, never a mix; the half-written ``*.tmp`` folder is removed by
the next build. The previous generation is kept until the one after, so a
reader that resolved it just before the switch can finish.

Readers resolve the current generation once with
:func:`inkoopgraaf.models.io.resolve_snapshot` and read all files from it.
"""
from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import shutil
import stat
import time
from pathlib import Path
from typing import Callable, Iterator

from .models.io import CURRENT, SNAPSHOTS, resolve_snapshot

LOCK = ".lock"
#: ``OUT/.spill-*``: where a build without a cache keeps its results while it runs (cli.py)
SPILL_PREFIX = ".spill-"


class BuildRunning(RuntimeError):
    """Another build holds the output folder's lock."""

    def __init__(self, out: Path, pid: str):
        self.out, self.pid = out, pid
        who = f"PID {pid}" if pid else "PID unknown"
        super().__init__(f"another build is running into {out}/ ({who}); wait for it to finish, "
                         f"or build into another folder with --out")


class NoSpace(RuntimeError):
    """The disk filled up while writing a generation; the previous one is untouched."""

    def __init__(self, where: str):
        super().__init__(f"no space left on device while writing {where}; the previous outputs are unchanged")


@contextlib.contextmanager
def build_lock(out: Path) -> Iterator[None]:
    """Hold the output folder's lock for a whole build. The kernel drops it when the
    process dies, so a killed build never leaves a stale lock behind."""
    out.mkdir(parents=True, exist_ok=True)
    fd = os.open(out / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
            raise BuildRunning(out, pid) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _generations(root: Path) -> list[int]:
    return sorted(int(p.name) for p in root.iterdir() if p.is_dir() and p.name.isdigit()) if root.is_dir() else []


def clean_stale(out: Path) -> list[str]:
    """Remove what a killed build left: ``*.tmp`` generation folders and the temporary
    files of the old one-file-at-a-time writer (``.facts.jsonl.x1y2.tmp``). Call under the lock."""
    removed = []
    root = out / SNAPSHOTS
    if root.is_dir():
        for p in root.iterdir():
            if p.name.endswith(".tmp"):
                shutil.rmtree(p, ignore_errors=True) if p.is_dir() and not p.is_symlink() else p.unlink()
                removed.append(str(p))
    for folder in (out, out / "texts", out / "neo4j"):
        if folder.is_dir() and not folder.is_symlink():
            for p in folder.glob(".*.tmp"):
                with contextlib.suppress(OSError):
                    p.unlink()
                    removed.append(str(p))
    return removed


def clean_spills(out: Path) -> None:
    """Remove what a killed build without a cache left of its results (``OUT/.spill-*``).
    Call under the lock, before this build makes its own."""
    for p in out.glob(f"{SPILL_PREFIX}*"):
        if p.is_dir() and not p.is_symlink():
            shutil.rmtree(p, ignore_errors=True)


class Generation:
    """A folder being written; :meth:`commit` makes it the current snapshot."""

    def __init__(self, out: Path):
        self.out = out
        self.root = out / SNAPSHOTS
        self.root.mkdir(parents=True, exist_ok=True)
        self.previous = resolve_snapshot(out) if (self.root / CURRENT).is_symlink() else None
        self.number = (_generations(self.root) or [0])[-1] + 1
        self.path = self.root / f"{self.number:06d}.tmp"
        self.committed = False
        shutil.rmtree(self.path, ignore_errors=True)
        self.path.mkdir()

    def shown(self, filename: str | None) -> str:
        """How a path inside this generation is named to the user: ``outputs/graph.ttl``."""
        if not filename:
            return f"{self.out}/"
        try:
            return str(self.out / Path(filename).relative_to(self.path))
        except ValueError:
            return str(filename)

    def commit(self) -> None:
        final = self.root / f"{self.number:06d}"
        _fsync_tree(self.path)
        os.rename(self.path, final)
        link_tmp = self.root / f"{CURRENT}.tmp"
        with contextlib.suppress(FileNotFoundError):
            link_tmp.unlink()
        os.symlink(final.name, link_tmp)
        os.replace(link_tmp, self.root / CURRENT)      # the one atomic switch
        self.committed = True
        _fsync_dir(self.root)
        self.path = final
        _link_top_level(self.out, final)
        self._prune()

    def abort(self) -> None:
        if not self.committed:     # once switched in, the folder is the current snapshot
            shutil.rmtree(self.path, ignore_errors=True)

    def _prune(self) -> None:
        """Keep the current and the previous generation (a reader may still be in it)."""
        keep = {self.number}
        if self.previous is not None and self.previous.name.isdigit():
            keep.add(int(self.previous.name))
        for n in _generations(self.root):
            if n not in keep:
                shutil.rmtree(self.root / f"{n:06d}", ignore_errors=True)


def _link_top_level(out: Path, gen: Path) -> None:
    """outputs/<name> -> .snapshots/current/<name> for every name of the new generation.

    Real files of a folder written before generations existed are replaced
    once; links to names the new build did not write (report.html after
    --no-report) are removed, so no file of an older build stays visible.
    """
    names = {p.name for p in gen.iterdir() if not p.name.startswith(".")}   # .inputs.json is the build's own
    for p in out.iterdir():
        if p.is_symlink() and os.readlink(p).startswith(f"{SNAPSHOTS}/") and p.name not in names:
            p.unlink()
    for name in sorted(names):
        top = out / name
        target = f"{SNAPSHOTS}/{CURRENT}/{name}"
        if top.is_symlink():
            if os.readlink(top) == target:
                continue
            top.unlink()
        elif top.is_dir():
            shutil.rmtree(top)
        elif top.exists():
            top.unlink()
        tmp = out / f".{name}.link.tmp"
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        os.symlink(target, tmp)
        os.replace(tmp, top)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_tree(path: Path) -> None:
    # every file was fsynced by its atomic writer; the folders' entries must reach the disk too
    for folder, _dirs, _files in os.walk(path):
        _fsync_dir(Path(folder))


def write_generation(out: Path, steps: list[tuple[str, Callable[[Path], list[str]]]]) -> list[str]:
    """Run the write phase: each step ``(what, write(folder) -> names written)`` writes into a
    fresh generation; the generation becomes current only when every step succeeded.

    Disk full in any step raises :class:`NoSpace` naming the file (the
    generation is removed, the previous snapshot stays current); any other
    error removes the generation and propagates.
    """
    try:
        gen = Generation(out)
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise NoSpace(f"{out}/{SNAPSHOTS}/") from exc
        raise
    written: list[str] = []
    what = "the snapshot switch"
    try:
        for what, write in steps:
            written += write(gen.path)
        what = "the snapshot switch"
        gen.commit()
    except OSError as exc:
        gen.abort()
        if exc.errno == errno.ENOSPC:
            raise NoSpace(gen.shown(exc.filename) if exc.filename else f"{out}/{what}") from exc
        raise
    except BaseException:
        gen.abort()
        raise
    return written


def reuse_file(previous: Path | None, rel: str, target: Path, data: str) -> bool:
    """Hard-link an unchanged file from the previous generation instead of writing it again."""
    if previous is None:
        return False
    old = previous / rel
    try:
        if old.stat().st_size != len(data.encode("utf-8")) or old.read_text(encoding="utf-8") != data:
            return False
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(old, target)
        return True
    except OSError:
        return False


# -- what a build was made from: the no-change fast path ---------------------------------
STATE = ".inputs.json"          # in each generation: the inputs key and what the build printed
STAT_INDEX = "stat-index.json"  # in the cache folder: path -> [size, mtime_ns, sha256]
RACY_NS = 2 * 10**9             # files modified this recently are not trusted by (size, mtime)


def _sha256(path: Path) -> str:
    import hashlib
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


class StatIndex:
    """sha256 of each input by (size, mtime_ns): an unchanged file costs one stat, not a read.

    A file whose size or mtime changed is hashed again (so a touched but identical file
    still counts as unchanged). Kept next to the extraction cache; a lost or damaged
    index only costs the hashing."""

    def __init__(self, cache_dir: Path | None):
        self.path = cache_dir / STAT_INDEX if cache_dir is not None else None
        self.entries: dict[str, list] = {}
        self.dirty = False
        self._cwd: str | None = None
        if self.path is not None:
            with contextlib.suppress(OSError, ValueError):
                import json
                data = json.loads(self.path.read_text(encoding="utf-8"))
                self.entries = data if isinstance(data, dict) else {}

    def sha(self, path: Path) -> str | None:
        """The file's sha256, or None when it cannot be read (the batch reports why)."""
        try:
            st = os.stat(path)
        except OSError:
            return None
        if not stat.S_ISREG(st.st_mode):      # what os.path.isfile tells, from the same stat
            return None
        key = self._key(path)
        held = self.entries.get(key)
        if isinstance(held, list) and len(held) == 3 and held[0] == st.st_size and held[1] == st.st_mtime_ns:
            return held[2]
        try:
            sha = _sha256(path)
        except OSError:
            return None
        # "racily clean": a file written within the mtime granularity of now could change again
        # without its (size, mtime) changing; such a file is hashed again next time
        if time.time_ns() - st.st_mtime_ns > RACY_NS:
            self.entries[key] = [st.st_size, st.st_mtime_ns, sha]
            self.dirty = True
        return sha

    def _key(self, path) -> str:
        """os.path.abspath(path), the working folder asked once per index, not once per file
        (abspath calls getcwd each time: two calls per input file and build)."""
        path = os.fspath(path)
        if os.path.isabs(path):
            return os.path.normpath(path)
        if self._cwd is None:
            self._cwd = os.getcwd()
        return os.path.normpath(os.path.join(self._cwd, path))

    def keep_only(self, paths) -> None:
        """Forget files that are not inputs any more (removed or renamed)."""
        wanted = {self._key(p) for p in paths}
        for key in [k for k in self.entries if k not in wanted]:
            del self.entries[key]
            self.dirty = True

    def save(self) -> None:
        if self.path is None or not self.dirty:
            return
        import json
        from .models.io import write_text_atomic
        with contextlib.suppress(OSError):
            write_text_atomic(self.path, json.dumps(self.entries, sort_keys=True))
        self.dirty = False


def read_state(out: Path) -> dict | None:
    """The current generation's inputs record, or None (no build, an older build, damaged)."""
    import json
    gen = resolve_snapshot(out)
    try:
        state = json.loads((gen / STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(state, dict) or gen == out:
        return None
    if not all((gen / name).exists() for name in state.get("files", [])):
        return None      # someone removed a file from the snapshot: build it again
    return state


def write_state(folder: Path, state: dict) -> None:
    import json
    from .models.io import write_text_atomic
    write_text_atomic(folder / STATE, json.dumps(state, ensure_ascii=False, sort_keys=True, indent=1))


def prune_cache(cache_dir: Path | None, keep: set[str]) -> int:
    """Remove extraction cache entries no input of this build uses (removed or changed files)."""
    if cache_dir is None or not cache_dir.is_dir():
        return 0
    removed = 0
    for p in cache_dir.glob("*.json"):
        if p.name != STAT_INDEX and p.stem not in keep:
            with contextlib.suppress(OSError):
                p.unlink()
                removed += 1
    return removed


def code_version() -> str:
    """Hash of every source and data file of the application, the extractors and the model:
    a build by other code (a new rule, a changed report) is never taken for an unchanged one.
    A superset of the extractor version, computed without importing the extractors."""
    import hashlib
    from importlib import resources
    h = hashlib.sha256()
    for pkg in ("inkoopgraaf", "inkoopgraaf.extract", "inkoopgraaf.models"):
        root = Path(str(resources.files(pkg)))
        for p in sorted(root.rglob("*")):
            if p.suffix in (".py", ".json", ".csv", ".html", ".js", ".css", ".sql") and "__pycache__" not in p.parts \
                    and p.is_file():
                h.update(str(p.relative_to(root)).encode())
                h.update(p.read_bytes())
    return h.hexdigest()[:16]


def inputs_key(files, shas, metas, skipped, options: dict) -> str:
    """One hash of everything a build's outputs are made from."""
    import hashlib
    import json
    payload = {"files": [[str(p), s, m] for p, s, m in zip(files, shas, metas)],
               "skipped": [[str(p), why] for p, why in skipped], "options": options, "code": code_version()}
    return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()
