"""What the reports say and show: texts, charts, the workbook and the CSV."""
