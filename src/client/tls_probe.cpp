#include "client/tls_probe.hpp"

#include "client/credentials.hpp"

#include <fmt/format.h>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <arpa/inet.h>
#include <sys/socket.h>
#include <sys/time.h>

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

// "host:port" or "[v6]:port" → host.
std::string host_of(const std::string& address) {
  if (!address.empty() && address[0] == '[') return address.substr(1, address.find(']') - 1);
  auto colon = address.rfind(':');
  return colon == std::string::npos ? address : address.substr(0, colon);
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

}  // namespace

TlsDiagnosis diagnose_tls(const std::string& address, const TlsOptions& tls, std::chrono::milliseconds timeout) {
  std::string ca, cert, key;
  try {
    ca = read_pem(tls.ca_data, tls.ca_path, "--tls-ca-path");
    cert = read_pem(tls.cert_data, tls.cert_path, "--tls-cert-path");
    key = read_pem(tls.key_data, tls.key_path, "--tls-key-path");
  } catch (...) {
    return {};
  }
  CtxPtr ctx(SSL_CTX_new(TLS_client_method()));
  if (!ctx) return {};
  SSL_CTX_set_verify(ctx.get(), SSL_VERIFY_NONE, nullptr);  // finish the handshake; read the verdict after
  if (!load_ca(ctx.get(), ca)) {
    return {"tls_certificate", "--tls-ca-path/--tls-ca-data holds no PEM certificate"};
  }
  load_identity(ctx.get(), cert, key);

  const std::string host = host_of(address);
  const std::string name = tls.server_name.empty() ? host : tls.server_name;
  BioPtr bio(BIO_new_connect(address.c_str()));
  if (!bio) return {};
  auto secs = static_cast<int>(std::max<int64_t>(1, std::chrono::duration_cast<std::chrono::seconds>(timeout).count()));
  if (BIO_do_connect_retry(bio.get(), secs, 100) <= 0) {
    ERR_clear_error();
    return {};
  }
  int fd = -1;
  BIO_get_fd(bio.get(), &fd);
  BIO_socket_nbio(fd, 0);  // the connect above leaves the socket non-blocking; the handshake below blocks
  timeval tv{secs, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);

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
  BIO* raw = bio.release();  // owned by ssl now
  (void)raw;

  if (SSL_connect(ssl.get()) != 1) {
    unsigned long e = ERR_peek_last_error();
    std::string reason = e ? ERR_reason_error_string(e) ? ERR_reason_error_string(e) : "" : "";
    ERR_clear_error();
    if (reason.find("wrong version number") != std::string::npos || reason.find("packet length") != std::string::npos) {
      return {"tls_handshake", "the server does not speak TLS there (a plaintext port? --tls=false turns TLS off)"};
    }
    if (!reason.empty()) return {"tls_handshake", "the TLS handshake failed: " + reason};
    return {};
  }
  long verdict = SSL_get_verify_result(ssl.get());
  X509Ptr peer(SSL_get1_peer_certificate(ssl.get()));
  SSL_shutdown(ssl.get());
  switch (verdict) {
    case X509_V_OK:
      return {};
    case X509_V_ERR_CERT_HAS_EXPIRED:
      return {"tls_certificate", fmt::format("the server's certificate has expired (valid until {})",
                                             peer ? asn1_time(X509_get0_notAfter(peer.get())) : "?")};
    case X509_V_ERR_CERT_NOT_YET_VALID:
      return {"tls_certificate", fmt::format("the server's certificate is not valid yet (valid from {})",
                                             peer ? asn1_time(X509_get0_notBefore(peer.get())) : "?")};
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
                          name, peer ? names_of(peer.get()) : "other names")};
    default:
      return {"tls_certificate",
              fmt::format("the server's certificate was rejected: {}", X509_verify_cert_error_string(verdict))};
  }
}

}  // namespace twctl::client
