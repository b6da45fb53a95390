// TLS material: PEM text as --tls-cert-data, --tls-key-data and --tls-ca-data (or a file's content) hold it,
// checked for its form before any connection (core/pem), and summarised as `settings` shows it.

#include "core/pem.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto summary = twctl::inspect_pem(text);
  if (summary.certificates < 0 || summary.keys < 0 || summary.other < 0) std::abort();
  auto shown = twctl::describe_pem(text);
  // The summary never quotes the text (it may be a private key).
  if (size >= 16 && shown.find(text) != std::string::npos) std::abort();
  return 0;
}
