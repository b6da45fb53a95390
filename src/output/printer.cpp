#include "output/printer.hpp"

#include "core/error.hpp"
#include "output/json_text.hpp"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>

namespace twctl::output {

void Printer::write(std::string_view s) {
  if (mode_ != OutputMode::Text) return;
  out_ << s;
  out_.flush();
  ++writes_;
}

void Printer::document(const nlohmann::ordered_json& j) {
  if (mode_ == OutputMode::Json) {
    out_ << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
  } else if (mode_ == OutputMode::Jsonl) {
    out_ << j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
  }
  out_.flush();
  ++writes_;
}

void Printer::write_lines(std::string_view s) {
  if (mode_ != OutputMode::Text && mode_ != OutputMode::Tsv) return;
  out_ << s;
  out_.flush();
  ++writes_;
}

void check_record_type(const RecordOutput& records, const google::protobuf::Message& m) {
  if (m.GetDescriptor() != records.type) {
    throw Error(ErrorKind::General, "internal: a " + m.GetDescriptor()->name() + " printed where the fields are of " +
                                        records.type->name());
  }
}

bool Printer::record(const google::protobuf::Message& m, bool shorthand) {
  if (!by_fields()) return false;
  check_record_type(records_, m);
  if (json()) {
    document(pick_json(m, records_.columns, shorthand));
    return true;
  }
  auto cells = record_cells(m, records_.columns, value_format(shorthand));
  std::vector<std::string> titles;
  for (const auto& c : records_.columns) titles.push_back(c.text);
  if (mode_ == OutputMode::Tsv) {
    write_lines((records_.header ? tsv_line(titles) : std::string()) + tsv_line(cells));
  } else if (mode_ == OutputMode::Text) {
    Table t;
    for (auto& title : titles) t.columns.push_back({title});
    t.rows.push_back(std::move(cells));
    write_lines(render_table(t, records_.header, style_));
  }
  return true;
}

ListWriter::ListWriter(Printer& printer, std::string field)
    : p_(printer),
      field_(std::move(field)),
      uncaught_at_start_(std::uncaught_exceptions()),
      writes_at_start_(printer.writes_) {}

ListWriter::~ListWriter() {
  if (std::uncaught_exceptions() > uncaught_at_start_) {
    if (!finished_) {
      if (opened_) close_array();
      if (p_.writes_ > writes_at_start_) p_.partial_ = true;
    }
    p_.out_.flush();
    return;
  }
  finish();
}

namespace {

std::string indent_lines(const std::string& text, const std::string& indent) {
  std::string out = indent;
  for (char c : text) {
    out += c;
    if (c == '\n') out += indent;
  }
  return out;
}

}  // namespace

// In json: "[" (or the wrapping object) before the first item, ",\n" between items.
void ListWriter::open_item() {
  auto& out = p_.out_;
  if (!opened_) {
    out << (field_.empty() ? "[\n" : "{\n  \"" + field_ + "\": [\n");
    opened_ = true;
  } else {
    out << ",\n";
  }
}

void ListWriter::added() {
  ++count_;
  ++p_.writes_;
  // Flushing every few items keeps a reader of the pipe current without a write per line.
  if (count_ % 64 == 0) p_.out_.flush();
}

void ListWriter::add(const nlohmann::ordered_json& item) {
  auto& out = p_.out_;
  constexpr auto replace = nlohmann::ordered_json::error_handler_t::replace;
  if (p_.mode_ == OutputMode::Jsonl) {
    out << item.dump(-1, ' ', false, replace) << "\n";
  } else if (p_.mode_ == OutputMode::Json) {
    open_item();
    auto text = item.dump(2, ' ', false, replace);
    out << (field_.empty() ? text : indent_lines(text, "    "));
  } else {
    return;
  }
  added();
}

void ListWriter::add(const google::protobuf::Message& item, bool shorthand) {
  buffer_.clear();
  if (p_.mode_ == OutputMode::Jsonl) {
    append_json(item, buffer_, {.shorthand = shorthand});
    buffer_ += '\n';
  } else if (p_.mode_ == OutputMode::Json) {
    open_item();
    int base = field_.empty() ? 0 : 4;
    buffer_.append(static_cast<size_t>(base), ' ');
    append_json(item, buffer_, {.indent = 2, .base = base, .shorthand = shorthand});
  } else {
    return;
  }
  p_.out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  added();
}

void ListWriter::flush() { p_.out_.flush(); }

void ListWriter::finish() {
  if (finished_) return;
  finished_ = true;
  if (p_.mode_ == OutputMode::Json) {
    if (!opened_) open_item();
    close_array();
  }
  p_.out_.flush();
}

void ListWriter::close_array() {
  auto& out = p_.out_;
  if (count_ > 0) out << "\n";
  out << (field_.empty() ? "]\n" : "  ]\n}\n");
}

}  // namespace twctl::output
