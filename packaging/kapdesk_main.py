"""The frozen build's entry point: the same command line as the installed ``kapdesk`` script."""

import sys

from kapdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
