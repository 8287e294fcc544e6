"""``python -m newsclean`` is the ``newsclean`` command."""

import sys

from .cli import main

sys.exit(main())
