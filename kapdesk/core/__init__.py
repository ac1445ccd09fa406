"""Pure-Python heart of kapdesk: clock, protocols and the journey state machine.

Nothing in this package imports Qt, pygame or SQLAlchemy; the layers above depend on it.
"""
