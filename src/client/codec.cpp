#include "client/codec.hpp"

#include "core/error.hpp"
#include "core/url.hpp"
#include "message/pool.hpp"

#include <fmt/format.h>
#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>
#include <google/protobuf/reflection.h>
#include <google/protobuf/util/json_util.h>

namespace twctl::client {

namespace gp = google::protobuf;
using temporal::api::common::v1::Payloads;

namespace {

void collect(gp::Message& msg, std::vector<Payload*>& out) {
  const auto* desc = msg.GetDescriptor();
  if (desc == Payload::descriptor()) {
    out.push_back(static_cast<Payload*>(&msg));
    return;
  }
  if (desc->full_name() == "temporal.api.common.v1.SearchAttributes") return;
  const auto* refl = msg.GetReflection();
  std::vector<const gp::FieldDescriptor*> fields;
  refl->ListFields(msg, &fields);  // set fields only, in field-number order
  for (const auto* f : fields) {
    if (f->cpp_type() != gp::FieldDescriptor::CPPTYPE_MESSAGE) continue;
    if (f->is_repeated()) {
      for (int i = 0, n = refl->FieldSize(msg, f); i < n; ++i) collect(*refl->MutableRepeatedMessage(&msg, f, i), out);
    } else {
      collect(*refl->MutableMessage(&msg, f), out);
    }
  }
}

class RemoteCodec final : public PayloadCodec {
 public:
  RemoteCodec(CodecOptions opts, std::string namespace_, std::unique_ptr<HttpClient> http,
              std::chrono::milliseconds timeout)
      : opts_(std::move(opts)), namespace_(std::move(namespace_)), http_(std::move(http)), timeout_(timeout) {
    while (!opts_.endpoint.empty() && opts_.endpoint.back() == '/') opts_.endpoint.pop_back();
  }

  void encode(std::vector<Payload*>& payloads) override { transform("encode", payloads); }
  void decode(std::vector<Payload*>& payloads) override { transform("decode", payloads); }

 private:
  void transform(const std::string& op, std::vector<Payload*>& payloads) {
    if (payloads.empty()) return;
    Payloads batch;
    for (const auto* p : payloads) *batch.add_payloads() = *p;
    std::string body;
    (void)gp::util::MessageToJsonString(batch, &body);
    std::vector<std::pair<std::string, std::string>> headers{{"Content-Type", "application/json"},
                                                             {"X-Namespace", namespace_}};
    if (!opts_.auth.empty()) headers.emplace_back("Authorization", opts_.auth);
    for (const auto& h : opts_.headers) headers.push_back(h);
    auto url = opts_.endpoint + "/" + op;
    auto resp = http_->post(url, headers, body, timeout_);
    if (resp.status != 200) {
      auto kind = resp.status == 401 || resp.status == 403 ? ErrorKind::PermissionDenied : ErrorKind::General;
      std::string excerpt = resp.body.substr(0, 200);
      while (!excerpt.empty() && (excerpt.back() == '\n' || excerpt.back() == '\r')) excerpt.pop_back();
      Error err(kind, fmt::format("the codec server at {} answered HTTP {} to {}{}", url_without_credentials(url), resp.status, op,
                                  excerpt.empty() ? "" : ": " + excerpt));
      err.cause = "codec";
      throw err;
    }
    Payloads answer;
    gp::util::JsonParseOptions options;
    options.ignore_unknown_fields = true;
    if (!gp::util::JsonStringToMessage(resp.body, &answer, options).ok() ||
        answer.payloads_size() != static_cast<int>(payloads.size())) {
      Error err(ErrorKind::General, fmt::format("the codec server at {} sent an answer to {} that is not {} payloads",
                                                url_without_credentials(url), op, payloads.size()));
      err.cause = "codec";
      throw err;
    }
    for (size_t i = 0; i < payloads.size(); ++i) *payloads[i] = std::move(*answer.mutable_payloads(static_cast<int>(i)));
  }

  CodecOptions opts_;
  std::string namespace_;
  std::unique_ptr<HttpClient> http_;
  std::chrono::milliseconds timeout_;
};

class CodecGateway final : public Gateway {
 public:
  // Payloads are found by reflection, on whichever thread calls: every descriptor is registered here, when the
  // gateway is made, before a command starts a second thread that calls (message/pool.hpp says why).
  CodecGateway(std::unique_ptr<Gateway> inner, std::unique_ptr<PayloadCodec> codec)
      : inner_(std::move(inner)), codec_(std::move(codec)) {
    message::pool();
  }

  // Every RPC alike, payloads found by reflection: encodes a copy of the request (the caller's stays as it
  // was), calls, and decodes the response.
  void call(const gp::Message& req, gp::Message& resp) override {
    std::unique_ptr<gp::Message> encoded(req.New());
    encoded->CopyFrom(req);
    auto out = payloads_in(*encoded);
    codec_->encode(out);
    inner_->call(*encoded, resp);
    auto in = payloads_in(resp);
    codec_->decode(in);
  }

 private:
  std::unique_ptr<Gateway> inner_;
  std::unique_ptr<PayloadCodec> codec_;
};

}  // namespace

std::vector<Payload*> payloads_in(gp::Message& msg) {
  std::vector<Payload*> out;
  collect(msg, out);
  return out;
}

std::unique_ptr<PayloadCodec> make_remote_codec(const CodecOptions& opts, const std::string& namespace_,
                                                std::unique_ptr<HttpClient> http, std::chrono::milliseconds timeout) {
  return std::make_unique<RemoteCodec>(opts, namespace_, std::move(http), timeout);
}

std::unique_ptr<Gateway> with_codec(std::unique_ptr<Gateway> inner, std::unique_ptr<PayloadCodec> codec) {
  return std::make_unique<CodecGateway>(std::move(inner), std::move(codec));
}

}  // namespace twctl::client
