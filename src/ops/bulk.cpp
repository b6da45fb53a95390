#include "ops/bulk.hpp"

#include "core/error.hpp"
#include "message/pool.hpp"
#include "ops/bulk_files.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <thread>
#include <vector>

namespace twctl::ops {

namespace {

constexpr int kMaxConcurrency = 1024;
constexpr auto kProgressEvery = std::chrono::milliseconds(200);

std::string failure_text(const std::exception& e) {
  std::string_view m = e.what();
  // nlohmann's messages start with "[json.exception.parse_error.101] ".
  if (m.rfind("[json.exception.", 0) == 0) {
    if (auto end = m.find("] "); end != std::string_view::npos) m.remove_prefix(end + 2);
  }
  return std::string(m);
}

std::string eta_text(double seconds) {
  auto s = static_cast<long long>(seconds + 0.5);
  if (s >= 3600) return fmt::format("{}h{:02}m", s / 3600, (s % 3600) / 60);
  if (s >= 60) return fmt::format("{}m{:02}s", s / 60, s % 60);
  return fmt::format("{}s", s);
}

class BulkRun {
 public:
  BulkRun(const BulkOptions& o, Context& ctx, const LineParser& parse, LineSource& source, const LineSet& resumed,
          std::optional<size_t> total)
      : o_(o), ctx_(ctx), parse_(parse), source_(source), resumed_(resumed), total_(total) {}

  void run() {
    started_at_ = ctx_.now();
    next_slot_ = started_at_;
    message::pool();  // every descriptor the workers may use, registered before they start (message/pool.hpp)
    std::vector<std::thread> workers;
    workers.reserve(static_cast<size_t>(o_.concurrency));
    for (int i = 0; i < o_.concurrency; ++i) workers.emplace_back([this] { work(); });
    for (auto& t : workers) t.join();
    if (fatal_) std::rethrow_exception(fatal_);
    if (ctx_.stderr_tty) {
      std::lock_guard lock(out_mu_);
      draw_progress(true);
    }
  }

  size_t failed() const { return failed_; }
  size_t done() const { return done_; }
  size_t skipped() const { return skipped_; }
  bool write_failed() const { return write_failed_; }
  const std::map<std::string, size_t>& counts() const { return counts_; }

 private:
  // One line read, parsed and (rate limit permitting) ready; nullopt when there is nothing more to send.
  struct Job {
    size_t line = 0;
    std::optional<LineCall> call;
    std::string workflow_id;
    std::string error, kind;  // set when the line itself is bad
  };

  std::optional<Job> next_job() {
    std::lock_guard lock(read_mu_);
    for (;;) {
      if (stop_ || ctx_.cancel.cancelled()) return std::nullopt;
      auto item = source_.next();
      if (!item) return std::nullopt;
      if (is_blank(item->text)) continue;
      if (resumed_.contains(item->line)) {
        ++skipped_;
        continue;
      }
      Job job;
      job.line = item->line;
      try {
        auto j = nlohmann::json::parse(item->text);
        if (!j.is_object()) throw usage_error("the line is not a JSON object");
        if (auto id = j.find("workflow-id"); id != j.end() && id->is_string()) job.workflow_id = id->get<std::string>();
        if (auto id = j.find("workflowId"); id != j.end() && id->is_string()) job.workflow_id = id->get<std::string>();
        job.call = parse_(j);
      } catch (const Error& e) {
        job.error = e.what();
        job.kind = kind_name(e.kind());
        return job;
      } catch (const std::exception& e) {
        job.error = failure_text(e);
        job.kind = kind_name(ErrorKind::Usage);
        return job;
      }
      if (o_.rps > 0 && !wait_for_slot()) return std::nullopt;
      return job;
    }
  }

  static bool is_blank(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; });
  }

  // --rps: the calls begin at most 1/rps apart. Called under read_mu_, so the slots are handed out in turn.
  bool wait_for_slot() {
    auto period = std::chrono::duration_cast<TimePoint::duration>(std::chrono::duration<double>(1.0 / o_.rps));
    auto now = ctx_.now();
    auto slot = std::max(now, next_slot_);
    next_slot_ = slot + period;
    if (slot > now && !ctx_.pause(std::chrono::ceil<std::chrono::milliseconds>(slot - now))) return false;
    return !ctx_.cancel.cancelled();
  }

  void work() {
    try {
      while (auto job = next_job()) {
        nlohmann::ordered_json result{{"line", job->line}, {"workflowId", job->workflow_id}, {"runId", ""}};
        if (job->call) {
          result["workflowId"] = job->call->workflow_id;
          result["runId"] = job->call->run_id;
          try {
            auto out = job->call->send();
            result["workflowId"] = out.workflow_id;
            result["runId"] = out.run_id;
            result["status"] = out.status;
          } catch (const Error& e) {
            job->error = e.what();
            job->kind = kind_name(e.kind());
          } catch (const std::exception& e) {
            job->error = failure_text(e);
            job->kind = kind_name(ErrorKind::General);
          }
        }
        if (!job->kind.empty()) {
          result["status"] = "failed";
          result["error"] = job->error;
          result["kind"] = job->kind;
        }
        emit(result);
      }
    } catch (...) {
      std::lock_guard lock(read_mu_);
      if (!fatal_) fatal_ = std::current_exception();
      stop_ = true;
    }
  }

