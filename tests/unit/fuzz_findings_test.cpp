// What the fuzz targets (tests/fuzz) found, each reproduced here once fixed; the reproducers are in
// tests/fuzz/corpus/<target>/crash-*.
#include "config/profile_file.hpp"
#include "core/duration.hpp"
#include "core/time_format.hpp"
#include "fake_gateway.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>
#include <google/protobuf/duration.pb.h>
#include <google/protobuf/timestamp.pb.h>

#include <limits>

using namespace twctl;
using namespace twctl::testing;

TEST_CASE("fuzz findings: a usage error quoting bytes that are not UTF-8 is reported in JSON, not an abort") {
  // The JSON error object was dumped strictly inside the error handler: the exception ended the process.
  for (std::vector<std::string> args : {std::vector<std::string>{"workflow", "list", "-o", "json", "\xff"},
                                        {"workflow", "list", "--\xff", "-o", "json"},
                                        {"\xff", "-o", "jsonl"},
                                        {"workflow", "list", "--limit", "\xff", "-o", "json"}}) {
    FakeCluster cluster;
    auto r = run_cli(cluster, args);
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("{\"error\":{\"code\":2,\"kind\":\"usage\"") != std::string::npos);
    CHECK(r.err.find("\\\\xFF") != std::string::npos);  // the byte written as \xFF (a JSON-escaped backslash)
    CHECK(cluster.calls.empty());
  }
}

TEST_CASE("fuzz findings: text that is not UTF-8 in a JSON-string payload is a usage error naming the flag") {
  // --static-summary, --static-details and a Nexus endpoint's description became JSON strings by a strict dump:
  // exit 1 with the JSON library's own message.
  struct Case {
    std::vector<std::string> args;
    std::string flag;
  };
  std::vector<Case> cases = {
      {{"workflow", "start", "--type", "T", "-t", "q", "-w", "w", "--static-summary", "a\xff"}, "--static-summary"},
      {{"workflow", "start", "--type", "T", "-t", "q", "-w", "w", "--static-details", "\xc3"}, "--static-details"},
      {{"operator", "nexus", "endpoint", "create", "--name", "e", "--target-url", "http://x", "--description",
        "d\xfe"},
       "--description"},
  };
  for (const auto& c : cases) {
    FakeCluster cluster;
    auto r = run_cli(cluster, c.args);
    INFO(r.err);
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.rfind("Error: " + c.flag + ": the text is not valid UTF-8", 0) == 0);
    CHECK(cluster.calls.empty());
  }
}

TEST_CASE("fuzz findings: durations and times of any size are shown without overflow") {
  // A protobuf Duration's seconds were turned into nanoseconds (signed overflow past ~292 years), and so was a
  // Timestamp's (a valid one reaches year 9999); the most negative duration overflowed when its sign was taken.
  google::protobuf::Duration d;
  d.set_seconds(std::numeric_limits<int64_t>::max());
  CHECK(format_duration(d) == "2562047788015215h30m7s");
  d.set_seconds(-90);
  d.set_nanos(-500'000'000);
  CHECK(format_duration(d) == "-1m30.5s");
  d.set_seconds(1);
  d.set_nanos(-1);  // not a valid Duration (signs differ): normalised
  CHECK(format_duration(d) == "999.999999ms");
  CHECK(format_duration(std::chrono::nanoseconds::min()) == "-2562047h47m16.854775808s");
  CHECK(format_duration(std::chrono::nanoseconds(1'500)) == "1.5µs");
  CHECK(format_duration(std::chrono::hours(25) + std::chrono::milliseconds(5)) == "25h0m0.005s");

  const TimePoint now{std::chrono::seconds(1'700'000'000)};
  google::protobuf::Timestamp ts;
  ts.set_seconds(253'402'300'799);  // 9999-12-31T23:59:59Z, the last second a Timestamp holds
  CHECK(format_time(ts, TimeFormat::Iso, now) == "9999-12-31T23:59:59Z");
  CHECK(format_time(ts, TimeFormat::Relative, now) == "in 7981 years");
  ts.set_seconds(-62'135'596'800);  // 0001-01-01T00:00:00Z
  CHECK(format_time(ts, TimeFormat::Raw, now) == "0001-01-01T00:00:00+00:00");
  CHECK(from_proto(ts) == TimePoint::min());
  ts.set_seconds(std::numeric_limits<int64_t>::min());
  ts.set_nanos(-1);
  CHECK_FALSE(format_time(ts, TimeFormat::Relative, now).empty());
  CHECK_FALSE(format_time(ts, TimeFormat::Iso, now).empty());
}

TEST_CASE("fuzz findings: a payload metadata key that is not UTF-8 is a usage error naming --input-meta") {
  // The key is a protobuf string: it reached the JSON writer (a strict dump threw) and would reach the server.
  FakeCluster cluster;
  auto r = run_cli(cluster, {"workflow", "start", "--type", "T", "-t", "q", "-w", "w", "-i", "1", "--input-meta",
                             "me\x93\x8c=a"});
  CHECK(r.code == 2);
  CHECK(r.out.empty());
  CHECK(r.err.rfind("Error: --input-meta: the key is not valid UTF-8", 0) == 0);
  CHECK(cluster.calls.empty());
}

TEST_CASE("fuzz findings: a character in a temporal.toml table name that is neither whitespace nor a key character") {
  // toml++ 3.3.0 reached __builtin_unreachable() in its whitespace table (UBSan: "execution reached an
  // unreachable program point"); now a parse error naming the line, as for any other bad character.
  twctl::testing::TempDir dir;
  // And a key that begins with '=' failed the parser's own assertion (an abort where assertions are on).
  for (const std::string text : {"[profile.default\xd2\x81ls]\naddress = \"x:1\"\n", "[profile.a]\na = 1 \xc2\xa7\n",
                                 "[ = \"x\"]\n"}) {
    auto path = dir.write("temporal.toml", text);
    bool refused = false;
    try {
      (void)config::ProfileFile::load(path);
    } catch (const Error& e) {
      refused = true;
      CHECK(std::string(e.what()).find("line") != std::string::npos);
    }
    CHECK(refused);
  }
}
