"""`python -m bonecoach` runs the same entry point as the `bonecoach` command."""

import sys

from bonecoach.cli import main

sys.exit(main())
