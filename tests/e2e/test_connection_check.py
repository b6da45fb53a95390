"""Connection failures, each with a one-line cause naming the flag to change and its JSON `cause`, on a normal
command (`workflow list`) and through `settings --check`, which runs the steps one by one and fails at the step
that broke, with that failure's exit code. Against the real dev server, a refused port and a real nginx TLS proxy
(tests/fixtures/tls_proxy.py)."""

from __future__ import annotations

import json
import socket
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
import tls_proxy  # noqa: E402
from rig import free_port  # noqa: E402

STEPS = ["settings", "dns", "tcp", "tls", "server", "namespace"]


@pytest.fixture(scope="module")
def proxy(rig, tmp_path_factory):
    base = tmp_path_factory.mktemp("tls-check")
    certs = tls_proxy.make_certs(base / "certs")
    p = tls_proxy.start_proxy(base / "proxy", certs, backend=rig.address, api_key="sk-check-0123456789")
    p.certs = certs
    try:
        yield p
    finally:
        p.stop()


def error_of(result) -> dict:
    return json.loads(result.stderr.splitlines()[-1])["error"]


def list_via(twctl, address, *flags, env=None):
    return twctl("workflow", "list", "--limit", "1", "-o", "json", *flags, address=address, env=env)


def check(twctl, address, *flags, env=None):
    """`settings --check -o json`: (result, document, {step name: step})."""
    r = twctl("settings", "--check", "-o", "json", *flags, address=address, env=env)
    doc = json.loads(r.stdout)
    assert [s["name"] for s in doc["steps"]] == STEPS
    return r, doc, {s["name"]: s for s in doc["steps"]}


def assert_failed_at(doc, steps, name):
    assert doc["ok"] is False
    assert doc["failedStep"] == name
    after = STEPS[STEPS.index(name) + 1:]
    assert steps[name]["status"] == "failed"
    assert all(steps[s]["status"] == "skipped" for s in after), doc
    assert all(steps[s]["status"] in ("ok", "not_applicable") for s in STEPS[:STEPS.index(name)]), doc


def test_check_against_the_dev_server_passes_every_step(twctl, rig):
    r, doc, steps = check(twctl, rig.address)
    assert r.returncode == 0, r.stderr
    assert doc["ok"] is True and doc["failedStep"] is None
    assert all(steps[s]["status"] == "ok" for s in STEPS), doc
    assert steps["server"]["data"]["health"] == "SERVING"
    assert steps["server"]["data"]["serverVersion"]  # the server's version, e.g. 1.32.1
    assert steps["server"]["data"]["serverVersion"] in steps["server"]["detail"]
    assert steps["namespace"]["data"]["state"] == "Registered"
    assert steps["dns"]["data"]["addresses"]
    assert any(a["connected"] for a in steps["tcp"]["data"])
    text = twctl("settings", "--check", address=rig.address)
    assert text.returncode == 0, text.stderr
    lines = text.stdout.splitlines()
    assert [line.split()[:2] for line in lines] == [["ok", s] for s in STEPS]


def test_a_refused_port_fails_the_tcp_step_with_exit_6(twctl):
    address = f"127.0.0.1:{free_port()}"
    r, doc, steps = check(twctl, address)
    assert r.returncode == 6, r.stderr
    assert_failed_at(doc, steps, "tcp")
    assert steps["tcp"]["error"] == {"code": 6, "kind": "unavailable", "cause": "refused"}
    assert error_of(r)["cause"] == "refused"
    text = twctl("settings", "--check", address=address)
    assert text.returncode == 6
    assert text.stdout.splitlines()[2].split()[:2] == ["FAIL", "tcp"]
    assert text.stdout.splitlines()[3].split()[:2] == ["skip", "tls"]
    assert text.stderr.startswith(f"Error: cannot reach the cluster at {address}: connection refused (nothing "
                                  "listens there: check --address or TEMPORAL_ADDRESS")


def test_no_server_at_the_default_address_says_how_to_start_one(twctl):
    with socket.socket() as s:
        if s.connect_ex(("127.0.0.1", 7233)) == 0:
            pytest.skip("something listens on localhost:7233 here")
    r = twctl("workflow", "list", "-o", "json", address=None, env={"TEMPORAL_ADDRESS": None})
    assert r.returncode == 6, r.stderr
    err = error_of(r)
    assert err["cause"] == "refused"
    assert err["message"] == ("no server at localhost:7233 (connection refused): start one with `temporal server "
                              "start-dev` or set --address/TEMPORAL_ADDRESS")


def test_an_unknown_host_is_named(twctl):
    r = list_via(twctl, "nohost.invalid:7233")
    assert r.returncode == 6, r.stderr
    err = error_of(r)
    assert err["cause"] == "dns"
    assert 'the host "nohost.invalid" cannot be resolved' in err["message"]
    c, doc, steps = check(twctl, "nohost.invalid:7233")
    assert c.returncode == 6
    assert_failed_at(doc, steps, "dns")
    assert '"nohost.invalid"' in steps["dns"]["detail"]


def test_plaintext_to_a_tls_server_says_add_tls(twctl, proxy):
    address = proxy.address("tls")
    r = list_via(twctl, address)
    assert r.returncode == 6, r.stderr
    err = error_of(r)
    assert err["cause"] == "tls_required"
    assert err["message"] == f"the server at {address} requires TLS: add --tls"
    assert r.stderr.splitlines()[0] == f"Error: the server at {address} requires TLS: add --tls"
    c, doc, steps = check(twctl, address)
    assert c.returncode == 6
    assert_failed_at(doc, steps, "tls")
    assert steps["tls"]["error"]["cause"] == "tls_required"


