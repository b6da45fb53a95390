#pragma once
// `twctl settings`: the effective connection settings and where each came from (flag, environment, profile,
// default), secrets masked. Connects to nothing: the first thing to run when a connection fails.

#include "app/context.hpp"

namespace twctl::ops::config {

struct SettingsOptions {};

int settings(const SettingsOptions& opts, Context& ctx);

}  // namespace twctl::ops::config
