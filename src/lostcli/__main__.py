from lostcli.entry import main

raise SystemExit(main())
