// Connection failures: the cause word scripts read, and proxy answers mapped to what went wrong.
#include "cli/app.hpp"
#include "client/status.hpp"

#include <CLI/CLI.hpp>
#include <doctest/doctest.h>
#include <grpcpp/support/status.h>

using namespace twctl;

TEST_CASE("connection errors: each cause gets its word") {
  CHECK(client::connection_cause("failed to connect to all addresses; last error: UNKNOWN: ipv4:127.0.0.1:1: "
                                 "Failed to connect to remote host: Connection refused") == "refused");
  CHECK(client::connection_cause("DNS resolution failed for nohost.invalid:7233") == "dns");
  CHECK(client::connection_cause("Connection reset by peer") == "reset");
  CHECK(client::connection_cause("Socket closed") == "reset");
  CHECK(client::connection_cause("failed to connect to all addresses; last error: UNKNOWN: ipv4:127.0.0.1:5: Ssl "
                                 "handshake failed: SSL_ERROR_SSL: error:0A000086:SSL routines::certificate verify "
                                 "failed") == "tls_handshake");
  CHECK(client::connection_cause("Received http2 header with status: 502") == "unavailable");
}

TEST_CASE("connection errors: a TLS proxy's HTTP 400 means a client certificate; 401 means authentication") {
  grpc::Status bad_request(grpc::StatusCode::INTERNAL, "Received http2 header with status: 400");
  auto cert = client::from_status(bad_request, "h:1", false, true);
  CHECK(cert.kind() == ErrorKind::PermissionDenied);
  CHECK(cert.cause == "client_certificate");
  CHECK(std::string(cert.what()).find("--tls-cert-path") != std::string::npos);
  // Without TLS a 400 is not about certificates.
  CHECK(client::from_status(bad_request, "h:1", false, false).cause.empty());

  grpc::Status unauthorized(grpc::StatusCode::UNAUTHENTICATED, "Received http2 header with status: 401");
  auto auth = client::from_status(unauthorized, "h:1", false, true);
  CHECK(auth.kind() == ErrorKind::PermissionDenied);
  CHECK(auth.cause == "auth");
  CHECK(std::string(auth.what()).find("authentication failed at h:1") != std::string::npos);

  // A proxy's 404 comes as UNIMPLEMENTED: not a server too old, nothing serving the API there.
  grpc::Status not_found(grpc::StatusCode::UNIMPLEMENTED, "Received http2 header with status: 404");
  auto nothing = client::from_status(not_found, "h:1", false, true);
  CHECK(nothing.kind() == ErrorKind::General);
  CHECK(nothing.cause == "http_404");
  CHECK(std::string(nothing.what()).find("nothing at h:1 serves the Temporal gRPC API") != std::string::npos);
  grpc::Status unknown(grpc::StatusCode::UNIMPLEMENTED, "unknown method PauseWorkflowExecution");
  CHECK(client::from_status(unknown, "h:1", false).kind() == ErrorKind::Unsupported);

  grpc::Status too_big(grpc::StatusCode::RESOURCE_EXHAUSTED, "Received message larger than max (5 vs. 4)");
  CHECK(client::from_status(too_big, "h:1", false).cause == "message_too_large");
  grpc::Status refused(grpc::StatusCode::UNAVAILABLE, "Connection refused");
  auto down = client::from_status(refused, "h:1", false);
  CHECK(down.cause == "refused");
  CHECK(std::string(down.what()) == "cannot reach the cluster at h:1: connection refused (nothing listens there: "
                                    "check --address or TEMPORAL_ADDRESS, and that the server is running)");
  // The default address with nothing there: no server started yet.
  auto none = client::from_status(refused, "localhost:7233", false);
  CHECK(none.cause == "refused");
  CHECK(std::string(none.what()) == "no server at localhost:7233 (connection refused): start one with `temporal "
                                    "server start-dev` or set --address/TEMPORAL_ADDRESS");
  grpc::Status dns(grpc::StatusCode::UNAVAILABLE, "DNS resolution failed for nohost.invalid:7233");
  auto lookup = client::from_status(dns, "nohost.invalid:7233", false);
  CHECK(lookup.cause == "dns");
  CHECK(std::string(lookup.what()) == "cannot reach the cluster at nohost.invalid:7233: the host \"nohost.invalid\" "
                                      "cannot be resolved (DNS lookup failed): check --address or TEMPORAL_ADDRESS");
}

TEST_CASE("connection flags: --tls is absent, --tls or --tls=false; repeatable flags keep each value") {
  CHECK(cli::parse({"workflow", "list"})->globals.connection.tls.empty());
  CHECK(cli::parse({"--tls", "workflow", "list"})->globals.connection.tls == "true");
  auto t = cli::parse({"workflow", "list", "--tls=false", "--api-key", "k", "--grpc-meta", "a=b", "--grpc-meta",
                       "c=d e", "--profile", "p", "--tls-disable-host-verification", "--verbose"});
  const auto& c = t->globals.connection;
  CHECK(c.tls == "false");
  CHECK(c.api_key == "k");
  CHECK(c.grpc_meta == std::vector<std::string>{"a=b", "c=d e"});
  CHECK(c.profile == "p");
  CHECK(c.tls_disable_host_verification == "true");
  CHECK(t->globals.verbose);
}
