"""The bundled, curated dataset (YAML files beside this module); see docs/data-format.md."""
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent
