#include "client/credentials.hpp"

#include "core/error.hpp"

#include <fmt/format.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/security/tls_certificate_provider.h>
#include <grpcpp/security/tls_certificate_verifier.h>
#include <grpcpp/security/tls_credentials_options.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace twctl::client {

std::string read_pem(const std::string& data, const std::string& path, const std::string& flag) {
  if (!data.empty()) return data;
  if (path.empty()) return {};
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    Error e = usage_error(fmt::format("cannot read {} {}: {}", flag, path, std::strerror(errno)));
    e.cause = "tls_file";
    throw e;
  }
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::shared_ptr<grpc::ChannelCredentials> channel_credentials(const TlsOptions& tls, grpc::ChannelArguments& args) {
  if (!tls.enabled) return grpc::InsecureChannelCredentials();
  auto cert = read_pem(tls.cert_data, tls.cert_path, "--tls-cert-path");
  auto key = read_pem(tls.key_data, tls.key_path, "--tls-key-path");
  auto ca = read_pem(tls.ca_data, tls.ca_path, "--tls-ca-path");
  if (cert.empty() != key.empty()) {
    throw usage_error(cert.empty() ? "a client key needs its certificate (--tls-cert-path or --tls-cert-data)"
                                   : "a client certificate needs its key (--tls-key-path or --tls-key-data)");
  }
  if (!tls.server_name.empty()) args.SetSslTargetNameOverride(tls.server_name);

  if (tls.disable_host_verification) {
    // As the official CLI (Go's InsecureSkipVerify): the server's certificate is not checked at all.
    grpc::experimental::TlsChannelCredentialsOptions options;
    options.set_verify_server_certs(false);
    options.set_check_call_host(false);
    options.set_certificate_verifier(std::make_shared<grpc::experimental::NoOpCertificateVerifier>());
    if (!cert.empty()) {
      options.set_certificate_provider(std::make_shared<grpc::experimental::StaticDataCertificateProvider>(
          std::vector<grpc::experimental::IdentityKeyCertPair>{{key, cert}}));
      options.watch_identity_key_cert_pairs();
    }
    return grpc::experimental::TlsCredentials(options);
  }

  grpc::SslCredentialsOptions ssl;
  ssl.pem_root_certs = ca;  // empty: the system's trust store
  ssl.pem_private_key = key;
  ssl.pem_cert_chain = cert;
  return grpc::SslCredentials(ssl);
}

}  // namespace twctl::client
