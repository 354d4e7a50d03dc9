"""`python -m shared.cli`: the same as `hallq`."""

from shared.cli.entry import main

raise SystemExit(main())