  void emit(const nlohmann::ordered_json& result) {
    std::lock_guard lock(out_mu_);
    auto status = result.at("status").get<std::string>();
    ++counts_[status];
    ++done_;
    if (!succeeded(status)) ++failed_;
    if (ctx_.globals.output != output::OutputMode::None && !write_failed_) {
      ctx_.out << result.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
      ctx_.out.flush();  // a results file is complete up to the last call that ended, whatever ends the run
      if (!ctx_.out.good()) {
        write_failed_ = true;
        stop_ = true;  // nobody reads the results: send nothing more
      }
    }
    if (ctx_.stderr_tty) draw_progress(false);
  }

  // "\r120/2000 lines, 3 failed, 95/s, ETA 20s" on a terminal's stderr, at most every 200 ms; the last with a newline.
  void draw_progress(bool last) {
    auto now = ctx_.now();
    if (!last && now - last_drawn_ < kProgressEvery) return;
    last_drawn_ = now;
    double secs = std::chrono::duration<double>(now - started_at_).count();
    double rate = secs > 0 ? static_cast<double>(done_) / secs : 0;
    std::string line = total_ ? fmt::format("{}/{} lines", done_ + skipped_, *total_) : fmt::format("{} lines", done_);
    line += fmt::format(", {} failed", failed_);
    if (skipped_ > 0) line += fmt::format(", {} skipped", skipped_);
    if (rate > 0) line += fmt::format(", {:.0f}/s", rate);
    if (!last && total_ && rate > 0 && *total_ > done_ + skipped_) {
      line += ", ETA " + eta_text(static_cast<double>(*total_ - done_ - skipped_) / rate);
    }
    ctx_.err << "\r\x1b[K" << line;
    if (last) ctx_.err << '\n';
    ctx_.err.flush();
  }

  const BulkOptions& o_;
  Context& ctx_;
  const LineParser& parse_;
  LineSource& source_;
  const LineSet& resumed_;
  std::optional<size_t> total_;

  std::mutex read_mu_;  // the source, the rate limit's slots, skipped_, fatal_
  std::atomic<bool> stop_{false};
  std::exception_ptr fatal_;
  TimePoint next_slot_;
  size_t skipped_ = 0;

  std::mutex out_mu_;  // stdout, stderr's progress line and the counts
  std::map<std::string, size_t> counts_;
  size_t done_ = 0, failed_ = 0;
  bool write_failed_ = false;
  TimePoint started_at_, last_drawn_;
};

}  // namespace

bool succeeded(std::string_view status) {
  return status == "started" || status == "already-started" || status == "signaled";
}

std::string flag_for_key(std::string_view key) {
  std::string out;
  bool dashed = key.find('-') != std::string_view::npos;
  for (char c : key) {
    if (std::isupper(static_cast<unsigned char>(c))) {
      if (dashed || out.empty()) return {};
      out += '-';
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) ||
               (c == '-' && !out.empty() && out.back() != '-')) {
      out += c;
    } else {
      return {};
    }
  }
  return out.empty() || out.back() == '-' ? std::string() : out;
}

void check_not_bulk(const BulkOptions& o, bool rps_flag) {
  if (o.concurrency != -1) throw usage_error("--concurrency is for --from-file");
  if (!o.resume_from.empty()) throw usage_error("--resume-from is for --from-file");
  if (rps_flag && o.rps != 0) throw usage_error("--rps is for --from-file");
}

int run_bulk(const BulkOptions& given, Context& ctx, const LineParser& parse, std::string_view what) {
  auto o = given;
  if (o.concurrency == -1) o.concurrency = kDefaultConcurrency;
  if (o.concurrency < 1 || o.concurrency > kMaxConcurrency) {
    throw usage_error(fmt::format("--concurrency must be from 1 to {}", kMaxConcurrency));
  }
  if (o.rps < 0) throw usage_error("--rps must not be negative");
  LineSet resumed;
  if (!o.resume_from.empty()) resumed = read_resume_file(o.resume_from);
  auto source = open_lines(o.from_file, ctx.in);
  source->check_first_line();  // a usage error (exit 2) before anything is sent
  std::optional<size_t> total;
  if (ctx.stderr_tty && o.from_file != "-") total = count_lines(o.from_file);
  (void)ctx.gateway();  // made once, here: the workers share it

  BulkRun run(o, ctx, parse, *source, resumed, total);
  run.run();
  if (ctx.cancel.cancelled()) {
    throw Error(ErrorKind::Interrupted,
                fmt::format("interrupted after {} line(s), {} failed: the results of the lines that ended are on "
                            "stdout; run again with --resume-from <results> to send the others",
                            run.done(), run.failed()));
  }
  if (run.write_failed()) return 1;  // main reports the lost output (or nothing, for a reader that went away)
  if (ctx.printer().text()) {
    std::string counts;
    for (const auto& [status, n] : run.counts()) counts += fmt::format("{}{} {}", counts.empty() ? "" : ", ", n, status);
    ctx.err << fmt::format("{} {}: {}{}\n", run.done(), what, counts.empty() ? "none" : counts,
                           run.skipped() > 0 ? fmt::format("; {} line(s) skipped (--resume-from)", run.skipped()) : "");
  }
  if (run.failed() > 0) {
    Error err(ErrorKind::BatchFailed,
              fmt::format("{} of {} line(s) failed: their results on stdout say why; fix them and run again with "
                          "--resume-from <results> to send only what did not succeed",
                          run.failed(), run.done()));
    err.details = {{"lines", run.done()}, {"failed", run.failed()}, {"skipped", run.skipped()}};
    throw err;
  }
  return 0;
}

}  // namespace twctl::ops
