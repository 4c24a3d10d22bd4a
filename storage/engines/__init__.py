"""The engines a `Database` runs on: SQLite (one file, the default) and PostgreSQL."""
