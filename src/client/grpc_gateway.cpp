#include "client/credentials.hpp"
#include "client/gateway.hpp"
#include "client/rpc.hpp"
#include "client/status.hpp"
#include "client/tls_probe.hpp"
#include "core/cancel.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

#include <fmt/format.h>
#include <google/protobuf/generated_message_reflection.h>
#include <grpc/support/log.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/impl/codegen/client_unary_call.h>
#include <grpcpp/impl/codegen/proto_utils.h>

#include <algorithm>

#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::client {

namespace {

namespace gp = google::protobuf;
constexpr int kMaxReceiveBytes = 256 * 1024 * 1024;  // histories reach 50 MiB; list pages can be large too
constexpr auto kLongPollTimeout = std::chrono::seconds(70);  // the server answers a long poll within ~20 s

// gRPC core writes its own log lines to stderr; a CLI reports errors itself.
void silent_log(gpr_log_func_args*) {}

class GrpcGateway final : public Gateway {
 public:
  GrpcGateway(const ConnectionOptions& opts, CancelToken& cancel) : opts_(opts), cancel_(cancel) {
    grpc::ChannelArguments args;
    args.SetMaxReceiveMessageSize(kMaxReceiveBytes);
    args.SetInt(GRPC_ARG_KEEPALIVE_TIME_MS, 30'000);
    args.SetInt(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, 15'000);
    args.SetInt(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
    args.SetString(GRPC_ARG_PRIMARY_USER_AGENT_STRING, "twctl/" TWCTL_VERSION);
    // Retries are twctl's own (client/retry.hpp): bounded, logged with --verbose, only for safe calls.
    args.SetInt(GRPC_ARG_ENABLE_RETRIES, 0);
    // gRPC bounds each of its connection attempts (TCP and TLS) by this; twctl's own wait (await_connection)
    // ends at the connect timeout first, so the error is always "no connection within ...".
    if (opts.connect_timeout.count() > 0) {
      args.SetInt(GRPC_ARG_MIN_RECONNECT_BACKOFF_MS, static_cast<int>(2 * opts.connect_timeout.count()));
    }
    args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 100);
    args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 1'000);
    if (!opts.authority.empty()) args.SetString(GRPC_ARG_DEFAULT_AUTHORITY, opts.authority);
    auto creds = channel_credentials(opts.tls, args);
    channel_ = grpc::CreateCustomChannel(opts.address, creds, args);
    // Start connecting now (gRPC's threads do it): the first call's check and descriptors are built meanwhile,
    // not after. The gateway exists only once a command is about to call, so bad input still connects nowhere.
    channel_->GetState(true);
    if (opts_.log) {
      opts_.log(fmt::format("connecting to {} ({}{}), namespace {}", opts.address,
                            opts.tls.enabled ? "TLS" : "plaintext",
                            opts.tls.enabled && !(opts.tls.cert_path.empty() && opts.tls.cert_data.empty()) ? ", client certificate" : "",
                            opts.namespace_));
    }
  }

  void call(const gp::Message& req, gp::Message& resp) override {
    const auto& rpc = rpc_for(req, &resp);
    try {
      invoke(rpc, req, resp);
    } catch (Error& e) {
      // "unknown method": the server predates the RPC. Other UNIMPLEMENTED answers (a feature turned off) keep
      // the server's own words.
      if (e.kind() == ErrorKind::Unsupported && rpc.name != "GetSystemInfo" &&
          std::string_view(e.what()).find("unknown method") != std::string_view::npos) {
        explain_unsupported(rpc, e);
      }
      throw;
    }
  }

  // Asks the channel to connect and watches its state while the pause lasts, in short slices (an interrupt is
  // noticed): watching is what makes gRPC poll the connection attempts, which an idle channel leaves to its
  // 5 s backup poller. A channel that was down and is READY again ends the pause. One READY throughout (the
  // server itself answered UNAVAILABLE or RESOURCE_EXHAUSTED) waits the whole pause: that is the backoff.
  bool pause_before_retry(std::chrono::milliseconds d,
                          const std::function<bool(std::chrono::milliseconds)>& sleep) override {
    auto until = std::chrono::system_clock::now() + d;
    auto state = channel_->GetState(true);
    if (state == GRPC_CHANNEL_READY) return sleep(d);
    for (;;) {
      if (cancel_.cancelled()) return false;
      auto now = std::chrono::system_clock::now();
      if (now >= until) return true;
      if (state == GRPC_CHANNEL_READY) {
        if (opts_.log) opts_.log(fmt::format("connected to {} again", opts_.address));
        return true;
      }
      channel_->WaitForStateChange(state, std::min(until, now + std::chrono::milliseconds(100)));
      state = channel_->GetState(true);
    }
  }

 private:
  // Waits (up to the connect timeout) until the channel is connected. A channel that failed to connect is left
  // to the call, which then fails at once with the reason (refused, DNS, TLS).
  void await_connection() {
    auto state = channel_->GetState(true);
    if (state == GRPC_CHANNEL_READY || opts_.connect_timeout.count() <= 0) return;
    auto until = std::chrono::system_clock::now() + opts_.connect_timeout;
    bool command_bound = opts_.deadline && *opts_.deadline < until;
    if (command_bound) until = *opts_.deadline;
    while (state != GRPC_CHANNEL_READY && state != GRPC_CHANNEL_TRANSIENT_FAILURE) {
      if (cancel_.cancelled()) throw Error(ErrorKind::Interrupted, "interrupted");
      auto now = std::chrono::system_clock::now();
      if (now >= until) {
        if (command_bound) throw Error(ErrorKind::DeadlineExceeded, "the command timed out (--command-timeout)");
        Error err(ErrorKind::Unavailable,
                  fmt::format("cannot reach the cluster at {}: no connection within {} ms (connect deadline; "
                              "--client-connect-timeout)",
                              opts_.address, opts_.connect_timeout.count()));
        err.cause = "connect_timeout";
        throw err;
      }
      // Short slices, so that an interrupt is noticed.
      channel_->WaitForStateChange(state, std::min(until, now + std::chrono::milliseconds(200)));
      state = channel_->GetState(true);
    }
  }

  void invoke(const Rpc& rpc, const gp::Message& req, gp::Message& resp) {
    auto timeout = is_long_poll(rpc, req) ? std::chrono::duration_cast<std::chrono::milliseconds>(kLongPollTimeout) : opts_.call_timeout;
    await_connection();
    grpc::ClientContext ctx;
    auto deadline = std::chrono::system_clock::now() + timeout;
    bool command_bound = false;
    if (opts_.deadline && *opts_.deadline < deadline) {
      deadline = *opts_.deadline;
      command_bound = true;
    }
    ctx.set_deadline(deadline);
    // As the official CLI sends them (its client name is its own: the server checks known clients' versions).
    ctx.AddMetadata("client-name", "twctl");
    ctx.AddMetadata("client-version", TWCTL_VERSION);
    ctx.AddMetadata("supported-server-versions", ">=1.0.0 <2.0.0");
    ctx.AddMetadata("caller-type", "operator");
    // gRPC aborts the process on an illegal header: values are checked where they enter (config/connection.cpp),
    // and here once more, for a value that came another way (a command's own namespace argument).
    auto add = [&ctx](const std::string& key, const std::string& value, std::string_view what) {
      if (auto p = header_value_problem(value); !p.empty()) {
        throw usage_error(fmt::format("{}: the value {}; nothing was sent", what, p));
      }
      if (auto p = header_key_problem(key); !p.empty()) {
        throw usage_error(fmt::format("{}: the metadata key \"{}\" {}; nothing was sent", what, key, p));
      }
      ctx.AddMetadata(key, value);
    };
    add("temporal-namespace", opts_.namespace_, "the namespace");
    for (const auto& [key, value] : opts_.metadata) add(key, value, "--grpc-meta");
    if (!opts_.api_key.empty()) add("authorization", "Bearer " + opts_.api_key, "the API key");
    CancelToken::Registration on_cancel(cancel_, [&ctx] { ctx.TryCancel(); });
    auto started = std::chrono::steady_clock::now();
    grpc::internal::RpcMethod method(rpc.path.c_str(), grpc::internal::RpcMethod::NORMAL_RPC);
    grpc::Status status = grpc::internal::BlockingUnaryCall<gp::Message, gp::Message, gp::MessageLite, gp::MessageLite>(
        channel_.get(), method, &ctx, req, &resp);
    if (opts_.log && status.ok()) {
      auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
      opts_.log(fmt::format("{} answered in {} ms", rpc.name, ms.count()));
    }
    if (!status.ok()) {
      const bool client_cert = !(opts_.tls.cert_path.empty() && opts_.tls.cert_data.empty());
      auto err = from_status(status, opts_.address, cancel_.cancelled(), opts_.tls.enabled, req.ByteSizeLong(),
                             client_cert);
      if (command_bound && err.kind() == ErrorKind::DeadlineExceeded) {
        Error timed_out(ErrorKind::DeadlineExceeded, "the command timed out (--command-timeout)");
        timed_out.grpc_code = err.grpc_code;
        timed_out.grpc_code_name = err.grpc_code_name;
        timed_out.cause = "command_timeout";
        throw timed_out;
      }
      if (err.kind() == ErrorKind::Unavailable && opts_.tls.enabled &&
          (err.cause == "tls_handshake" || err.cause == "reset" || err.cause == "unavailable")) {
        explain_tls(err);
      } else if (!opts_.tls.enabled && !cancel_.cancelled() && plaintext_to_tls_suspect(err)) {
        explain_plaintext(err);
      }
      throw err;
    }
  }

  // A server older than the API twctl is built from answers "unknown method": say which server it is and
  // what the call needs (one GetSystemInfo, best effort).
  void explain_unsupported(const Rpc& rpc, Error& err) {
    std::string version;
    try {
      temporal::api::workflowservice::v1::GetSystemInfoRequest req;
      temporal::api::workflowservice::v1::GetSystemInfoResponse info;
      invoke(rpc_for(req, &info), req, info);
      version = info.server_version();
    } catch (const Error&) {
    }
    Error better(ErrorKind::Unsupported,
                 fmt::format("the cluster at {} ({}) does not support {}.{}: it needs Temporal server {} or newer "
                             "(twctl speaks Temporal API {})",
                             opts_.address, version.empty() ? "server version unknown" : "Temporal server " + version,
                             rpc.service, rpc.name, kApiServerVersion, kTemporalApiVersion));
    better.grpc_code = err.grpc_code;
    better.grpc_code_name = err.grpc_code_name;
    better.cause = "unsupported";
    better.details = {{"rpc", rpc.service + "." + rpc.name},
                      {"serverVersion", version},
                      {"neededServerVersion", kApiServerVersion}};
    err = better;
  }

  std::chrono::milliseconds probe_timeout() const {
    return std::min(opts_.connect_timeout, std::chrono::milliseconds(3'000));
  }

  // gRPC says little more than "handshake failed" (or, for an alert after a TLS 1.3 handshake, that the
  // connection closed); one handshake of our own says why.
  void explain_tls(Error& err) {
    auto report = probe_tls(opts_.address, opts_.tls, probe_timeout());
    if (report.cause.empty() || report.message.empty() || report.cause == "tls_file") return;
    auto better = tls_failure(opts_.address, "", report);  // with_tls_hints names where TLS was set
    err = rephrased(err, better.kind(), better.what());
    err.cause = better.cause;
  }

  // A plaintext connection that the server closed or answered with HTTP/1 (a TLS port answers a plaintext
  // HTTP/2 preface so) may be one to a TLS server.
  static bool plaintext_to_tls_suspect(const Error& err) {
    std::string_view m = err.what();
    if (m.find("http1.x") != std::string_view::npos) return true;
    return err.kind() == ErrorKind::Unavailable && (err.cause == "reset" || err.cause == "unavailable");
  }

  // One TLS handshake, nothing verified: if the server speaks TLS, say so and name the flag.
  void explain_plaintext(Error& err) {
    if (!speaks_tls(opts_.address, probe_timeout())) return;
    auto better = tls_required(opts_.address, "");
    err = rephrased(err, better.kind(), better.what());
    err.cause = better.cause;
  }

  ConnectionOptions opts_;
  CancelToken& cancel_;
  std::shared_ptr<grpc::Channel> channel_;
};

}  // namespace

std::unique_ptr<Gateway> make_grpc_gateway(const ConnectionOptions& opts, CancelToken& cancel) {
  gpr_set_log_function(silent_log);
  return std::make_unique<GrpcGateway>(opts, cancel);
}

}  // namespace twctl::client
