#include "client/status.hpp"

#include "client/probe.hpp"
#include "message/schema.hpp"
#include "output/json_text.hpp"

#include <fmt/format.h>

#include <cctype>
#include <google/protobuf/message.h>
#include <grpcpp/support/status.h>

#include <array>
#include <memory>

#include "google/rpc/status.pb.h"
#include "temporal/api/errordetails/v1/message.pb.h"

namespace twctl::client {

namespace gp = google::protobuf;

namespace {

constexpr std::array<std::string_view, 17> kCodeNames{
    "OK",        "CANCELLED",         "UNKNOWN",        "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND",
    "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE",
    "UNIMPLEMENTED", "INTERNAL",      "UNAVAILABLE",    "DATA_LOSS",        "UNAUTHENTICATED"};

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

// Decodes each detail the generated pool knows into JSON {"type": "<short name>", ...fields}.
nlohmann::ordered_json decode_details(const grpc::Status& status, std::string& hint) {
  auto out = nlohmann::ordered_json::array();
  if (status.error_details().empty()) return out;
  google::rpc::Status rpc;
  if (!rpc.ParseFromString(status.error_details())) return out;
  for (const auto& any : rpc.details()) {
    auto slash = any.type_url().rfind('/');
    std::string full = slash == std::string::npos ? any.type_url() : any.type_url().substr(slash + 1);
    // Read with the schema tables: an error path that needs no descriptor is safe on any thread.
    const auto* type = schema::find(full);
    nlohmann::ordered_json item = nlohmann::ordered_json::object();
    item["type"] = type ? std::string(schema::short_name(*type)) : full;
    if (type) {
      std::string text;
      output::append_json(*type, any.value(), text, {.shorthand = true});
      auto fields = nlohmann::ordered_json::parse(text, nullptr, false);
      if (fields.is_object()) {
        for (auto& [k, v] : fields.items()) item[k] = v;
      }
      namespace ed = temporal::api::errordetails::v1;
      auto is = [&full](const gp::MessageLite& m) { return schema::find(m) == schema::find(full); };
      ed::WorkflowExecutionAlreadyStartedFailure started;
      ed::MultiOperationExecutionFailure multi;
      ed::NamespaceNotFoundFailure ns;
      ed::PermissionDeniedFailure denied;
      if (is(started) && started.ParseFromString(any.value())) {
        // The same detail comes for a closed run that the ID reuse policy keeps from being followed by
        // another; only a running one can be returned by UseExisting.
        auto lower = status.error_message();
        for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (lower.find("already running") != std::string::npos) {
          hint = fmt::format("a workflow with this ID is already running (run ID {}); "
                             "--id-conflict-policy UseExisting returns that run instead",
                             started.run_id());
        } else {
          hint = fmt::format("a workflow with this ID already ran (run ID {}, closed) and the ID reuse policy "
                             "allows no new run; --id-reuse-policy AllowDuplicate would allow one (server: {})",
                             started.run_id(), status.error_message());
        }
      } else if (is(multi) && multi.ParseFromString(any.value())) {
        // Update-with-start: the operation that failed says why; the others only say they were aborted.
        for (const auto& op : multi.statuses()) {
          if (op.code() != grpc::StatusCode::OK && op.code() != grpc::StatusCode::ABORTED) {
            hint = op.message();
            break;
          }
        }
      } else if (is(ns) && ns.ParseFromString(any.value())) {
        hint = fmt::format("namespace \"{}\" does not exist", ns.namespace_());
      } else if (is(denied) && denied.ParseFromString(any.value())) {
        if (!denied.reason().empty()) hint = status.error_message() + " (reason: " + denied.reason() + ")";
      }
    }
    out.push_back(std::move(item));
  }
  return out;
}

// The server parses a visibility query as "select * from table1 where <query>" and reports a syntax error's
// position in that text: told as is, "position 42" of a 15-character query misleads. Said again as the
// character of the query as typed (1-based), or as its end.
std::string query_position_as_typed(const std::string& message) {
  constexpr std::string_view kAt = "syntax error at position ";
  constexpr size_t kPrefix = std::string_view("select * from table1 where ").size();
  auto at = message.find(kAt);
  if (at == std::string::npos) return message;
  auto digits = at + kAt.size();
  size_t end = digits;
  while (end < message.size() && std::isdigit(static_cast<unsigned char>(message[end]))) ++end;
  if (end == digits || end - digits > 9) return message;
  auto position = std::stoul(message.substr(digits, end - digits));
  if (position <= kPrefix) return message;
  std::string rest = message.substr(end);
  return message.substr(0, at) + fmt::format("syntax error at character {} of the query", position - kPrefix) + rest;
}

// The server's size limits, in its words: a payload over its blob limit (dynamic config limit.blobSize.error,
// 2 MiB by default; memos and search attributes have their own), or a request over its gRPC message limit.
bool request_too_large(std::string_view message) {
  return contains(message, "size exceeds limit") || contains(message, "grpc: received message larger than max");
}

std::string size_text(size_t bytes) {
  if (bytes >= 1024 * 1024) return fmt::format("{:.1f} MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  if (bytes >= 1024) return fmt::format("{:.1f} KiB", static_cast<double>(bytes) / 1024.0);
  return fmt::format("{} bytes", bytes);
}

}  // namespace

ErrorKind kind_for_code(int code) {
  switch (static_cast<grpc::StatusCode>(code)) {
    case grpc::StatusCode::NOT_FOUND:
      return ErrorKind::NotFound;
    case grpc::StatusCode::ALREADY_EXISTS:
      return ErrorKind::AlreadyExists;
    case grpc::StatusCode::UNAVAILABLE:
      return ErrorKind::Unavailable;
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return ErrorKind::DeadlineExceeded;
    case grpc::StatusCode::PERMISSION_DENIED:
    case grpc::StatusCode::UNAUTHENTICATED:
      return ErrorKind::PermissionDenied;
    case grpc::StatusCode::INVALID_ARGUMENT:
    case grpc::StatusCode::FAILED_PRECONDITION:
    case grpc::StatusCode::OUT_OF_RANGE:
      return ErrorKind::Rejected;
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return ErrorKind::ResourceExhausted;
    case grpc::StatusCode::CANCELLED:
      return ErrorKind::Interrupted;
    case grpc::StatusCode::UNIMPLEMENTED:
      return ErrorKind::Unsupported;
    default:
      return ErrorKind::General;
  }
}

std::string connection_cause(std::string_view msg) {
  if (contains(msg, "Connection refused")) return "refused";
  if (contains(msg, "DNS resolution failed") || contains(msg, "Name or service not known") ||
      contains(msg, "name resolution") || contains(msg, "Domain name not found")) {
    return "dns";
  }
  if (contains(msg, "Connection reset") || contains(msg, "Socket closed") || contains(msg, "GOAWAY") ||
      contains(msg, "Broken pipe") || contains(msg, "connection closed")) {
    return "reset";
  }
  if (contains(msg, "Handshake") || contains(msg, "handshake") || contains(msg, "SSL") || contains(msg, "TLS") ||
      contains(msg, "tsi_") || contains(msg, "Peer name") || contains(msg, "certificate")) {
    return "tls_handshake";
  }
  return "unavailable";
}

std::string connection_message(std::string_view address, std::string_view msg) {
  auto cause = connection_cause(msg);
  std::string why;
  if (cause == "refused") {
    auto hp = split_address(std::string(address));
    if (hp.loopback && hp.port == "7233") {
      return fmt::format("no server at {} (connection refused): start one with `temporal server start-dev` or set "
                         "--address/TEMPORAL_ADDRESS",
                         address);
    }
    why = "connection refused (nothing listens there: check --address or TEMPORAL_ADDRESS, and that the server is "
          "running)";
  } else if (cause == "dns") {
    why = fmt::format("the host \"{}\" cannot be resolved (DNS lookup failed): check --address or TEMPORAL_ADDRESS",
                      split_address(std::string(address)).host);
  } else if (cause == "reset") {
    why = fmt::format("the connection was reset or closed by the server ({})", msg);
  } else if (cause == "tls_handshake") {
    why = "TLS handshake failed";
  } else if (contains(msg, "failed to connect")) {
    why = std::string(msg);
  } else {
    return fmt::format("the cluster at {} is unavailable: {}", address, msg);
  }
  return fmt::format("cannot reach the cluster at {}: {}", address, why);
}

std::string tls_off_hint(std::string_view origin) {
  constexpr std::string_view kImplied = "implied by ";
  if (origin.empty() || origin == "--tls") return "remove --tls";
  if (origin.substr(0, kImplied.size()) == kImplied) {
    return fmt::format("add --tls=false (TLS was turned on by {})", origin.substr(kImplied.size()));
  }
  if (origin.substr(0, 9) == "TEMPORAL_") return fmt::format("unset {} or add --tls=false", origin);
  return fmt::format("add --tls=false (TLS is on in {})", origin);
}

std::string tls_on_hint(std::string_view origin) {
  if (origin.empty() || origin == "default") return "add --tls";
  if (origin == "--tls") return "remove --tls=false";
  return fmt::format("add --tls (TLS is off in {})", origin);
}

Error from_status(const grpc::Status& status, std::string_view address, bool interrupted, bool tls,
                  size_t request_bytes, bool client_cert) {
  int code = static_cast<int>(status.error_code());
  ErrorKind kind = interrupted ? ErrorKind::Interrupted : kind_for_code(code);
  std::string message = status.error_message();
  std::string hint;
  auto details = decode_details(status, hint);
  std::string cause;
  // A proxy in front of the cluster answers with plain HTTP statuses, which gRPC passes on as text.
  const bool http_400 = contains(message, "Received http2 header with status: 400");
  const bool http_401 = contains(message, "Received http2 header with status: 401");
  const bool http_403 = contains(message, "Received http2 header with status: 403");
  // gRPC reports a 404 as UNIMPLEMENTED, but it says nothing of the server's version: nothing serves gRPC there.
  const bool http_404 = contains(message, "Received http2 header with status: 404");
  if (!interrupted && (kind == ErrorKind::Rejected || kind == ErrorKind::ResourceExhausted) &&
      request_too_large(message)) {
    kind = ErrorKind::ResourceExhausted;
    cause = "message_too_large";
    message = fmt::format("the request{} is over a size limit of the cluster at {}: a payload (an input, a memo, a "
                          "result) may be up to the server's blob size limit (2 MiB unless its dynamic config "
                          "limit.blobSize.error says otherwise) and a request up to its gRPC message limit (4 MiB "
                          "by default); make the input smaller (the server said: {})",
                          request_bytes > 0 ? " (" + size_text(request_bytes) + ")" : std::string(), address, message);
  } else if (!interrupted && http_404) {
    kind = ErrorKind::General;
    cause = "http_404";
    message = fmt::format("nothing at {} serves the Temporal gRPC API: the server (or a proxy in front of it) "
                          "answered HTTP 404; check --address and the proxy's routes",
                          address);
  } else if (!interrupted && tls && http_400 && client_cert) {
    kind = ErrorKind::PermissionDenied;
    cause = "client_certificate_rejected";
    message = fmt::format("the server at {} (or a TLS proxy in front of it) rejected the client certificate: check "
                          "that --tls-cert-path and --tls-key-path are a pair signed by a CA the server trusts, and "
                          "not expired (HTTP 400)",
                          address);
  } else if (!interrupted && tls && http_400) {
    kind = ErrorKind::PermissionDenied;
    cause = "client_certificate";
    message = fmt::format("the server at {} (or a TLS proxy in front of it) requires a client certificate (mTLS): "
                          "set --tls-cert-path and --tls-key-path (HTTP 400)",
                          address);
  } else if (!interrupted && (http_401 || http_403 || kind == ErrorKind::PermissionDenied)) {
    kind = ErrorKind::PermissionDenied;
    cause = "auth";
    if (http_401 || http_403) {
      message = fmt::format("authentication failed at {}: the server (or a proxy in front of it) answered HTTP {}; "
                            "check --api-key or the authorization metadata",
                            address, http_401 ? 401 : 403);
    } else if (!hint.empty()) {
      message = hint;
    }
  } else {
    switch (kind) {
      case ErrorKind::Interrupted:
        message = "interrupted";
        break;
      case ErrorKind::Unavailable:
        cause = connection_cause(message);
        message = connection_message(address, message);
        break;
      case ErrorKind::DeadlineExceeded:
        cause = "deadline";
        message = fmt::format("no answer from {} in time: {}", address, message);
        break;
      case ErrorKind::Unsupported:
        cause = "unsupported";
        break;
      case ErrorKind::ResourceExhausted:
        if (contains(message, "larger than max") || contains(message, "message too large")) {
          cause = "message_too_large";
        }
        if (!hint.empty()) message = hint;
        break;
      default:
        // A decoded detail says it better than the server's prose, which is kept only when there is none.
        if (!hint.empty()) message = hint;
        message = query_position_as_typed(message);
        break;
    }
  }
  Error err(kind, message);
  err.grpc_code = code;
  err.grpc_code_name = code >= 0 && code < static_cast<int>(kCodeNames.size()) ? std::string(kCodeNames[code]) : "";
  if (!details.empty()) err.details = std::move(details);
  err.cause = std::move(cause);
  return err;
}

}  // namespace twctl::client
