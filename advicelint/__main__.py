"""``python -m advicelint``."""

from .cli import main

main()
