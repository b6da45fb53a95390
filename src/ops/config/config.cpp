#include "ops/config/config.hpp"

#include "config/mask.hpp"
#include "config/profile_file.hpp"
#include "core/error.hpp"
#include "output/render.hpp"

#include <fmt/format.h>

namespace twctl::ops::config {

namespace cfg = twctl::config;

namespace {

const std::string& file_path(const Context& ctx) {
  const auto& f = ctx.globals.settings.config_file;
  if (f.source == cfg::Source::Flag && f.value.empty()) {
    throw usage_error("the config file is disabled (--disable-config-file)");
  }
  if (f.value.empty()) throw usage_error("no config file: set --config-file, TEMPORAL_CONFIG_FILE or HOME");
  return f.value;
}

const std::string& profile_name(const Context& ctx) { return ctx.globals.settings.profile.value; }

std::string shown(const std::string& prop, const std::string& value, bool reveal) {
  return reveal ? value : cfg::displayed(prop, value);
}

// Properties in the order `config set` documents them, then grpc_meta.* alphabetically.
std::vector<std::pair<std::string, std::string>> ordered(const cfg::Profile& p) {
  std::vector<std::pair<std::string, std::string>> rows;
  for (auto prop : cfg::known_props()) {
    if (auto it = p.find(std::string(prop)); it != p.end()) rows.emplace_back(*it);
  }
  for (const auto& [k, v] : p) {
    if (!cfg::is_known_prop(k)) rows.emplace_back(k, v);
  }
  return rows;
}

void confirm(Context& ctx, const std::string& message) {
  if (ctx.printer().text()) ctx.err << message << "\n";
}

}  // namespace

int get(const GetOptions& opts, Context& ctx) {
  // A typo is a usage error, before the file is read (config set and delete say so in the same words).
  if (!opts.prop.empty() && !cfg::is_known_prop(opts.prop) && opts.prop.rfind("grpc_meta.", 0) != 0) {
    std::string names;
    for (auto p : cfg::known_props()) names += (names.empty() ? "" : ", ") + std::string(p);
    throw usage_error(fmt::format("unknown property \"{}\": known are {}, grpc_meta.<header>", opts.prop, names));
  }
  auto file = cfg::ProfileFile::load(file_path(ctx));
  const auto& name = profile_name(ctx);
  auto profile = file.profile(name);
  if (!profile) throw Error(ErrorKind::NotFound, fmt::format("profile \"{}\" is not in {}", name, file.path()));
  auto& out = ctx.printer();
  if (!opts.prop.empty()) {
    auto it = profile->find(opts.prop);
    if (it == profile->end()) {
      throw Error(ErrorKind::NotFound, fmt::format("property \"{}\" is not set in profile \"{}\"", opts.prop, name));
    }
    auto value = shown(it->first, it->second, opts.reveal);
    if (out.text()) {
      output::Table t{{{"Property"}, {"Value"}}, {{it->first, value}}};
      out.write(output::render_table(t, true, out.style()));
    } else {
      out.document({{"property", it->first}, {"value", value}});
    }
    return 0;
  }
  if (out.text()) {
    output::Table t{{{"Property"}, {"Value"}}, {}};
    for (const auto& [k, v] : ordered(*profile)) t.rows.push_back({k, shown(k, v, opts.reveal)});
    out.write(output::render_table(t, true, out.style()));
  } else {
    // The profile's TOML structure as JSON, secrets masked unless --reveal.
    auto j = file.profile_json(name);
    for (auto& [k, v] : j.items()) {
      if (v.is_object()) {
        for (auto& [sk, sv] : v.items()) {
          if (sv.is_string()) sv = shown(k + "." + sk, sv.get<std::string>(), opts.reveal);
        }
      } else if (v.is_string()) {
        v = shown(k, v.get<std::string>(), opts.reveal);
      }
    }
    out.document(j);
  }
  return 0;
}

int set(const SetOptions& opts, Context& ctx) {
  auto file = cfg::ProfileFile::load(file_path(ctx));
  file.set(profile_name(ctx), opts.prop, opts.value);
  file.save();
  confirm(ctx, fmt::format("Set {} in profile \"{}\" ({})", opts.prop, profile_name(ctx), file.path()));
  return 0;
}

int erase(const DeleteOptions& opts, Context& ctx) {
  auto file = cfg::ProfileFile::load(file_path(ctx));
  if (!file.erase(profile_name(ctx), opts.prop)) {
    throw Error(ErrorKind::NotFound,
                fmt::format("property \"{}\" is not set in profile \"{}\"", opts.prop, profile_name(ctx)));
  }
  file.save();
  confirm(ctx, fmt::format("Deleted {} from profile \"{}\" ({})", opts.prop, profile_name(ctx), file.path()));
  return 0;
}

int delete_profile(const DeleteProfileOptions&, Context& ctx) {
  if (ctx.globals.settings.profile.source == cfg::Source::Default) {
    throw usage_error("name the profile to delete with --profile");
  }
  auto file = cfg::ProfileFile::load(file_path(ctx));
  if (!file.erase_profile(profile_name(ctx))) {
    throw Error(ErrorKind::NotFound, fmt::format("profile \"{}\" is not in {}", profile_name(ctx), file.path()));
  }
  file.save();
  confirm(ctx, fmt::format("Deleted profile \"{}\" ({})", profile_name(ctx), file.path()));
  return 0;
}

int list(const ListOptions&, Context& ctx) {
  auto file = cfg::ProfileFile::load(file_path(ctx));
  auto& out = ctx.printer();
  auto names = file.profile_names();
  if (out.text()) {
    output::Table t{{{"Name"}}, {}};
    for (const auto& n : names) t.rows.push_back({n});
    out.write(output::render_table(t, true, out.style()));
  } else if (out.json()) {
    output::ListWriter list(out);
    for (const auto& n : names) list.add({{"name", n}});
    list.finish();
  }
  return 0;
}

}  // namespace twctl::ops::config