def test_tls_to_a_plaintext_server_names_where_tls_came_from(twctl, rig):
    r = list_via(twctl, rig.address, env={"TEMPORAL_TLS": "true"})
    assert r.returncode == 6, r.stderr
    err = error_of(r)
    assert err["cause"] == "server_not_tls"
    assert err["message"] == f"the server at {rig.address} does not speak TLS: unset TEMPORAL_TLS or add --tls=false"
    c, doc, steps = check(twctl, rig.address, "--tls")
    assert c.returncode == 6
    assert_failed_at(doc, steps, "tls")
    assert steps["tls"]["detail"] == f"the server at {rig.address} does not speak TLS: remove --tls"


def test_mtls_without_a_client_certificate_is_required(twctl, proxy):
    address = proxy.address("mtls")
    r = list_via(twctl, address, "--tls-ca-path", proxy.certs.ca)
    assert r.returncode == 8, r.stderr
    err = error_of(r)
    assert err["cause"] == "client_certificate"
    assert "requires a client certificate (mTLS): set --tls-cert-path and --tls-key-path" in err["message"]
    c, doc, steps = check(twctl, address, "--tls-ca-path", proxy.certs.ca)
    assert c.returncode == 8
    # nginx asks for the certificate in the handshake and refuses the request only afterwards (HTTP 400).
    assert steps["tls"]["status"] == "ok"
    assert steps["tls"]["data"]["clientCertificate"] == {"requested": True, "sent": False}
    assert "none configured" in steps["tls"]["detail"]
    assert_failed_at(doc, steps, "server")
    assert steps["server"]["error"]["cause"] == "client_certificate"


def test_mtls_with_an_untrusted_client_certificate_is_rejected(twctl, proxy):
    address = proxy.address("mtls")
    flags = ["--tls-ca-path", proxy.certs.ca, "--tls-cert-path", proxy.certs.other_client_cert,
             "--tls-key-path", proxy.certs.other_client_key]
    r = list_via(twctl, address, *flags)
    assert r.returncode == 8, r.stderr
    err = error_of(r)
    assert err["cause"] == "client_certificate_rejected"
    assert "rejected the client certificate" in err["message"] and "--tls-cert-path" in err["message"]
    c, doc, steps = check(twctl, address, *flags)
    assert c.returncode == 8
    assert steps["tls"]["data"]["clientCertificate"] == {"requested": True, "sent": True}
    assert_failed_at(doc, steps, "server")
    assert steps["server"]["error"]["cause"] == "client_certificate_rejected"


def test_a_server_certificate_from_another_ca_fails_the_tls_step(twctl, proxy):
    address = proxy.address("tls")
    c, doc, steps = check(twctl, address, "--tls-ca-path", proxy.certs.other_ca)
    assert c.returncode == 6
    assert_failed_at(doc, steps, "tls")
    assert steps["tls"]["error"]["cause"] == "tls_certificate"
    assert "not signed by a trusted CA (--tls-ca-path" in steps["tls"]["detail"]
    assert steps["tls"]["data"]["verified"] is False
    assert steps["tls"]["data"]["subject"] == "CN=localhost"


def test_check_over_mtls_shows_the_handshake(twctl, proxy):
    flags = ["--tls-ca-path", proxy.certs.ca, "--tls-cert-path", proxy.certs.client_cert,
             "--tls-key-path", proxy.certs.client_key]
    c, doc, steps = check(twctl, proxy.address("mtls"), *flags)
    assert c.returncode == 0, c.stderr
    tls = steps["tls"]["data"]
    assert tls["protocol"].startswith("TLSv1.")
    assert tls["alpn"] == "h2"
    assert tls["issuer"] == "CN=twctl test ca"
    assert tls["verified"] is True
    assert tls["clientCertificate"] == {"requested": True, "sent": True}


def test_an_unreadable_certificate_file_names_the_flag(twctl, rig, tmp_path):
    missing = tmp_path / "nope.pem"
    r = list_via(twctl, rig.address, "--tls-cert-path", missing, "--tls-key-path", missing)
    assert r.returncode == 2, r.stderr
    err = error_of(r)
    assert err["cause"] == "tls_file"
    assert err["message"].startswith("--tls-cert-path: the file ") and str(missing) in err["message"]
    c, doc, steps = check(twctl, rig.address, "--tls-cert-path", missing, "--tls-key-path", missing)
    assert c.returncode == 2
    assert_failed_at(doc, steps, "settings")
    assert steps["settings"]["error"]["cause"] == "tls_file"


def test_check_never_prints_the_api_key(twctl, proxy):
    key = "sk-check-0123456789"
    r = twctl("settings", "--check", "--api-key", key, "--tls-ca-path", proxy.certs.ca, address=proxy.address("apikey"))
    assert r.returncode == 0, r.stderr
    assert key not in r.stdout and key not in r.stderr
    assert "API key ******** (flag --api-key)" in r.stdout
    wrong = twctl("settings", "--check", "-o", "json", "--api-key", "sk-wrong-9876543210", "--tls-ca-path",
                  proxy.certs.ca, address=proxy.address("apikey"))
    assert wrong.returncode == 8
    assert json.loads(wrong.stdout)["failedStep"] == "server"
    assert error_of(wrong)["cause"] == "auth"
    assert "sk-wrong-9876543210" not in wrong.stdout + wrong.stderr
