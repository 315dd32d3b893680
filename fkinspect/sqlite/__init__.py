"""The one room where fkinspect opens a browser's SQLite file, and says why that failed.

`open.py`: every way a store is opened (a snapshot that leaves no trace, for a scan
and for one value; read-write with a busy timeout, for the clean and the restore;
SQLite's backup API, for the clean's backup). `errors.py`: what a failure means, by
SQLite's result code.
"""
