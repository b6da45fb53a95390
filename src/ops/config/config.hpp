#pragma once
// `twctl config get | set | delete | delete-profile | list`: the profiles in temporal.toml. The file and the
// profile are the resolved --config-file and --profile (flag, then TEMPORAL_CONFIG_FILE / TEMPORAL_PROFILE, then
// the defaults).

#include "app/context.hpp"

#include <string>

namespace twctl::ops::config {

struct GetOptions {
  std::string prop;  // empty: every property of the profile
  bool reveal = false;
};
struct SetOptions {
  std::string prop;
  std::string value;
};
struct DeleteOptions {
  std::string prop;
};
struct DeleteProfileOptions {};
struct ListOptions {};

int get(const GetOptions& opts, Context& ctx);
int set(const SetOptions& opts, Context& ctx);
int erase(const DeleteOptions& opts, Context& ctx);
int delete_profile(const DeleteProfileOptions& opts, Context& ctx);
int list(const ListOptions& opts, Context& ctx);

}  // namespace twctl::ops::config
