#pragma once
// The steps of a connection, one at a time, below gRPC: the address split into host and port, DNS, TCP to each
// address, and a TLS handshake of our own (OpenSSL, as client/tls_probe does) that reports what it saw. For
// `twctl settings --check`; plain data, so ops/ may use it and tests may fake it (Prober).

#include "client/gateway.hpp"
#include "core/error.hpp"

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace twctl::client {

// An address as gRPC takes it: "host:port", "[v6]:port", "dns:///host:port", "unix:/path".
struct HostPort {
  std::string host;
  std::string port;
  bool unix_socket = false;  // "unix:" targets: no DNS, no TCP
  bool ip_literal = false;   // no DNS lookup needed
  bool loopback = false;     // localhost, 127.x.x.x, ::1
};
HostPort split_address(const std::string& address);

struct DnsResult {
  std::vector<std::string> addresses;  // numeric, in the resolver's order, without duplicates
  std::string error;                   // the resolver's words, when it failed
};

struct TcpResult {
  std::string address;  // "127.0.0.1:7233", "[::1]:7233"
  bool connected = false;
  std::string cause;  // "refused", "connect_timeout", "unreachable" when not connected
  std::string error;  // the system's words
  std::chrono::microseconds took{0};
};

struct TlsReport {
  bool handshake = false;  // the handshake completed
  std::string protocol;    // "TLSv1.3"
  std::string alpn;        // "h2" when the server agreed
  std::string subject, issuer, not_before, not_after, names;  // of the server's certificate
  bool verified = false;  // the chain and the name checked out (or checking is off)
  std::string verify_result;  // "ok" or OpenSSL's words
  bool client_cert_requested = false;
  bool client_cert_sent = false;
  // What went wrong, as a cause word and a sentence that names the flag to change; both empty when nothing did.
  std::string cause;
  std::string message;
};

// The pure part of a failed handshake's diagnosis: OpenSSL's reason for it (lower case, e.g. "tlsv13 alert
// certificate required", "wrong version number") and whether a client certificate was configured → cause and
// message, or {} when the reason says nothing known.
struct TlsVerdict {
  std::string cause, message;
};
TlsVerdict handshake_failure(const std::string& reason, bool client_cert_configured);

class Prober {
 public:
  virtual ~Prober() = default;
  virtual DnsResult resolve(const HostPort& hp) = 0;
  // `ip` is numeric, as resolve() gives it.
  virtual TcpResult connect(const std::string& ip, const std::string& port, std::chrono::milliseconds timeout) = 0;
  // A handshake with the same CA, server name and client certificate a command would use; after it, up to half
  // a second for the server's verdict on the client certificate (TLS 1.3 sends it after the handshake).
  virtual TlsReport handshake(const std::string& address, const TlsOptions& tls, std::chrono::milliseconds timeout) = 0;
  // A handshake with no CA and no client certificate, nothing verified: does a TLS server answer there?
  virtual bool speaks_tls(const std::string& address, std::chrono::milliseconds timeout) = 0;
};

std::unique_ptr<Prober> make_prober();

// The error a command ends with for a TLS failure the report found (cause set): unavailable (6) for the server's
// certificate or a server that does not speak TLS, permission_denied (8) for a client certificate the server
// wants or refuses; the message names the address and the flag to change.
// `tls_origin`: where TLS was turned on or off (config::tls_origin), for the hint.
Error tls_failure(const std::string& address, std::string_view tls_origin, const TlsReport& report);
// The error for a plaintext connection to a server that speaks TLS: "the server at A requires TLS: add --tls".
Error tls_required(const std::string& address, std::string_view tls_origin);

// Wraps a gateway: its server_not_tls and tls_required errors get the hint for where TLS was set (the gRPC
// gateway, which sees no settings, says "remove --tls" and "add --tls").
std::unique_ptr<Gateway> with_tls_hints(std::unique_ptr<Gateway> inner, std::string address, std::string tls_origin);

// The TLS files a command would read: a usage Error naming the flag when one cannot be read (cause "tls_file")
// or a certificate comes without its key. Settings checks the files where they enter; this is the check of now.
void check_tls_material(const TlsOptions& tls);

}  // namespace twctl::client
