#pragma once
// The RPCs twctl can call (WorkflowService, OperatorService, gRPC health), named after their request types
// (method Foo takes a FooRequest), and the rules that decide how each is called. A new RPC needs no entry here:
// its request type finds it, and the rules below decide retry and deadline from its name and request fields.

#include <string>
#include <string_view>

namespace google::protobuf {
class Message;
}  // namespace google::protobuf

namespace twctl::schema {
struct Message;
}

namespace twctl::client {

struct Rpc {
  std::string path;     // "/temporal.api.workflowservice.v1.WorkflowService/StartWorkflowExecution"
  std::string service;  // "WorkflowService"
  std::string name;     // "StartWorkflowExecution"
  const schema::Message* request = nullptr;  // their schema tables (message/schema.hpp)
  const schema::Message* response = nullptr;
};

// The unary RPC whose input is `request`'s type. Throws Error(General) when none takes it, or when `response`
// (if given) is not that RPC's output type: a programming error, caught by the unit tests.
const Rpc& rpc_for(const google::protobuf::Message& request, const google::protobuf::Message* response = nullptr);

// Whether the RPC only reads (names that start with Describe, Get, List, Count, Query, Poll, Scan, Fetch or
// Check): a read whose answer is lost changed nothing; any other call is a change.
bool is_read(const Rpc& rpc);

// Whether a failed attempt may be sent again. Reads always (names that start with Describe, Get, List, Count,
// Query, Poll, Scan, Fetch or Check); writes only when the server de-duplicates them: a `request_id`, or the
// update ID of an update (`request.meta.update_id`). Exceptions: kExceptions in rpc.cpp.
bool is_repeatable(const Rpc& rpc, const google::protobuf::Message& request);

// Whether the call may wait on the server (a long poll) and gets the long deadline: names that start with
// Poll, a `wait_new_event` set, a `long_poll_token` given, and the exceptions (updates wait for their stage).
bool is_long_poll(const Rpc& rpc, const google::protobuf::Message& request);

// The Temporal API twctl is built from, and the server release that first speaks it: what a server that
// answers UNIMPLEMENTED for a call twctl knows is told it needs.
inline constexpr std::string_view kTemporalApiVersion = "v1.63.5";
inline constexpr std::string_view kApiServerVersion = "1.32.0";

}  // namespace twctl::client
