"""Limits shared by the window and the command line."""

# The largest demo workspace either creates: enough for performance work, and
# small enough that its one transaction stays well within memory.
MAX_DEMO_SUPPLIERS = 100_000
