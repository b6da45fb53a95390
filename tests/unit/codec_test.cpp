// The remote codec: which payloads it touches, what it sends to the codec server, and how answers map back.
#include "client/codec.hpp"
#include "fake_gateway.hpp"
#include "payload/payload.hpp"

#include <doctest/doctest.h>
#include <google/protobuf/util/json_util.h>

namespace wsv = temporal::api::workflowservice::v1;

using namespace twctl;
using namespace twctl::client;
namespace history = temporal::api::history::v1;

namespace {

struct Sent {
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

// A codec server that "encodes" by prefixing data with "enc:" and setting encoding binary/encoded.
class FakeHttp : public HttpClient {
 public:
  explicit FakeHttp(std::vector<Sent>& sent, long status = 200) : sent_(sent), status_(status) {}
  HttpResponse post(const std::string& url, const std::vector<std::pair<std::string, std::string>>& headers,
                    const std::string& body, std::chrono::milliseconds) override {
    sent_.push_back({url, headers, body});
    if (status_ != 200) return {status_, "nope\n"};
    temporal::api::common::v1::Payloads in;
    REQUIRE(google::protobuf::util::JsonStringToMessage(body, &in).ok());
    bool encode = url.size() >= 7 && url.substr(url.size() - 7) == "/encode";
    for (auto& p : *in.mutable_payloads()) {
      if (encode) {
        p.set_data("enc:" + p.data());
        (*p.mutable_metadata())["encoding"] = "binary/encoded";
      } else if (p.metadata().at("encoding") == "binary/encoded") {
        p.set_data(p.data().substr(4));
        (*p.mutable_metadata())["encoding"] = "json/plain";
      }
    }
    std::string out;
    (void)google::protobuf::util::MessageToJsonString(in, &out);
    return {200, out};
  }

 private:
  std::vector<Sent>& sent_;
  long status_;
};

std::string header(const Sent& s, const std::string& name) {
  for (const auto& [k, v] : s.headers) {
    if (k == name) return v;
  }
  return "<none>";
}

CodecOptions options() {
  CodecOptions o;
  o.endpoint = "http://codec.local/base/";
  o.auth = "Bearer codec-secret";
  o.headers = {{"X-Extra", "1"}};
  return o;
}

}  // namespace

TEST_CASE("codec: payloads_in finds input, memo and header payloads but not search attributes") {
  wsv::StartWorkflowExecutionRequest req;
  *req.mutable_input()->add_payloads() = payload::from_json_text("i", "1");
  *req.mutable_input()->add_payloads() = payload::from_json_text("i", "2");
  (*req.mutable_memo()->mutable_fields())["m"] = payload::from_json_text("m", "3");
  (*req.mutable_header()->mutable_fields())["h"] = payload::from_json_text("h", "4");
  (*req.mutable_search_attributes()->mutable_indexed_fields())["s"] = payload::from_json_text("s", "5");
  auto found = payloads_in(req);
  std::vector<std::string> data;
  for (auto* p : found) data.push_back(p->data());
  CHECK(data == std::vector<std::string>{"1", "2", "3", "4"});
}

TEST_CASE("codec: encode sends one POST to <endpoint>/encode with the namespace, auth and extra headers") {
  std::vector<Sent> sent;
  auto codec = make_remote_codec(options(), "prod", std::make_unique<FakeHttp>(sent));
  auto a = payload::from_json_text("a", "\"x\"");
  auto b = payload::from_json_text("b", "42");
  std::vector<Payload*> ps{&a, &b};
  codec->encode(ps);
  REQUIRE(sent.size() == 1);
  CHECK(sent[0].url == "http://codec.local/base/encode");
  CHECK(header(sent[0], "X-Namespace") == "prod");
  CHECK(header(sent[0], "Authorization") == "Bearer codec-secret");
  CHECK(header(sent[0], "Content-Type") == "application/json");
  CHECK(header(sent[0], "X-Extra") == "1");
  // The body is the protobuf JSON of a Payloads message: base64 metadata and data.
  auto body = nlohmann::json::parse(sent[0].body);
  CHECK(body["payloads"].size() == 2);
  CHECK(body["payloads"][0]["metadata"]["encoding"] == "anNvbi9wbGFpbg==");
  CHECK(body["payloads"][0]["data"] == "Ingi");
  CHECK(a.data() == "enc:\"x\"");
  CHECK(payload::encoding(b) == "binary/encoded");
  codec->decode(ps);
  CHECK(sent.back().url == "http://codec.local/base/decode");
  CHECK(a.data() == "\"x\"");
  CHECK(payload::encoding(a) == "json/plain");
}

TEST_CASE("codec: an HTTP error names the endpoint and status, never the auth header") {
  std::vector<Sent> sent;
  auto codec = make_remote_codec(options(), "default", std::make_unique<FakeHttp>(sent, 401));
  auto a = payload::from_json_text("a", "1");
  std::vector<Payload*> ps{&a};
  try {
    codec->decode(ps);
    FAIL("expected an error");
  } catch (const Error& e) {
    std::string what = e.what();
    CHECK(e.kind() == ErrorKind::PermissionDenied);
    CHECK(e.cause == "codec");
    CHECK(what.find("HTTP 401") != std::string::npos);
    CHECK(what.find("http://codec.local/base/decode") != std::string::npos);
    CHECK(what.find("codec-secret") == std::string::npos);
  }
  std::vector<Payload*> none;
  codec->encode(none);  // nothing to do: no request
  CHECK(sent.size() == 1);
}

TEST_CASE("codec: the gateway decorator encodes requests and decodes responses; ops see plain payloads") {
  testing::FakeCluster cluster;
  std::vector<Sent> sent;
  auto g = with_codec(std::make_unique<testing::FakeGateway>(cluster),
                      make_remote_codec(options(), "default", std::make_unique<FakeHttp>(sent)));
  wsv::StartWorkflowExecutionRequest start;
  *start.mutable_input()->add_payloads() = payload::from_json_text("i", "\"World\"");
  client::call<wsv::StartWorkflowExecutionResponse>(*g, start);
  CHECK(cluster.requests<wsv::StartWorkflowExecutionRequest>()[0].input().payloads(0).data() ==
        "enc:\"World\"");
  CHECK(start.input().payloads(0).data() == "\"World\"");  // the caller's request is untouched

  history::HistoryEvent e;
  auto* attrs = e.mutable_workflow_execution_completed_event_attributes();
  auto* result = attrs->mutable_result()->add_payloads();
  result->set_data("enc:\"done\"");
  (*result->mutable_metadata())["encoding"] = "binary/encoded";
  wsv::GetWorkflowExecutionHistoryResponse page;
  *page.mutable_history()->add_events() = e;
  cluster.then(page);
  auto resp = client::call<wsv::GetWorkflowExecutionHistoryResponse>(*g, wsv::GetWorkflowExecutionHistoryRequest());
  const auto& got = resp.history().events(0).workflow_execution_completed_event_attributes().result().payloads(0);
  CHECK(got.data() == "\"done\"");
  CHECK(payload::encoding(got) == "json/plain");
}
