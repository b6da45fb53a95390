#pragma once
// The steps of `settings --check` (ops/config/check.hpp), each on its own: it fills the step (state, detail,
// data) or throws the Error a command would end with. What one step learns for the next is in CheckState.

#include "client/probe.hpp"
#include "ops/config/check.hpp"

#include <memory>
#include <string>
#include <vector>

namespace twctl::ops::config {

struct CheckState {
  std::unique_ptr<client::Prober> prober;
  client::HostPort target;
  std::vector<std::string> addresses;  // from DNS, numeric
};

void step_settings(Context& ctx, CheckState& state, Step& step);
void step_dns(Context& ctx, CheckState& state, Step& step);
void step_tcp(Context& ctx, CheckState& state, Step& step);
void step_tls(Context& ctx, CheckState& state, Step& step);
void step_server(Context& ctx, CheckState& state, Step& step);
void step_namespace(Context& ctx, CheckState& state, Step& step);

}  // namespace twctl::ops::config
