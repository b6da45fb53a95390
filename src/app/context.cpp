#include "app/context.hpp"

#include "client/codec.hpp"
#include "client/probe.hpp"
#include "client/retry.hpp"
#include "config/connection.hpp"
#include "config/mask.hpp"
#include "core/error.hpp"

#include <mutex>
#include <ostream>

namespace twctl {

namespace {

// A command may call from several threads at once (a bulk start, a trace's children): the gateway is made
// once, under a lock, and used concurrently (the gRPC gateway and its decorators keep nothing per call in their
// members); --verbose lines and warnings are written whole. One lock each for every context: they are rare.
std::mutex gateway_mu;
std::mutex err_mu;

}  // namespace

client::Gateway& Context::gateway() {
  std::lock_guard lock(gateway_mu);
  if (!gateway_) {
    if (!gateway_factory) throw Error(ErrorKind::General, "no gateway to the cluster is configured");
    if (!globals.connection.problem.empty()) {
      Error e = usage_error(globals.connection.problem);
      e.cause = config::problem_cause(globals.settings);
      throw e;
    }
    auto opts = globals.connection;
    if (globals.verbose) opts.log = [this](std::string_view m) { debug(m); };
    // The TLS hints name where TLS was set, which only the settings know.
    auto g = client::with_tls_hints(gateway_factory(opts, cancel), opts.address, config::tls_origin(globals.settings));
    client::RetryHooks hooks;
    hooks.now = now;
    hooks.sleep = pause;
    hooks.log = opts.log;
    hooks.deadline = opts.deadline;
    client::RetryPolicy policy;
    policy.window = opts.retry_window;
    g = client::with_retries(std::move(g), policy, std::move(hooks));
    if (!opts.codec.endpoint.empty()) {
      g = client::with_codec(std::move(g), client::make_remote_codec(opts.codec, opts.namespace_, http_factory()));
    }
    gateway_ = std::move(g);
  }
  return *gateway_;
}

void Context::debug(std::string_view message) {
  if (!globals.verbose) return;
  std::lock_guard lock(err_mu);
  err << "twctl: " << config::redact(std::string(message), globals.secrets) << "\n" << std::flush;
}

output::Printer& Context::printer() {
  if (!printer_) {
    auto records = globals.records;
    records.time_format = globals.time_format;
    records.now = now();
    printer_ =
        std::make_unique<output::Printer>(out, globals.output, output::Style(globals.color), std::move(records));
  }
  return *printer_;
}

void Context::warn(std::string_view message) {
  std::lock_guard lock(err_mu);
  err << "warning: " << message << "\n" << std::flush;
}

}  // namespace twctl
