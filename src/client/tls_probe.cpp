#include "client/tls_probe.hpp"

#include "client/credentials.hpp"
#include "client/probe.hpp"
#include "core/error.hpp"

#include <fmt/format.h>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <arpa/inet.h>
#include <sys/socket.h>
#include <sys/time.h>

#include <algorithm>
#include <memory>

namespace twctl::client {

namespace {

template <typename T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const { Free(p); }
};
using CtxPtr = std::unique_ptr<SSL_CTX, Deleter<SSL_CTX, SSL_CTX_free>>;
using SslPtr = std::unique_ptr<SSL, Deleter<SSL, SSL_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;

bool is_ip(const std::string& host) {
  unsigned char buf[16];
  return inet_pton(AF_INET, host.c_str(), buf) == 1 || inet_pton(AF_INET6, host.c_str(), buf) == 1;
}

bool load_ca(SSL_CTX* ctx, const std::string& pem) {
  if (pem.empty()) return SSL_CTX_set_default_verify_paths(ctx) == 1;
  BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  auto* store = SSL_CTX_get_cert_store(ctx);
  int added = 0;
  while (X509* cert = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
    added += X509_STORE_add_cert(store, cert);
    X509_free(cert);
  }
  ERR_clear_error();
  return added > 0;
}

void load_identity(SSL_CTX* ctx, const std::string& cert_pem, const std::string& key_pem) {
  if (cert_pem.empty() || key_pem.empty()) return;
  BioPtr cb(BIO_new_mem_buf(cert_pem.data(), static_cast<int>(cert_pem.size())));
  BioPtr kb(BIO_new_mem_buf(key_pem.data(), static_cast<int>(key_pem.size())));
  X509Ptr cert(PEM_read_bio_X509(cb.get(), nullptr, nullptr, nullptr));
  KeyPtr key(PEM_read_bio_PrivateKey(kb.get(), nullptr, nullptr, nullptr));
  if (cert && key) {
    SSL_CTX_use_certificate(ctx, cert.get());
    SSL_CTX_use_PrivateKey(ctx, key.get());
  }
  ERR_clear_error();
}

// The names a certificate is valid for, from its subjectAltName: "DNS:localhost, IP:127.0.0.1".
std::string names_of(X509* cert) {
  std::string out;
  auto* names = static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr));
  if (!names) return out;
  for (int i = 0; i < sk_GENERAL_NAME_num(names); ++i) {
    const auto* n = sk_GENERAL_NAME_value(names, i);
    std::string one;
    if (n->type == GEN_DNS) {
      one = "DNS:" + std::string(reinterpret_cast<const char*>(ASN1_STRING_get0_data(n->d.dNSName)),
                                 ASN1_STRING_length(n->d.dNSName));
    } else if (n->type == GEN_IPADD && ASN1_STRING_length(n->d.iPAddress) == 4) {
      const auto* b = ASN1_STRING_get0_data(n->d.iPAddress);
      one = fmt::format("IP:{}.{}.{}.{}", b[0], b[1], b[2], b[3]);
    }
    if (!one.empty()) out += (out.empty() ? "" : ", ") + one;
  }
  GENERAL_NAMES_free(names);
  return out;
}

std::string asn1_time(const ASN1_TIME* t) {
  BioPtr mem(BIO_new(BIO_s_mem()));
  ASN1_TIME_print(mem.get(), t);
  char* data = nullptr;
  long n = BIO_get_mem_data(mem.get(), &data);
  return std::string(data, static_cast<size_t>(n));
}

std::string name_text(X509_NAME* name) {
  if (!name) return {};
  BioPtr mem(BIO_new(BIO_s_mem()));
  X509_NAME_print_ex(mem.get(), name, 0, XN_FLAG_RFC2253);
  char* data = nullptr;
  long n = BIO_get_mem_data(mem.get(), &data);
  return std::string(data, static_cast<size_t>(n));
}

// Called by OpenSSL on a client only when the server sent a CertificateRequest.
int note_cert_request(SSL*, void* arg) {
  static_cast<TlsReport*>(arg)->client_cert_requested = true;
  return 1;
}

std::string last_reason() {
  unsigned long e = ERR_peek_last_error();
  const char* r = e ? ERR_reason_error_string(e) : nullptr;
  ERR_clear_error();
  return r ? r : "";
}

