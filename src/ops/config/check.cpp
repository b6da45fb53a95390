// `settings --check`: runs the steps in order, renders the checklist, ends with the first failure's error.
#include "ops/config/check.hpp"

#include "config/mask.hpp"
#include "ops/config/check_steps.hpp"

#include <fmt/format.h>

#include <cmath>

namespace twctl::ops::config {

namespace {

std::string_view state_word(StepState s) {
  switch (s) {
    case StepState::Ok:
      return "ok";
    case StepState::Failed:
      return "FAIL";
    case StepState::NotApplicable:
      return "n/a";
    default:
      return "skip";
  }
}

std::string_view state_name(StepState s) {
  switch (s) {
    case StepState::Ok:
      return "ok";
    case StepState::Failed:
      return "failed";
    case StepState::NotApplicable:
      return "not_applicable";
    default:
      return "skipped";
  }
}

double millis(std::chrono::microseconds d) { return std::round(static_cast<double>(d.count()) / 100.0) / 10.0; }

std::string time_text(std::chrono::microseconds d) {
  auto ms = millis(d);
  if (ms >= 10) return fmt::format("{:.0f} ms", ms);
  return fmt::format("{:.1f} ms", ms);
}

struct StepFn {
  const char* name;
  void (*run)(Context&, CheckState&, Step&);
};

constexpr StepFn kSteps[] = {{"settings", step_settings}, {"dns", step_dns},       {"tcp", step_tcp},
                             {"tls", step_tls},           {"server", step_server}, {"namespace", step_namespace}};

}  // namespace

ProberFactory& prober_factory() {
  static ProberFactory factory = client::make_prober;
  return factory;
}

const std::vector<std::string>& check_step_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& s : kSteps) out.emplace_back(s.name);
    return out;
  }();
  return names;
}

std::vector<Step> run_checks(Context& ctx) {
  CheckState state;
  state.prober = prober_factory()();
  std::vector<Step> steps;
  bool failed = false;
  for (const auto& fn : kSteps) {
    Step step;
    step.name = fn.name;
    if (failed) {
      step.detail = "not run: an earlier step failed";
      steps.push_back(std::move(step));
      continue;
    }
    if (ctx.cancel.cancelled()) throw Error(ErrorKind::Interrupted, "interrupted");
    auto started = ctx.now();
    try {
      fn.run(ctx, state, step);
    } catch (const Error& e) {
      if (e.kind() == ErrorKind::Interrupted) throw;
      step.state = StepState::Failed;
      step.detail = e.what();
      step.error = e;
    }
    step.took = std::chrono::duration_cast<std::chrono::microseconds>(ctx.now() - started);
    // Nothing secret reaches stdout, whatever a server's message echoed.
    step.detail = twctl::config::redact(step.detail, ctx.globals.secrets);
    failed = step.state == StepState::Failed;
    steps.push_back(std::move(step));
  }
  return steps;
}

std::string render_checks(const std::vector<Step>& steps, const output::Style& style) {
  std::string out;
  for (const auto& s : steps) {
    auto word = std::string(state_word(s.state));
    auto padded = fmt::format("{:<4}", word);
    if (s.state == StepState::Ok) padded = style.green(padded);
    if (s.state == StepState::Failed) padded = style.red(padded);
    out += fmt::format("  {}  {:<9}  {}", padded, s.name, s.detail);
    if (s.state == StepState::Ok || s.state == StepState::Failed) out += fmt::format("  ({})", time_text(s.took));
    out += '\n';
  }
  return out;
}

nlohmann::ordered_json checks_json(const std::vector<Step>& steps) {
  auto list = nlohmann::ordered_json::array();
  nlohmann::ordered_json failed_step = nullptr;
  for (const auto& s : steps) {
    nlohmann::ordered_json j{{"name", s.name}, {"status", state_name(s.state)}, {"detail", s.detail}};
    if (s.state == StepState::Ok || s.state == StepState::Failed) j["ms"] = millis(s.took);
    if (!s.data.is_null()) j["data"] = s.data;
    if (s.error) {
      failed_step = s.name;
      j["error"] = {{"code", exit_code(s.error->kind())}, {"kind", kind_name(s.error->kind())}};
      if (!s.error->cause.empty()) j["error"]["cause"] = s.error->cause;
    }
    list.push_back(std::move(j));
  }
  return {{"ok", failed_step.is_null()}, {"failedStep", failed_step}, {"steps", list}};
}

int check(Context& ctx) {
  auto steps = run_checks(ctx);
  auto& out = ctx.printer();
  if (out.text()) {
    out.write(render_checks(steps, out.style()));
  } else if (out.json()) {
    out.document(checks_json(steps));
  }
  for (const auto& s : steps) {
    if (s.error) throw *s.error;
  }
  return 0;
}

}  // namespace twctl::ops::config
