"""Profiles, environment variables and flags resolve in the documented order, with the real binary:
flag, then environment, then profile, then default; `twctl settings` says where each value came from."""

from __future__ import annotations

import json
import os
import stat

import rig as _rig

BAD = f"127.0.0.1:{_rig.free_port()}"


def write_profile(tmp_path, address, name="default", extra=""):
    path = tmp_path / "temporal.toml"
    path.write_text(f'[profile.{name}]\naddress = "{address}"\n{extra}')
    return path


def lists(twctl, *flags, env=None):
    return twctl("workflow", "list", "--limit", "1", *flags, address=None, env=env).returncode


def test_default_address_when_nothing_is_set(twctl):
    r = twctl("settings", "-o", "json", address=None)
    assert r.returncode == 0, r.stderr
    s = json.loads(r.stdout)["settings"]
    assert s["address"] == {"value": "localhost:7233", "source": "default", "origin": "default"}
    assert s["namespace"]["value"] == "default"


def test_profile_over_default(twctl, rig, tmp_path):
    env = {"TEMPORAL_CONFIG_FILE": write_profile(tmp_path, rig.address)}
    assert lists(twctl, env=env) == 0


def test_profile_in_the_default_location(twctl, rig, tmp_path):
    config = tmp_path / "xdg"
    (config / "temporalio").mkdir(parents=True)
    (config / "temporalio" / "temporal.toml").write_text(f'[profile.default]\naddress = "{rig.address}"\n')
    assert lists(twctl, env={"XDG_CONFIG_HOME": config}) == 0


def test_env_over_profile(twctl, rig, tmp_path):
    env = {"TEMPORAL_CONFIG_FILE": write_profile(tmp_path, BAD), "TEMPORAL_ADDRESS": rig.address}
    assert lists(twctl, env=env) == 0


def test_flag_over_env(twctl, rig, tmp_path):
    env = {"TEMPORAL_CONFIG_FILE": write_profile(tmp_path, BAD), "TEMPORAL_ADDRESS": BAD}
    assert lists(twctl, "--address", rig.address, env=env) == 0
    assert lists(twctl, env=env) == 6


def test_named_profile_from_flag_and_env(twctl, rig, tmp_path):
    path = tmp_path / "temporal.toml"
    path.write_text(f'[profile.default]\naddress = "{BAD}"\n[profile.dev]\naddress = "{rig.address}"\n')
    assert lists(twctl, "--profile", "dev", env={"TEMPORAL_CONFIG_FILE": path}) == 0
    assert lists(twctl, env={"TEMPORAL_CONFIG_FILE": path, "TEMPORAL_PROFILE": "dev"}) == 0
    missing = twctl("workflow", "list", "--profile", "nope", address=None, env={"TEMPORAL_CONFIG_FILE": path})
    assert missing.returncode == 2
    assert 'profile "nope"' in missing.stderr


def test_disable_flags(twctl, rig, tmp_path):
    env = {"TEMPORAL_CONFIG_FILE": write_profile(tmp_path, BAD), "TEMPORAL_ADDRESS": rig.address}
    # Without the environment the profile's bad address is used; without the file the default one.
    assert lists(twctl, "--disable-config-env", "--config-file", env["TEMPORAL_CONFIG_FILE"], env=env) == 6
    s = json.loads(twctl("settings", "-o", "json", "--disable-config-file", address=None,
                         env={"TEMPORAL_CONFIG_FILE": env["TEMPORAL_CONFIG_FILE"]}).stdout)["settings"]
    assert s["address"]["source"] == "default"


def test_settings_names_every_source(twctl, rig, tmp_path):
    path = write_profile(tmp_path, BAD, extra='namespace = "from-profile"\n[profile.default.grpc_meta]\nteam = "blue"\n')
    r = twctl("settings", "-o", "json", "--address", rig.address, address=None,
              env={"TEMPORAL_CONFIG_FILE": path, "TEMPORAL_GRPC_META_TEAM": "red", "TEMPORAL_CODEC_ENDPOINT": "http://c"})
    s = json.loads(r.stdout)["settings"]
    assert s["address"]["source"] == "flag" and s["address"]["origin"] == "--address"
    assert s["namespace"]["source"] == "profile"
    assert s["grpc_meta.team"] == {"value": "red", "source": "env", "origin": "TEMPORAL_GRPC_META_TEAM"}
    assert s["codec.endpoint"]["source"] == "env"
    assert s["config_file"]["value"] == str(path)
    text = twctl("settings", address=None, env={"TEMPORAL_CONFIG_FILE": path})
    assert "profile default (" in text.stdout


def test_config_commands_write_a_private_file(twctl, rig, tmp_path):
    config = tmp_path / "cfg"
    env = {"XDG_CONFIG_HOME": config}
    assert twctl("config", "set", "--prop", "address", "--value", rig.address, address=None, env=env).returncode == 0
    assert twctl("config", "set", "-p", "api_key", "-v", "sk-profile-secret-1", "--profile", "cloud",
                 address=None, env=env).returncode == 0
    path = config / "temporalio" / "temporal.toml"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700
    assert lists(twctl, env=env) == 0  # the profile just written is used
    got = twctl("config", "get", "--profile", "cloud", address=None, env=env)
    assert "api_key" in got.stdout and "********" in got.stdout
    assert "sk-profile-secret-1" not in got.stdout
    names = json.loads(twctl("config", "list", "-o", "json", address=None, env=env).stdout)
    assert sorted(n["name"] for n in names) == ["cloud", "default"]
