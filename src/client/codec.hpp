#pragma once
// The remote payload codec, as a Gateway decorator: every payload in a request is encoded before it is sent,
// every payload in a response decoded before an op sees it (search attributes excepted: the server reads
// them). Ops stay unaware. The codec server speaks the protocol Temporal codec servers share: POST
// <endpoint>/encode and /decode, a JSON `Payloads` message both ways, X-Namespace and Authorization headers.

#include "client/gateway.hpp"
#include "client/http.hpp"

#include "temporal/api/common/v1/message.pb.h"

#include <memory>
#include <string>
#include <vector>

namespace google::protobuf {
class Message;
}

namespace twctl::client {

using temporal::api::common::v1::Payload;

// Every Payload inside `msg` (also in Payloads, maps and repeated fields), in a stable order, except those
// under SearchAttributes.
std::vector<Payload*> payloads_in(google::protobuf::Message& msg);

class PayloadCodec {
 public:
  virtual ~PayloadCodec() = default;
  // In place, all at once (one round trip per message).
  virtual void encode(std::vector<Payload*>& payloads) = 0;
  virtual void decode(std::vector<Payload*>& payloads) = 0;
};

std::unique_ptr<PayloadCodec> make_remote_codec(const CodecOptions& opts, const std::string& namespace_,
                                                std::unique_ptr<HttpClient> http,
                                                std::chrono::milliseconds timeout = std::chrono::seconds(30));

std::unique_ptr<Gateway> with_codec(std::unique_ptr<Gateway> inner, std::unique_ptr<PayloadCodec> codec);

}  // namespace twctl::client
