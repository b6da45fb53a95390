#include "ops/workflow/history_text.hpp"

#include "ops/workflow/common.hpp"
#include "output/proto_fields.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace twctl::ops::workflow {

namespace history = temporal::api::history::v1;

namespace {

constexpr size_t kBatch = 256;  // rows per printed batch when not following

// The first `width` code points of UTF-8 text.
std::string first_code_points(const std::string& s, size_t width) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && n++ == width) return s.substr(0, i);
  }
  return s;
}

}  // namespace

HistoryText::HistoryText(Context& ctx, bool detailed)
    : ctx_(ctx),
      detailed_(detailed),
      // Event times are always absolute: a history is read as a sequence. --time-format raw keeps the nanoseconds.
      time_format_(ctx.globals.time_format == TimeFormat::Raw ? TimeFormat::Raw : TimeFormat::Iso),
      table_{{{"ID", true}, {"Time"}, {"Type", false, true}, {"Details"}}, {}} {}

std::string HistoryText::time_text(const google::protobuf::Timestamp& ts) const {
  return format_time(ts, time_format_, ctx_.now());
}

void HistoryText::add(const history::HistoryEvent& e) {
  if (detailed_) {
    if (cards_++ > 0) pending_ += '\n';  // a blank line between cards
    pending_ += card(e);
    if (pending_.size() > 64 * 1024) flush();
    return;
  }
  table_.rows.push_back({std::to_string(e.event_id()), time_text(e.event_time()), event_type_name(e), details_(e)});
  if (table_.rows.size() >= kBatch) flush();
}

// "--------------- [5] ActivityTaskScheduled ---------------", then every field of the event with its
// attributes lifted to the top ("activityType.name", not "activityTaskScheduledEventAttributes.activityType.name").
std::string HistoryText::card(const history::HistoryEvent& e) const {
  const auto& style = ctx_.printer().style();
  history::HistoryEvent head = e;
  head.clear_event_id();
  head.clear_event_type();
  const auto* attributes = history::HistoryEvent::descriptor()->FindOneofByName("attributes");
  const auto* r = e.GetReflection();
  output::FieldOptions opts{time_format_, ctx_.now(), ctx_.globals.shorthand_payloads};
  output::Card rows;
  if (const auto* f = r->GetOneofFieldDescriptor(e, attributes)) {
    head.GetReflection()->ClearOneof(&head, attributes);
    rows = output::message_fields(r->GetMessage(e, f), opts);
  }
  auto top = output::message_fields(head, opts);
  rows.insert(rows.begin(), top.begin(), top.end());
  // A value of several lines (a stack trace) continues under its first line.
  output::Card lines;
  for (auto& [name, value] : rows) {
    size_t start = 0;
    std::string label = name;
    for (;;) {
      auto nl = value.find('\n', start);
      lines.emplace_back(label, value.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
      if (nl == std::string::npos) break;
      start = nl + 1;
      label.clear();
    }
  }
  std::string out = style.magenta(fmt::format("--------------- [{}] {} ---------------", e.event_id(), event_type_name(e)));
  return out + "\n" + output::render_card(lines, style);
}

void HistoryText::fit_details() {
  if (ctx_.stdout_columns <= 0) return;
  size_t used = 0;
  for (size_t i = 0; i + 1 < table_.columns.size(); ++i) {
    size_t width = std::max(table_.columns[i].width, output::display_width(table_.columns[i].title));
    for (const auto& row : table_.rows) width = std::max(width, output::display_width(row[i]));
    used += 2 + width;
  }
  // One column spare (a line that fills the last column wraps in some terminals); at least a few characters of
  // it, even in a narrow terminal.
  size_t columns = static_cast<size_t>(ctx_.stdout_columns);
  size_t room = std::max<size_t>(12, columns > used + 3 ? columns - used - 3 : 0);
  for (auto& row : table_.rows) {
    auto& details = row.back();
    if (output::display_width(details) > room) details = first_code_points(details, room - 1) + "…";
  }
}

void HistoryText::flush() {
  auto& out = ctx_.printer();
  std::string text;
  bool header = header_ && out.header();  // not with --no-header
  if (header && (detailed_ ? !pending_.empty() : !table_.rows.empty())) {
    text = out.style().magenta("Progress:") + "\n";
  }
  if (detailed_) {
    if (pending_.empty()) return;
    text += pending_;
    pending_.clear();
  } else {
    if (table_.rows.empty()) return;
    fit_details();
    text += output::render_table(table_, header, out.style());
    table_.rows.clear();
  }
  header_ = false;
  out.write(text);
}

}  // namespace twctl::ops::workflow
