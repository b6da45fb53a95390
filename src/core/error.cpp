#include "core/error.hpp"

#include <array>

namespace twctl {

namespace {

constexpr std::array<ExitCodeRow, 15> kTable{{
    {ErrorKind::General, 1, "error", "any other error"},
    {ErrorKind::Usage, 2, "usage", "bad command line or input: unknown flag, missing or empty value, ID over the server's length limit, bad JSON, duration, address, PEM, URL or temporal.toml type; nothing was sent"},
    {ErrorKind::WorkflowFailed, 3, "workflow_failed", "the workflow closed unsuccessfully: failed, canceled, terminated or timed out"},
    {ErrorKind::NotFound, 4, "not_found", "the workflow, run, namespace or other thing named does not exist; no poller on the queue (task-queue describe --require-pollers)"},
    {ErrorKind::AlreadyExists, 5, "already_exists", "already exists, or a workflow with this ID is already running"},
    {ErrorKind::Unavailable, 6, "unavailable", "the cluster could not be reached: connection refused, DNS, TLS, unavailable"},
    {ErrorKind::DeadlineExceeded, 7, "deadline_exceeded", "a call or the whole command (--command-timeout) ran out of time"},
    {ErrorKind::PermissionDenied, 8, "permission_denied", "authentication failed or the caller may not do this"},
    {ErrorKind::Rejected, 9, "rejected", "the cluster rejected the request as invalid in its current state"},
    {ErrorKind::ResourceExhausted, 10, "resource_exhausted", "rate limited or over a server limit"},
    {ErrorKind::BatchFailed, 11, "batch_failed", "a batch job (--wait) failed for some executions or was stopped; a line of --from-file failed"},
    {ErrorKind::UpdateFailed, 12, "update_failed", "the workflow rejected the update, or its handler failed"},
    {ErrorKind::Unsupported, 13, "unsupported", "the cluster's server does not have this call: too old (the error names the version it needs)"},
    {ErrorKind::OutcomeUnknown, 14, "outcome_unknown", "the answer to a change (start, signal, update, ...) was lost: it may or may not have been applied; the message says how to check"},
    {ErrorKind::Interrupted, 130, "interrupted", "interrupted by SIGINT or SIGTERM"},
}};

const ExitCodeRow& row(ErrorKind kind) {
  for (const auto& r : kTable) {
    if (r.kind == kind) return r;
  }
  return kTable[0];
}

}  // namespace

std::span<const ExitCodeRow> exit_code_table() { return kTable; }
int exit_code(ErrorKind kind) { return row(kind).code; }
std::string_view kind_name(ErrorKind kind) { return row(kind).name; }

Error rephrased(const Error& e, ErrorKind kind, std::string message) {
  Error out(kind, std::move(message));
  out.grpc_code = e.grpc_code;
  out.grpc_code_name = e.grpc_code_name;
  out.cause = e.cause;
  out.details = e.details;
  return out;
}

}  // namespace twctl
