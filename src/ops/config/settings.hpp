#pragma once
// `twctl settings`: the effective connection settings and where each came from (flag, environment, profile,
// default), secrets masked. Connects to nothing: the first thing to run when a connection fails. With --check it
// then connects step by step (ops/config/check.hpp).

#include "app/context.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace twctl::ops::config {

struct SettingsOptions {
  bool check = false;  // --check: run the connection steps one by one
};

// "flag --address", "env TEMPORAL_ADDRESS", "profile prod (/path)", "default", "env (implied by TEMPORAL_API_KEY)".
std::string where(const twctl::config::Value& v);
// A setting's value as shown: secrets masked, PEM summarised.
std::string shown(const std::string& name, const twctl::config::Value& v);
// Every setting: {name: {value, source, origin}}, plus whether the file and the profile were found.
nlohmann::ordered_json settings_json(const twctl::config::Settings& s);

int settings(const SettingsOptions& opts, Context& ctx);

}  // namespace twctl::ops::config
