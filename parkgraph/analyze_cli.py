"""`parkgraph analyze …` and `parkgraph network-export …`: network analysis from the command line."""
from __future__ import annotations

import argparse
import json
import sys


def add_parsers(sub, common) -> None:
    p = sub.add_parser("analyze", help="network analysis: paths with sources, centrality, communities, bridges",
                       description="Read the graph into networkx (entities and their relationships; sources stay on the "
                                   "edges) and analyse it. Entities are named by IRI, segment/id or name.")
    common(p)
    p.add_argument("analysis", choices=["paths", "centrality", "communities", "bridges"])
    p.add_argument("entities", nargs="*", metavar="ENTITY", help="for paths: FROM TO")
    p.add_argument("-k", type=int, default=5, help="paths: how many shortest paths (default 5)")
    p.add_argument("--directed", action="store_true", help="paths: follow relationships only along their direction")
    p.add_argument("--measure", choices=["degree", "betweenness", "pagerank"], default="degree")
    p.add_argument("--kind", help="centrality: only nodes of this label (Enterprise, Institution, …)")
    p.add_argument("--top", type=int, default=10)
    p.add_argument("--seed", type=int, default=42, help="seed of Louvain and of sampled betweenness (default 42)")
    p.add_argument("--labels", help="node labels to include, comma-separated (default: every entity kind)")
    p.add_argument("--types", help="relationship types to include, comma-separated (default: all but provenance)")
    p.add_argument("--at", metavar="DATE", help="only facts known at this date (2021, 2021-06, 2021-06-30)")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")

    p = sub.add_parser("network-export", help="write the network as GraphML, GEXF or CSV node/edge lists (Gephi, Cytoscape)")
    common(p)
    p.add_argument("--format", choices=["graphml", "gexf", "nodes.csv", "edges.csv"], default="graphml")
    p.add_argument("--out", metavar="FILE", required=True)
    p.add_argument("--labels")
    p.add_argument("--types")
    p.add_argument("--at", metavar="DATE")


def _list(v: str | None) -> list[str] | None:
    return [x.strip() for x in v.split(",") if x.strip()] if v else None


def cmd_analyze(args: argparse.Namespace, settings) -> int:
    from parkgraph.graph import open_store
    from parkgraph.graph.network.service import run
    with open_store(settings, read_only=True) as store:
        ents = args.entities
        res = run(store, args.analysis, settings.base_iri, source=ents[0] if ents else None,
                  target=ents[1] if len(ents) > 1 else None, k=args.k, directed=args.directed, measure=args.measure,
                  label=args.kind, top=args.top, seed=args.seed, labels=_list(args.labels), rel_types=_list(args.types),
                  at=args.at)
    if args.json:
        json.dump(res, sys.stdout, ensure_ascii=False, indent=1, default=str)
        print()
        return 0
    print(render(args.analysis, res))
    return 0


def render(analysis: str, res: dict) -> str:
    on = res["computed_on"]
    head = f"# {on['nodes']} nodes, {on['edges']} relationships" + (f", facts known at {on['at']}" if on.get("at") else "")
    out = [head]
    if analysis == "paths":
        if not res["paths"]:
            out.append("no path")
        for i, p in enumerate(res["paths"], 1):
            out.append(f"{i}. ({p['length']} hops) {p['explanation']['zh']}")
            out.append(f"   {p['explanation']['en']}")
            for h in p["hops"]:
                for r in h["relationships"]:
                    srcs = "; ".join(f"{c['source'].get('title') or c['source']['uri']} ({c['source'].get('published', '')}): "
                                     f"“{c['quote'].get('text', '')}”" for c in r["sources"]) or "no source on this relationship"
                    out.append(f"   - {r['type']}: {srcs}")
    elif analysis == "centrality":
        out.append(f"{res['how']['measure']} ({', '.join(f'{k}={v}' for k, v in res['how'].items() if k != 'measure') or 'exact'})")
        for i, n in enumerate(res["top"], 1):
            out.append(f"{i:>3}. {n['score']:.6g}  {n['name_zh'] or n['uri']}  [{n['label']}]")
    elif analysis == "communities":
        out.append(f"Louvain, seed {res['seed']}: {len(res['communities'])} communities, modularity {res['modularity']:.3f}")
        for i, c in enumerate(res["communities"], 1):
            names = "、".join(m["name_zh"] or m["uri"] for m in c["members"][:8])
            out.append(f"{i:>3}. {c['size']:>4}  {names}{' …' if c['size'] > 8 else ''}")
    else:
        out.append("between parks:")
        for n in res["between_parks"]:
            out.append(f"  {n['name_zh'] or n['uri']} [{n['label']}] → {', '.join(n['parks'])}")
        out.append(f"articulation points: {len(res['articulation_points'])}; bridge edges: {len(res['bridge_edges'])}")
    return "\n".join(out)


def cmd_network_export(args: argparse.Namespace, settings) -> int:
    from parkgraph.graph import open_store
    from parkgraph.graph.network import formats
    from parkgraph.graph.network.service import projection
    with open_store(settings, read_only=True) as store:
        proj = projection(store, labels=_list(args.labels), rel_types=_list(args.types), at=args.at)
    binary = args.format in ("graphml", "gexf")
    with open(args.out, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8", "newline": ""})) as fh:
        formats.write(proj, args.format, fh)
    print(f"wrote {proj.graph.number_of_nodes()} nodes and {proj.graph.number_of_edges()} relationships to {args.out}",
          file=sys.stderr)
    return 0
