"""Public schemas vendored with their licences, so the suite needs nothing beside the
repository. ``frab_xml_schema()`` and ``frab_json_validator()`` are what tests use."""

import functools
import json
from pathlib import Path

import jsonschema
import xmlschema

FRAB = Path(__file__).resolve().parent / "frab"


@functools.cache
def frab_xml_schema():
    return xmlschema.XMLSchema(str(FRAB / "schedule.xml.xsd"))


@functools.cache
def frab_json_validator():
    schema = json.loads((FRAB / "schema.json").read_text())
    return jsonschema.Draft6Validator(
        schema, format_checker=jsonschema.Draft6Validator.FORMAT_CHECKER
    )
