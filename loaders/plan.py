"""What a load writes: records mapped to property-graph rows (loaders/mapping.py makes each row)
one at a time into a spool, repeated quotes and relationships merged, and the rows handed to the
store as a row source (graph/bulk.py's `RowSource`). The one mapping path: files are streamed into
it by loaders/stream.py; an in-memory `Dataset` is fed to it by `map_dataset`.
"""
from __future__ import annotations

import heapq
from collections import OrderedDict
from collections.abc import Iterator

from parkgraph.iri import mint, segment_of
from parkgraph.ontology import Model

from .mapping import REL_DATA_KEYS, node_row, quote_row, quote_uri, rel_props, role_key, statement_uri
from .spool import Spool
from .validate import Dataset

PARTITION_ROWS = 40_000  # lines of input per merge partition (quotes, relations): ~50 MB merged at once


class StreamMapper:
    """Validated records to rows, one record at a time, into a spool. Quotes and relations, which may repeat,
    go to hash partitions tagged with the unit they came from, so that they can be merged in file
    order however the units were shared among processes."""

    def __init__(self, model: Model, base_iri: str, spool: Spool, partitions: int):
        self.m = model
        self.base = base_iri
        self.spool = spool
        self.parts = max(1, partitions)
        self.seq = 0
        self.label_of_segment = {c.segment: c.name for c in model.classes.values()}
        self._recent: OrderedDict[str, None] = OrderedDict()  # quotes just spooled, to skip plain repeats

    def label(self, uri: str) -> str:
        return self.label_of_segment[segment_of(uri)]

    def quotes(self, cites: list[dict]) -> list[str]:
        uris = []
        recent = self._recent
        for c in cites:
            uri = quote_uri(self.base, c["source"], c["quote"])
            # a plain repeat (no repair fields) of a quote just spooled cannot change the merged row
            if uri not in recent or c.get("quote_as_found") or c.get("repair_note"):
                self.spool.add(("quotes", hash(uri) % self.parts), (self.seq, quote_row(c, self.base)))
                recent[uri] = None
                if len(recent) > 50_000:
                    recent.popitem(last=False)
            uris.append(uri)
        return list(dict.fromkeys(uris)) if len(uris) > 1 else uris

    def entity(self, ref: str, cls, data: dict) -> None:
        uri = mint(self.base, ref)
        self.spool.add(("node", cls.name), node_row(cls, data, uri))
        q = self.quotes(data.get("cite", []))
        if cls.needs_citation:
            for quri in q:
                self.spool.add(("rel", "DERIVED_FROM", cls.name, "Quote"),
                               {"uri": statement_uri(self.base, uri, "DERIVED_FROM", quri, None), "from": uri, "to": quri,
                                "quotes": None})
        if cls.name == "Observation":
            to = mint(self.base, data["subject"])
            self.spool.add(("rel", "DESCRIBES", cls.name, self.label(to)),
                           {"uri": statement_uri(self.base, uri, "DESCRIBES", to, None), "from": uri, "to": to,
                            "quotes": q or None})

    def relation(self, data: dict) -> None:
        src, dst = mint(self.base, data["from"]), mint(self.base, data["to"])
        uri = statement_uri(self.base, src, data["type"], dst, role_key(data))
        self.spool.add(("relations", hash(uri) % self.parts),
                       (self.seq, data["type"], {"uri": uri, "from": src, "to": dst,
                                                 "quotes": self.quotes(data["cite"]), **rel_props(data, self.m)}))


