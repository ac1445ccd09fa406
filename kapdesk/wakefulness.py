"""Keeping the room PC awake while a journey runs: no sleep, no blanked or locked screen, no
music cut off. The one module that knows the platforms.

- Linux: the freedesktop ScreenSaver inhibitor on the session bus (the screen does not blank or
  lock) and logind's "sleep:idle" inhibitor on the system bus (the PC does not suspend), both
  over D-Bus (QtDBus).
- Windows: ``SetThreadExecutionState`` with the system and the display required.
- Elsewhere: nothing to hold, and staff are told so.

:class:`KeepAwake` holds them exactly while a session is open and says what could not be held;
the window shows that to staff rather than letting a PC fall asleep mid-journey unannounced.
"""

from __future__ import annotations

import os
import sys
from typing import Any, Protocol

APP = "kapdesk"


class InhibitError(Exception):
    """An inhibitor could not be taken; the message says why, for staff."""


class Inhibitor(Protocol):
    """Something that keeps the PC (or its screen) awake while held."""

    what: str  # what it keeps from happening, in staff's words

    def inhibit(self, reason: str) -> None: ...

    def release(self) -> None: ...


ANSWER_MS = 2000  # a desktop service that does not answer in this long is not waited for


def _dbus_error(reply: object) -> str | None:
    from PySide6.QtDBus import QDBusMessage  # noqa: PLC0415

    if isinstance(reply, QDBusMessage) and reply.type() == QDBusMessage.MessageType.ErrorMessage:
        return (reply.errorMessage() or reply.errorName() or "no answer").rstrip(".")
    return None


def _call(bus: Any, service: str, path: str, interface: str, method: str, *args: object) -> Any:
    """One D-Bus call with a short timeout and no introspection (a hung service must not
    freeze the window for Qt's default 25 s)."""
    from PySide6.QtDBus import QDBus, QDBusMessage  # noqa: PLC0415

    message = QDBusMessage.createMethodCall(service, path, interface, method)
    message.setArguments(list(args))
    return bus.call(message, QDBus.CallMode.Block, ANSWER_MS)


_SCREENSAVER = (
    "org.freedesktop.ScreenSaver",
    "/org/freedesktop/ScreenSaver",
    "org.freedesktop.ScreenSaver",
)


class ScreenSaverInhibitor:
    """org.freedesktop.ScreenSaver on the session bus: the screen neither blanks nor locks."""

    what = "the screen blanking or locking itself"

    def __init__(self) -> None:
        self._cookie: int | None = None

    def inhibit(self, reason: str) -> None:
        from PySide6.QtDBus import QDBusConnection  # noqa: PLC0415

        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            raise InhibitError("there is no desktop session bus to ask")
        reply = _call(bus, *_SCREENSAVER, "Inhibit", APP, reason)
        problem = _dbus_error(reply)
        if problem:
            raise InhibitError(f"the desktop said: {problem}")
        arguments = reply.arguments()
        self._cookie = int(arguments[0]) if arguments else 0

    def release(self) -> None:
        from PySide6.QtDBus import QDBusConnection  # noqa: PLC0415

        if self._cookie is None:
            return
        cookie, self._cookie = self._cookie, None
        _call(QDBusConnection.sessionBus(), *_SCREENSAVER, "UnInhibit", cookie)


class LogindInhibitor:
    """logind's block inhibitor for "sleep:idle" on the system bus: the PC does not suspend.
    logind hands back a file descriptor; the inhibitor lasts until it is closed."""

    what = "the PC going to sleep"

    def __init__(self) -> None:
        self._fd: int | None = None

    def inhibit(self, reason: str) -> None:
        from PySide6.QtDBus import QDBusConnection  # noqa: PLC0415

        bus = QDBusConnection.systemBus()
        if not bus.isConnected():
            raise InhibitError("there is no system bus to ask logind")
        reply = _call(
            bus,
            "org.freedesktop.login1",
            "/org/freedesktop/login1",
            "org.freedesktop.login1.Manager",
            "Inhibit",
            "sleep:idle",
            APP,
            reason,
            "block",
        )
        problem = _dbus_error(reply)
        if problem:
            raise InhibitError(f"logind said: {problem}")
        arguments = reply.arguments()
        descriptor: object = arguments[0] if arguments else None
        handle = getattr(descriptor, "fileDescriptor", None)
        fd = int(handle()) if callable(handle) else -1
        if fd < 0:
            raise InhibitError("logind gave nothing to hold")
        self._fd = os.dup(fd)  # ours to close; Qt's own copy goes with the reply
        del arguments, descriptor, handle, reply

    def release(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            os.close(fd)


class WindowsInhibitor:
    """SetThreadExecutionState: the system and the display are required while held."""

    what = "the PC going to sleep or the screen turning off"
    _CONTINUOUS, _SYSTEM, _DISPLAY = 0x80000000, 0x00000001, 0x00000002

    def inhibit(self, reason: str) -> None:
        import ctypes  # noqa: PLC0415

        kernel = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
        if not kernel.SetThreadExecutionState(self._CONTINUOUS | self._SYSTEM | self._DISPLAY):
            raise InhibitError("Windows refused to keep the PC awake")

    def release(self) -> None:
        import ctypes  # noqa: PLC0415

        ctypes.windll.kernel32.SetThreadExecutionState(self._CONTINUOUS)  # type: ignore[attr-defined,unused-ignore]


def platform_inhibitors(platform: str = sys.platform) -> list[Inhibitor]:
    """What this platform offers; empty where kapdesk knows no way."""
    if platform.startswith("linux"):
        return [ScreenSaverInhibitor(), LogindInhibitor()]
    if platform == "win32":
        return [WindowsInhibitor()]
    return []


class KeepAwake:
    """Holds every inhibitor while a session is open; :attr:`problems` says what failed."""

    def __init__(self, inhibitors: list[Inhibitor]) -> None:
        self._inhibitors = inhibitors
        self._held: list[Inhibitor] = []
        self.problems: list[str] = []

    @property
    def held(self) -> bool:
        return bool(self._held)

    def hold(self, reason: str) -> list[str]:
        """Take every inhibitor (again, if held); the problems, in sentences for staff."""
        self.release()
        self.problems = []
        if not self._inhibitors:
            self.problems.append(
                "kapdesk cannot keep this PC awake on this system: set its power and screen "
                "options to never sleep while sessions run."
            )
        for inhibitor in self._inhibitors:
            try:
                inhibitor.inhibit(reason)
            except InhibitError as exc:
                self.problems.append(f"Nothing stops {inhibitor.what}: {exc}.")
            except Exception as exc:
                self.problems.append(f"Nothing stops {inhibitor.what} ({exc.__class__.__name__}).")
            else:
                self._held.append(inhibitor)
        return self.problems

    def release(self) -> None:
        for inhibitor in self._held:
            try:
                inhibitor.release()
            except Exception:
                continue
        self._held = []
