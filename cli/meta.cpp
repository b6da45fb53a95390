#include "cli/meta.hpp"

namespace twctl::cli {

const FlagMeta* Registry::find(const CLI::Option* opt) const {
  auto it = flags_.find(opt);
  return it == flags_.end() ? nullptr : &it->second;
}

const CommandMeta* Registry::find(const CLI::App* app) const {
  auto it = commands_.find(app);
  return it == commands_.end() ? nullptr : &it->second;
}

Registry* registry_of(CLI::App& app) {
  CLI::App* root = &app;
  while (root->get_parent()) root = root->get_parent();
  auto* r = dynamic_cast<RootApp*>(root);
  return r ? &r->meta : nullptr;
}

const Registry* registry_of(const CLI::App& app) { return registry_of(const_cast<CLI::App&>(app)); }

CLI::Option* one_of(CLI::App& cmd, CLI::Option* opt, const std::vector<std::string>& choices, bool ignore_case) {
  if (ignore_case) {
    opt->check(CLI::IsMember(choices, CLI::ignore_case));
  } else {
    opt->check(CLI::IsMember(choices));
  }
  if (auto* r = registry_of(cmd)) r->flag(opt).choices = choices;
  return opt;
}

CLI::Option* values_from(CLI::App& cmd, CLI::Option* opt, Values values) {
  if (auto* r = registry_of(cmd)) r->flag(opt).values = values;
  return opt;
}

FlagMeta flag_meta(const CLI::App& cmd, const CLI::Option* opt) {
  const auto* r = registry_of(cmd);
  const auto* m = r ? r->find(opt) : nullptr;
  return m ? *m : FlagMeta{};
}

CommandMeta command_meta(const CLI::App& cmd) {
  const auto* r = registry_of(cmd);
  const auto* m = r ? r->find(&cmd) : nullptr;
  return m ? *m : CommandMeta{};
}

}  // namespace twctl::cli
