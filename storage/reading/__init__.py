"""Long reads for reports, the replay and the export; refused requests; restorations."""
