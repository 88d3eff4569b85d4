"""finnews: read financial news critically; every number is computed and checked."""

__version__ = "0.1.0"
