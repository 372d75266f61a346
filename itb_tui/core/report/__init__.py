"""What leaves the app: CSV/JSON/Markdown exports, the export file checks, the iCalendar plan
and the physiotherapist's PDF report.
"""
