"""The privacy scanner: finds personal data in the raw text of any file, before parsing.

Why raw text: parsing loses what matters here (PyYAML reads 13812345678 as an integer and
0731 as 473; a CSV reader drops the line structure). Each rule family is a small module with
`find(text) -> Iterator[Hit]` (idnumber, phone, bankcard, names, address; images for
pictures); formats.py turns a file into the text a reader of it sees, hits.py folds and
joins digits that are written to hide, scan.py runs the detectors and adds problems to a
Report, files.py says which files a scan reads. Messages never repeat a matched value: CI
logs are public.
"""
