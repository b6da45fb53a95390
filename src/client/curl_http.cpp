#include "client/http.hpp"

#include "core/error.hpp"
#include "core/url.hpp"

#include <curl/curl.h>
#include <fmt/format.h>

#include <mutex>

#include <dlfcn.h>

namespace twctl::client {

namespace {

// The few libcurl functions used, resolved from the shared library at run time.
struct Curl {
  decltype(&curl_global_init) global_init = nullptr;
  decltype(&curl_easy_init) easy_init = nullptr;
  decltype(&curl_easy_setopt) easy_setopt = nullptr;
  decltype(&curl_easy_perform) easy_perform = nullptr;
  decltype(&curl_easy_getinfo) easy_getinfo = nullptr;
  decltype(&curl_easy_cleanup) easy_cleanup = nullptr;
  decltype(&curl_easy_strerror) easy_strerror = nullptr;
  decltype(&curl_slist_append) slist_append = nullptr;
  decltype(&curl_slist_free_all) slist_free_all = nullptr;
  std::string error;
};

const Curl& curl() {
  static Curl c;
  static std::once_flag once;
  std::call_once(once, [] {
    void* lib = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
      const char* why = dlerror();
      c.error = fmt::format("the codec needs libcurl (Debian package libcurl4): {}", why ? why : "not found");
      return;
    }
    auto load = [lib](auto& fn, const char* name) {
      fn = reinterpret_cast<std::remove_reference_t<decltype(fn)>>(dlsym(lib, name));
      return fn != nullptr;
    };
    bool ok = load(c.global_init, "curl_global_init") && load(c.easy_init, "curl_easy_init") &&
              load(c.easy_setopt, "curl_easy_setopt") && load(c.easy_perform, "curl_easy_perform") &&
              load(c.easy_getinfo, "curl_easy_getinfo") && load(c.easy_cleanup, "curl_easy_cleanup") &&
              load(c.easy_strerror, "curl_easy_strerror") && load(c.slist_append, "curl_slist_append") &&
              load(c.slist_free_all, "curl_slist_free_all");
    if (!ok) {
      c.error = "the system's libcurl lacks a function twctl needs";
      return;
    }
    c.global_init(CURL_GLOBAL_DEFAULT);
  });
  return c;
}

size_t append(char* data, size_t size, size_t n, void* into) {
  static_cast<std::string*>(into)->append(data, size * n);
  return size * n;
}

class CurlHttp final : public HttpClient {
 public:
  HttpResponse post(const std::string& url, const std::vector<std::pair<std::string, std::string>>& headers,
                    const std::string& body, std::chrono::milliseconds timeout) override {
    const auto& c = curl();
    if (!c.error.empty()) throw Error(ErrorKind::General, c.error);
    CURL* h = c.easy_init();
    if (!h) throw Error(ErrorKind::General, "libcurl could not start a request");
    curl_slist* list = nullptr;
    for (const auto& [k, v] : headers) list = c.slist_append(list, (k + ": " + v).c_str());
    HttpResponse resp;
    c.easy_setopt(h, CURLOPT_URL, url.c_str());
    c.easy_setopt(h, CURLOPT_POST, 1L);
    c.easy_setopt(h, CURLOPT_POSTFIELDS, body.data());
    c.easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    c.easy_setopt(h, CURLOPT_HTTPHEADER, list);
    c.easy_setopt(h, CURLOPT_WRITEFUNCTION, &append);
    c.easy_setopt(h, CURLOPT_WRITEDATA, &resp.body);
    c.easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout.count()));
    c.easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    c.easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    CURLcode rc = c.easy_perform(h);
    if (rc == CURLE_OK) c.easy_getinfo(h, CURLINFO_RESPONSE_CODE, &resp.status);
    c.slist_free_all(list);
    c.easy_cleanup(h);
    if (rc != CURLE_OK) {
      Error err(ErrorKind::Unavailable, fmt::format("cannot reach the codec server at {}: {}", url_without_credentials(url), c.easy_strerror(rc)));
      err.cause = "codec";
      throw err;
    }
    return resp;
  }
};

}  // namespace

std::unique_ptr<HttpClient> make_curl_http() { return std::make_unique<CurlHttp>(); }

}  // namespace twctl::client
