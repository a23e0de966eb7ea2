"""Network analysis over the graph with networkx: a projection read from the store in one streamed
pass (`projection`), paths with their sources (`paths`), centrality, communities and bridges
(`measures`), and files for network tools (`formats`: GraphML, GEXF, CSV node and edge lists).

The projection is read in one pass (Neo4j: one streamed read transaction, `Neo4jStore.stream_rows`;
LadybugDB: the store's bulk readers `export_nodes`, `export_relationships`), so it runs the same on
both engines and holds in memory only the projection itself."""
from .projection import Projection, build_projection, read_projection

__all__ = ["Projection", "build_projection", "read_projection"]
