"""One kapdesk per data folder: a second start hands over to the first and exits.

Two copies on one room PC would play the music twice and write the same sessions. The first
start takes a lock file in the data folder (:class:`QLockFile`, which knows a lock left by a
process that no longer runs and takes it over) and listens on a local socket named after the
folder; a second start, finding the lock held, asks the first over that socket to bring its
window forward, and exits 0.

The folder's lock is not the database's: ``--db`` reaches a SQLite file from any folder, so the
records also take the file's own lock (:mod:`kapdesk.storage.writer_lock`), which names this
window's socket; a second kapdesk on the same file knocks there with :func:`knock`.

The local socket (QtNetwork) opens once the records are open; only the lock is taken before the
first frame, and a second start keeps knocking while the first is still opening.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCryptographicHash, QLockFile

LOCK_NAME = "kapdesk.lock"
HAND_OVER = b"raise\n"
ANSWER_MS = 3000  # how long a second start waits for the first to answer
OPENING_S = 20.0  # how long it keeps trying while the first is still opening its records


def server_name(data_dir: Path) -> str:
    """The local socket's name for ``data_dir``: short, and the same for every start there."""
    # QCryptographicHash, not hashlib: this runs before the first frame, with QtCore loaded.
    hashed = QCryptographicHash.hash(
        str(data_dir.resolve()).encode("utf-8"), QCryptographicHash.Algorithm.Sha256
    )
    digest = bytes(hashed.toHex().data()).decode("ascii")[:16]
    return f"kapdesk-{digest}"


class InstanceLock:
    """The data folder's lock, and the way a second start reaches the first."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.name = server_name(data_dir)
        self._lock = QLockFile(str(data_dir / LOCK_NAME))
        # Only a dead holder makes a lock stale; a live kapdesk's lock never ages out.
        self._lock.setStaleLockTime(0)
        self._server: object | None = None

    def acquire(self) -> bool:
        """Take the lock; False when another running kapdesk holds it. OSError when the lock
        cannot be written at all (a folder kapdesk may not enter or write to, a full disk)."""
        self.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        if self._lock.tryLock(0):
            return True
        if self._lock.error() == QLockFile.LockError.LockFailedError:
            return False
        raise PermissionError(f"the lock file {self.data_dir / LOCK_NAME} cannot be written")

    @property
    def held(self) -> bool:
        """This kapdesk holds the folder's lock."""
        return bool(self._lock.isLocked())

    def holder(self) -> int | None:
        """The process id holding the lock, if it can be read."""
        info = self._lock.getLockInfo()  # (pid, host, app) in PySide6
        pid = info[0] if isinstance(info, tuple) and info else 0
        return int(pid) if pid else None

    def release(self) -> None:
        self._lock.unlock()

    def listen(self, on_hand_over: Callable[[], None]) -> str | None:
        """Answer later starts by calling ``on_hand_over``; a sentence when that cannot be."""
        from PySide6.QtNetwork import QLocalServer, QLocalSocket  # noqa: PLC0415

        server = QLocalServer()
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(self.name)  # a socket file left by a killed kapdesk
        if not server.listen(self.name):
            return f"a second start cannot reach this one ({server.errorString()})"

        def answer() -> None:
            while server.hasPendingConnections():
                socket: QLocalSocket = server.nextPendingConnection()
                socket.readyRead.connect(lambda s=socket: _heard(s))
                socket.disconnected.connect(socket.deleteLater)

        def _heard(socket: QLocalSocket) -> None:
            if bytes(socket.readAll().data()).startswith(HAND_OVER.strip()):
                on_hand_over()
                socket.write(b"ok\n")
                socket.flush()

        server.newConnection.connect(answer)
        self._server = server
        return None

    def hand_over(self) -> bool:
        """Ask the running kapdesk to bring its window forward; True once it said it did."""
        return knock(self.name)


def knock(name: str, opening_s: float = OPENING_S) -> bool:
    """Ask the kapdesk answering on the local socket ``name`` to bring its window forward;
    True once it said it did. It blocks (up to ``opening_s`` and the answer's wait): call it
    before the event loop runs, or off the window's thread."""
    from PySide6.QtNetwork import QLocalSocket  # noqa: PLC0415

    socket = QLocalSocket()
    # The first kapdesk opens its socket once its records are open: a start close behind
    # it (a double click) keeps knocking while it is still opening.
    deadline = time.monotonic() + opening_s
    while True:
        socket.connectToServer(name)
        if socket.waitForConnected(ANSWER_MS):
            break
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    socket.write(HAND_OVER)
    socket.flush()  # written now, or by waitForReadyRead's turn of the socket
    if not socket.waitForReadyRead(ANSWER_MS):
        return False
    answered = bytes(socket.readAll().data()).startswith(b"ok")
    socket.disconnectFromServer()
    return answered
