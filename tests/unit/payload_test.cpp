#include "core/error.hpp"
#include "payload/payload.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>

using namespace twctl;

namespace {
payload::Input file_input(const std::string& path) {
  payload::Input in;
  in.files = {path};
  return in;
}
}  // namespace

TEST_CASE("payload: JSON text becomes a json/plain payload holding the text as given") {
  auto p = payload::from_json_text("--input #1", R"({"a": [1, 2]})");
  CHECK(payload::encoding(p) == "json/plain");
  CHECK(p.data() == R"({"a": [1, 2]})");
  CHECK(p.metadata().size() == 1);
}

TEST_CASE("payload: malformed JSON is a usage error naming the flag and the input number") {
  try {
    payload::from_json_text("--input #2", "{not json");
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::Usage);
    CHECK(std::string(e.what()).find("--input #2 is not valid JSON") != std::string::npos);
  }
}

TEST_CASE("payload: each --input is one argument, in order") {
  payload::Input in;
  in.inputs = {R"("a")", R"(["b","c"])", "3"};
  auto p = payload::build(in);
  REQUIRE(p.payloads_size() == 3);
  CHECK(p.payloads(1).data() == R"(["b","c"])");
  CHECK(payload::result_to_json(p, true) == nlohmann::ordered_json::parse(R"(["a",["b","c"],3])"));
}

TEST_CASE("payload: --input and --input-file are exclusive") {
  payload::Input in;
  in.inputs = {"1"};
  in.files = {"/tmp/x.json"};
  CHECK_THROWS_WITH_AS(payload::build(in), "--input and --input-file cannot be used together", Error);
}

TEST_CASE("payload: --input-file reads one JSON document per file and rejects a missing file") {
  std::string path = "/tmp/twctl_payload_test.json";
  { std::ofstream(path) << "{\"name\": \"file\"}\n"; }
  auto p = payload::build(file_input(path));
  REQUIRE(p.payloads_size() == 1);
  CHECK(payload::to_json(p.payloads(0), true) == nlohmann::ordered_json{{"name", "file"}});
  std::remove(path.c_str());
  CHECK_THROWS_AS(payload::build(file_input(path)), Error);
}

TEST_CASE("payload: KEY=JSON flags split at the first '=' and validate the value") {
  auto [k, v] = payload::from_key_json("--memo", R"(note={"a=b": 1})");
  CHECK(k == "note");
  CHECK(v.data() == R"({"a=b": 1})");
  CHECK_THROWS_AS(payload::from_key_json("--memo", "novalue"), Error);
  CHECK_THROWS_AS(payload::from_key_json("--memo", "k=unquoted text"), Error);
}

TEST_CASE("payload: shorthand shows json/plain as its value, binary/null as null, others in protobuf form") {
  auto plain = payload::from_json_text("x", R"({"foo":null})");
  CHECK(payload::to_json(plain, true).dump() == R"({"foo":null})");

  auto keyword = payload::from_json_text("x", "\"blue\"");
  (*keyword.mutable_metadata())["type"] = "Keyword";
  CHECK(payload::to_json(keyword, true) == "blue");

  payload::Payload null_payload;
  (*null_payload.mutable_metadata())["encoding"] = "binary/null";
  CHECK(payload::to_json(null_payload, true).is_null());

  payload::Payload bin;
  (*bin.mutable_metadata())["encoding"] = "binary/plain";
  bin.set_data("hi");
  CHECK(payload::to_json(bin, true).dump() == R"({"metadata":{"encoding":"YmluYXJ5L3BsYWlu"},"data":"aGk="})");

  payload::Payload proto;
  (*proto.mutable_metadata())["encoding"] = "json/protobuf";
  (*proto.mutable_metadata())["messageType"] = "pkg.Msg";
  proto.set_data(R"({"a":1})");
  CHECK(payload::to_json(proto, true).dump() == R"({"a":1,"_protoMessageType":"pkg.Msg"})");
}

TEST_CASE("payload: without shorthand every payload keeps its metadata and base64 data") {
  auto plain = payload::from_json_text("x", "\"hi\"");
  CHECK(payload::to_json(plain, false).dump() == R"({"metadata":{"encoding":"anNvbi9wbGFpbg=="},"data":"ImhpIg=="})");
}

TEST_CASE("payload: a result of one payload is that value; none is null") {
  payload::Payloads none;
  CHECK(payload::result_to_json(none, true).is_null());
  payload::Payloads one;
  *one.add_payloads() = payload::from_json_text("x", "\"Hello, World!\"");
  CHECK(payload::result_to_json(one, true) == "Hello, World!");
}
