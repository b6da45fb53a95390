#include "cli/meta.hpp"

#include "cli/value_checks.hpp"

#include <algorithm>
#include <cctype>

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
  opt->check(non_empty());
  if (ignore_case) {
    opt->check(CLI::IsMember(choices, CLI::ignore_case));
  } else {
    opt->check(CLI::IsMember(choices));
  }
  if (auto* r = registry_of(cmd)) r->flag(opt).choices = choices;
  return opt;
}

namespace {

std::string braced(const std::vector<std::string>& values) {
  std::string out = "{";
  for (const auto& v : values) out += (out.size() > 1 ? "," : "") + v;
  return out + "}";
}

// IsMember's check with the set read from the enum's descriptor only when a value is checked or help shown:
// building descriptors at every start would cost each invocation.
class EnumMember : public CLI::Validator {
 public:
  explicit EnumMember(ops::EnumFlag e) {
    desc_function_ = [e] { return braced(ops::enum_values(e)); };
    // Matched without regard to case, as the official CLI does; the value becomes the canonical spelling.
    func_ = [e](std::string& value) -> std::string {
      if (value.empty()) return "the value is empty";  // as non_empty() says it; a transform runs first
      auto values = ops::enum_values(e);
      auto same = [&](const std::string& v) {
        return v.size() == value.size() && std::equal(v.begin(), v.end(), value.begin(), [](char a, char b) {
                 return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
               });
      };
      if (auto it = std::find_if(values.begin(), values.end(), same); it != values.end()) {
        value = *it;
        return {};
      }
      return value + " not in " + braced(values);
    };
  }
};

}  // namespace

CLI::Option* one_of_enum(CLI::App& cmd, CLI::Option* opt, const ops::EnumFlag& e) {
  opt->transform(EnumMember(e));  // transform, not check: the value becomes the canonical spelling
  if (auto* r = registry_of(cmd)) r->flag(opt).lazy_choices = [e] { return ops::enum_values(e); };
  return opt;
}

CLI::Option* values_from(CLI::App& cmd, CLI::Option* opt, Values values) {
  if (auto* r = registry_of(cmd)) r->flag(opt).values = values;
  return opt;
}

FlagMeta flag_meta(const CLI::App& cmd, const CLI::Option* opt) {
  const auto* r = registry_of(cmd);
  const auto* m = r ? r->find(opt) : nullptr;
  if (m == nullptr) return {};
  FlagMeta meta = *m;
  if (meta.lazy_choices) meta.choices = meta.lazy_choices();
  return meta;
}

CommandMeta command_meta(const CLI::App& cmd) {
  const auto* r = registry_of(cmd);
  const auto* m = r ? r->find(&cmd) : nullptr;
  return m ? *m : CommandMeta{};
}

}  // namespace twctl::cli
