"""Checks that the ``rig`` fixture gives a server the Python client can use."""

import asyncio

import pytest

from temporalio.api.workflowservice.v1 import DescribeNamespaceRequest, GetSystemInfoRequest
from temporalio.client import Client

import rig as _rig


@pytest.mark.compat
def test_rig_server_answers(rig):
    async def check():
        client = await Client.connect(rig.address, namespace=rig.namespace)
        resp = await client.workflow_service.describe_namespace(
            DescribeNamespaceRequest(namespace=rig.namespace)
        )
        return resp.namespace_info.name

    assert asyncio.run(check()) == rig.namespace


@pytest.mark.compat
def test_rig_runs_the_chosen_server_version(rig):
    if rig.external:
        pytest.skip("TWCTL_E2E_ADDRESS: a server the rig did not start")

    async def version():
        client = await Client.connect(rig.address, namespace=rig.namespace)
        return (await client.workflow_service.get_system_info(GetSystemInfoRequest())).server_version

    expected = _rig.LEGACY_SERVER_VERSION if rig.server == "legacy" else _rig.devserver_version().lstrip("v")
    assert asyncio.run(version()) == expected
