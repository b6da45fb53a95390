// The payload-input flag family: metadata, base64, standard input, and their errors.
#include "core/error.hpp"
#include "payload/payload.hpp"

#include <doctest/doctest.h>

#include <sstream>

using namespace twctl;

TEST_CASE("payload input: --input-meta applies the i-th value of a key to the i-th input, the first to the rest") {
  payload::Input in{{R"({"a":1})", R"({"b":2})", "3"}, {}, {"encoding=json/protobuf", "messageType=foo",
                                                            "messageType=bar"}, false};
  auto p = payload::build(in);
  REQUIRE(p.payloads_size() == 3);
  CHECK(p.payloads(0).metadata().at("encoding") == "json/protobuf");
  CHECK(p.payloads(2).metadata().at("encoding") == "json/protobuf");
  CHECK(p.payloads(0).metadata().at("messageType") == "foo");
  CHECK(p.payloads(1).metadata().at("messageType") == "bar");
  CHECK(p.payloads(2).metadata().at("messageType") == "foo");
}

TEST_CASE("payload input: more metadata values than inputs, or no '=', is a usage error naming the flag") {
  CHECK_THROWS_WITH_AS(payload::build({{"1"}, {}, {"k=a", "k=b"}, false}),
                       doctest::Contains("--input-meta: more values for k (2) than arguments (1)"), Error);
  CHECK_THROWS_WITH_AS(payload::build({{"1"}, {}, {"novalue"}, false}),
                       doctest::Contains("--input-meta novalue: expected KEY=VALUE"), Error);
  CHECK_THROWS_WITH_AS(payload::build({{"{"}, {}, {"k=a"}, false}, "signal-input"),
                       doctest::Contains("--signal-input #1"), Error);
}

TEST_CASE("payload input: --input-base64 decodes first; non-JSON encodings skip the JSON check") {
  auto p = payload::build({{"aGVsbG8="}, {}, {"encoding=binary/plain"}, true});
  CHECK(p.payloads(0).data() == "hello");
  CHECK(payload::encoding(p.payloads(0)) == "binary/plain");
  // Decoded JSON passes the JSON check with the default encoding.
  auto j = payload::build({{"eyJhIjoxfQ=="}, {}, {}, true});
  CHECK(j.payloads(0).data() == R"({"a":1})");
  CHECK_THROWS_WITH_AS(payload::build({{"not base64!"}, {}, {}, true}), doctest::Contains("--input #1 is not valid base64"),
                       Error);
  CHECK_THROWS_WITH_AS(payload::build({{"aGVsbG8="}, {}, {}, true}),
                       doctest::Contains("--input #1 is not valid JSON (after base64 decoding)"), Error);
}

TEST_CASE("payload input: --input-file - reads standard input, once") {
  std::istringstream in(R"({"from":"stdin"})");
  auto p = payload::build({{}, {"-"}, {}, false}, "input", &in);
  CHECK(p.payloads(0).data() == R"({"from":"stdin"})");
  std::istringstream again("1");
  CHECK_THROWS_WITH_AS(payload::build({{}, {"-", "-"}, {}, false}, "input", &again),
                       doctest::Contains("can be given only once"), Error);
}

TEST_CASE("payload input: KEY=JSON maps for headers") {
  auto m = payload::key_json_map("--headers", {"trace=\"abc\"", "n=1"});
  CHECK(m.at("trace").data() == "\"abc\"");
  CHECK(m.at("n").data() == "1");
  CHECK_THROWS_AS(payload::key_json_map("--headers", {"bad"}), Error);
}
