from asmo_cli.cli.app import main

main()
