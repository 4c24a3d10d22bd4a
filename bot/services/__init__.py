"""Use cases. Built once in main(), handed to handlers as workflow data."""
