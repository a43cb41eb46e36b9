import sys

try:
    from .cli import main
except KeyboardInterrupt:  # Ctrl-C while the program is still starting
    print("已中断：什么都没有改动。", file=sys.stderr)
    sys.exit(130)

sys.exit(main())
