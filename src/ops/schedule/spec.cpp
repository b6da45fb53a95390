// The schedule-configuration flags into a Schedule, checked first; a spec back into words.
#include "ops/schedule/spec.hpp"

#include "core/duration.hpp"
#include "core/error.hpp"
#include "core/time_input.hpp"

#include <absl/time/time.h>
#include <fmt/format.h>
#include <google/protobuf/util/json_util.h>
#include <google/protobuf/util/time_util.h>

#include <array>
#include <cctype>
#include <cstdlib>
#include <optional>

#include "temporal/api/schedule/v1/message.pb.h"

namespace twctl::ops::schedule {

namespace sch = temporal::api::schedule::v1;
namespace enums = temporal::api::enums::v1;

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// Split on `sep`; empty parts kept unless `skip_empty`.
std::vector<std::string_view> split(std::string_view s, char sep, bool skip_empty = false) {
  std::vector<std::string_view> out;
  for (;;) {
    auto at = s.find(sep);
    auto part = s.substr(0, at);
    if (!(skip_empty && part.empty())) out.push_back(part);
    if (at == std::string_view::npos) return out;
    s.remove_prefix(at + 1);
  }
}

// protobuf's JSON errors end with a second line pointing at the column.
std::string first_line(std::string s) {
  s = s.substr(0, s.find('\n'));
  return std::string(trim(s));
}

bool all_digits(std::string_view v) {
  if (v.empty()) return false;
  for (char c : v) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

void check_zone(std::string_view flag, const std::string& zone) {
  absl::TimeZone tz;
  if (!absl::LoadTimeZone(zone, &tz)) {
    throw usage_error(fmt::format("unknown time zone \"{}\" for {}: expected an IANA name such as Europe/Paris or UTC",
                                  zone, flag));
  }
}

constexpr std::array<const char*, 12> kMonths{"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                              "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
constexpr std::array<const char*, 7> kDays{"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

struct CronField {
  const char* name;
  int lo, hi;
  bool months = false, days = false;
};

// One value of a cron field: a number in range, or a month/day name where the field takes names.
bool cron_value(const CronField& f, std::string_view v) {
  if (v.empty()) return false;
  if (std::isdigit(static_cast<unsigned char>(v[0]))) {
    if (!all_digits(v) || v.size() > 4) return false;
    int n = std::atoi(std::string(v).c_str());
    return n >= f.lo && n <= f.hi;
  }
  if (v.size() < 3) return false;
  std::string up(v.substr(0, 3));
  for (auto& c : up) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (f.months) {
    for (const char* m : kMonths) {
      if (up == m) return true;
    }
  }
  if (f.days) {
    for (const char* d : kDays) {
      if (up == d) return true;
    }
  }
  return false;
}

void check_cron_field(const std::string& cron, const CronField& f, std::string_view field) {
  auto bad = [&](std::string_view why) {
    throw usage_error(fmt::format("invalid --cron \"{}\": {} \"{}\" {}", cron, f.name, field, why));
  };
  for (std::string_view item : split(field, ',')) {
    std::string_view base = item;
    if (auto slash = item.find('/'); slash != std::string_view::npos) {
      base = item.substr(0, slash);
      auto step = item.substr(slash + 1);
      if (!all_digits(step) || step.size() > 4 || std::atoi(std::string(step).c_str()) == 0) {
        bad("has a bad step");
      }
    }
    if (base == "*" || base == "?") continue;
    auto dash = base.find('-');
    bool ok = dash == std::string_view::npos
                  ? cron_value(f, base)
                  : cron_value(f, base.substr(0, dash)) && cron_value(f, base.substr(dash + 1));
    if (!ok) bad(fmt::format("is not a value or range in {}-{}", f.lo, f.hi));
  }
}

// "90m" or "90m/15m".
void add_interval(const std::string& text, sch::ScheduleSpec& spec) {
  auto slash = text.find('/');
  auto every = parse_duration("--interval", text.substr(0, slash));
  if (every.count() <= 0) throw usage_error(fmt::format("invalid --interval \"{}\": must be longer than 0s", text));
  auto* iv = spec.add_interval();
  to_proto(every, iv->mutable_interval());
  if (slash != std::string::npos) to_proto(parse_duration("--interval", text.substr(slash + 1)), iv->mutable_phase());
}

}  // namespace

void check_cron(const std::string& cron) {
  std::string_view s = trim(cron);
  if (s.substr(0, 8) == "CRON_TZ=" || s.substr(0, 3) == "TZ=") {
    auto eq = s.find('=');
    auto space = s.find(' ');
    if (space == std::string_view::npos) throw usage_error(fmt::format("invalid --cron \"{}\": nothing after the time zone", cron));
    check_zone("--cron", std::string(s.substr(eq + 1, space - eq - 1)));
    s = trim(s.substr(space));
  }
  if (!s.empty() && s[0] == '@') {
    if (s.substr(0, 7) == "@every ") {
      auto rest = std::string(trim(s.substr(7)));
      sch::ScheduleSpec scratch;
      add_interval(rest, scratch);
      return;
    }
    for (const char* w : {"@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"}) {
      if (s == w) return;
    }
    throw usage_error(fmt::format("invalid --cron \"{}\": expected @yearly, @monthly, @weekly, @daily, @hourly or "
                                  "@every DURATION",
                                  cron));
  }
  // A comment ("… # weekdays at noon") and any whitespace between fields, as the server reads them.
  s = trim(s.substr(0, s.find('#')));
  std::string spaced(s);
  for (auto& c : spaced) {
    if (std::isspace(static_cast<unsigned char>(c))) c = ' ';
  }
  std::vector<std::string_view> fields = split(spaced, ' ', true);
  static const CronField kSecond{"second", 0, 59}, kMinute{"minute", 0, 59}, kHour{"hour", 0, 23},
      kDom{"day of month", 1, 31}, kMonth{"month", 1, 12, true, false}, kDow{"day of week", 0, 7, false, true},
      kYear{"year", 1970, 2999};
  std::vector<const CronField*> shape;
  if (fields.size() == 5) shape = {&kMinute, &kHour, &kDom, &kMonth, &kDow};
  else if (fields.size() == 6) shape = {&kMinute, &kHour, &kDom, &kMonth, &kDow, &kYear};
  else if (fields.size() == 7) shape = {&kSecond, &kMinute, &kHour, &kDom, &kMonth, &kDow, &kYear};
  else {
    throw usage_error(fmt::format("invalid --cron \"{}\": expected 5 fields (minute hour day-of-month month "
                                  "day-of-week), 6 (plus year), 7 (second first), or @daily, @every 1h and the like",
                                  cron));
  }
  for (size_t i = 0; i < fields.size(); ++i) check_cron_field(cron, *shape[i], fields[i]);
}

void build_config(const ScheduleConfig& cfg, const OverlapOption& overlap, TimePoint now, sch::Schedule& out) {
  auto& spec = *out.mutable_spec();
  for (const auto& c : cfg.cron) {
    check_cron(c);
    spec.add_cron_string(c);
  }
  for (const auto& text : cfg.calendar) {
    sch::CalendarSpec cal;
    auto st = google::protobuf::util::JsonStringToMessage(text, &cal);
    if (!st.ok()) {
      throw usage_error(fmt::format("invalid --calendar {}: {} (expected a JSON object such as "
                                    "{{\"hour\":\"12\",\"dayOfWeek\":\"MON-FRI\"}})",
                                    text, first_line(std::string(st.message()))));
    }
    *spec.add_calendar() = std::move(cal);
  }
  for (const auto& iv : cfg.interval) add_interval(iv, spec);
  std::optional<TimePoint> start, end;
  if (!cfg.start_time.empty()) to_proto(*(start = parse_time_input("--start-time", cfg.start_time, now)), spec.mutable_start_time());
  if (!cfg.end_time.empty()) to_proto(*(end = parse_time_input("--end-time", cfg.end_time, now)), spec.mutable_end_time());
  if (start && end && *end <= *start) throw usage_error("--end-time must be after --start-time");
  if (!cfg.jitter.empty()) to_proto(parse_duration("--jitter", cfg.jitter), spec.mutable_jitter());
  if (!cfg.time_zone.empty()) {
    check_zone("--time-zone", cfg.time_zone);
    spec.set_timezone_name(cfg.time_zone);
  }

  auto& policies = *out.mutable_policies();
  if (!overlap.overlap_policy.empty()) {
    policies.set_overlap_policy(static_cast<enums::ScheduleOverlapPolicy>(enum_number(kOverlapPolicy, overlap.overlap_policy)));
  }
  if (!cfg.catchup_window.empty()) to_proto(parse_duration("--catchup-window", cfg.catchup_window), policies.mutable_catchup_window());
  policies.set_pause_on_failure(cfg.pause_on_failure);

  auto& state = *out.mutable_state();
  state.set_notes(cfg.notes);
  state.set_paused(cfg.paused);
  if (cfg.remaining_actions < 0) throw usage_error("--remaining-actions must not be negative");
  if (cfg.remaining_actions > 0) {
    state.set_limited_actions(true);
    state.set_remaining_actions(cfg.remaining_actions);
  }
}

namespace {

// "1h", "1h30m", "90s": Go's form without its zero tails.
std::string compact(const google::protobuf::Duration& d) {
  std::string s = format_duration(d);
  if (s.size() > 3 && s.ends_with("m0s")) s.resize(s.size() - 2);
  if (s.size() > 3 && s.ends_with("h0m")) s.resize(s.size() - 2);
  return s;
}

std::string interval_words(const sch::IntervalSpec& iv) {
  using google::protobuf::util::TimeUtil;
  auto every = TimeUtil::DurationToSeconds(iv.interval());
  auto phase = TimeUtil::DurationToSeconds(iv.phase());
  std::string s = "every " + compact(iv.interval());
  if (phase == 0) return s;
  if (every == 3600 && phase % 60 == 0 && phase < 3600) return s + fmt::format(" at :{:02}", phase / 60);
  return s + " offset " + compact(iv.phase());
}

// One field of a structured calendar in cron form; `all` is the field's full range (shown as "*").
std::string cron_field(const google::protobuf::RepeatedPtrField<sch::Range>& ranges, int lo, int hi,
                       bool day_names = false) {
  if (ranges.empty()) return "*";
  auto value = [&](int n) { return day_names && n >= 0 && n <= 6 ? std::string(kDays[n]) : std::to_string(n); };
  std::string out;
  for (const auto& r : ranges) {
    int end = r.end() < r.start() ? r.start() : r.end();
    int step = r.step() <= 0 ? 1 : r.step();
    std::string item;
    if (r.start() == lo && end == hi) item = "*";
    else if (r.start() == end) item = value(r.start());
    else item = value(r.start()) + "-" + value(end);
    if (step > 1) item += "/" + std::to_string(step);
    if (!out.empty()) out += ",";
    out += item;
  }
  return out;
}

std::string calendar_words(const sch::StructuredCalendarSpec& c) {
  std::string cron = fmt::format("{} {} {} {} {}", cron_field(c.minute(), 0, 59), cron_field(c.hour(), 0, 23),
                                 cron_field(c.day_of_month(), 1, 31), cron_field(c.month(), 1, 12),
                                 cron_field(c.day_of_week(), 0, 6, true));
  std::string second = cron_field(c.second(), 0, 59);
  std::string year = c.year().empty() ? "*" : cron_field(c.year(), 0, 0);
  if (second != "0") cron = second + " " + cron + " " + year;
  else if (year != "*") cron += " " + year;
  std::string s = "cron `" + cron + "`";
  if (!c.comment().empty()) s += " (" + c.comment() + ")";
  return s;
}

std::string json_words(const google::protobuf::Message& m) {
  std::string json;
  google::protobuf::util::JsonPrintOptions o;
  (void)google::protobuf::util::MessageToJsonString(m, &json, o);
  return json;
}

}  // namespace

std::vector<std::string> spec_in_words(const sch::ScheduleSpec& spec, TimeFormat format, TimePoint now) {
  std::vector<std::string> out;
  std::string zone = spec.timezone_name().empty() ? "" : " in " + spec.timezone_name();
  for (const auto& iv : spec.interval()) out.push_back(interval_words(iv));
  for (const auto& c : spec.structured_calendar()) out.push_back(calendar_words(c) + zone);
  for (const auto& c : spec.cron_string()) out.push_back("cron `" + c + "`" + zone);
  for (const auto& c : spec.calendar()) out.push_back("calendar " + json_words(c) + zone);
  for (const auto& c : spec.exclude_structured_calendar()) out.push_back("except " + calendar_words(c) + zone);
  if (spec.has_start_time()) out.push_back("from " + format_time(spec.start_time(), format, now));
  if (spec.has_end_time()) out.push_back("until " + format_time(spec.end_time(), format, now));
  if (spec.has_jitter() && (spec.jitter().seconds() != 0 || spec.jitter().nanos() != 0)) {
    out.push_back("jitter " + compact(spec.jitter()));
  }
  return out;
}

}  // namespace twctl::ops::schedule
