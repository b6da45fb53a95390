#include "ops/config/settings.hpp"

#include "config/mask.hpp"
#include "ops/config/check.hpp"
#include "output/render.hpp"

namespace twctl::ops::config {

namespace cfg = twctl::config;

std::string where(const cfg::Value& v) {
  if (v.origin.rfind("implied by ", 0) == 0) return std::string(cfg::source_name(v.source)) + " (" + v.origin + ")";
  switch (v.source) {
    case cfg::Source::Flag:
    case cfg::Source::Env:
      return std::string(cfg::source_name(v.source)) + " " + v.origin;
    case cfg::Source::Profile:
      return v.origin;
    default:
      return "default";
  }
}

std::string shown(const std::string& name, const cfg::Value& v) {
  return v.secret ? cfg::mask(v.value) : cfg::displayed(name, v.value);
}

nlohmann::ordered_json settings_json(const cfg::Settings& s) {
  auto j = nlohmann::ordered_json::object();
  for (const auto& [name, v] : s.ordered()) {
    j[name] = {{"value", shown(name, *v)}, {"source", cfg::source_name(v->source)}, {"origin", v->origin}};
  }
  j["config_file"]["found"] = s.config_file_found;
  j["profile"]["found"] = s.profile_found;
  return j;
}

int settings(const SettingsOptions& opts, Context& ctx) {
  if (opts.check) return check(ctx);
  const auto& s = ctx.globals.settings;
  // The file's problem, or else the first value a command would refuse (config::to_connection_options).
  const auto& problem = ctx.globals.connection.problem;
  auto& out = ctx.printer();
  if (out.text()) {
    output::Table t{{{"Setting"}, {"Value"}, {"Source"}}, {}};
    for (const auto& [name, v] : s.ordered()) {
      auto value = shown(name, *v);
      if (name == "config_file" && !value.empty() && !s.config_file_found) value += " (not found)";
      if (name == "profile" && !s.profile_found) value += s.problem.empty() ? " (not in the file)" : " (not read)";
      t.rows.push_back({name, value, where(*v)});
    }
    out.write(output::render_table(t, true, out.style()));
  } else {
    out.document(nlohmann::ordered_json{{"settings", settings_json(s)},
                                        {"problem", problem.empty() ? nullptr : nlohmann::ordered_json(problem)}});
  }
  if (!problem.empty()) ctx.warn(problem);
  return 0;
}

}  // namespace twctl::ops::config
