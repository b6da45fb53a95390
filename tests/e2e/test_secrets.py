"""No secret appears in any output, error, JSON error object or debug log (--verbose), whichever way it was
given (flag, environment, profile) and whichever way the command ends."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
import rig as _rig  # noqa: E402
import tls_proxy  # noqa: E402

API_KEY = "sk-leaktest-8f2b61d07c4e"
CODEC_AUTH = "Bearer codec-leaktest-93ae51"
PROFILE_KEY = "sk-profile-leaktest-4d0b"
SECRETS = [API_KEY, CODEC_AUTH, PROFILE_KEY]


@pytest.fixture(scope="module")
def stack(rig, tmp_path_factory):
    base = tmp_path_factory.mktemp("secrets")
    certs = tls_proxy.make_certs(base / "certs")
    proxy = tls_proxy.start_proxy(base / "proxy", certs, backend=rig.address, api_key=API_KEY)
    codec, url = _rig.start_codec_server(base, auth=CODEC_AUTH)
    try:
        yield proxy, certs, url
    finally:
        _rig.stop(codec)
        proxy.stop()


def assert_clean(result):
    for secret in SECRETS + [certs_key_marker]:
        for stream in (result.stdout, result.stderr):
            assert secret not in stream, f"secret leaked: {secret!r} in {stream!r}"


certs_key_marker = "BEGIN PRIVATE KEY"


def test_no_secret_in_any_output(twctl, stack, rig, tmp_path):
    proxy, certs, codec_url = stack
    key_data = certs.client_key.read_text()
    profile = tmp_path / "temporal.toml"
    profile.write_text(f'[profile.leaky]\naddress = "{proxy.address("apikey")}"\napi_key = "{PROFILE_KEY}"\n'
                       f'[profile.leaky.tls]\nserver_ca_cert_path = "{certs.ca}"\n'
                       f'[profile.leaky.codec]\nauth = "{CODEC_AUTH}"\n')
    ca = ["--tls-ca-path", certs.ca]
    runs = [
        # success, verbose, every output mode
        twctl("workflow", "list", "--limit", "1", "--api-key", API_KEY, *ca, "--verbose", address=proxy.address("apikey")),
        twctl("workflow", "list", "--limit", "1", "-o", "json", "--verbose", *ca, address=proxy.address("apikey"),
              env={"TEMPORAL_API_KEY": API_KEY}),
        # auth failures, in JSON too
        twctl("workflow", "list", "--api-key", API_KEY + "x", *ca, "-o", "json", "--verbose", address=proxy.address("apikey")),
        twctl("workflow", "describe", "-w", "x", "--profile", "leaky", "-o", "jsonl", "--verbose", "--api-key", PROFILE_KEY + "y",
              address=None, env={"TEMPORAL_CONFIG_FILE": profile}),
        # mTLS key data on the command line and in the environment, failing and verbose
        twctl("workflow", "list", "--tls-key-data", key_data, "--tls-cert-data", certs.client_cert.read_text(), *ca,
              "-o", "json", "--verbose", address=proxy.address("tls")),
        twctl("workflow", "list", "--tls-cert-path", certs.client_cert, *ca, "--verbose", address=f"127.0.0.1:{_rig.free_port()}",
              env={"TEMPORAL_TLS_CLIENT_KEY_DATA": key_data}),
        # a codec server refusing the codec auth (wrong one), and one that accepts it
        twctl("workflow", "start", "--type", "Echo", "-t", "edge-tasks", "-i", "1", "--codec-endpoint", codec_url,
              "--codec-auth", CODEC_AUTH + "z", "-o", "json", "--verbose"),
        twctl("workflow", "describe", "-w", "no-such-wf", "--codec-endpoint", codec_url, "--codec-auth", CODEC_AUTH,
              "-o", "json", "--verbose"),
        # usage errors with a secret beside them
        twctl("workflow", "list", "--api-key", API_KEY, "--no-such-flag", "-o", "json", address=None),
        twctl("workflow", "list", f"--api-key={API_KEY}", "--client-connect-timeout", "soon", address=None),
        # settings and config, which show settings on purpose
        twctl("settings", "--profile", "leaky", "--api-key", API_KEY, "--codec-auth", CODEC_AUTH, address=None,
              env={"TEMPORAL_CONFIG_FILE": profile, "TEMPORAL_TLS_CLIENT_KEY_DATA": key_data}),
        twctl("settings", "-o", "json", "--profile", "leaky", "--verbose", address=None, env={"TEMPORAL_CONFIG_FILE": profile}),
        twctl("config", "get", "--profile", "leaky", address=None, env={"TEMPORAL_CONFIG_FILE": profile}),
        twctl("config", "get", "--profile", "leaky", "-o", "json", address=None, env={"TEMPORAL_CONFIG_FILE": profile}),
        twctl("config", "get", "--profile", "leaky", "--prop", "codec.auth", address=None,
              env={"TEMPORAL_CONFIG_FILE": profile}),
    ]
    exits = [r.returncode for r in runs]
    # The runs did end in the ways meant: successes, auth failures, usage errors.
    assert exits[0] == 0 and exits[1] == 0, exits
    assert exits[2] == 8 and exits[3] == 8, exits
    assert exits[6] == 8 and exits[7] == 4, exits
    assert exits[8] == 2 and exits[9] == 2, exits
    assert all(code == 0 for code in exits[10:]), exits
    assert "retrying" in runs[5].stderr or "twctl: connecting" in runs[5].stderr  # the debug log was on
    for r in runs:
        assert_clean(r)
