"""Reports as data rows with text, CSV and JSON writers; free of Qt.

The command line prints them; the window and the coming PDF report take the same rows. Each
module builds rows of typed values from core and storage objects, and translates only in its
writers, when the text is shown.
"""
