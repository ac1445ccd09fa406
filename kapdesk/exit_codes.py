"""What a kapdesk command tells the shell when it ends, in one place for every command.

0 is done; a stop by a signal is 128 plus its number (kapdesk.stop_signals).
"""

from __future__ import annotations

EXIT_PROBLEM = 1  # the command was understood but could not be done (a file, the database)
EXIT_USAGE = 2  # the command line itself was wrong, as argparse says for its own errors
