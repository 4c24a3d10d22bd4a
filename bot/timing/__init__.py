"""Time: deadlines as rows, what fires when due, vacations, opening hours, the scheduler."""
