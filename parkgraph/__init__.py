"""ParkGraph: a sourced knowledge graph of China's national cybersecurity industrial parks."""
__version__ = "0.1.0"
