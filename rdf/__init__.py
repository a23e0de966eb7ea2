"""The RDF side: the property graph mapped through the ontology, streamed as RDF, queried by SPARQL.
It reads the graph only through the store from graph/."""
