"""Report services: the figures, the files and the what-if replay, read from storage."""
