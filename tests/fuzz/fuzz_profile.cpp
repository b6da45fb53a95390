// temporal.toml: the file as the SDKs and the official CLI write it, read (config/profile_file), every profile
// flattened and shown as `config get -o json` shows it, changed as `config set|delete` change it (not saved),
// and resolved into connection settings as a connecting command resolves them, with their checks. Input: the
// file's text. The fuzzer runs in a scratch folder (scripts/fuzz); the file is written there.

#include "harness.hpp"
#include "config/connection.hpp"
#include "config/profile_file.hpp"
#include "config/settings.hpp"

#include <cstdio>
#include <fstream>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace twctl;
  const std::string path = "fuzz_profile.toml";
  {
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    f.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    if (!f) std::abort();
  }
  std::vector<std::string> names;
  try {
    auto file = config::ProfileFile::load(path);
    names = file.profile_names();
    for (const auto& name : names) {
      auto p = file.profile(name);
      (void)file.profile_json(name).dump();
      if (p && !p->empty()) {
        // Change what is there: the first property set to itself, then removed, then the profile.
        const auto& [prop, value] = *p->begin();
        try {
          file.set(name, prop, value);
        } catch (const Error& e) {
          if (e.kind() != ErrorKind::Usage) throw;
        }
        (void)file.erase(name, prop);
      }
    }
    if (!names.empty()) (void)file.erase_profile(names.front());
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::Usage) throw;
  }
  names.push_back("default");
  for (const auto& name : names) {
    config::ConnectionFlags f;
    f.config_file = path;
    f.profile = name;
    try {
      auto s = config::resolve(f, [](std::string_view) { return std::optional<std::string>(); }, {});
      auto c = config::to_connection_options(s);
      (void)config::secrets(s);
    } catch (const Error& e) {
      if (e.kind() != ErrorKind::Usage) throw;
    }
    if (names.size() > 4) break;
  }
  return 0;
}
