"""`python -m notify ...` is the `notify-api` command."""

from notify.cli import main

main()
