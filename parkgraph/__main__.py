from parkgraph.cli import main

raise SystemExit(main())
