"""Imports: read a file, detect its kind and dialect, validate all of it, write all or nothing."""
from dashboard.ingest.importer import KINDS, import_file
from dashboard.ingest.problems import ImportRejected, Problem
from dashboard.ingest.report import Report

__all__ = ["KINDS", "ImportRejected", "Problem", "Report", "import_file"]
