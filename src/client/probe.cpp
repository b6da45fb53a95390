#include "client/probe.hpp"

#include "client/credentials.hpp"
#include "client/status.hpp"
#include "client/tls_probe.hpp"
#include "core/error.hpp"

#include <fmt/format.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace twctl::client {

namespace {

bool starts_with(std::string_view s, std::string_view head) { return s.substr(0, head.size()) == head; }

bool is_ip(const std::string& host) {
  unsigned char buf[16];
  return inet_pton(AF_INET, host.c_str(), buf) == 1 || inet_pton(AF_INET6, host.c_str(), buf) == 1;
}

class SystemProber final : public Prober {
 public:
  DnsResult resolve(const HostPort& hp) override {
    DnsResult out;
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    int rc = getaddrinfo(hp.host.c_str(), hp.port.empty() ? nullptr : hp.port.c_str(), &hints, &found);
    if (rc != 0) {
      out.error = rc == EAI_SYSTEM ? std::strerror(errno) : gai_strerror(rc);
      return out;
    }
    for (auto* a = found; a; a = a->ai_next) {
      char text[NI_MAXHOST] = {};
      if (getnameinfo(a->ai_addr, a->ai_addrlen, text, sizeof text, nullptr, 0, NI_NUMERICHOST) != 0) continue;
      if (std::find(out.addresses.begin(), out.addresses.end(), text) == out.addresses.end()) {
        out.addresses.emplace_back(text);
      }
    }
    freeaddrinfo(found);
    return out;
  }

  TcpResult connect(const std::string& ip, const std::string& port, std::chrono::milliseconds timeout) override {
    TcpResult out;
    const bool v6 = ip.find(':') != std::string::npos;
    out.address = v6 ? "[" + ip + "]:" + port : ip + ":" + port;
    sockaddr_storage addr{};
    socklen_t len = 0;
    int portnum = std::atoi(port.c_str());
    if (v6) {
      auto* a = reinterpret_cast<sockaddr_in6*>(&addr);
      a->sin6_family = AF_INET6;
      a->sin6_port = htons(static_cast<uint16_t>(portnum));
      inet_pton(AF_INET6, ip.c_str(), &a->sin6_addr);
      len = sizeof *a;
    } else {
      auto* a = reinterpret_cast<sockaddr_in*>(&addr);
      a->sin_family = AF_INET;
      a->sin_port = htons(static_cast<uint16_t>(portnum));
      inet_pton(AF_INET, ip.c_str(), &a->sin_addr);
      len = sizeof *a;
    }
    int fd = socket(addr.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
      out.cause = "unreachable";
      out.error = std::strerror(errno);
      return out;
    }
    auto started = std::chrono::steady_clock::now();
    int err = 0;
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), len) != 0) {
      err = errno;
      if (err == EINPROGRESS) {
        pollfd p{fd, POLLOUT, 0};
        int n = poll(&p, 1, static_cast<int>(std::max<int64_t>(1, timeout.count())));
        if (n == 0) {
          err = ETIMEDOUT;
        } else {
          socklen_t size = sizeof err;
          getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &size);
        }
      }
    }
    out.took = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);
    close(fd);
    out.connected = err == 0;
    if (!out.connected) {
      out.error = err == ETIMEDOUT ? fmt::format("no answer within {} ms", timeout.count()) : std::strerror(err);
      out.cause = err == ECONNREFUSED ? "refused" : err == ETIMEDOUT ? "connect_timeout" : "unreachable";
    }
    return out;
  }

  TlsReport handshake(const std::string& address, const TlsOptions& tls, std::chrono::milliseconds timeout) override {
    return probe_tls(address, tls, timeout);
  }

  bool speaks_tls(const std::string& address, std::chrono::milliseconds timeout) override {
    return client::speaks_tls(address, timeout);
  }
};

}  // namespace

