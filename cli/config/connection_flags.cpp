#include "cli/config/connection_flags.hpp"

#include "cli/flags.hpp"

namespace twctl::cli {

namespace {

// A boolean flag that remembers whether it was given: "" (not given), "true" (--flag) or "false" (--flag=false).
CLI::Option* add_tristate(CLI::App& app, const std::string& name, std::string& into, const std::string& help) {
  return app.add_flag(name + "{true}", into, help);
}

}  // namespace

void add_connection_flags(CLI::App& app, twctl::config::ConnectionFlags& f) {
  const std::string group = "Connection options";
  app.add_option("--api-key", f.api_key, "API key, sent as a bearer token; turns TLS on")
      ->group(group);
  add_repeatable(app, "--grpc-meta", f.grpc_meta, "gRPC metadata KEY=VALUE; repeatable")
      ->group(group);
  add_tristate(app, "--tls", f.tls, "Connect with TLS; --tls=false forces it off")->group(group);
  app.add_option("--tls-cert-path", f.tls_cert_path, "Client certificate file (PEM) for mTLS")
      ->group(group);
  app.add_option("--tls-cert-data", f.tls_cert_data, "Client certificate (PEM text)")
      ->group(group);
  app.add_option("--tls-key-path", f.tls_key_path, "Client private key file (PEM)")
      ->group(group);
  app.add_option("--tls-key-data", f.tls_key_data, "Client private key (PEM text)")
      ->group(group);
  app.add_option("--tls-ca-path", f.tls_ca_path, "CA certificates to trust (PEM file)")
      ->group(group);
  app.add_option("--tls-ca-data", f.tls_ca_data, "CA certificates to trust (PEM text)")
      ->group(group);
  app.add_option("--tls-server-name", f.tls_server_name, "Name to expect in the server's certificate")
      ->group(group);
  add_tristate(app, "--tls-disable-host-verification", f.tls_disable_host_verification,
               "Do not verify the server's certificate")
      ->group(group);
  app.add_option("--client-authority", f.client_authority, "Value of the :authority header")->group(group);
  app.add_option("--codec-endpoint", f.codec_endpoint, "Remote codec server URL")
      ->group(group);
  app.add_option("--codec-auth", f.codec_auth, "Authorization header for the codec server")
      ->group(group);
  add_repeatable(app, "--codec-header", f.codec_headers, "Header KEY=VALUE for the codec server; repeatable")
      ->group(group);
  app.add_option("--identity", f.identity, "Identity recorded with requests (default: twctl:<user>@<host>)")
      ->group(group);
  app.add_option("--profile", f.profile, "Profile in the config file (default: default)")
      ->group(group);
  app.add_option("--config-file", f.config_file,
                 "TOML config file (default: ~/.config/temporalio/temporal.toml)")
      ->group(group);
  app.add_flag("--disable-config-file", f.disable_config_file, "Do not read the config file")->group(group);
  app.add_flag("--disable-config-env", f.disable_config_env, "Do not read TEMPORAL_* environment variables")
      ->group(group);
  app.add_option("--client-connect-timeout", f.client_connect_timeout,
                 "Bound on connecting (TCP and TLS), e.g. 5s (default: 10s)")
      ->group(group);
  app.add_option("--retry-window", f.retry_window,
                 "How long a call is retried through an outage once the cluster has answered, e.g. 2m (default: 60s)")
      ->group(group);

  // For completion and the man pages: the files, the profiles, and every global flag's variables (the table in
  // config/settings.cpp, which resolves them).
  for (const char* name : {"--tls-cert-path", "--tls-key-path", "--tls-ca-path", "--config-file"}) {
    values_from(app, app.get_option(name), Values::File);
  }
  values_from(app, app.get_option("--profile"), Values::Profile);
  // The help text names the current variable too.
  for (auto* opt : app.get_options()) {
    if (opt->get_lnames().empty()) continue;
    auto env = twctl::config::env_for_flag("--" + opt->get_lnames().front());
    if (env.empty()) continue;
    opt->description(opt->get_description() + " [env " + env.front() + "]");
    if (auto* r = registry_of(app)) r->flag(opt).env = std::move(env);
  }
}

}  // namespace twctl::cli
