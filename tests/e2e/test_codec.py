"""The remote codec round trip: twctl encodes inputs through a real codec server, a real worker whose SDK
client uses the same codec runs the workflow, and twctl decodes results, histories and query answers."""

from __future__ import annotations

import base64
import json

import pytest

import rig as _rig

CODEC_AUTH = "Bearer codec-token-7c1e55aa"
ZLIB = base64.b64encode(b"binary/zlib").decode()


@pytest.fixture(scope="module")
def codec(rig, tmp_path_factory):
    log_dir = tmp_path_factory.mktemp("codec")
    server, url = _rig.start_codec_server(log_dir, auth=CODEC_AUTH)
    try:
        worker = _rig.start_codec_worker(rig.address, log_dir)
    except BaseException:
        _rig.stop(server)
        raise
    try:
        yield url
    finally:
        _rig.stop(worker)
        _rig.stop(server)


def with_codec(url):
    return ["--codec-endpoint", url, "--codec-auth", CODEC_AUTH]


def test_input_and_result_round_trip_through_the_codec(twctl, codec, unique_id):
    s = twctl("workflow", "start", "--type", "CodecEcho", "-t", "codec-tasks", "-w", unique_id,
              "-i", '{"msg": "hi"}', *with_codec(codec))
    assert s.returncode == 0, s.stderr
    r = twctl("workflow", "result", "-w", unique_id, "-o", "json", *with_codec(codec))
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["result"] == {"echo": {"msg": "hi"}}
    text = twctl("workflow", "result", "-w", unique_id, *with_codec(codec))
    assert "json/plain" in text.stdout


def test_without_the_endpoint_payloads_show_as_metadata_and_base64(twctl, codec, unique_id):
    s = twctl("workflow", "start", "--type", "CodecEcho", "-t", "codec-tasks", "-w", unique_id, "-i", '"x"',
              *with_codec(codec))
    assert s.returncode == 0, s.stderr
    r = twctl("workflow", "result", "-w", unique_id, "-o", "json")
    assert r.returncode == 0, r.stderr
    result = json.loads(r.stdout)["result"]
    assert result["metadata"]["encoding"] == ZLIB
    assert "data" in result
    # What the server stored is encoded: twctl encoded the input before sending it.
    h = twctl("workflow", "show", "-w", unique_id, "-o", "json")
    started = json.loads(h.stdout)["events"][0]["workflowExecutionStartedEventAttributes"]
    assert started["input"]["payloads"][0]["metadata"]["encoding"] == ZLIB
    # With the codec the same history reads plainly.
    decoded = twctl("workflow", "show", "-w", unique_id, "-o", "json", *with_codec(codec))
    started = json.loads(decoded.stdout)["events"][0]["workflowExecutionStartedEventAttributes"]
    assert base64.b64decode(started["input"]["payloads"][0]["data"]) == b'"x"'


def test_query_answers_are_decoded(twctl, codec, unique_id, wait_until):
    s = twctl("workflow", "start", "--type", "CodecGreeter", "-t", "codec-tasks", "-w", unique_id, "-i", '"Ann"',
              *with_codec(codec))
    assert s.returncode == 0, s.stderr
    try:
        q = wait_until(
            lambda: (lambda r: r if r.returncode == 0 else None)(
                twctl("workflow", "query", "-w", unique_id, "--name", "greeting", "-o", "json", *with_codec(codec))),
            timeout=30, message="query answered")
        assert json.loads(q.stdout)["queryResult"] == ["Hello, Ann!"]
    finally:
        twctl("workflow", "cancel", "-w", unique_id)


def test_codec_auth_is_required_and_never_shown(twctl, codec, unique_id):
    r = twctl("workflow", "start", "--type", "CodecEcho", "-t", "codec-tasks", "-w", unique_id, "-i", "1",
              "--codec-endpoint", codec, "--codec-auth", "Bearer wrong-codec-token", "-o", "json")
    assert r.returncode == 8, r.stderr
    err = json.loads(r.stderr.splitlines()[-1])["error"]
    assert err["cause"] == "codec"
    assert "HTTP 401" in err["message"]
    assert "wrong-codec-token" not in r.stderr
    d = twctl("workflow", "describe", "-w", unique_id)
    assert d.returncode == 4  # nothing was started


def test_unreachable_codec_server_is_named(twctl, unique_id):
    url = f"http://127.0.0.1:{_rig.free_port()}"
    r = twctl("workflow", "start", "--type", "CodecEcho", "-t", "codec-tasks", "-w", unique_id, "-i", "1",
              "--codec-endpoint", url)
    assert r.returncode == 6
    assert f"codec server at {url}/encode" in r.stderr


def test_describe_decodes_on_two_threads_many_times(twctl, codec, unique_id):
    # describe asks for a completed run's close event on a second thread, and the codec finds payloads by
    # reflection on both: its descriptors must be registered before that thread starts (a race here once
    # corrupted the heap). A workflow that is not there fails the same way on both threads.
    s = twctl("workflow", "start", "--type", "CodecEcho", "-t", "codec-tasks", "-w", unique_id,
              "-i", '{"msg": "twice"}', *with_codec(codec))
    assert s.returncode == 0, s.stderr
    assert twctl("workflow", "result", "-w", unique_id, *with_codec(codec)).returncode == 0
    for _ in range(20):
        d = twctl("workflow", "describe", "-w", unique_id, "-o", "json", *with_codec(codec))
        assert d.returncode == 0, d.stderr
        assert json.loads(d.stdout)["result"] == {"echo": {"msg": "twice"}}
        missing = twctl("workflow", "describe", "-w", unique_id + "-none", "-o", "json", *with_codec(codec))
        assert missing.returncode == 4, missing.stderr
