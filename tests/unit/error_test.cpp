#include "client/status.hpp"
#include "core/error.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>

using namespace twctl;

TEST_CASE("errors: every kind has one distinct exit code, usage is 2 and interrupted is 130") {
  std::set<int> codes;
  for (const auto& row : exit_code_table()) {
    CHECK(codes.insert(row.code).second);
    CHECK(exit_code(row.kind) == row.code);
    CHECK(!row.name.empty());
    CHECK(!row.meaning.empty());
  }
  CHECK(exit_code(ErrorKind::Usage) == 2);
  CHECK(exit_code(ErrorKind::Interrupted) == 130);
  CHECK(codes.count(0) == 0);
}

TEST_CASE("errors: gRPC status codes map to kinds") {
  CHECK(client::kind_for_code(5) == ErrorKind::NotFound);
  CHECK(client::kind_for_code(6) == ErrorKind::AlreadyExists);
  CHECK(client::kind_for_code(14) == ErrorKind::Unavailable);
  CHECK(client::kind_for_code(4) == ErrorKind::DeadlineExceeded);
  CHECK(client::kind_for_code(7) == ErrorKind::PermissionDenied);
  CHECK(client::kind_for_code(16) == ErrorKind::PermissionDenied);
  CHECK(client::kind_for_code(3) == ErrorKind::Rejected);
  CHECK(client::kind_for_code(9) == ErrorKind::Rejected);
  CHECK(client::kind_for_code(8) == ErrorKind::ResourceExhausted);
  CHECK(client::kind_for_code(13) == ErrorKind::General);
  CHECK(client::kind_for_code(12) == ErrorKind::Unsupported);  // UNIMPLEMENTED: a server without the RPC
}

TEST_CASE("errors: connection failures name the address and the cause") {
  auto refused = client::connection_message(
      "127.0.0.1:1", "failed to connect to all addresses; last error: UNKNOWN: ipv4:127.0.0.1:1: Failed to connect "
                     "to remote host: Connection refused");
  CHECK(refused.find("127.0.0.1:1") != std::string::npos);
  CHECK(refused.find("connection refused") != std::string::npos);
  auto dns = client::connection_message("nohost.invalid:7233", "DNS resolution failed for nohost.invalid:7233");
  CHECK(dns.find("the host \"nohost.invalid\" cannot be resolved (DNS lookup failed)") != std::string::npos);
}

TEST_CASE("errors: the README's exit-code table lists every kind with its code") {
  std::ifstream readme(TWCTL_SOURCE_DIR "/README.md");
  REQUIRE(readme.good());
  std::stringstream text;
  text << readme.rdbuf();
  for (const auto& row : exit_code_table()) {
    auto line = "| " + std::to_string(row.code) + " | `" + std::string(row.name) + "` |";
    CAPTURE(line);
    CHECK(text.str().find(line) != std::string::npos);
  }
}
