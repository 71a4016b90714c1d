"""Errors that stop a run. Their messages are Dutch because analysts read them."""


class DoorstroomFout(Exception):
    """Base for errors that stop the run with a message meant for the analyst."""


class DefinitieFout(DoorstroomFout):
    """A YAML definition file is missing, malformed or refers to unknown codes."""


class InvoerFout(DoorstroomFout):
    """An extract file cannot be read at all (missing column, encoding, empty)."""


class PersoonsgegevensFout(DoorstroomFout):
    """The extract contains identifiers that look like a BSN and so is not pseudonymised."""


class UitvoerFout(DoorstroomFout):
    """An output table breaks its output contract in contracts/uitvoer/ (columns, types, nulls)."""
