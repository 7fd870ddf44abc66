"""python -m tipdiff: the same as the tipdiff command."""

import sys

from .cli import main

sys.exit(main())
