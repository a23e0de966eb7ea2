"""loaders/: read, validate and map data files; write only through graph/."""
from .problems import Problem
from .readers import read_paths
from .validate import validate_paths, Dataset
from .load import load_paths, LoadReport

__all__ = ["Problem", "read_paths", "validate_paths", "Dataset", "load_paths", "LoadReport"]
