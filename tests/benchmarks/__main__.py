"""`python -m tests.benchmarks`: run every benchmark, print the table, write the JSON."""

import sys

from tests.benchmarks.run import main

sys.exit(main())
