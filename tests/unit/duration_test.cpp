#include "core/duration.hpp"
#include "core/error.hpp"
#include "core/time_format.hpp"

#include <doctest/doctest.h>
#include <google/protobuf/timestamp.pb.h>

using namespace twctl;
using namespace std::chrono;

TEST_CASE("duration: Go syntax and a day suffix") {
  CHECK(parse_duration("--x", "10s") == seconds(10));
  CHECK(parse_duration("--x", "1h30m") == minutes(90));
  CHECK(parse_duration("--x", "500ms") == milliseconds(500));
  CHECK(parse_duration("--x", "2d") == hours(48));
  CHECK(parse_duration("--x", "1d12h") == hours(36));
  CHECK(parse_duration("--x", "0") == nanoseconds(0));
}

TEST_CASE("duration: bad input is a usage error that names the flag") {
  for (std::string bad : {"", "10", "ten seconds", "-5s", "5x", "inf", "d", "1.2.3d", "2d-1h"}) {
    CAPTURE(bad);
    try {
      parse_duration("--execution-timeout", bad);
      FAIL("expected an error");
    } catch (const Error& e) {
      CHECK(e.kind() == ErrorKind::Usage);
      CHECK(std::string(e.what()).find("--execution-timeout") != std::string::npos);
    }
  }
}

TEST_CASE("duration: formatted as Go prints them") {
  CHECK(format_duration(nanoseconds(0)) == "0s");
  CHECK(format_duration(minutes(90)) == "1h30m0s");
  CHECK(format_duration(milliseconds(1500)) == "1.5s");
  CHECK(format_duration(milliseconds(250)) == "250ms");
  CHECK(format_duration(seconds(61)) == "1m1s");
}

TEST_CASE("time: relative, iso and raw formats") {
  TimePoint now(seconds(1'700'000'100));
  google::protobuf::Timestamp ts;
  ts.set_seconds(1'700'000'000);
  ts.set_nanos(123'000'000);
  CHECK(format_time(ts, TimeFormat::Iso, now) == "2023-11-14T22:13:20Z");
  CHECK(format_time(ts, TimeFormat::Raw, now) == "2023-11-14T22:13:20.123+00:00");
  CHECK(format_time(ts, TimeFormat::Relative, now) == "1 minute ago");
  CHECK(format_time(TimePoint(seconds(1'700'000'130)), TimeFormat::Relative, now) == "in 30 seconds");
  CHECK(format_time(TimePoint(seconds(1'700'000'100 - 7200)), TimeFormat::Relative, now) == "2 hours ago");
}
