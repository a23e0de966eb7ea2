"""Example research questions, one query per dialect where the dialects differ.

The console offers these; the SPARQL page offers the same questions (same ids) in SPARQL, and a test
checks that every engine gives the same answer to each.
"""
from __future__ import annotations

from dataclasses import dataclass, field

BEIJING = "park/beijing"
LITTLE_GIANT = "专精特新“小巨人”"


@dataclass(frozen=True)
class Example:
    id: str
    title_zh: str
    title_en: str
    question_zh: str
    question_en: str
    neo4j: str
    ladybug: str | None = None  # None: the Neo4j text runs unchanged on LadybugDB
    params: dict = field(default_factory=dict)  # values "park/beijing" are completed with the base IRI
    sparql: str = ""  # the same question over the RDF export; {base} is the base IRI

    def query_for(self, engine: str) -> str:
        return self.ladybug if engine == "ladybug" and self.ladybug else self.neo4j


EXAMPLES: tuple[Example, ...] = (
    Example("subparks", "北京园区由哪些分园组成", "Sub-parks of the Beijing park",
            "国家网络安全产业园区（北京）由哪些分园组成？", "Which sub-parks form the Beijing park?",
            "MATCH (s:SubPark)-[:PART_OF]->(p:Park {uri: $park})\nRETURN s.name_zh AS name_zh, s.name_en AS name_en\nORDER BY name_zh",
            params={"park": BEIJING},
            sparql='SELECT ?name_zh ?name_en WHERE {\n  ?s a pg:SubPark ; pg:partOf <{base}park/beijing> ; pg:name_zh ?name_zh ; pg:name_en ?name_en .\n  <{base}park/beijing> a pg:Park .\n} ORDER BY ?name_zh'),
    Example("little-giants", "哪些企业获得专精特新“小巨人”称号", "Firms holding the ‘little giant’ honour",
            "哪些园区企业获得国家级专精特新“小巨人”称号？", "Which firms hold the 专精特新“小巨人” honour?",
            "MATCH (e:Enterprise)-[:HOLDS]->(h:TalentProgram {name_zh: $honour})\nOPTIONAL MATCH (e)-[:TENANT_OF]->(s:SubPark)\n"
            "RETURN e.name_zh AS enterprise, s.name_zh AS subpark\nORDER BY enterprise",
            params={"honour": LITTLE_GIANT},
            sparql='SELECT ?enterprise ?subpark WHERE {\n  ?e a pg:Enterprise ; pg:name_zh ?enterprise ; pg:holds ?h .\n  ?h a pg:TalentProgram ; pg:name_zh "专精特新“小巨人”"@zh .\n  OPTIONAL { ?e pg:tenantOf ?s . ?s a pg:SubPark ; pg:name_zh ?subpark }\n} ORDER BY ?enterprise'),
    Example("statistics", "各园区统计数据时间序列", "Statistics over time",
            "各园区及分园有哪些统计数据，分别截至何时、是实际值还是目标值？", "Which statistics do we have for each park and sub-park, as of when, actual or target?",
            "MATCH (o:Observation)-[:DESCRIBES]->(x)\nWHERE x:Park OR x:SubPark\n"
            "RETURN x.name_zh AS subject, o.metric AS metric, o.value AS value, o.unit AS unit, o.as_of AS as_of, o.status AS status\n"
            "ORDER BY subject, metric, as_of, value",
            "MATCH (o:Observation)-[:DESCRIBES]->(x)\nWHERE label(x) IN ['Park', 'SubPark']\n"
            "RETURN x.name_zh AS subject, o.metric AS metric, o.value AS value, o.unit AS unit, o.as_of AS as_of, o.status AS status\n"
            "ORDER BY subject, metric, as_of, value",
            sparql='SELECT ?subject ?metric ?value ?unit ?as_of ?status WHERE {\n  ?o a pg:Observation ; pg:describes ?x ; pg:metric ?metric ; pg:as_of ?as_of ; pg:status ?status .\n  { ?x a pg:Park } UNION { ?x a pg:SubPark }\n  ?x pg:name_zh ?subject .\n  OPTIONAL { ?o pg:value ?value } OPTIONAL { ?o pg:unit ?unit }\n} ORDER BY ?subject ?metric ?as_of ?value'),
    Example("timeline", "园区大事记", "Timeline of the parks",
            "各国家园区何时揭牌、获批？", "When were the national parks unveiled or approved?",
            "MATCH (e:Event)-[:CONCERNS]->(p:Park)\nWHERE e.kind IN ['unveiling', 'approval']\n"
            "RETURN p.name_zh AS park, e.kind AS kind, e.date AS date\nORDER BY date, park",
            sparql='SELECT ?park ?kind ?date WHERE {\n  ?e a pg:Event ; pg:kind ?kind ; pg:concerns ?p .\n  ?p a pg:Park ; pg:name_zh ?park .\n  OPTIONAL { ?e pg:date ?date }\n  FILTER(?kind IN ("unveiling", "approval"))\n} ORDER BY ?date ?park'),
    Example("conflicts", "来源之间相互矛盾的数值", "Values the sources disagree on",
            "哪些统计在不同来源中数值不同？", "Which figures differ between sources?",
            "MATCH (a:Observation)-[:DESCRIBES]->(x)<-[:DESCRIBES]-(b:Observation)\n"
            "WHERE a.metric = b.metric AND a.status = b.status AND a.uri < b.uri\n"
            "  AND (coalesce(a.value, -1) <> coalesce(b.value, -1) OR coalesce(a.value_text, '') <> coalesce(b.value_text, ''))\n"
            "  AND (a.value_text IS NOT NULL OR a.as_of.year = b.as_of.year)\n"
            "RETURN x.name_zh AS subject, a.metric AS metric, a.value AS value_a, a.value_text AS text_a, b.value AS value_b, b.value_text AS text_b\n"
            "ORDER BY subject, metric, value_a, text_a",
            # as_of is a DATE on both engines: its year is `.year` in Neo4j, date_part() in LadybugDB
            "MATCH (a:Observation)-[:DESCRIBES]->(x)<-[:DESCRIBES]-(b:Observation)\n"
            "WHERE a.metric = b.metric AND a.status = b.status AND a.uri < b.uri\n"
            "  AND (coalesce(a.value, -1) <> coalesce(b.value, -1) OR coalesce(a.value_text, '') <> coalesce(b.value_text, ''))\n"
            "  AND (a.value_text IS NOT NULL OR date_part('year', a.as_of) = date_part('year', b.as_of))\n"
            "RETURN x.name_zh AS subject, a.metric AS metric, a.value AS value_a, a.value_text AS text_a, b.value AS value_b, b.value_text AS text_b\n"
            "ORDER BY subject, metric, value_a, text_a",
            sparql='SELECT ?subject ?metric ?value_a ?text_a ?value_b ?text_b WHERE {\n  ?a a pg:Observation ; pg:describes ?x ; pg:metric ?metric .\n  ?b a pg:Observation ; pg:describes ?x ; pg:metric ?metric .\n  ?x pg:name_zh ?subject .\n  ?a pg:status ?status . ?b pg:status ?status .\n  FILTER(STR(?a) < STR(?b))\n  ?a pg:as_of ?as_a . ?b pg:as_of ?as_b .\n  OPTIONAL { ?a pg:value ?value_a } OPTIONAL { ?b pg:value ?value_b }\n  OPTIONAL { ?a pg:value_text ?text_a } OPTIONAL { ?b pg:value_text ?text_b }\n  FILTER(COALESCE(?value_a, -1) != COALESCE(?value_b, -1) || COALESCE(STR(?text_a), "") != COALESCE(STR(?text_b), ""))\n  FILTER(BOUND(?text_a) || SUBSTR(STR(?as_a), 1, 4) = SUBSTR(STR(?as_b), 1, 4))\n} ORDER BY ?subject ?metric ?value_a ?text_a'),
    Example("policies", "政策文件及印发机关", "Policies and who issued them",
            "有哪些与园区相关的政策文件，由谁印发？", "Which policies concern the parks, and who issued them?",
            "MATCH (p:Policy)-[:ISSUED_BY]->(g)\nRETURN p.name_zh AS policy, p.issued_on AS issued_on, g.name_zh AS issuer\nORDER BY issued_on, policy",
            sparql='SELECT ?policy ?issued_on ?issuer WHERE {\n  ?p a pg:Policy ; pg:name_zh ?policy ; pg:issuedBy ?g .\n  ?g pg:name_zh ?issuer .\n  OPTIONAL { ?p pg:issued_on ?issued_on }\n} ORDER BY ?issued_on ?policy'),
    Example("sources-of-fact", "一个事实的来源", "Where a fact comes from",
            "通州园入驻企业数来自哪些文献的哪句话？", "Which documents and sentences give the number of firms in 通州园?",
            "MATCH (o:Observation)-[:DESCRIBES]->(s:SubPark {uri: $subpark})\nMATCH (o)-[:DERIVED_FROM]->(q:Quote)-[:QUOTED_FROM]->(src:Source)\n"
            "RETURN o.metric AS metric, o.value AS value, src.title AS source, src.published AS published, q.text AS quote\n"
            "ORDER BY metric, value, source",
            params={"subpark": "subpark/tongzhou"},
            sparql='SELECT ?metric ?value ?source ?published ?quote WHERE {\n  ?o a pg:Observation ; pg:describes <{base}subpark/tongzhou> ; pg:metric ?metric ; pg:derivedFrom ?q .\n  <{base}subpark/tongzhou> a pg:SubPark .\n  ?q a pg:Quote ; pg:text ?quote ; pg:quotedFrom ?src .\n  ?src a pg:Source ; pg:title ?source .\n  OPTIONAL { ?o pg:value ?value } OPTIONAL { ?src pg:published ?published }\n} ORDER BY ?metric ?value ?source'),
    Example("labels", "每类节点的数量", "Nodes per label",
            "图中每类节点各有多少？", "How many nodes of each label does the graph hold?",
            "MATCH (n)\nRETURN labels(n)[0] AS label, count(*) AS nodes\nORDER BY label",
            "MATCH (n)\nRETURN label(n) AS label, count(*) AS nodes\nORDER BY label",
            sparql='SELECT ?label (COUNT(?n) AS ?nodes) WHERE {\n  ?n a ?class . ?class pg:nodeLabel ?label .\n} GROUP BY ?label ORDER BY ?label'),
    Example("rel-types", "每类关系的数量", "Relationships per type",
            "图中每类关系各有多少？", "How many relationships of each type does the graph hold?",
            "MATCH ()-[r]->()\nRETURN type(r) AS type, count(*) AS relationships\nORDER BY type",
            "MATCH ()-[r]->()\nRETURN label(r) AS type, count(*) AS relationships\nORDER BY type",
            sparql='SELECT ?type (COUNT(*) AS ?relationships) WHERE {\n  { ?st a pg:Statement ; rdf:predicate ?p }\n  UNION\n  { ?p pg:provenance true . ?s ?p ?o . FILTER NOT EXISTS { ?s a pg:Statement } }\n  ?p pg:relType ?type .\n} GROUP BY ?type ORDER BY ?type'),
)


SPARQL_PROLOGUE = ("PREFIX pg: <https://w3id.org/parkgraph/ontology#>\n"
                   "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n")


def sparql_examples(base_iri: str) -> list[dict]:
    return [{"id": ex.id, "title_zh": ex.title_zh, "title_en": ex.title_en, "question_zh": ex.question_zh,
             "question_en": ex.question_en, "query": SPARQL_PROLOGUE + ex.sparql.replace("{base}", base_iri), "params": {}}
            for ex in EXAMPLES]


def examples_for(engine: str, base_iri: str) -> list[dict]:
    out = []
    for ex in EXAMPLES:
        params = {k: (base_iri + v if isinstance(v, str) and "/" in v and not v.startswith("http") else v)
                  for k, v in ex.params.items()}
        out.append({"id": ex.id, "title_zh": ex.title_zh, "title_en": ex.title_en, "question_zh": ex.question_zh,
                    "question_en": ex.question_en, "query": ex.query_for(engine), "params": params})
    return out
