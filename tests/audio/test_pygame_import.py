"""pygame comes in without the optional modules its ``__init__`` would load (numpy,
pkg_resources), and they stay importable for anything else."""

from __future__ import annotations

import json
import subprocess
import sys

SCRIPT = """
import importlib, json, sys
import kapdesk.audio.pygame_backend
import pygame
loaded = {name: name in sys.modules for name in ("numpy", "pkg_resources")}
usable = {}
for name in loaded:
    try:
        importlib.import_module(name)
        usable[name] = True
    except ImportError:
        usable[name] = False
print(json.dumps({"loaded": loaded, "usable": usable, "mixer": hasattr(pygame.mixer, "music")}))
"""


def test_pygame_loads_without_numpy_or_pkg_resources_which_stay_importable() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True, timeout=120
    )
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["mixer"]
    assert found["loaded"] == {"numpy": False, "pkg_resources": False}
    for name, usable in found["usable"].items():
        installed = (
            subprocess.run(
                [sys.executable, "-c", f"import {name}"],
                check=False,
                capture_output=True,
                timeout=120,
            ).returncode
            == 0
        )
        assert usable == installed, name
