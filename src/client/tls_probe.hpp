#pragma once
// Why a TLS handshake failed. gRPC reports most certificate problems as one "certificate verify failed"; after
// such a failure twctl makes one TLS handshake of its own with OpenSSL, with the same CA, name and client
// certificate, and reads the verification result: expired, untrusted CA, wrong name, not TLS at all, a client
// certificate required or rejected. `settings --check` makes the same handshake and shows what it saw.

#include "client/probe.hpp"

#include <chrono>
#include <string>

namespace twctl::client {

// The handshake a command would make, and its report (cause "" when nothing was found wrong).
TlsReport probe_tls(const std::string& address, const TlsOptions& tls, std::chrono::milliseconds timeout);

// Whether a TLS handshake with no CA and no client certificate, nothing verified, finds a TLS server there (or
// one that wants a client certificate): asked when a plaintext connection failed.
bool speaks_tls(const std::string& address, std::chrono::milliseconds timeout);

}  // namespace twctl::client
