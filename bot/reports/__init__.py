"""What the reports count: one pure definition of every figure, for every report."""
