"""A lead's life: the only code that changes a lead's state, and the services that drive it."""
