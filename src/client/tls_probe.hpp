#pragma once
// Why a TLS handshake failed. gRPC reports most certificate problems as one "certificate verify failed"; after
// such a failure twctl makes one TLS handshake of its own with OpenSSL, with the same CA, name and client
// certificate, and reads the verification result: expired, untrusted CA, wrong name, not TLS at all.

#include "client/gateway.hpp"

#include <chrono>
#include <string>

namespace twctl::client {

struct TlsDiagnosis {
  std::string cause;    // "tls_certificate", "tls_server_name", "tls_handshake"; "" when the probe cannot tell
  std::string message;  // for people: what is wrong and which flag fixes it
};

TlsDiagnosis diagnose_tls(const std::string& address, const TlsOptions& tls, std::chrono::milliseconds timeout);

}  // namespace twctl::client