bool has(const std::string& text, std::string_view needle) { return text.find(needle) != std::string::npos; }

// The verification result of a finished handshake → cause and message ({} when it verified).
TlsVerdict verdict_of(long verdict, X509* peer, const std::string& name) {
  switch (verdict) {
    case X509_V_OK:
      return {};
    case X509_V_ERR_CERT_HAS_EXPIRED:
      return {"tls_certificate", fmt::format("the server's certificate has expired (valid until {})",
                                             peer ? asn1_time(X509_get0_notAfter(peer)) : "?")};
    case X509_V_ERR_CERT_NOT_YET_VALID:
      return {"tls_certificate", fmt::format("the server's certificate is not valid yet (valid from {})",
                                             peer ? asn1_time(X509_get0_notBefore(peer)) : "?")};
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    case X509_V_ERR_CERT_SIGNATURE_FAILURE:
      return {"tls_certificate",
              "the server's certificate is not signed by a trusted CA (--tls-ca-path names the CA to trust)"};
    case X509_V_ERR_HOSTNAME_MISMATCH:
    case X509_V_ERR_IP_ADDRESS_MISMATCH:
      return {"tls_server_name",
              fmt::format("the server's certificate is not valid for \"{}\" (it names {}; --tls-server-name sets the "
                          "name to expect)",
                          name, peer ? names_of(peer) : "other names")};
    default:
      return {"tls_certificate",
              fmt::format("the server's certificate was rejected: {}", X509_verify_cert_error_string(verdict))};
  }
}

