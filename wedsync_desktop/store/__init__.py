"""Local SQLite store: ORM tables, migrations and the service layer."""
