"""The output folder always holds one whole run.

A run takes a lock beside the output folder (a second run into the same folder waits or refuses),
builds everything in a staging folder beside it, and swaps the staging folder in at the end with one
rename (``renameat2(RENAME_EXCHANGE)`` on Linux; elsewhere two renames that the next run completes
if a kill falls between them). A failed or killed run leaves the previous run untouched: its staging
folder is removed (by the next run, after a kill). Hidden entries of the previous run that the new
one does not write (the analysis cache, ``.gitkeep``) are carried over.
"""
from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import fcntl
import logging
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

from ..errors import ParameterError

LOGGER = logging.getLogger(__name__)
RUN_MARKERS = ("run.json", "index.html")     # a folder holding one of these is a report folder
RENAME_EXCHANGE = 2                          # from linux/fs.h
AT_FDCWD = -100


class FolderBusy(ParameterError):
    """Another run holds the output folder."""


def _sibling(out: Path, kind: str, tag: str = "") -> Path:
    return out.parent / f".{out.name}.{kind}{tag}"


def check_replaceable(out: Path) -> None:
    """Refuse an output folder that holds anything but an earlier report (and hidden files), so a
    mistyped ``--out`` never swaps away someone's documents."""
    if not out.is_dir():
        return
    visible = [p.name for p in out.iterdir() if not p.name.startswith(".")]
    if visible and not any((out / m).exists() for m in RUN_MARKERS):
        raise ParameterError(f"out: {out} is not empty and holds no earlier report ({', '.join(sorted(visible)[:3])}"
                             f"{' …' if len(visible) > 3 else ''}); give a new or empty folder")


@contextlib.contextmanager
def locked(out: Path, *, wait: bool = False) -> Iterator[None]:
    """Hold the lock of ``out`` for the block. If another run holds it: wait for it when ``wait``,
    else raise :class:`FolderBusy` naming the holder."""
    out.parent.mkdir(parents=True, exist_ok=True)
    path = _sibling(out, "lock")
    with open(path, "a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "another process"
            raise FolderBusy(f"out: another run ({holder}) is writing {out}; try again when it has finished, "
                             "or pass --wait to wait for it") from None
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()}")
        fh.flush()
        try:
            yield
        finally:
            fh.seek(0)
            fh.truncate()
            fcntl.flock(fh, fcntl.LOCK_UN)


def recover(out: Path) -> None:
    """Under the lock: finish a publish a kill interrupted and remove what killed runs left behind."""
    olds = sorted(out.parent.glob(f".{out.name}.old-*"))
    if olds and not out.exists():
        os.rename(olds[-1], out)          # killed between the two renames of the fallback swap
        olds = olds[:-1]
    for old in olds:
        _carry_hidden(old, out)
        shutil.rmtree(old, ignore_errors=True)
    for stale in out.parent.glob(f".{out.name}.staging-*"):
        shutil.rmtree(stale, ignore_errors=True)


def staging_folder(out: Path) -> Path:
    """A new, empty staging folder beside ``out`` (on the same file system, so the swap is a rename)."""
    path = _sibling(out, "staging-", str(os.getpid()))
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


def _carry_hidden(old: Path, new: Path) -> None:
    """Move the hidden entries of ``old`` that ``new`` lacks (the cache, ``.gitkeep``) into ``new``."""
    if not old.is_dir() or not new.is_dir():
        return
    for entry in old.iterdir():
        if entry.name.startswith(".") and not (new / entry.name).exists():
            os.rename(entry, new / entry.name)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux ``renameat2``); False where the system cannot."""
    libc_name = ctypes.util.find_library("c")
    libc = ctypes.CDLL(libc_name, use_errno=True) if libc_name else None
    fn = getattr(libc, "renameat2", None)
    if fn is None:
        return False
    if fn(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(a))


def publish(staging: Path, out: Path) -> None:
    """Make ``staging`` the output folder ``out``: one atomic swap when ``out`` exists."""
    if not out.exists():
        os.rename(staging, out)
        return
    old = _sibling(out, "old-", str(os.getpid()))
    if _exchange(staging, out):
        os.rename(staging, old)           # staging now holds the previous run
    else:
        os.rename(out, old)
        os.rename(staging, out)
    _carry_hidden(old, out)
    shutil.rmtree(old, ignore_errors=True)


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)
