from wedsync_desktop.cli import main

raise SystemExit(main())
