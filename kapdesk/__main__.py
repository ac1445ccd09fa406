"""``python -m kapdesk`` runs the command line, which opens the window by default."""

import sys

from kapdesk.cli import main

sys.exit(main())
