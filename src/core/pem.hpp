#pragma once
// PEM text (certificates, keys) checked for its form before any connection, so that a file that is not PEM is
// reported with the flag that named it instead of as gRPC's "empty address list". The base64 bodies are
// checked, not decoded into keys: the TLS library still judges what they hold.

#include <string>
#include <string_view>

namespace twctl {

struct PemSummary {
  int certificates = 0;  // CERTIFICATE / TRUSTED CERTIFICATE blocks
  int keys = 0;          // PRIVATE KEY blocks of any kind (RSA, EC, ENCRYPTED, PKCS#8)
  int other = 0;
  std::string problem;   // "" or what is wrong, in words ("has no -----BEGIN line", ...); never the text
};

PemSummary inspect_pem(std::string_view text);

// "(PEM, 2 certificates)", "(PEM, 1 private key)", "(not PEM)": how settings show PEM text.
std::string describe_pem(std::string_view text);

}  // namespace twctl
