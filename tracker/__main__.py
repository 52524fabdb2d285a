"""`python -m tracker` runs the same entry point as the `tracker` console script."""

from tracker.cli import main

if __name__ == "__main__":
    main()
