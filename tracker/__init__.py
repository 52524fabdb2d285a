"""tracker: follow a local government's yearly commitments from the command line."""

__version__ = "0.1.0"
