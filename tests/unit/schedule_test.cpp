// `twctl schedule …` through cli::run against the fake cluster, the time flags' parser and the spec in words.
#include "fake_gateway.hpp"

#include "core/time_input.hpp"
#include "ops/schedule/spec.hpp"

#include <doctest/doctest.h>

#include "temporal/api/schedule/v1/message.pb.h"
#include "temporal/api/workflowservice/v1/request_response.pb.h"

using namespace twctl;
using namespace twctl::testing;
namespace sch = temporal::api::schedule::v1;
namespace enums = temporal::api::enums::v1;
namespace wsv = temporal::api::workflowservice::v1;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

namespace {

const TimePoint kNow(seconds(1'700'000'100));  // the fake clock: 2023-11-14T22:15:00Z

std::vector<std::string> create_args(std::vector<std::string> more) {
  std::vector<std::string> args{"schedule", "create", "-s", "s1", "--type", "Report", "-t", "reports"};
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

sch::Range range(int start, int end = 0, int step = 0) {
  sch::Range r;
  r.set_start(start);
  r.set_end(end);
  r.set_step(step);
  return r;
}

}  // namespace

TEST_CASE("time input: RFC 3339 and times relative to a fixed now") {
  CHECK(parse_time_input("--start-time", "2023-11-14T22:13:20Z", kNow) == TimePoint(seconds(1'700'000'000)));
  CHECK(parse_time_input("--start-time", "2023-11-14T23:13:20+01:00", kNow) == TimePoint(seconds(1'700'000'000)));
  CHECK(parse_time_input("--start-time", "now", kNow) == kNow);
  CHECK(parse_time_input("--start-time", "now-1d", kNow) == kNow - hours(24));
  CHECK(parse_time_input("--start-time", "now+2h30m", kNow) == kNow + hours(2) + minutes(30));
  CHECK(parse_time_input("--start-time", "-15m", kNow) == kNow - minutes(15));
  CHECK(parse_time_input("--end-time", "+7d", kNow) == kNow + hours(24 * 7));
  CHECK(parse_time_input("--end-time", "+1.5h", kNow) == kNow + minutes(90));
}

TEST_CASE("time input: a bad time names the flag and the accepted forms") {
  for (const char* bad : {"yesterday", "now-", "now1d", "+", "-x", "now+-1d", "2023-11-14", "nowish", ""}) {
    CAPTURE(bad);
    CHECK_THROWS_WITH_AS(parse_time_input("--end-time", bad, kNow),
                         doctest::Contains("for --end-time: expected RFC 3339 such as 2024-07-03T16:48:06Z, or now, now-1d"),
                         Error);
  }
}

TEST_CASE("schedule spec in words: intervals, crons kept as calendars, the window and the jitter") {
  sch::ScheduleSpec spec;
  auto* iv = spec.add_interval();
  iv->mutable_interval()->set_seconds(3600);
  iv->mutable_phase()->set_seconds(300);
  auto* iv2 = spec.add_interval();
  iv2->mutable_interval()->set_seconds(5400);
  iv2->mutable_phase()->set_seconds(900);
  spec.add_interval()->mutable_interval()->set_seconds(30);
  auto* cal = spec.add_structured_calendar();
  *cal->add_second() = range(0);
  *cal->add_minute() = range(0);
  *cal->add_hour() = range(12);
  *cal->add_day_of_month() = range(1, 31);
  *cal->add_month() = range(1, 12);
  *cal->add_day_of_week() = range(1, 5);
  auto* cal2 = spec.add_structured_calendar();
  *cal2->add_second() = range(0);
  *cal2->add_minute() = range(0, 59, 15);
  *cal2->add_hour() = range(9, 17);
  *cal2->add_hour() = range(20);
  *cal2->add_day_of_month() = range(1);
  *cal2->add_month() = range(1, 12, 3);
  *cal2->add_day_of_week() = range(0, 6);
  cal2->set_comment("quarterly");
  spec.set_timezone_name("Europe/Paris");
  spec.mutable_start_time()->set_seconds(1'700'000'000);
  spec.mutable_jitter()->set_seconds(30);
  auto words = ops::schedule::spec_in_words(spec, TimeFormat::Iso, kNow);
  CHECK(words == std::vector<std::string>{"every 1h at :05", "every 1h30m offset 15m", "every 30s",
                                          "cron `0 12 * * MON-FRI` in Europe/Paris",
                                          "cron `*/15 9-17,20 1 */3 *` (quarterly) in Europe/Paris",
                                          "from 2023-11-14T22:13:20Z", "jitter 30s"});
}

TEST_CASE("schedule create: the spec, policies, state and the action as workflow start builds it") {
  FakeCluster c;
  c.answer<wsv::CreateScheduleResponse>();
  auto r = run_cli(c, create_args({"--interval", "1h/5m", "--cron", "CRON_TZ=Europe/Paris 0 12 * * MON-FRI",
                                   "--cron", "@every 90m", "--calendar", R"({"hour":"9","dayOfWeek":"SAT"})",
                                   "--start-time", "now-1d", "--end-time", "+7d", "--jitter", "30s", "--time-zone",
                                   "UTC", "--notes", "n", "--paused", "--remaining-actions", "3", "--catchup-window",
                                   "10m", "--pause-on-failure", "--overlap-policy", "bufferone", "-w", "rep",
                                   "-i", "{\"a\":1}", "--memo", "m=1", "--schedule-memo", "sm=\"x\"",
                                   "--execution-timeout", "1h"}));
  CHECK(r.err == "Created schedule s1\n");
  CHECK(r.code == 0);
  auto reqs = c.requests<wsv::CreateScheduleRequest>();
  REQUIRE(reqs.size() == 1);
  const auto& req = reqs[0];
  CHECK(req.schedule_id() == "s1");
  CHECK(req.namespace_() == "default");
  CHECK(!req.request_id().empty());
  CHECK(req.memo().fields().count("sm") == 1);
  const auto& spec = req.schedule().spec();
  REQUIRE(spec.interval_size() == 1);
  CHECK(spec.interval(0).interval().seconds() == 3600);
  CHECK(spec.interval(0).phase().seconds() == 300);
  CHECK(spec.cron_string_size() == 2);
  REQUIRE(spec.calendar_size() == 1);
  CHECK(spec.calendar(0).hour() == "9");
  CHECK(spec.calendar(0).day_of_week() == "SAT");
  CHECK(spec.start_time().seconds() == 1'700'000'100 - 86400);
  CHECK(spec.end_time().seconds() == 1'700'000'100 + 7 * 86400);
  CHECK(spec.jitter().seconds() == 30);
  CHECK(spec.timezone_name() == "UTC");
  const auto& pol = req.schedule().policies();
  CHECK(pol.overlap_policy() == enums::SCHEDULE_OVERLAP_POLICY_BUFFER_ONE);
  CHECK(pol.catchup_window().seconds() == 600);
  CHECK(pol.pause_on_failure());
  const auto& st = req.schedule().state();
  CHECK(st.paused());
  CHECK(st.notes() == "n");
  CHECK(st.limited_actions());
  CHECK(st.remaining_actions() == 3);
  const auto& a = req.schedule().action().start_workflow();
  CHECK(a.workflow_id() == "rep");
  CHECK(a.workflow_type().name() == "Report");
  CHECK(a.task_queue().name() == "reports");
  CHECK(a.input().payloads_size() == 1);
  CHECK(a.memo().fields().count("m") == 1);
  CHECK(a.workflow_execution_timeout().seconds() == 3600);
  CHECK(a.workflow_task_timeout().seconds() == 10);
}

TEST_CASE("schedule create: the cron forms the server reads pass the check") {
  for (const char* cron : {"0 12 * * MON-FRI", "*/15 9-17,20 1 */3 *", "0 0 1 JAN,jul ? 2030", "30 0 12 * * sun 2031",
                           "@daily", "@every 90m", "@every 1h/15m", "CRON_TZ=Europe/Paris 0 12 * * *",
                           "0\t12 * * 1-5 # weekdays at noon", "0 0 * * 7"}) {
    CAPTURE(cron);
    CHECK_NOTHROW(ops::schedule::check_cron(cron));
  }
}

TEST_CASE("schedule create: bad specs are usage errors naming the flag, and nothing is sent") {
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  std::vector<Case> cases{
      {{"--cron", "61 * * * *"}, "invalid --cron \"61 * * * *\": minute \"61\""},
      {{"--cron", "not a cron"}, "invalid --cron \"not a cron\": expected 5 fields"},
      {{"--cron", "* * * * FUNDAY"}, "day of week \"FUNDAY\""},
      {{"--cron", "@fortnightly"}, "invalid --cron \"@fortnightly\""},
      {{"--cron", "CRON_TZ=Mars/Base 0 12 * * *"}, "unknown time zone \"Mars/Base\" for --cron"},
      {{"--calendar", "{\"hour\": 12"}, "invalid --calendar {\"hour\": 12"},
      {{"--calendar", "{\"hours\":\"12\"}"}, "invalid --calendar"},
      {{"--time-zone", "Europe/Nowhere"}, "unknown time zone \"Europe/Nowhere\" for --time-zone"},
      {{"--interval", "0s"}, "invalid --interval \"0s\""},
      {{"--interval", "soon"}, "--interval"},
      {{"--start-time", "now", "--end-time", "-1h"}, "--end-time must be after --start-time"},
      {{"--start-time", "tomorrow"}, "invalid time \"tomorrow\" for --start-time"},
      {{"--remaining-actions", "-1"}, "--remaining-actions must not be negative"},
      {{"--overlap-policy", "Sometimes"}, "--overlap-policy"},
  };
  for (const auto& k : cases) {
    CAPTURE(k.message);
    FakeCluster c;
    auto r = run_cli(c, create_args(k.args));
    CHECK(r.code == 2);
    CHECK(r.err.find(k.message) != std::string::npos);
    CHECK(c.calls.empty());
    CHECK(c.gateways_made == 0);
  }
}

TEST_CASE("schedule update: the whole schedule without --keep-unspecified; --type and --task-queue needed then") {
  FakeCluster c;
  auto r = run_cli(c, {"schedule", "update", "-s", "s1", "--interval", "1h"});
  CHECK(r.code == 2);
  CHECK(r.err.find("--type is required (or --keep-unspecified") != std::string::npos);
  CHECK(c.calls.empty());

  c.answer<wsv::UpdateScheduleResponse>();
  r = run_cli(c, {"schedule", "update", "-s", "s1", "--interval", "1h", "--type", "T", "-t", "q"});
  CHECK(r.code == 0);
  auto reqs = c.requests<wsv::UpdateScheduleRequest>();
  REQUIRE(reqs.size() == 1);
  CHECK(reqs[0].schedule().spec().interval_size() == 1);
  CHECK(!reqs[0].schedule().state().paused());
  CHECK(c.requests<wsv::DescribeScheduleRequest>().empty());
}

TEST_CASE("schedule update --keep-unspecified: reads the schedule and changes only what was given") {
  FakeCluster c;
  auto& cur = c.answer<wsv::DescribeScheduleResponse>();
  cur.set_conflict_token("tok");
  auto& s = *cur.mutable_schedule();
  auto* iv = s.mutable_spec()->add_interval();
  iv->mutable_interval()->set_seconds(3600);
  s.mutable_spec()->set_timezone_name("Europe/Paris");
  s.mutable_state()->set_paused(true);
  s.mutable_state()->set_notes("old");
  s.mutable_policies()->set_overlap_policy(enums::SCHEDULE_OVERLAP_POLICY_ALLOW_ALL);
  auto& a = *s.mutable_action()->mutable_start_workflow();
  a.set_workflow_id("rep");
  a.mutable_workflow_type()->set_name("Report");
  a.mutable_task_queue()->set_name("reports");
  a.mutable_workflow_task_timeout()->set_seconds(20);
  c.answer<wsv::UpdateScheduleResponse>();
  auto r = run_cli(c, {"schedule", "update", "-s", "s1", "--keep-unspecified", "--cron", "0 * * * *", "--notes",
                       "new", "-t", "other"});
  CHECK(r.code == 0);
  auto reqs = c.requests<wsv::UpdateScheduleRequest>();
  REQUIRE(reqs.size() == 1);
  const auto& u = reqs[0];
  CHECK(u.conflict_token() == "tok");
  CHECK(u.schedule().spec().interval_size() == 0);  // the times it fires were replaced as one
  CHECK(u.schedule().spec().cron_string_size() == 1);
  CHECK(u.schedule().spec().timezone_name() == "Europe/Paris");
  CHECK(u.schedule().state().paused());
  CHECK(u.schedule().state().notes() == "new");
  CHECK(u.schedule().policies().overlap_policy() == enums::SCHEDULE_OVERLAP_POLICY_ALLOW_ALL);
  const auto& ua = u.schedule().action().start_workflow();
  CHECK(ua.workflow_id() == "rep");
  CHECK(ua.workflow_type().name() == "Report");
  CHECK(ua.task_queue().name() == "other");
  CHECK(ua.workflow_task_timeout().seconds() == 20);  // not reset to the flag's default

  // Standard input is read once, before the schedule is.
  r = run_cli(c, {"schedule", "update", "-s", "s1", "--keep-unspecified", "--input-file", "-"}, {}, "{\"a\": 1}");
  CHECK(r.code == 0);
  reqs = c.requests<wsv::UpdateScheduleRequest>();
  REQUIRE(reqs.size() == 2);
  CHECK(reqs[1].schedule().action().start_workflow().input().payloads(0).data() == "{\"a\": 1}");
  CHECK(reqs[1].schedule().action().start_workflow().task_queue().name() == "reports");

  FakeCluster bad;
  r = run_cli(bad, {"schedule", "update", "-s", "s1", "--keep-unspecified", "--cron", "nope"});
  CHECK(r.code == 2);
  CHECK(bad.calls.empty());
}

TEST_CASE("schedule toggle, trigger, backfill and delete: the patches sent") {
  FakeCluster c;
  c.answer<wsv::PatchScheduleResponse>();
  c.answer<wsv::DeleteScheduleResponse>();
  CHECK(run_cli(c, {"schedule", "toggle", "-s", "s1", "--pause", "--reason", "maint"}).code == 0);
  CHECK(run_cli(c, {"schedule", "toggle", "-s", "s1", "--unpause"}).code == 0);
  CHECK(run_cli(c, {"schedule", "trigger", "-s", "s1", "--overlap-policy", "AllowAll"}).code == 0);
  auto r = run_cli(c, {"-o", "json", "schedule", "backfill", "-s", "s1", "--start-time", "now-1h", "--end-time",
                       "now"});
  CHECK(r.code == 0);
  CHECK(r.out.find("\"backfilled\": true") != std::string::npos);
  CHECK(run_cli(c, {"schedule", "delete", "-s", "s1"}).err == "Deleted schedule s1\n");
  auto p = c.requests<wsv::PatchScheduleRequest>();
  REQUIRE(p.size() == 4);
  CHECK(p[0].patch().pause() == "maint");
  CHECK(p[1].patch().unpause() == "(no reason provided)");
  CHECK(p[2].patch().trigger_immediately().overlap_policy() == enums::SCHEDULE_OVERLAP_POLICY_ALLOW_ALL);
  REQUIRE(p[3].patch().backfill_request_size() == 1);
  CHECK(p[3].patch().backfill_request(0).start_time().seconds() == 1'700'000'100 - 3600);
  CHECK(p[3].patch().backfill_request(0).end_time().seconds() == 1'700'000'100);
  CHECK(c.requests<wsv::DeleteScheduleRequest>().at(0).schedule_id() == "s1");

  FakeCluster none;
  CHECK(run_cli(none, {"schedule", "toggle", "-s", "s1"}).code == 2);
  CHECK(run_cli(none, {"schedule", "toggle", "-s", "s1", "--pause", "--unpause"}).code == 2);
  r = run_cli(none, {"schedule", "backfill", "-s", "s1", "--start-time", "now", "--end-time", "now-1d"});
  CHECK(r.code == 2);
  CHECK(r.err.find("--end-time must be after --start-time") != std::string::npos);
  CHECK(none.calls.empty());
}

TEST_CASE("schedule describe: a card with the spec in words, the state and why, next and recent runs") {
  FakeCluster c;
  auto& d = c.answer<wsv::DescribeScheduleResponse>();
  auto& s = *d.mutable_schedule();
  auto* iv = s.mutable_spec()->add_interval();
  iv->mutable_interval()->set_seconds(3600);
  iv->mutable_phase()->set_seconds(300);
  s.mutable_state()->set_paused(true);
  s.mutable_state()->set_notes("maintenance");
  auto& a = *s.mutable_action()->mutable_start_workflow();
  a.set_workflow_id("rep");
  a.mutable_workflow_type()->set_name("Report");
  a.mutable_task_queue()->set_name("reports");
  auto& info = *d.mutable_info();
  info.set_action_count(4);
  info.set_missed_catchup_window(1);
  info.set_overlap_skipped(2);
  info.add_future_action_times()->set_seconds(1'700'000'100 + 600);
  auto* ra = info.add_recent_actions();
  ra->mutable_schedule_time()->set_seconds(1'700'000'100 - 60);
  ra->mutable_actual_time()->set_seconds(1'700'000'100 - 60);
  ra->mutable_start_workflow_result()->set_workflow_id("rep-2023-11-14T22:14:00Z");
  ra->mutable_start_workflow_result()->set_run_id("r1");
  ra->set_start_workflow_status(enums::WORKFLOW_EXECUTION_STATUS_COMPLETED);
  auto r = run_cli(c, {"schedule", "describe", "-s", "s1"});
  CHECK(r.code == 0);
  CHECK(r.out ==
        "  ScheduleId           s1\n"
        "  Spec                 every 1h at :05\n"
        "  State                Paused: maintenance\n"
        "  Action               start workflow Report on task queue reports (ID rep)\n"
        "  OverlapPolicy        Skip (default)\n"
        "  PauseOnFailure       false\n"
        "  ActionsTaken         4\n"
        "  MissedCatchupWindow  1\n"
        "  OverlapSkipped       2\n"
        "\nNext runs:\n"
        "  (none while paused)\n"
        "\nRecent actions:\n"
        "  ScheduledTime  ActualTime    WorkflowId                RunId  Status\n"
        "  1 minute ago   1 minute ago  rep-2023-11-14T22:14:00Z  r1     Completed\n"
        "\nRunning workflows:\n"
        "  (none)\n");
}

TEST_CASE("schedule list and count: a table page by page, the number alone") {
  FakeCluster c;
  wsv::ListSchedulesResponse p1, p2;
  auto* e = p1.add_schedules();
  e->set_schedule_id("s1");
  e->mutable_info()->mutable_workflow_type()->set_name("Report");
  e->mutable_info()->mutable_spec()->add_interval()->mutable_interval()->set_seconds(60);
  e->mutable_info()->add_future_action_times()->set_seconds(1'700'000'100 + 30);
  p1.set_next_page_token("n");
  auto* e2 = p2.add_schedules();
  e2->set_schedule_id("s2");
  e2->mutable_info()->set_paused(true);
  c.then(p1);
  c.then(p2);
  auto r = run_cli(c, {"schedule", "list", "-l", "-q", "TemporalSchedulePaused=false"});
  CHECK(r.code == 0);
  auto reqs = c.requests<wsv::ListSchedulesRequest>();
  REQUIRE(reqs.size() == 2);
  CHECK(reqs[0].query() == "TemporalSchedulePaused=false");
  CHECK(reqs[1].next_page_token() == "n");
  CHECK(r.out ==
        "  ScheduleId  WorkflowType  Spec      Notes  Paused  NextRunTime    LastRunTime\n"
        "  s1          Report        every 1m         false   in 30 seconds\n"
        "  s2                                         true\n");

  c.answer<wsv::CountSchedulesResponse>().set_count(7);
  CHECK(run_cli(c, {"schedule", "count"}).out == "7\n");
  CHECK(run_cli(c, {"-o", "json", "schedule", "count"}).out.find("\"count\": \"7\"") != std::string::npos);
}

TEST_CASE("schedule describe: next runs as exact times with how far they are; JSON is the response") {
  FakeCluster c;
  auto& d = c.answer<wsv::DescribeScheduleResponse>();
  d.mutable_schedule()->mutable_spec()->add_cron_string("0 12 * * *");
  d.mutable_info()->add_future_action_times()->set_seconds(1'700'000'100 + 600);
  d.mutable_info()->add_running_workflows()->set_workflow_id("w1");
  auto r = run_cli(c, {"schedule", "describe", "-s", "s1"});
  CHECK(r.code == 0);
  CHECK(r.out.find("  Spec                 cron `0 12 * * *`\n") != std::string::npos);
  CHECK(r.out.find("  State                Running\n") != std::string::npos);
  CHECK(r.out.find("\nNext runs:\n  2023-11-14T22:25:00Z (in 10 minutes)\n") != std::string::npos);
  CHECK(r.out.find("\nRunning workflows:\n  WorkflowId  RunId\n  w1\n") != std::string::npos);
  auto j = run_cli(c, {"-o", "json", "--time-format", "iso", "schedule", "describe", "-s", "s1"});
  CHECK(j.out.find("\"futureActionTimes\": [\n      \"2023-11-14T22:25:00Z\"") != std::string::npos);
}

TEST_CASE("schedule: IDs complete from ListSchedules, with the workflow type and whether paused") {
  FakeCluster c;
  auto* e = c.answer<wsv::ListSchedulesResponse>().add_schedules();
  e->set_schedule_id("nightly");
  e->mutable_info()->mutable_workflow_type()->set_name("Report");
  e->mutable_info()->set_paused(true);
  auto r = run_cli(c, {"__complete", "schedule", "trigger", "-s", ""});
  CHECK(r.out == "nightly\tReport, paused\n:4\n");
}
