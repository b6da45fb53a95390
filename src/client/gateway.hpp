#pragma once
// The gateway to the cluster: one type-erased call. The RPC is named after the request's message type
// (client/rpc.hpp: FooRequest is the method Foo), so a new RPC costs no gateway code. The real gateway
// speaks gRPC (make_grpc_gateway); retries and the payload codec wrap it as decorators; unit tests use a typed
// fake. Failures are thrown as twctl::Error with a kind (see client/status.hpp).
//
// This header names no generated type: ops include the request/response headers they use, and
// `call<Response>(gateway, request)` checks at run time that the pair belongs to one RPC.

#include "client/connection_options.hpp"

#include <chrono>
#include <functional>
#include <memory>

#include <initializer_list>

namespace google::protobuf {
class Descriptor;
class Message;
}

namespace twctl {

class CancelToken;

namespace client {

class Gateway {
 public:
  virtual ~Gateway() = default;
  // Calls the RPC whose input type is req's type and fills resp (of that RPC's output type).
  virtual void call(const google::protobuf::Message& req, google::protobuf::Message& resp) = 0;
  // The pause before a retry, at most `d`; false when interrupted. `sleep` is the plain interruptible wait
  // (the default uses it). The gRPC gateway drives its channel's reconnection meanwhile and ends the pause as
  // soon as a lost connection is back, so a restarted server is used at once (an idle channel would notice it
  // only at gRPC's 5 s backup poll).
  virtual bool pause_before_retry(std::chrono::milliseconds d,
                                  const std::function<bool(std::chrono::milliseconds)>& sleep) {
    return sleep(d);
  }
};

// Refuses (a usage error, nothing sent) a request with a string field that is not UTF-8, naming the field.
void check_request(const google::protobuf::Message& req);

template <typename Resp, typename Req>
Resp call(Gateway& gateway, const Req& req) {
  check_request(req);
  Resp resp;
  gateway.call(req, resp);
  return resp;
}

std::unique_ptr<Gateway> make_grpc_gateway(const ConnectionOptions& opts, CancelToken& cancel);

}  // namespace client
}  // namespace twctl