def finalise(model: Model, base_iri: str, spools: list[Spool], out: Spool, parts: int) -> None:
    """Merge repeated quotes and relations partition by partition, in file order, into `out`: a
    quote keeps the first repair note given; a relationship (one per statement IRI) gathers every
    quote citing it and keeps the first value given for each property."""
    label_of_segment = {c.segment: c.name for c in model.classes.values()}

    def label(uri: str) -> str:
        return label_of_segment[segment_of(uri)]

    def merged_stream(key):
        streams = [(row for chunk in sp.read(key, drop=True) for row in chunk) for sp in spools]
        return streams[0] if len(streams) == 1 else heapq.merge(*streams, key=lambda x: x[0])
    for p in range(parts):
        merged: dict[str, dict] = {}
        for _seq, row in merged_stream(("quotes", p)):
            have = merged.get(row["uri"])
            if have is None:
                merged[row["uri"]] = row
            else:
                have["text_as_found"] = have["text_as_found"] or row["text_as_found"]
                have["repair_note"] = have["repair_note"] or row["repair_note"]
        for quri, row in merged.items():
            src = row.pop("_source")
            out.add(("node", "Quote"), row)
            out.add(("rel", "QUOTED_FROM", "Quote", "Source"),
                    {"uri": statement_uri(base_iri, quri, "QUOTED_FROM", src, None), "from": quri, "to": src,
                     "quotes": None})
    for p in range(parts):
        rels: dict[str, tuple[str, dict]] = {}
        for _seq, rtype, row in merged_stream(("relations", p)):
            seen = rels.get(row["uri"])
            if seen is None:
                rels[row["uri"]] = (rtype, row)
                continue
            kept = seen[1]
            kept["quotes"] = list(dict.fromkeys(kept["quotes"] + row["quotes"]))
            for k in REL_DATA_KEYS:
                kept[k] = kept.get(k) or row[k]
        for rtype, row in rels.values():
            if not row["quotes"]:
                row["quotes"] = None
            out.add(("rel", rtype, label(row["from"]), label(row["to"])), row)


class StreamPlan:
    """What a load will write, as a row source for `GraphStore.bulk_load` (graph/bulk.py's
    `RowSource`): rows per label and per (type, start label, end label), read from the spools."""

    def __init__(self, model: Model, spools: list[Spool]):
        self.model = model
        self.spools = spools

    def _count(self, key) -> int:
        return sum(sp.count(key) for sp in self.spools)

    def _read(self, key):
        for sp in self.spools:
            yield from sp.read(key)

    def node_labels(self) -> list[str]:
        return [l for l in self.model.labels if self._count(("node", l))]

    def node_batches(self, label: str) -> Iterator[list[dict]]:
        return self._read(("node", label))

    def rel_groups(self) -> list[tuple[str, str, str]]:
        order = {t: i for i, t in enumerate(self.model.rel_types)}
        groups = {k[1:] for sp in self.spools for k in sp.keys() if k[0] == "rel" and sp.count(k)}
        return sorted(groups, key=lambda g: (order[g[0]], g[1], g[2]))

    def rel_batches(self, group: tuple[str, str, str]) -> Iterator[list[dict]]:
        return self._read(("rel", *group))

    def label_count(self, label) -> int:
        return self._count(("node", label))

    # what reports use (LoadReport)
    @property
    def nodes(self) -> dict[str, int]:
        return {l: self._count(("node", l)) for l in self.model.labels}

    @property
    def rels(self) -> dict[str, int]:
        out = {t: 0 for t in self.model.rel_types}
        for sp in self.spools:
            for k in sp.keys():
                if k[0] == "rel":
                    out[k[1]] += sp.count(k)
        return out

    def node_count(self) -> int:
        return sum(self.nodes.values())

    def rel_count(self) -> int:
        return sum(self.rels.values())

    def summary(self) -> dict:
        return {"nodes": {k: v for k, v in self.nodes.items() if v},
                "relationships": {k: v for k, v in self.rels.items() if v}}

    def close(self) -> None:
        for sp in self.spools:
            sp.close()


def map_dataset(ds: Dataset, model: Model, base_iri: str) -> StreamPlan:
    """The rows of a validated in-memory `Dataset`, through the same mapping as a streamed load:
    entities then relations fed to `StreamMapper`, held in an in-memory spool, merged by `finalise`."""
    spool = Spool(in_memory=True)
    mapper = StreamMapper(model, base_iri, spool, 1)
    for ref, (cls, data, _rec) in ds.entities.items():
        mapper.entity(ref, cls, data)
    for data, _rec in ds.relations:
        mapper.relation(data)
    finalise(model, base_iri, [spool], spool, 1)
    return StreamPlan(model, [spool])
