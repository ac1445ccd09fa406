"""A database URL's password is spotted wherever it is, without loading the database library."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kapdesk.storage.db_url import url_has_password


@pytest.mark.parametrize(
    ("url", "has"),
    [
        ("postgresql://kap:secret@server/kapdesk", True),
        ("postgresql://kap@server/kapdesk?password=secret", True),
        ("postgresql://kap:@server/kapdesk", False),
        ("postgresql://kap@server/kapdesk", False),
        ("postgresql://server/kapdesk?sslmode=require", False),
        ("sqlite:////home/room/kapdesk.db", False),
        # Not URLs Python can split: a password may hide in them, so they count as holding one.
        ("postgresql://kap:secret@[::1/kapdesk", True),
        ("postgresql://[::1/kapdesk?password=x", True),
        ("postgresql://[::1/kapdesk", False),
    ],
)
def test_a_password_in_the_user_part_or_a_parameter_is_found(url: str, has: bool) -> None:
    assert url_has_password(url) is has


def test_asking_loads_no_sqlalchemy() -> None:
    code = (
        "import sys\n"
        "from kapdesk.storage.db_url import url_has_password\n"
        "assert url_has_password('postgresql://a:b@h/d')\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith('sqlalchemy'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
