"""A fake desktop for the inhibitor tests: the freedesktop ScreenSaver and logind's Manager on
a private bus, saying on standard output each call kapdesk makes, and when logind's inhibitor
(a file descriptor) is let go.

python -m tests.support.fake_dbus BUS_ADDRESS
"""

from __future__ import annotations

import json
import os
import select
import sys

from jeepney import HeaderFields, MessageType, new_error, new_method_return
from jeepney.bus_messages import message_bus
from jeepney.fds import FileDescriptor
from jeepney.io.blocking import open_dbus_connection

SCREENSAVER = "org.freedesktop.ScreenSaver"
LOGIND = "org.freedesktop.login1"


def say(payload: dict[str, object]) -> None:
    print(json.dumps(payload), flush=True)


def main() -> int:
    connection = open_dbus_connection(bus=sys.argv[1], enable_fds=True)
    for name in (SCREENSAVER, LOGIND):
        connection.send_and_get_reply(message_bus.RequestName(name))
    say({"ready": True})
    cookies = iter(range(101, 10_000))
    held: list[int] = []  # read ends of the pipes whose write ends logind handed out
    while True:
        if held:
            ready, _w, _x = select.select(held, [], [], 0)
            for fd in ready:
                if os.read(fd, 1) == b"":  # every write end closed: the inhibitor is let go
                    held.remove(fd)
                    os.close(fd)
                    say({"call": "logind released"})
        try:
            message = connection.receive(timeout=0.05)
        except TimeoutError:
            continue
        if message.header.message_type is not MessageType.method_call:
            continue
        member = message.header.fields.get(HeaderFields.member)
        interface = message.header.fields.get(HeaderFields.interface)
        args = list(message.body)
        if interface == SCREENSAVER and member == "Inhibit":
            cookie = next(cookies)
            say({"call": "Inhibit", "app": args[0], "reason": args[1], "cookie": cookie})
            connection.send(new_method_return(message, "u", (cookie,)))
        elif interface == SCREENSAVER and member == "UnInhibit":
            say({"call": "UnInhibit", "cookie": args[0]})
            connection.send(new_method_return(message))
        elif interface == f"{LOGIND}.Manager" and member == "Inhibit":
            read_end, write_end = os.pipe()
            held.append(read_end)
            say({"call": "logind Inhibit", "what": args[0], "who": args[1], "mode": args[3]})
            handed = FileDescriptor(write_end)
            connection.send(new_method_return(message, "h", (handed,)))
            handed.close()  # kapdesk holds the only write end now
        else:
            connection.send(new_error(message, "org.freedesktop.DBus.Error.UnknownMethod"))


if __name__ == "__main__":
    sys.exit(main())
