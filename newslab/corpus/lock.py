"""One corpus run at a time per output folder: a lock file that a crash cannot leave stuck.

``out/_newslab.lock`` holds the owner's host name, process id and that process's start time.
It is created complete or not at all (written under a temporary name, then hard-linked into
place, which fails if the lock exists), so two runs starting at the same instant cannot both
win and a crash never leaves a half-written lock.

A second run finding the lock:

* owner on this host and still running (same pid, same process start time): it stops with
  :class:`~newslab.errors.OutputFolderError` naming the owner;
* owner on this host but gone (killed, crashed, machine rebooted — or its pid now belongs to
  another process, which the start time tells apart): the lock is stale, taken over silently;
* owner on another host (a shared network folder): newslab cannot see that machine's processes,
  so it stops and says which host and pid hold the lock and to delete the file if that run is
  over.

The same scheme as e.g. Git's ``index.lock`` with the pid/host staleness test of Mercurial's
``wlock`` (``hg`` stores ``host:pid`` in its lock and breaks locks whose local pid is dead).
"""

from __future__ import annotations

import json
import os
import socket
import time
from pathlib import Path
from typing import Any

from ..errors import OutputFolderError

LOCK_FILE = "_newslab.lock"


def _start_time(pid: int) -> str | None:
    """When process ``pid`` started (clock ticks since boot, Linux ``/proc``), else ``None``."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # the command name (field 2) may hold spaces and parentheses: split after the last ')'
    fields = stat[stat.rfind(")") + 2:].split()
    return fields[19] if len(fields) > 19 else None


def _alive(pid: int, started: str | None) -> bool:
    """Whether ``pid`` runs on this host and is the same process that wrote the lock."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        pass
    now = _start_time(pid)
    return started is None or now is None or now == started


def owner_record() -> dict[str, Any]:
    """What this process writes into a lock: host, pid, process start time, wall time."""
    pid = os.getpid()
    return {"host": socket.gethostname(), "pid": pid, "start": _start_time(pid),
            "since": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}


def _create(tmp: Path, path: Path, record: dict[str, Any]) -> None:
    """Create ``path`` holding ``record``, failing with ``FileExistsError`` if it exists: a hard
    link of the complete ``tmp`` file where the file system has them, else an exclusive create
    (FAT, some network shares)."""
    try:
        os.link(tmp, path)
        return
    except FileExistsError:
        raise
    except OSError:
        pass
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(json.dumps(record))


class RunLock:
    """The lock on one output folder, held from :meth:`acquire` until :meth:`release`.

    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> lock = RunLock.acquire(folder)
    >>> RunLock.acquire(folder)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    newslab.errors.OutputFolderError: Cannot write the corpus results to ...
    >>> lock.release()
    >>> RunLock.acquire(folder).release()
    """

    def __init__(self, path: Path, record: dict[str, Any]) -> None:
        self.path, self.record = path, record

    @classmethod
    def acquire(cls, folder: str | os.PathLike) -> "RunLock":
        """Take the lock of ``folder`` (which must exist) or raise ``OutputFolderError``."""
        path = Path(folder) / LOCK_FILE
        record = owner_record()
        tmp = path.with_name(f".{LOCK_FILE}.{record['pid']}.tmp")
        try:
            tmp.write_text(json.dumps(record), encoding="utf-8")
            for _ in range(3):
                try:
                    _create(tmp, path, record)
                    return cls(path, record)
                except FileExistsError:
                    cls._check_stale(path, folder)  # raises if a live run holds it
        except OSError as err:
            raise OutputFolderError(str(folder), f"its lock file could not be written "
                                    f"({err.strerror or err}).", "Check that the folder is "
                                    "writable and the disk not full.") from None
        finally:
            tmp.unlink(missing_ok=True)
        raise OutputFolderError(str(folder), "another run keeps taking its lock file "
                                f"{LOCK_FILE}.", "Wait for it to finish.")

    @staticmethod
    def _check_stale(path: Path, folder: str | os.PathLike) -> None:
        """Remove ``path`` if its owner is gone; raise if a live (or unknowable) run holds it."""
        try:
            owner = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return  # released meanwhile: try again
        except (OSError, ValueError):
            owner = {}
        host, pid = owner.get("host"), owner.get("pid")
        if host == socket.gethostname() and isinstance(pid, int):
            if _alive(pid, owner.get("start")):
                raise OutputFolderError(str(folder), f"another newslab run (process {pid} on "
                                        f"this machine, since {owner.get('since')}) is writing "
                                        "there.", "Wait for it to finish, or stop it; or write to another folder.")
        elif host is not None:
            raise OutputFolderError(str(folder), f"a newslab run on host {host!r} (process "
                                    f"{pid}) holds its lock.", f"If that run is over, delete "
                                    f"{path} and start again.")
        # stale (owner dead) or unreadable (should not happen: locks are written whole)
        path.unlink(missing_ok=True)

    def release(self) -> None:
        """Give the lock up (only if it is still ours)."""
        try:
            owner = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if owner.get("pid") == self.record["pid"] and owner.get("host") == self.record["host"]:
            self.path.unlink(missing_ok=True)
