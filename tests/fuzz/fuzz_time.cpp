// Durations and times: every form a duration or time flag takes (core/duration, core/time_input), and every
// time and duration a server could send, shown in each --time-format (core/time_format). Input: the first
// NUL-separated word is typed text; the raw bytes also give a Timestamp and a Duration as seconds and nanos.

#include "harness.hpp"
#include "core/duration.hpp"
#include "core/time_format.hpp"
#include "core/time_input.hpp"

#include <google/protobuf/duration.pb.h>
#include <google/protobuf/timestamp.pb.h>

#include <cstring>

namespace {

template <typename T>
T take(const uint8_t*& data, size_t& size) {
  T v{};
  if (size >= sizeof v) {
    std::memcpy(&v, data, sizeof v);
    data += sizeof v;
    size -= sizeof v;
  }
  return v;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace twctl;
  auto inv = fuzz::split_invocation(data, size);
  std::string text = inv.args.empty() ? std::string() : inv.args[0];
  const TimePoint now{std::chrono::seconds(1'700'000'000)};
  try {
    auto d = parse_duration("--timeout", text);
    if (d.count() < 0) std::abort();  // durations are non-negative
    // What is shown reads back as the same duration (the µs form is shown only, as Go shows it).
    if (auto shown = format_duration(d); shown.find("\xC2\xB5") == std::string::npos) {
      if (parse_duration("--timeout", shown) != d) std::abort();
    }
    google::protobuf::Duration pd;
    to_proto(d, &pd);
    (void)format_duration(pd);
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::Usage) throw;
  }
  try {
    auto t = parse_time_input("--start-time", text, now);
    for (auto f : {TimeFormat::Relative, TimeFormat::Iso, TimeFormat::Raw}) (void)format_time(t, f, now);
    google::protobuf::Timestamp ts;
    to_proto(t, &ts);
    (void)from_proto(ts);
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::Usage) throw;
  }
  // What a server sends: any seconds and nanos, valid or not.
  google::protobuf::Timestamp ts;
  ts.set_seconds(take<int64_t>(data, size));
  ts.set_nanos(take<int32_t>(data, size));
  for (auto f : {TimeFormat::Relative, TimeFormat::Iso, TimeFormat::Raw}) (void)format_time(ts, f, now);
  google::protobuf::Duration pd;
  pd.set_seconds(take<int64_t>(data, size));
  pd.set_nanos(take<int32_t>(data, size));
  (void)format_duration(pd);
  (void)format_duration(std::chrono::nanoseconds(take<int64_t>(data, size)));
  return 0;
}
