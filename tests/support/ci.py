"""Whether the suite runs in CI, where a test that cannot run fails instead of skipping."""

from __future__ import annotations

import os

IN_CI = os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")
