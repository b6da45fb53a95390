#include "cli/config/config.hpp"

#include "cli/flags.hpp"
#include "cli/select.hpp"
#include "ops/config/config.hpp"
#include "ops/config/settings.hpp"

namespace twctl::cli::config {

namespace ops = twctl::ops::config;

void add_group(CLI::App& root, Selection& sel) {
  auto* group = root.add_subcommand("config", "Read and write connection profiles in temporal.toml");
  group->require_subcommand(1);
  set_help(*group,
           "Profiles live in $XDG_CONFIG_HOME/temporalio/temporal.toml (or ~/.config/temporalio/temporal.toml), the "
           "file the SDKs and the official CLI share; --config-file or TEMPORAL_CONFIG_FILE names another. The "
           "profile is --profile, TEMPORAL_PROFILE or \"default\". The file is written with mode 0600.",
           {});

  auto get = std::make_shared<ops::GetOptions>();
  auto* g = group->add_subcommand("get", "Show a profile's properties (secrets masked)");
  values_from(*g, g->add_option("-p,--prop", get->prop, "One property, e.g. address or tls.server_name"),
              Values::ConfigProp);
  g->add_flag("--reveal", get->reveal, "Show secrets (api_key, tls.client_key_data, codec.auth) as they are");
  set_help(*g, "", {"twctl config get \\\n    --profile prod", "twctl config get \\\n    --prop address"});
  bind(*g, sel, get, ops::get);

  auto set = std::make_shared<ops::SetOptions>();
  auto* s = group->add_subcommand("set", "Set a property of a profile");
  values_from(*s, s->add_option("-p,--prop", set->prop,
                "Property: address, namespace, api_key, authority, tls, tls.disabled, tls.client_cert_path, "
                "tls.client_cert_data, tls.client_key_path, tls.client_key_data, tls.server_ca_cert_path, "
                "tls.server_ca_cert_data, tls.server_name, tls.disable_host_verification, codec.endpoint, "
                "codec.auth, grpc_meta.<header>"),
              Values::ConfigProp)
      ->required();
  s->add_option("-v,--value", set->value, "Value (true or false for tls, tls.disabled, tls.disable_host_verification)")
      ->required();
  set_help(*s, "",
           {"twctl config set \\\n    --profile prod \\\n    --prop address \\\n    --value prod.tmprl.cloud:7233",
            "twctl config set \\\n    --prop tls.server_ca_cert_path \\\n    --value /etc/temporal/ca.pem"});
  bind(*s, sel, set, ops::set);

  auto del = std::make_shared<ops::DeleteOptions>();
  auto* d = group->add_subcommand("delete", "Delete a property of a profile");
  values_from(*d, d->add_option("-p,--prop", del->prop, "Property to delete"), Values::ConfigProp)->required();
  set_help(*d, "", {"twctl config delete \\\n    --prop api_key"});
  bind(*d, sel, del, ops::erase);

  auto delp = std::make_shared<ops::DeleteProfileOptions>();
  auto* dp = group->add_subcommand("delete-profile", "Delete a whole profile (named with --profile)");
  set_help(*dp, "", {"twctl config delete-profile \\\n    --profile staging"});
  bind(*dp, sel, delp, ops::delete_profile);

  auto list = std::make_shared<ops::ListOptions>();
  auto* l = group->add_subcommand("list", "List the profiles in the file");
  set_help(*l, "", {"twctl config list"});
  bind(*l, sel, list, ops::list);
}

void add_settings(CLI::App& root, Selection& sel) {
  auto opts = std::make_shared<ops::SettingsOptions>();
  auto* cmd = root.add_subcommand("settings", "Show the effective connection settings and where each came from");
  cmd->add_flag("--check", opts->check,
                "Connect step by step (settings, DNS, TCP, TLS, server, namespace) and print each step's result; "
                "stops at the first failure and exits with its code");
  set_help(*cmd,
           "Resolves every connection setting as a command would (flag, then environment variable, then profile, "
           "then default) and prints it with its source. Secrets are masked. Connects to nothing: run it first "
           "when a connection fails. With --check it then connects one step at a time: the settings a command "
           "would use, DNS (the host's addresses), TCP to each address (within --client-connect-timeout), the TLS "
           "handshake (protocol, the server's certificate, verification, the client certificate), the server "
           "(health, version, capabilities) and the namespace (DescribeNamespace: authentication and the name). "
           "The first step that fails ends it (the rest show as skipped) and sets the exit code: 2 for a setting, "
           "6 for DNS, TCP or TLS, 8 for a refused client certificate or authentication, 4 for a namespace that "
           "does not exist.",
           {"twctl settings", "twctl settings \\\n    --profile prod \\\n    --output json",
            "twctl settings \\\n    --check \\\n    --address localhost:7233"});
  bind(*cmd, sel, opts, ops::settings);
}

}  // namespace twctl::cli::config
