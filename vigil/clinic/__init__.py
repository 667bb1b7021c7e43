"""The clinic file (`file`: read and validated whole) and its importer (`importer`: written in
one transaction, idempotent). Used by `vigil import`, `vigil demo` and the tests."""
