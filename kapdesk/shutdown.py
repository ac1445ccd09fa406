"""Ending kapdesk the orderly way when the OS, the terminal or the desktop session asks it to.

What asks, and how:

- **SIGTERM**: an OS shutdown or a logout (systemd, the session manager), ``kill``.
- **SIGINT**: Ctrl+C in the terminal kapdesk was started from.
- **SIGHUP**: that terminal closed.
- **The desktop session ending**: Qt's ``commitDataRequest`` / ``saveStateRequest`` (X11 session
  management), and ``aboutToQuit`` whatever else ends the event loop.

Python runs a signal's handler only between two bytecodes of the main thread, and none run
while Qt's event loop waits in C: a signal would wait, unheard, until something else woke the
window. So the handler only notes the signal: :func:`signal.set_wakeup_fd` writes its number
into one end of a socket pair (:class:`kapdesk.stop_signals.SignalSocket`, installed by the
command line before Qt loads, so a signal during the start is kept too), and a
:class:`QSocketNotifier` on the other end wakes the event loop, which says
:attr:`ShutdownSignals.requested` on the UI thread. Whoever listens (the window) then closes the
orderly way; no handler ever closes anything itself.

SDL would install handlers of its own for SIGINT and SIGTERM when the sound device opens (and
never act on them, so a shutdown ended kapdesk only by SIGKILL):
:mod:`kapdesk.audio.pygame_backend` tells SDL to leave signals alone.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, Signal
from PySide6.QtGui import QGuiApplication, QSessionManager

from kapdesk.stop_signals import SignalSocket, shutdown_signals, signal_name

SESSION_ENDING = "the desktop session ending"


class ShutdownSignals(QObject):
    """Everything that asks kapdesk to end, heard on the UI thread while Qt's event loop runs.

    :meth:`install` (once the QApplication exists) takes SIGTERM, SIGINT and SIGHUP over until
    :meth:`uninstall`, and listens to the desktop session: :attr:`requested` says why each time
    (the signal's name, or :data:`SESSION_ENDING` on ``commitDataRequest``). The session
    manager's ``saveStateRequest`` (which may come without the session ending) says
    :attr:`save_asked`; ``aboutToQuit`` says :attr:`quitting`.
    """

    requested = Signal(str)
    save_asked = Signal()
    quitting = Signal()

    def __init__(self, noted: SignalSocket | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._signals = noted if noted is not None else SignalSocket()
        self._notifier: QSocketNotifier | None = None
        self.heard: list[str] = []  # everything heard, in order

    @property
    def installed(self) -> bool:
        return self._notifier is not None

    def install(self) -> None:
        """Take SIGTERM, SIGINT and SIGHUP over (main thread): those noted already are heard as
        soon as the event loop runs."""
        if self._notifier is not None:
            return
        self._signals.install()
        self._notifier = QSocketNotifier(
            self._signals.reader.fileno(), QSocketNotifier.Type.Read, self
        )
        self._notifier.activated.connect(self._wake)
        app = QCoreApplication.instance()
        if isinstance(app, QGuiApplication):
            app.commitDataRequest.connect(self.session_ending)
            app.saveStateRequest.connect(self.save_state)
        if app is not None:
            app.aboutToQuit.connect(self.quitting)

    def session_ending(self, _manager: QSessionManager | None) -> None:
        """Connected to ``commitDataRequest``: the desktop session ends."""
        # No interaction is asked for: nothing may wait for a person while the session ends.
        self.heard.append(SESSION_ENDING)
        self.requested.emit(SESSION_ENDING)

    def save_state(self, _manager: QSessionManager | None) -> None:
        """Connected to ``saveStateRequest``."""
        self.save_asked.emit()

    def uninstall(self) -> None:
        """Give the signals back to whoever had them before."""
        if self._notifier is None:
            return
        app = QCoreApplication.instance()
        if isinstance(app, QGuiApplication):
            app.commitDataRequest.disconnect(self.session_ending)
            app.saveStateRequest.disconnect(self.save_state)
        if app is not None:
            app.aboutToQuit.disconnect(self.quitting)
        self._notifier.setEnabled(False)
        self._notifier.deleteLater()
        self._notifier = None
        self._signals.uninstall()

    def _wake(self) -> None:
        ending = {int(number) for number in shutdown_signals()}
        for number in self._signals.received():
            if number not in ending:
                continue  # the wakeup socket hears any signal with a handler: only these end
            name = signal_name(number)
            self.heard.append(name)
            self.requested.emit(name)
