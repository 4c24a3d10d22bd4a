"""Use cases: each a short function over one unit of work, and the reactions that follow
what a committed unit emitted."""
