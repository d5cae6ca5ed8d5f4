"""Icons, styles, the desktop entry and JSON Schemas shipped with the program."""
