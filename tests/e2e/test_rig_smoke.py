"""Checks that the ``rig`` fixture gives a server the Python client can use."""

import asyncio

from temporalio.api.workflowservice.v1 import DescribeNamespaceRequest
from temporalio.client import Client


def test_rig_server_answers(rig):
    async def check():
        client = await Client.connect(rig.address, namespace=rig.namespace)
        resp = await client.workflow_service.describe_namespace(
            DescribeNamespaceRequest(namespace=rig.namespace)
        )
        return resp.namespace_info.name

    assert asyncio.run(check()) == rig.namespace
