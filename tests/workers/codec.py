"""The payload codec shared by the codec worker and the codec server: zlib over the serialized payload, as
Temporal's codec samples do. Encoded payloads carry encoding "binary/zlib"; others pass through untouched."""

from __future__ import annotations

import zlib
from typing import Iterable, List

from temporalio.api.common.v1 import Payload
from temporalio.converter import PayloadCodec

ENCODING = b"binary/zlib"


def encode_one(p: Payload) -> Payload:
    return Payload(metadata={"encoding": ENCODING}, data=zlib.compress(p.SerializeToString()))


def decode_one(p: Payload) -> Payload:
    if p.metadata.get("encoding") != ENCODING:
        return p
    return Payload.FromString(zlib.decompress(p.data))


class ZlibCodec(PayloadCodec):
    async def encode(self, payloads: Iterable[Payload]) -> List[Payload]:
        return [encode_one(p) for p in payloads]

    async def decode(self, payloads: Iterable[Payload]) -> List[Payload]:
        return [decode_one(p) for p in payloads]
