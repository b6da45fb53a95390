#include "output/printer.hpp"

#include "output/json_text.hpp"

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

void ListWriter::add(const google::protobuf::Message& item) {
  buffer_.clear();
  if (p_.mode_ == OutputMode::Jsonl) {
    append_json(item, buffer_);
    buffer_ += '\n';
  } else if (p_.mode_ == OutputMode::Json) {
    open_item();
    int base = field_.empty() ? 0 : 4;
    buffer_.append(static_cast<size_t>(base), ' ');
    append_json(item, buffer_, {2, base});
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
