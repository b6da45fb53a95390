#pragma once
// A minimal HTTP client for the remote codec: one POST, headers in, status and body out. The real one uses
// libcurl, loaded only when a codec is configured; tests use a fake.

#include <chrono>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace twctl::client {

struct HttpResponse {
  long status = 0;
  std::string body;
};

class HttpClient {
 public:
  virtual ~HttpClient() = default;
  // Throws twctl::Error (kind unavailable, cause "codec") when no answer came: refused, DNS, TLS, timeout.
  // Error messages name the URL, never the headers.
  virtual HttpResponse post(const std::string& url, const std::vector<std::pair<std::string, std::string>>& headers,
                            const std::string& body, std::chrono::milliseconds timeout) = 0;
};

// libcurl from the system (libcurl.so.4), opened with dlopen on the first request: linking it would load ~30
// shared libraries at every start of twctl, codec or not.
std::unique_ptr<HttpClient> make_curl_http();

}  // namespace twctl::client