HostPort split_address(const std::string& address) {
  HostPort hp;
  std::string a = address;
  if (starts_with(a, "unix:") || starts_with(a, "unix-abstract:")) {
    hp.unix_socket = true;
    hp.host = a;
    return hp;
  }
  for (std::string_view scheme : {"dns:///", "dns:", "ipv4:", "ipv6:"}) {
    if (starts_with(a, scheme)) {
      a = a.substr(scheme.size());
      break;
    }
  }
  if (!a.empty() && a[0] == '[') {
    auto close = a.find(']');
    hp.host = a.substr(1, close == std::string::npos ? std::string::npos : close - 1);
    if (close != std::string::npos && close + 1 < a.size() && a[close + 1] == ':') hp.port = a.substr(close + 2);
  } else if (auto colon = a.rfind(':'); colon != std::string::npos && a.find(':') == colon) {
    hp.host = a.substr(0, colon);
    hp.port = a.substr(colon + 1);
  } else {
    hp.host = a;
  }
  hp.ip_literal = is_ip(hp.host);
  hp.loopback = hp.host == "localhost" || starts_with(hp.host, "127.") || hp.host == "::1";
  return hp;
}

void check_tls_material(const TlsOptions& tls) {
  auto cert = read_pem(tls.cert_data, tls.cert_path, "--tls-cert-path");
  auto key = read_pem(tls.key_data, tls.key_path, "--tls-key-path");
  (void)read_pem(tls.ca_data, tls.ca_path, "--tls-ca-path");
  if (cert.empty() != key.empty()) {
    throw usage_error(cert.empty() ? "a client key needs its certificate (--tls-cert-path or --tls-cert-data)"
                                   : "a client certificate needs its key (--tls-key-path or --tls-key-data)");
  }
}

std::unique_ptr<Prober> make_prober() { return std::make_unique<SystemProber>(); }

Error tls_failure(const std::string& address, std::string_view tls_origin, const TlsReport& report) {
  if (report.cause == "tls_file") {
    Error e = usage_error(report.message);
    e.cause = report.cause;
    return e;
  }
  ErrorKind kind = ErrorKind::Unavailable;
  std::string message;
  if (report.cause == "server_not_tls") {
    message = fmt::format("the server at {} does not speak TLS: {}", address, tls_off_hint(tls_origin));
  } else if (report.cause.rfind("client_certificate", 0) == 0) {
    kind = ErrorKind::PermissionDenied;  // as when a proxy says it (client/status.cpp): the server refused us
    message = fmt::format("the server at {} refused the TLS connection: {}", address, report.message);
  } else {
    message = fmt::format("cannot reach the cluster at {}: TLS handshake failed: {}", address, report.message);
  }
  Error e(kind, message);
  e.cause = report.cause;
  return e;
}

Error tls_required(const std::string& address, std::string_view tls_origin) {
  Error e(ErrorKind::Unavailable, fmt::format("the server at {} requires TLS: {}", address, tls_on_hint(tls_origin)));
  e.cause = "tls_required";
  return e;
}

namespace {

class TlsHints final : public Gateway {
 public:
  TlsHints(std::unique_ptr<Gateway> inner, std::string address, std::string origin)
      : inner_(std::move(inner)), address_(std::move(address)), origin_(std::move(origin)) {}

  void call(const google::protobuf::Message& req, google::protobuf::Message& resp) override {
    try {
      inner_->call(req, resp);
    } catch (const Error& e) {
      if (e.cause == "server_not_tls") {
        TlsReport report;
        report.cause = e.cause;
        auto hinted = rephrased(e, e.kind(), tls_failure(address_, origin_, report).what());
        throw hinted;
      }
      if (e.cause == "tls_required") throw rephrased(e, e.kind(), tls_required(address_, origin_).what());
      throw;
    }
  }

  bool pause_before_retry(std::chrono::milliseconds d,
                          const std::function<bool(std::chrono::milliseconds)>& sleep) override {
    return inner_->pause_before_retry(d, sleep);
  }

 private:
  std::unique_ptr<Gateway> inner_;
  std::string address_, origin_;
};

}  // namespace

std::unique_ptr<Gateway> with_tls_hints(std::unique_ptr<Gateway> inner, std::string address, std::string tls_origin) {
  return std::make_unique<TlsHints>(std::move(inner), std::move(address), std::move(tls_origin));
}

}  // namespace twctl::client
