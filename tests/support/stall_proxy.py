"""A TCP forwarder on 127.0.0.1 that can stop passing bytes, to cut the network between kapdesk
and its server without root: while cut, connections are accepted and bytes taken in but none
passed on either way, as on a pulled cable (nothing refused, nothing answered); once mended,
what was held goes through, as TCP's retransmissions would deliver it."""

from __future__ import annotations

import socket
import threading
from contextlib import suppress


class Forwarder:
    """Forwards 127.0.0.1:``port`` to 127.0.0.1:``target_port`` until :meth:`close`."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.flowing = threading.Event()
        self.flowing.set()
        self.ended = threading.Event()
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._listener.getsockname()[1])
        threading.Thread(target=self._accept, daemon=True).start()

    def cut(self) -> None:
        self.flowing.clear()

    def mend(self) -> None:
        self.flowing.set()

    def close(self) -> None:
        self.ended.set()
        self.flowing.set()
        with self._lock:
            everything = [self._listener, *self._sockets]
        for sock in everything:
            with suppress(OSError):
                sock.close()

    def _accept(self) -> None:
        while not self.ended.is_set():
            try:
                client, _ = self._listener.accept()
                server = socket.create_connection(("127.0.0.1", self.target_port))
            except OSError:
                if self.ended.is_set():
                    return
                continue
            with self._lock:
                self._sockets += [client, server]
            for source, sink in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                self.flowing.wait()
                if self.ended.is_set():
                    break
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
