#pragma once
// Errors are values with a kind; one table maps kinds to exit codes. The table is API: scripts branch on it.

#include <nlohmann/json.hpp>

#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

namespace twctl {

enum class ErrorKind {
  General,
  Usage,
  WorkflowFailed,
  NotFound,
  AlreadyExists,
  Unavailable,
  DeadlineExceeded,
  PermissionDenied,
  Rejected,
  ResourceExhausted,
  BatchFailed,
  UpdateFailed,
  Unsupported,
  OutcomeUnknown,
  Interrupted,
};

struct ExitCodeRow {
  ErrorKind kind;
  int code;
  std::string_view name;     // stable identifier, used in JSON error objects
  std::string_view meaning;  // one line for people (README, man page, `help exit-codes`)
};

// Every kind once, in exit-code order. Success (0) is not a kind and is not listed.
std::span<const ExitCodeRow> exit_code_table();
int exit_code(ErrorKind kind);
std::string_view kind_name(ErrorKind kind);

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, std::string message) : std::runtime_error(std::move(message)), kind_(kind) {}

  ErrorKind kind() const { return kind_; }

  // Set by the client layer when the error came from a gRPC call.
  std::optional<int> grpc_code;
  std::string grpc_code_name;
  // A stable word for what went wrong below the kind, for scripts: "refused", "dns", "reset", "tls_handshake",
  // "tls_certificate", "tls_server_name", "client_certificate", "auth", "codec", ... ("" when none).
  std::string cause;
  // Decoded google.rpc.Status details or the failure of a closed workflow, as JSON (null when none).
  nlohmann::ordered_json details;

 private:
  ErrorKind kind_;
};

inline Error usage_error(std::string message) { return Error(ErrorKind::Usage, std::move(message)); }

// The same error with another kind and message: the gRPC status, cause and details are kept.
Error rephrased(const Error& e, ErrorKind kind, std::string message);

}  // namespace twctl
