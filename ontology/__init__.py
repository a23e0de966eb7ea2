"""The ParkGraph model, read from the Turtle files beside this module.

Everything that needs to know the model (graph schemas, loader validation, UI labels, RDF mapping)
asks `load_model()`; nothing keeps its own copy of class or property names.
"""
from .model import ClassDef, Model, PropDef, RelDef, load_model, ONTOLOGY_PATH, SHAPES_PATH, PG

__all__ = ["ClassDef", "Model", "PropDef", "RelDef", "load_model", "ONTOLOGY_PATH", "SHAPES_PATH", "PG"]
