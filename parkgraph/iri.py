"""ParkGraph's IRIs, minted and read in one place.

An entity's IRI is `{base}{segment}/{id}` (docs/identifiers.md): `base` is the `base_iri` setting
(default `DEFAULT_BASE`), `segment` names the class (`park`, `enterprise`, ...) and `id` is a slug
without `/`. Data files refer to an entity by its *ref*, `segment/id`; quotes and statements get
IRIs of the same shape (`{base}quote/<digest>`, `{base}statement/<digest>`).
"""
from __future__ import annotations

DEFAULT_BASE = "https://w3id.org/parkgraph/id/"


def mint(base: str, ref: str) -> str:
    """The IRI of the entity a data file calls `ref` (`segment/id`)."""
    return base + ref


def ref_of(uri: str) -> str:
    """`segment/id` of an IRI of ours (its last two path parts, a trailing `/` ignored)."""
    return "/".join(uri.rstrip("/").rsplit("/", 2)[-2:])


def segment_of(uri: str) -> str | None:
    """The segment (class) an IRI is minted under, or None when it has no `segment/id` path."""
    parts = uri.rstrip("/").rsplit("/", 2)
    return parts[-2] if len(parts) == 3 else None


def local_id(uri: str) -> str:
    """The last path part of an IRI: an entity's id (a trailing `/` ignored)."""
    return uri.rstrip("/").rsplit("/", 1)[-1]


def ref_segment(ref: str) -> str:
    """`park` of the ref `park/beijing`."""
    return ref.split("/", 1)[0]


def ref_id(ref: str) -> str:
    """`beijing` of the ref `park/beijing`."""
    return ref.split("/", 1)[1]


def relative(uri: str, base: str) -> str:
    """An IRI minted under `base` without it (`park/beijing`); any other IRI unchanged."""
    return uri[len(base):] if uri.startswith(base) else uri
