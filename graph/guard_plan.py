"""The console's layer 2: the engine's own plan (EXPLAIN) decides what runs; allow-lists of
operators, table functions and procedures. Imported through `graph.guard`."""
from __future__ import annotations

import re

from .guard_tokens import ALLOWED_PROCS


# ---------------------------------------------------------------------- the engine's own plan
# What runs is decided from the engine's parse of the query (EXPLAIN), not from the words typed:
# every physical operator and table function in LadybugDB's plan must be on these allow-lists.
# Anything else — COPY_TO, ATTACH_DATABASE, STANDALONE_CALL (settings), INSTALL_EXTENSION,
# EXPORT_DATABASE, CREATE_*, the file readers READ_CSV_*/READ_PARQUET/READ_NPY (LOAD FROM),
# CURRENT_SETTING, FILE_INFO, PROJECT_GRAPH — is refused, including operators a future engine adds.
LADYBUG_OPERATORS = frozenset({
    "RESULT_COLLECTOR", "PROJECTION", "FILTER", "FLATTEN", "LIMIT", "SKIP", "UNWIND", "CROSS_PRODUCT",
    "SCAN_NODE_TABLE", "SCAN_REL_TABLE", "PRIMARY_KEY_SCAN_NODE_TABLE", "INDEX_LOOKUP",
    "HASH_JOIN_BUILD", "HASH_JOIN_PROBE", "INTERSECT_BUILD", "INTERSECT", "SEMI_MASKER",
    "AGGREGATE", "AGGREGATE_FINALIZE", "AGGREGATE_SCAN", "ORDER_BY", "ORDER_BY_MERGE", "ORDER_BY_SCAN",
    "TOP_K", "TOP_K_SCAN", "UNION_ALL_SCAN", "RECURSIVE_EXTEND", "PATH_PROPERTY_PROBE", "DUMMY_SINK",
    "MULTIPLICITY_REDUCER", "EMPTY_RESULT", "TABLE_FUNCTION_CALL", "PARTITIONER", "OFFSET_SCAN_NODE_TABLE",
    "DUMMY_SIMPLE_SINK", "SIMPLE_AGGREGATE", "SIMPLE_AGGREGATE_FINALIZE", "SIMPLE_AGGREGATE_SCAN",
    "COUNT_REL_TABLE",
})
LADYBUG_TABLE_FUNCTIONS = frozenset({
    "READ_FTABLE",  # the engine's own intermediate results (RETURN without MATCH, recursive joins)
    "SHOW_TABLES", "TABLE_INFO", "SHOW_CONNECTION", "DB_VERSION", "SHOW_FUNCTIONS", "SHOW_SEQUENCES",
    "SHOW_INDEXES", "SHOW_MACROS", "SHOW_WARNINGS", "SHOW_ATTACHED_DATABASES", "SHOW_LOADED_EXTENSIONS",
    "SHOW_PROJECTED_GRAPHS", "STORAGE_VERSION", "CATALOG_VERSION",
})
_PLAN_OPERATOR = re.compile(r"([A-Z][A-Z0-9_]*)\[\d+\]")
_PLAN_FUNCTION = re.compile(r"Function: ([A-Za-z0-9_]+)")


def ladybug_plan_refusal(plan: str) -> str | None:
    """Why LadybugDB's EXPLAIN text `plan` is not a plain read, or None. Conservative: a string
    literal that prints like an operator (`FOO[1]`) is refused too, never the other way round."""
    for op in _PLAN_OPERATOR.findall(plan):
        if op not in LADYBUG_OPERATORS:
            return f"the engine's plan contains ‘{op}’, which the console does not run (only reads of the graph)"
    for fn in _PLAN_FUNCTION.findall(plan):
        if fn.upper() not in LADYBUG_TABLE_FUNCTIONS:
            what = "reads files" if fn.upper().startswith("READ_") or fn.upper() == "FILE_INFO" else \
                "reads engine settings" if "SETTING" in fn.upper() else "is not a read of the graph"
            return f"the console does not call ‘{fn.lower()}’: it {what}"
    return None


