// temporal.toml: read, write, round trip, file modes; `twctl config` and `twctl settings` through cli::run.
#include "config/mask.hpp"
#include "config/profile_file.hpp"
#include "fake_gateway.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <sys/stat.h>

using namespace twctl;
using namespace twctl::config;
namespace fs = std::filesystem;

namespace {

struct TempHome {
  fs::path path;
  TempHome() {
    char tmpl[] = "/tmp/twctl-home-XXXXXX";
    path = mkdtemp(tmpl);
  }
  ~TempHome() { fs::remove_all(path); }
  std::vector<std::pair<std::string, std::string>> env() const { return {{"HOME", path.string()}}; }
  fs::path file() const { return path / ".config/temporalio/temporal.toml"; }
};

unsigned mode_of(const fs::path& p) {
  struct stat st {};
  stat(p.c_str(), &st);
  return st.st_mode & 0777;
}

std::string squeeze(const std::string& text) {
  std::string out;
  for (char ch : text) {
    if (ch == ' ' && !out.empty() && out.back() == ' ') continue;
    out += ch;
  }
  return out;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("profile file: set, save and load again give the same profile; other profiles are kept") {
  TempHome home;
  auto path = home.file().string();
  auto file = ProfileFile::load(path);
  CHECK_FALSE(file.exists());
  file.set("default", "address", "a:1");
  file.set("default", "tls.server_name", "srv");
  file.set("default", "tls.disable_host_verification", "true");
  file.set("default", "grpc_meta.x-team", "blue");
  file.set("other", "namespace", "ns2");
  file.save();

  auto again = ProfileFile::load(path);
  CHECK(again.exists());
  auto p = again.profile("default");
  REQUIRE(p);
  CHECK(p->at("address") == "a:1");
  CHECK(p->at("tls.server_name") == "srv");
  CHECK(p->at("tls.disable_host_verification") == "true");
  CHECK(p->at("tls") == "true");
  CHECK(p->at("grpc_meta.x-team") == "blue");
  CHECK(again.profile_names() == std::vector<std::string>{"default", "other"});
  CHECK(slurp(path).find("[profile.default.tls]") != std::string::npos);

  CHECK(again.erase("default", "tls.server_name"));
  CHECK_FALSE(again.erase("default", "tls.server_name"));
  CHECK(again.erase_profile("other"));
  again.save();
  auto third = ProfileFile::load(path);
  CHECK_FALSE(third.profile("default")->count("tls.server_name"));
  CHECK_FALSE(third.profile("other"));
}

TEST_CASE("profile file: written 0600 in folders made 0700") {
  TempHome home;
  auto file = ProfileFile::load(home.file().string());
  file.set("default", "api_key", "secret-value");
  file.save();
  CHECK(mode_of(home.file()) == 0600);
  CHECK(mode_of(home.file().parent_path()) == 0700);
  CHECK(mode_of(home.file().parent_path().parent_path()) == 0700);
}

TEST_CASE("profile file: unknown properties and bad booleans are refused; bad TOML names the line") {
  TempHome home;
  auto file = ProfileFile::load(home.file().string());
  CHECK_THROWS_AS(file.set("default", "adress", "x"), Error);
  CHECK_THROWS_AS(file.set("default", "tls", "maybe"), Error);
  fs::create_directories(home.file().parent_path());
  std::ofstream(home.file()) << "[profile.default]\naddress = \n";
  try {
    ProfileFile::load(home.file().string());
    FAIL("expected a parse error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("line 2") != std::string::npos);
  }
}

TEST_CASE("mask: secrets are masked whole and redacted from any text") {
  CHECK(mask("abc123456") == "********");
  CHECK(mask("") == "");
  CHECK(is_secret_key("api_key"));
  CHECK(is_secret_key("tls.client_key_data"));
  CHECK(is_secret_key("codec.auth"));
  CHECK(is_secret_key("grpc_meta.Authorization"));
  CHECK_FALSE(is_secret_key("grpc_meta.team"));
  CHECK_FALSE(is_secret_key("address"));
  CHECK(redact("bad key sk-12345 (Bearer sk-12345)", {"sk-12345"}) == "bad key ******** (Bearer ********)");
}

TEST_CASE("config: set, get (masked unless --reveal), list, delete and delete-profile through the CLI") {
  TempHome home;
  testing::FakeCluster c;
  auto env = home.env();
  CHECK(testing::run_cli(c, {"config", "set", "--prop", "address", "--value", "h:1"}, env).code == 0);
  CHECK(testing::run_cli(c, {"config", "set", "-p", "api_key", "-v", "sk-live-0123456789"}, env).code == 0);
  CHECK(testing::run_cli(c, {"config", "set", "-p", "tls", "-v", "true", "--profile", "prod"}, env).code == 0);
  CHECK(mode_of(home.file()) == 0600);

  auto get = testing::run_cli(c, {"config", "get"}, env);
  CHECK(get.code == 0);
  CHECK(get.out ==
        "  Property  Value\n"
        "  address   h:1\n"
        "  api_key   ********\n");
  auto json = testing::run_cli(c, {"config", "get", "-o", "json"}, env);
  CHECK(nlohmann::json::parse(json.out) == nlohmann::json{{"address", "h:1"}, {"api_key", "********"}});
  auto revealed = testing::run_cli(c, {"config", "get", "--prop", "api_key", "--reveal", "-o", "json"}, env);
  CHECK(nlohmann::json::parse(revealed.out)["value"] == "sk-live-0123456789");

  auto list = testing::run_cli(c, {"config", "list", "-o", "json"}, env);
  CHECK(nlohmann::json::parse(list.out) == nlohmann::json::parse(R"([{"name":"default"},{"name":"prod"}])"));

  CHECK(testing::run_cli(c, {"config", "delete", "-p", "api_key"}, env).code == 0);
  CHECK(testing::run_cli(c, {"config", "delete", "-p", "api_key"}, env).code == 4);
  CHECK(testing::run_cli(c, {"config", "delete-profile"}, env).code == 2);  // --profile is required
  CHECK(testing::run_cli(c, {"config", "delete-profile", "--profile", "prod"}, env).code == 0);
  CHECK(testing::run_cli(c, {"config", "get", "--profile", "prod"}, env).code == 4);
  CHECK(c.calls.empty());
}

TEST_CASE("settings: prints each setting with its source, secrets masked, and connects to nothing") {
  TempHome home;
  testing::FakeCluster c;
  auto env = home.env();
  testing::run_cli(c, {"config", "set", "-p", "namespace", "-v", "from-profile"}, env);
  env.emplace_back("TEMPORAL_API_KEY", "sk-env-abcdef");
  env.emplace_back("USER", "ann");
  env.emplace_back("HOSTNAME", "box");
  auto r = testing::run_cli(c, {"settings", "--address", "flag-host:1"}, env);
  CHECK(r.code == 0);
  auto file = home.file().string();
  // Column widths depend on the temporary path; compare with runs of spaces squeezed.
  CHECK(squeeze(r.out) ==
        " Setting Value Source\n"
        " profile default default\n"
        " config_file " + file + " default\n"
        " address flag-host:1 flag --address\n"
        " namespace from-profile profile default (" + file + ")\n"
        " api_key ******** env TEMPORAL_API_KEY\n"
        " tls true env (implied by TEMPORAL_API_KEY)\n"
        " identity twctl:ann@box default\n"
        " client_connect_timeout 10s default\n"
        " retry_window 60s default\n");
  CHECK(r.out.find("sk-env-abcdef") == std::string::npos);
  CHECK(c.gateways_made == 0);
  auto json = nlohmann::json::parse(testing::run_cli(c, {"settings", "-o", "json"}, env).out);
  CHECK(json["settings"]["api_key"]["value"] == "********");
  CHECK(json["settings"]["api_key"]["source"] == "env");
  CHECK(json["settings"]["namespace"]["source"] == "profile");
}
