from asmo_cli.cli import main

main()
