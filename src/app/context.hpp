#pragma once
// Everything a command may touch of the outside world, injected: streams and whether each is a terminal, the
// environment, the clock, cancellation, and the gateway to the cluster (made only when first used).
// Commands never use std::cout, getenv or the system clock directly, so tests run whole argv vectors in-process.

#include "client/gateway.hpp"
#include "client/http.hpp"
#include "config/settings.hpp"
#include "core/cancel.hpp"
#include "core/time_format.hpp"
#include "output/printer.hpp"

#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace twctl {

// Global flags after resolution (flag, then environment, then profile, then default).
struct GlobalOptions {
  client::ConnectionOptions connection;
  // Every connection setting with where it came from (`twctl settings`), and the secrets among them.
  config::Settings settings;
  std::vector<std::string> secrets;
  bool verbose = false;
  output::OutputMode output = output::OutputMode::Text;
  TimeFormat time_format = TimeFormat::Relative;
  bool color = false;
  bool shorthand_payloads = true;
};

using GatewayFactory =
    std::function<std::unique_ptr<client::Gateway>(const client::ConnectionOptions&, CancelToken&)>;

struct Context {
  Context(std::istream& in, std::ostream& out, std::ostream& err, CancelToken& cancel)
      : in(in), out(out), err(err), cancel(cancel) {}

  std::istream& in;
  std::ostream& out;
  std::ostream& err;
  bool stdin_tty = false;
  bool stdout_tty = false;
  bool stderr_tty = false;
  // The terminal's width in columns when stdout is a terminal; 0 otherwise (nothing is cut to fit then).
  int stdout_columns = 0;
  std::function<std::optional<std::string>(std::string_view)> env = [](std::string_view) {
    return std::optional<std::string>();
  };
  // The environment's variable names (for TEMPORAL_GRPC_META_*).
  std::function<std::vector<std::string>()> env_names = [] { return std::vector<std::string>(); };
  std::function<TimePoint()> now = [] { return std::chrono::system_clock::now(); };
  CancelToken& cancel;
  // Pauses a polling loop or a retry backoff; returns false when interrupted. Tests replace it to run without waiting.
  std::function<bool(std::chrono::milliseconds)> pause = [this](std::chrono::milliseconds d) {
    return !cancel.wait_for(d);
  };
  GatewayFactory gateway_factory;
  // HTTP for the remote codec; made only when a codec endpoint is set.
  std::function<std::unique_ptr<client::HttpClient>()> http_factory = client::make_curl_http;

  GlobalOptions globals;

  // The gateway, made from globals.connection on first use: nothing connects before a command has
  // validated its input. The factory's gateway is wrapped in retries and, with a codec endpoint, the codec.
  client::Gateway& gateway();
  // The namespace and the identity every request names: one way to read them.
  const std::string& namespace_() const { return globals.connection.namespace_; }
  const std::string& identity() const { return globals.connection.identity; }
  // One diagnostic line to stderr with --verbose ("twctl: ..."); nothing otherwise.
  void debug(std::string_view message);
  // The printer for stdout in the chosen output mode; made on first use, after globals are set.
  output::Printer& printer();
  // Whether a list or history on stdout was cut short (output::Printer::partial).
  bool output_partial() const { return printer_ && printer_->partial(); }
  // One line to stderr ("warning: ..."), never to stdout.
  void warn(std::string_view message);

 private:
  std::unique_ptr<client::Gateway> gateway_;
  std::unique_ptr<output::Printer> printer_;
};

}  // namespace twctl