// One handshake. `anonymous`: no CA, no client certificate, nothing verified (does the server speak TLS?).
TlsReport run_handshake(const std::string& address, const TlsOptions& tls, std::chrono::milliseconds timeout,
                        bool anonymous) {
  TlsReport report;
  std::string ca, cert, key;
  if (!anonymous) {
    try {
      ca = read_pem(tls.ca_data, tls.ca_path, "--tls-ca-path");
      cert = read_pem(tls.cert_data, tls.cert_path, "--tls-cert-path");
      key = read_pem(tls.key_data, tls.key_path, "--tls-key-path");
    } catch (const Error& e) {
      report.cause = "tls_file";
      report.message = e.what();
      return report;
    }
  }
  CtxPtr ctx(SSL_CTX_new(TLS_client_method()));
  if (!ctx) return report;
  SSL_CTX_set_verify(ctx.get(), SSL_VERIFY_NONE, nullptr);  // finish the handshake; read the verdict after
  if (!anonymous && !load_ca(ctx.get(), ca)) {
    report.cause = "tls_certificate";
    report.message = "--tls-ca-path/--tls-ca-data holds no PEM certificate";
    return report;
  }
  if (!anonymous) load_identity(ctx.get(), cert, key);
  SSL_CTX_set_cert_cb(ctx.get(), note_cert_request, &report);

  const std::string host = split_address(address).host;
  const std::string name = tls.server_name.empty() ? host : tls.server_name;
  BioPtr bio(BIO_new_connect(address.c_str()));
  if (!bio) return report;
  auto ms = std::max<int64_t>(100, timeout.count());
  if (BIO_do_connect_retry(bio.get(), static_cast<int>((ms + 999) / 1000), 100) <= 0) {
    report.message = "cannot connect: " + last_reason();
    return report;
  }
  int fd = -1;
  BIO_get_fd(bio.get(), &fd);
  BIO_socket_nbio(fd, 0);  // the connect above leaves the socket non-blocking; the handshake below blocks
  auto set_timeout = [fd](int64_t millis) {
    timeval tv{static_cast<time_t>(millis / 1000), static_cast<suseconds_t>((millis % 1000) * 1000)};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  };
  set_timeout(ms);

  SslPtr ssl(SSL_new(ctx.get()));
  if (!is_ip(name)) SSL_set_tlsext_host_name(ssl.get(), name.c_str());
  auto* param = SSL_get0_param(ssl.get());
  if (is_ip(name)) {
    X509_VERIFY_PARAM_set1_ip_asc(param, name.c_str());
  } else {
    X509_VERIFY_PARAM_set1_host(param, name.c_str(), 0);
  }
  static const unsigned char alpn[] = {2, 'h', '2'};
  SSL_set_alpn_protos(ssl.get(), alpn, sizeof alpn);
  SSL_set_bio(ssl.get(), bio.get(), bio.get());
  (void)bio.release();  // owned by ssl now

  const bool cert_configured = !cert.empty() && !key.empty();
  if (SSL_connect(ssl.get()) != 1) {
    auto reason = last_reason();
    auto v = handshake_failure(reason, cert_configured);
    report.cause = v.cause;
    report.message = v.message;
    if (report.cause.empty() && !reason.empty()) {
      report.cause = "tls_handshake";
      report.message = "the TLS handshake failed: " + reason;
    }
    return report;
  }
  report.handshake = true;
  report.protocol = SSL_get_version(ssl.get());
  const unsigned char* chosen = nullptr;
  unsigned int chosen_len = 0;
  SSL_get0_alpn_selected(ssl.get(), &chosen, &chosen_len);
  report.alpn.assign(reinterpret_cast<const char*>(chosen), chosen_len);
  report.client_cert_sent = report.client_cert_requested && cert_configured;
  X509Ptr peer(SSL_get1_peer_certificate(ssl.get()));
  if (peer) {
    report.subject = name_text(X509_get_subject_name(peer.get()));
    report.issuer = name_text(X509_get_issuer_name(peer.get()));
    report.not_before = asn1_time(X509_get0_notBefore(peer.get()));
    report.not_after = asn1_time(X509_get0_notAfter(peer.get()));
    report.names = names_of(peer.get());
  }
  if (!anonymous) {
    long verdict = SSL_get_verify_result(ssl.get());
    report.verify_result = verdict == X509_V_OK ? "ok" : X509_verify_cert_error_string(verdict);
    report.verified = verdict == X509_V_OK || tls.disable_host_verification;
    if (tls.disable_host_verification) {
      report.verify_result = "not checked (--tls-disable-host-verification)";
    } else if (auto v = verdict_of(verdict, peer.get(), name); !v.cause.empty()) {
      report.cause = v.cause;
      report.message = v.message;
    }
  }
  // TLS 1.3 ends the handshake before the server has judged the client's certificate: its verdict (an alert)
  // comes with the first read. Whatever else comes first (HTTP/2 settings) or nothing in half a second: accepted.
  if (report.cause.empty() && report.client_cert_requested && report.protocol == "TLSv1.3") {
    set_timeout(500);
    char buf[256];
    int n = SSL_read(ssl.get(), buf, sizeof buf);
    if (n <= 0 && SSL_get_error(ssl.get(), n) == SSL_ERROR_SSL) {
      auto v = handshake_failure(last_reason(), cert_configured);
      report.cause = v.cause;
      report.message = v.message;
    }
    ERR_clear_error();
  }
  SSL_shutdown(ssl.get());
  ERR_clear_error();
  return report;
}

}  // namespace

TlsVerdict handshake_failure(const std::string& reason, bool client_cert_configured) {
  if (has(reason, "wrong version number") || has(reason, "packet length") || has(reason, "record layer failure")) {
    return {"server_not_tls", "the server does not speak TLS"};
  }
  const bool required = has(reason, "certificate required");
  const bool refused = has(reason, "bad certificate") || has(reason, "unknown ca") ||
                       has(reason, "certificate unknown") || has(reason, "certificate expired") ||
                       has(reason, "certificate revoked") || has(reason, "unsupported certificate");
  if (required || (refused && !client_cert_configured)) {
    return {"client_certificate",
            "the server requires a client certificate (mTLS): set --tls-cert-path and --tls-key-path"};
  }
  if (refused) {
    return {"client_certificate_rejected",
            fmt::format("the server rejected the client certificate ({}): check that --tls-cert-path and "
                        "--tls-key-path are a pair signed by a CA the server trusts, and not expired",
                        reason)};
  }
  return {};
}

TlsReport probe_tls(const std::string& address, const TlsOptions& tls, std::chrono::milliseconds timeout) {
  return run_handshake(address, tls, timeout, false);
}

bool speaks_tls(const std::string& address, std::chrono::milliseconds timeout) {
  auto r = run_handshake(address, TlsOptions{}, timeout, true);
  return r.handshake || r.cause == "client_certificate" || r.cause == "client_certificate_rejected";
}

}  // namespace twctl::client
