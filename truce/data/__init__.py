"""The data stage: the package in ``data/`` (CSV files and their Table Schemas in
``datapackage.json``) validated (:mod:`.validate`), loaded as typed frames (:mod:`.load`) and
documented (:mod:`.readme` writes ``data/README.md``).

Everything else in ``truce`` reads data through these names only: ``data.load("events")``,
``data.sources()``, ``data.last_updated()``.
"""

from truce.data.load import (
    check_package,
    data_fingerprint,
    ids_in,
    is_list_field,
    kept_from_data,
    last_updated,
    load,
    localize,
    reads,
    sources,
    split_ids,
)
from truce.data.validate import (
    PRIMARY_KINDS,
    SOURCE_IDS_FIELD,
    DataError,
    Problem,
    descriptor,
    is_primary,
    problems,
    record_lines,
    resource_names,
    validate_package,
)

__all__ = [
    "PRIMARY_KINDS",
    "SOURCE_IDS_FIELD",
    "DataError",
    "Problem",
    "check_package",
    "data_fingerprint",
    "descriptor",
    "ids_in",
    "kept_from_data",
    "is_list_field",
    "is_primary",
    "last_updated",
    "load",
    "localize",
    "problems",
    "reads",
    "record_lines",
    "resource_names",
    "sources",
    "split_ids",
    "validate_package",
]
