// Connection settings: flag, then environment, then profile, then default; each level on its own.
#include "config/connection.hpp"
#include "config/settings.hpp"
#include "fake_gateway.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>

using namespace twctl;
using twctl::testing::TempDir;
using namespace twctl::config;

namespace {

EnvLookup env_of(std::map<std::string, std::string> vars) {
  return [vars](std::string_view name) -> std::optional<std::string> {
    auto it = vars.find(std::string(name));
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

std::vector<std::string> names_of(const std::map<std::string, std::string>& vars) {
  std::vector<std::string> out;
  for (const auto& [k, v] : vars) out.push_back(k);
  return out;
}

const char* kProfileToml = R"(
[profile.default]
address = "profile-host:7233"
namespace = "profile-ns"
api_key = "profile-key-123"

[profile.default.tls]
server_name = "profile.example"

[profile.default.codec]
endpoint = "http://codec.local/{namespace}"

[profile.default.grpc_meta]
team = "from-profile"

[profile.prod]
address = "prod:7233"
)";

}  // namespace

TEST_CASE("settings: each level wins over the ones below it: flag > env > profile > default") {
  TempDir dir;
  auto file = dir.write("temporal.toml", kProfileToml);
  std::map<std::string, std::string> vars{{"TEMPORAL_CONFIG_FILE", file}};
  ConnectionFlags flags;

  SUBCASE("default") {
    auto s = resolve(ConnectionFlags{}, env_of({}), {});
    CHECK(s.get("address") == "localhost:7233");
    CHECK(s.values.at("address").source == Source::Default);
    CHECK(s.get("namespace") == "default");
    CHECK(s.get("client_connect_timeout") == "10s");
    CHECK_FALSE(s.is_true("tls"));
  }
  SUBCASE("profile over default") {
    auto s = resolve(flags, env_of(vars), names_of(vars));
    CHECK(s.get("address") == "profile-host:7233");
    CHECK(s.values.at("address").source == Source::Profile);
    CHECK(s.values.at("address").origin.find(file) != std::string::npos);
    CHECK(s.get("namespace") == "profile-ns");
    CHECK(s.get("tls.server_name") == "profile.example");
    CHECK(s.get("codec.endpoint") == "http://codec.local/profile-ns");
    CHECK(s.get("grpc_meta.team") == "from-profile");
  }
  SUBCASE("env over profile") {
    vars["TEMPORAL_ADDRESS"] = "env-host:1";
    vars["TEMPORAL_GRPC_META_TEAM"] = "from-env";
    auto s = resolve(flags, env_of(vars), names_of(vars));
    CHECK(s.get("address") == "env-host:1");
    CHECK(s.values.at("address").source == Source::Env);
    CHECK(s.values.at("address").origin == "TEMPORAL_ADDRESS");
    CHECK(s.get("namespace") == "profile-ns");  // each setting on its own
    CHECK(s.get("grpc_meta.team") == "from-env");
  }
  SUBCASE("flag over env") {
    vars["TEMPORAL_ADDRESS"] = "env-host:1";
    flags.address = "flag-host:2";
    flags.grpc_meta = {"Team=from-flag"};
    auto s = resolve(flags, env_of(vars), names_of(vars));
    CHECK(s.get("address") == "flag-host:2");
    CHECK(s.values.at("address").source == Source::Flag);
    CHECK(s.values.at("address").origin == "--address");
    CHECK(s.get("grpc_meta.team") == "from-flag");
  }
}

TEST_CASE("settings: --profile and TEMPORAL_PROFILE pick the profile; a missing one is a problem, not a throw") {
  TempDir dir;
  auto file = dir.write("temporal.toml", kProfileToml);
  ConnectionFlags flags;
  flags.config_file = file;
  flags.profile = "prod";
  auto s = resolve(flags, env_of({{"TEMPORAL_PROFILE", "nope"}}), {});
  CHECK(s.get("address") == "prod:7233");
  CHECK(s.profile.source == Source::Flag);
  CHECK(s.problem.empty());

  flags.profile.clear();
  auto missing = resolve(flags, env_of({{"TEMPORAL_PROFILE", "nope"}}), {});
  CHECK(missing.profile.value == "nope");
  CHECK(missing.problem.find("profile \"nope\"") != std::string::npos);
  CHECK(missing.get("address") == "localhost:7233");
}

TEST_CASE("settings: --disable-config-file and --disable-config-env switch those levels off") {
  TempDir dir;
  auto file = dir.write("temporal.toml", kProfileToml);
  std::map<std::string, std::string> vars{{"TEMPORAL_CONFIG_FILE", file}, {"TEMPORAL_NAMESPACE", "env-ns"}};
  ConnectionFlags flags;
  flags.disable_config_file = true;
  auto no_file = resolve(flags, env_of(vars), names_of(vars));
  CHECK(no_file.get("address") == "localhost:7233");
  CHECK(no_file.get("namespace") == "env-ns");

  ConnectionFlags no_env_flags;
  no_env_flags.disable_config_env = true;
  no_env_flags.config_file = file;
  auto no_env = resolve(no_env_flags, env_of(vars), names_of(vars));
  CHECK(no_env.get("namespace") == "profile-ns");
}

TEST_CASE("settings: an API key or any TLS option turns TLS on; --tls=false forces it off") {
  auto key = resolve([] {
    ConnectionFlags f;
    f.api_key = "k-123456";
    return f;
  }(), env_of({}), {});
  CHECK(key.is_true("tls"));
  CHECK(key.values.at("tls").origin == "implied by --api-key");
  CHECK(key.values.at("api_key").secret);

  auto ca = resolve(ConnectionFlags{}, env_of({{"TEMPORAL_TLS_CA", "/ca.pem"}}), {});  // legacy name
  CHECK(ca.get("tls.server_ca_cert_path") == "/ca.pem");
  CHECK(ca.is_true("tls"));

  ConnectionFlags off;
  off.api_key = "k-123456";
  off.tls = "false";
  CHECK_FALSE(resolve(off, env_of({}), {}).is_true("tls"));

  CHECK(resolve(ConnectionFlags{}, env_of({{"TEMPORAL_TLS", "1"}}), {}).is_true("tls"));
  CHECK_THROWS_AS(resolve(ConnectionFlags{}, env_of({{"TEMPORAL_TLS", "yes please"}}), {}), Error);
}

TEST_CASE("settings: a profile's tls table turns TLS on unless disabled") {
  TempDir dir;
  auto on = dir.write("on.toml", "[profile.default.tls]\n");
  auto off = dir.write("off.toml", "[profile.default.tls]\ndisabled = true\nserver_name = \"x\"\n");
  ConnectionFlags f;
  f.config_file = on;
  CHECK(resolve(f, env_of({}), {}).is_true("tls"));
  f.config_file = off;
  CHECK_FALSE(resolve(f, env_of({}), {}).is_true("tls"));
}

TEST_CASE("settings: TEMPORAL_GRPC_META_SOME_TEAM becomes header some-team; credential headers are secret") {
  std::map<std::string, std::string> vars{{"TEMPORAL_GRPC_META_SOME_TEAM", "v1"},
                                          {"TEMPORAL_GRPC_META_AUTHORIZATION", "Bearer abcdef"}};
  auto s = resolve(ConnectionFlags{}, env_of(vars), names_of(vars));
  CHECK(s.get("grpc_meta.some-team") == "v1");
  CHECK(s.values.at("grpc_meta.authorization").secret);
  CHECK_FALSE(s.values.at("grpc_meta.some-team").secret);
  auto c = to_connection_options(s);
  CHECK(c.metadata.size() == 2);
  CHECK(secrets(s) == std::vector<std::string>{"Bearer abcdef"});
}

TEST_CASE("settings: malformed KEY=VALUE flags and durations are usage errors") {
  ConnectionFlags f;
  f.grpc_meta = {"novalue"};
  CHECK_THROWS_AS(resolve(f, env_of({}), {}), Error);
  ConnectionFlags t;
  t.client_connect_timeout = "soon";
  CHECK_THROWS_AS(to_connection_options(resolve(t, env_of({}), {})), Error);
}

TEST_CASE("settings: a broken config file is reported only when a command needs the cluster") {
  TempDir dir;
  auto file = dir.write("bad.toml", "[profile.default\naddress = 1\n");
  testing::FakeCluster cluster;
  auto r = testing::run_cli(cluster, {"workflow", "describe", "-w", "x"}, {{"TEMPORAL_CONFIG_FILE", file}});
  CHECK(r.code == 2);
  CHECK(r.err.find("not valid TOML") != std::string::npos);
  CHECK(cluster.calls.empty());
  auto settings = testing::run_cli(cluster, {"settings"}, {{"TEMPORAL_CONFIG_FILE", file}});
  CHECK(settings.code == 0);
  CHECK(settings.err.find("not valid TOML") != std::string::npos);
}
