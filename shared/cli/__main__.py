"""`python -m shared.cli`: the same as `hallq`."""

from shared.cli.main import main

raise SystemExit(main())