# Neo4j: EXPLAIN in the READ transaction the query then runs in; the summary's query type must be
# 'r' (read only) and every operator of the plan on this list. LoadCSV, Create/Merge/Set*/Delete*,
# Foreach, TransactionApply, the SHOW/administration commands and anything unknown are refused;
# a ProcedureCall must name a procedure of ALLOWED_PROCS.
NEO4J_OPERATORS = frozenset({
    "ProduceResults", "EmptyResult", "Argument", "Filter", "Projection", "Limit", "ExhaustiveLimit", "Skip",
    "Top", "Top1WithTies", "PartialTop", "Sort", "PartialSort", "Distinct", "OrderedDistinct", "Aggregation",
    "EagerAggregation", "OrderedAggregation", "Unwind", "Eager", "CacheProperties", "Optional", "Union",
    "AllNodesScan", "NodeByLabelScan", "UnionNodeByLabelsScan", "IntersectionNodeByLabelsScan",
    "SubtractionNodeByLabelsScan", "NodeByIdSeek", "NodeByElementIdSeek", "NodeIndexSeek", "NodeUniqueIndexSeek",
    "MultiNodeIndexSeek", "AssertingMultiNodeIndexSeek", "NodeIndexScan", "NodeIndexContainsScan",
    "NodeIndexEndsWithScan", "NodeIndexSeekByRange", "NodeUniqueIndexSeekByRange", "NodeCountFromCountStore",
    "RelationshipCountFromCountStore", "DirectedRelationshipTypeScan", "UndirectedRelationshipTypeScan",
    "DirectedUnionRelationshipTypesScan", "UndirectedUnionRelationshipTypesScan", "DirectedAllRelationshipsScan",
    "UndirectedAllRelationshipsScan", "DirectedRelationshipByIdSeek", "UndirectedRelationshipByIdSeek",
    "DirectedRelationshipByElementIdSeek", "UndirectedRelationshipByElementIdSeek",
    "DirectedRelationshipIndexSeek", "UndirectedRelationshipIndexSeek", "DirectedRelationshipIndexScan",
    "UndirectedRelationshipIndexScan", "DirectedRelationshipIndexContainsScan",
    "UndirectedRelationshipIndexContainsScan", "DirectedRelationshipIndexEndsWithScan",
    "UndirectedRelationshipIndexEndsWithScan", "DirectedRelationshipIndexSeekByRange",
    "UndirectedRelationshipIndexSeekByRange", "DirectedRelationshipUniqueIndexSeek",
    "UndirectedRelationshipUniqueIndexSeek",
    "Expand(All)", "Expand(Into)", "OptionalExpand(All)", "OptionalExpand(Into)", "VarLengthExpand(All)",
    "VarLengthExpand(Into)", "VarLengthExpand(Pruning)", "VarLengthExpand(Pruning,BFS)", "BFSPruningVarExpand",
    "ShortestPath", "StatefulShortestPath(All)", "StatefulShortestPath(Into)", "Trail", "Repeat(Trail)",
    "ProjectEndpoints", "NullifyMetadata", "TriadicSelection", "TriadicBuild", "TriadicFilter",
    "Apply", "SemiApply", "AntiSemiApply", "LetSemiApply", "LetAntiSemiApply", "SelectOrSemiApply",
    "SelectOrAntiSemiApply", "LetSelectOrSemiApply", "LetSelectOrAntiSemiApply", "RollUpApply",
    "ConditionalApply", "AntiConditionalApply", "CartesianProduct", "NodeHashJoin", "ValueHashJoin",
    "NodeLeftOuterHashJoin", "NodeRightOuterHashJoin", "Anti", "ProcedureCall", "PreserveOrder",
})


# An operator's name may carry its variant in brackets, more of them in newer planners
# (`VarLengthExpand(Pruning,BFS,All)`): any variant of a read operator is a read.
NEO4J_OPERATOR_FAMILIES = frozenset(op.split("(", 1)[0] for op in NEO4J_OPERATORS)


def neo4j_plan_refusal(query_type: str | None, plan: dict | None) -> str | None:
    """Why Neo4j's EXPLAIN summary (query type and plan tree) is not a plain read, or None."""
    if query_type != "r":
        what = {"w": "writes", "rw": "reads and writes", "s": "changes the schema or runs a command"}.get(
            query_type or "", f"is of type {query_type!r}")
        return f"Neo4j's plan for this query {what}"
    todo = [plan] if plan else []
    while todo:
        p = todo.pop()
        op = str(p.get("operatorType", "")).split("@", 1)[0]
        if op not in NEO4J_OPERATORS and op.split("(", 1)[0] not in NEO4J_OPERATOR_FAMILIES:
            return f"Neo4j's plan contains ‘{op}’, which the console does not run (only reads of the graph)"
        if op == "ProcedureCall":
            details = str((p.get("arguments") or p.get("args") or {}).get("Details", ""))
            name = details.split("(", 1)[0].strip()
            if name.lower() not in ALLOWED_PROCS:
                return f"the console does not call procedure ‘{name}’"
        todo.extend(p.get("children") or [])
    return None
