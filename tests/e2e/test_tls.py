"""TLS, mTLS and API keys through a real TLS-terminating gRPC proxy (nginx) in front of the real dev server.

Each failure names its cause (JSON error "cause") and has its exit code: 6 for a server the client cannot
trust or reach over TLS, 8 when the server refuses the client (no client certificate, wrong API key)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
import tls_proxy  # noqa: E402

API_KEY = "sk-test-5f1c0ffee9d4b7a2"


@pytest.fixture(scope="module")
def proxy(rig, tmp_path_factory):
    base = tmp_path_factory.mktemp("tls")
    certs = tls_proxy.make_certs(base / "certs")
    p = tls_proxy.start_proxy(base / "proxy", certs, backend=rig.address, api_key=API_KEY)
    p.certs = certs
    try:
        yield p
    finally:
        p.stop()


def error_of(result) -> dict:
    return json.loads(result.stderr.splitlines()[-1])["error"]


def list_via(twctl, address, *flags, env=None):
    return twctl("workflow", "list", "--limit", "1", "-o", "json", *flags, address=address, env=env)


def test_server_tls_with_the_test_ca(twctl, proxy):
    for host in ("localhost", "127.0.0.1"):
        r = list_via(twctl, proxy.address("tls", host), "--tls-ca-path", proxy.certs.ca)
        assert r.returncode == 0, r.stderr
        assert isinstance(json.loads(r.stdout), list)


def test_real_workflow_round_trip_over_mtls(twctl, proxy, unique_id):
    flags = ["--tls-ca-path", proxy.certs.ca, "--tls-cert-path", proxy.certs.client_cert,
             "--tls-key-path", proxy.certs.client_key]
    address = proxy.address("mtls")
    s = twctl("workflow", "start", "--type", "Echo", "-t", "edge-tasks", "-w", unique_id, "-i", '"over mtls"',
              *flags, address=address)
    assert s.returncode == 0, s.stderr
    r = twctl("workflow", "result", "-w", unique_id, "-o", "json", *flags, address=address)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["result"] == "over mtls"


def test_mtls_with_data_flags_and_environment(twctl, proxy):
    data = ["--tls-ca-data", proxy.certs.ca.read_text(), "--tls-cert-data", proxy.certs.client_cert.read_text(),
            "--tls-key-data", proxy.certs.client_key.read_text()]
    assert list_via(twctl, proxy.address("mtls"), *data).returncode == 0
    env = {"TEMPORAL_TLS_CLIENT_CERT_PATH": proxy.certs.client_cert, "TEMPORAL_TLS_CLIENT_KEY_PATH": proxy.certs.client_key,
           "TEMPORAL_TLS_SERVER_CA_CERT_PATH": proxy.certs.ca}
    assert list_via(twctl, proxy.address("mtls"), env=env).returncode == 0


def test_mtls_without_client_certificate_is_refused(twctl, proxy):
    r = list_via(twctl, proxy.address("mtls"), "--tls-ca-path", proxy.certs.ca)
    assert r.returncode == 8, r.stderr
    err = error_of(r)
    assert err["kind"] == "permission_denied"
    assert err["cause"] == "client_certificate"
    assert "client certificate" in err["message"]
    assert proxy.address("mtls") in err["message"]


def test_api_key_turns_tls_on_and_is_sent_as_bearer(twctl, proxy):
    r = list_via(twctl, proxy.address("apikey"), "--api-key", API_KEY, "--tls-ca-path", proxy.certs.ca)
    assert r.returncode == 0, r.stderr
    from_env = list_via(twctl, proxy.address("apikey"), "--tls-ca-path", proxy.certs.ca,
                        env={"TEMPORAL_API_KEY": API_KEY})
    assert from_env.returncode == 0, from_env.stderr


@pytest.mark.parametrize("key", [None, "sk-wrong-key-000000"], ids=["no-key", "wrong-key"])
def test_missing_or_wrong_api_key_is_an_auth_failure(twctl, proxy, key):
    flags = ["--tls-ca-path", proxy.certs.ca] + (["--api-key", key] if key else [])
    r = list_via(twctl, proxy.address("apikey"), *flags)
    assert r.returncode == 8, r.stderr
    err = error_of(r)
    assert err["cause"] == "auth"
    assert "authentication failed" in err["message"]
    assert err["grpcStatus"]["name"] == "UNAUTHENTICATED"


def test_wrong_ca_names_the_certificate(twctl, proxy):
    r = list_via(twctl, proxy.address("tls"), "--tls-ca-path", proxy.certs.other_ca)
    assert r.returncode == 6, r.stderr
    err = error_of(r)
    assert err["cause"] == "tls_certificate"
    assert "not signed by a trusted CA" in err["message"]
    assert proxy.address("tls") in err["message"]


def test_wrong_server_name_and_its_override(twctl, proxy):
    address = proxy.address("named")
    r = list_via(twctl, address, "--tls-ca-path", proxy.certs.ca)
    assert r.returncode == 6, r.stderr
    err = error_of(r)
    assert err["cause"] == "tls_server_name"
    assert "cluster.internal" in err["message"] and "--tls-server-name" in err["message"]
    ok = list_via(twctl, address, "--tls-ca-path", proxy.certs.ca, "--tls-server-name", "cluster.internal")
    assert ok.returncode == 0, ok.stderr


def test_host_verification_disabled_accepts_the_wrong_name_and_ca(twctl, proxy):
    r = list_via(twctl, proxy.address("named"), "--tls-ca-path", proxy.certs.other_ca, "--tls-disable-host-verification")
    assert r.returncode == 0, r.stderr


def test_expired_certificate_is_named(twctl, proxy):
    r = list_via(twctl, proxy.address("expired"), "--tls-ca-path", proxy.certs.ca)
    assert r.returncode == 6, r.stderr
    err = error_of(r)
    assert err["cause"] == "tls_certificate"
    assert "expired" in err["message"]


def test_tls_to_a_plaintext_port_says_so(twctl, rig):
    r = list_via(twctl, rig.address, "--tls")
    assert r.returncode == 6, r.stderr
    err = error_of(r)
    assert err["cause"] == "server_not_tls"
    assert err["message"] == f"the server at {rig.address} does not speak TLS: remove --tls"


def test_tls_false_forces_plaintext_over_a_profile(twctl, rig, tmp_path):
    profile = tmp_path / "temporal.toml"
    profile.write_text(f'[profile.default]\naddress = "{rig.address}"\n[profile.default.tls]\n')
    env = {"TEMPORAL_CONFIG_FILE": profile}
    assert list_via(twctl, None, env=env).returncode == 6  # the profile turns TLS on: plaintext server
    assert list_via(twctl, None, "--tls=false", env=env).returncode == 0


def test_tls_settings_from_a_profile(twctl, proxy, tmp_path):
    profile = tmp_path / "temporal.toml"
    profile.write_text(
        f'[profile.cloud]\naddress = "{proxy.address("apikey")}"\napi_key = "{API_KEY}"\n'
        f'[profile.cloud.tls]\nserver_ca_cert_path = "{proxy.certs.ca}"\n')
    r = list_via(twctl, None, "--profile", "cloud", env={"TEMPORAL_CONFIG_FILE": profile})
    assert r.returncode == 0, r.stderr
