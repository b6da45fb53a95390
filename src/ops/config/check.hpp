#pragma once
// `twctl settings --check`: the connection, one step at a time, each with its result: the settings as a command
// resolves them, DNS, TCP to each address, the TLS handshake, the server (health, version, capabilities), then
// the namespace (DescribeNamespace: authentication and the namespace itself). It stops at the first failing step
// (the rest show as skipped) and exits with that failure's code, so scripts can branch on it.

#include "app/context.hpp"
#include "client/probe.hpp"
#include "core/error.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace twctl::ops::config {

enum class StepState { Ok, Failed, NotApplicable, Skipped };

struct Step {
  std::string name;  // settings, dns, tcp, tls, server, namespace
  StepState state = StepState::Skipped;
  std::string detail;           // one line for people: what was found, or what is wrong
  nlohmann::ordered_json data;  // the facts, for JSON (null when none)
  std::chrono::microseconds took{0};
  std::optional<Error> error;  // set when Failed
};

// The step names, in order.
const std::vector<std::string>& check_step_names();

// How `settings --check` makes its prober (DNS, TCP, TLS): client::make_prober. Unit tests set a fake and put
// the default back (the gateway's own seam is Context::gateway_factory).
using ProberFactory = std::function<std::unique_ptr<client::Prober>()>;
ProberFactory& prober_factory();

// Runs the steps in order and stops at the first failure; the steps after it are Skipped.
std::vector<Step> run_checks(Context& ctx);

// One line a step: "ok    dns        localhost → 127.0.0.1, ::1  (1.2 ms)".
std::string render_checks(const std::vector<Step>& steps, const output::Style& style);
// {"ok": bool, "failedStep": name|null, "steps": [{"name", "status", "detail", "ms", "data"?, "error"?}]}.
nlohmann::ordered_json checks_json(const std::vector<Step>& steps);

// Runs, prints and returns 0, or throws the failing step's error (its exit code is the command's).
int check(Context& ctx);

}  // namespace twctl::ops::config
