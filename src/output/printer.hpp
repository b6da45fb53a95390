#pragma once
// Where data goes: stdout only, in the mode the user chose (-o text|json|jsonl|tsv|none). Diagnostics never
// pass through here; they go to stderr through the context.

#include "output/records.hpp"
#include "output/render.hpp"
#include "output/style.hpp"

#include <nlohmann/json.hpp>

#include <ostream>
#include <string>
#include <string_view>
#include <exception>
#include <utility>

namespace google::protobuf {
class Message;
}

namespace twctl::output {

// tsv: only commands that print records (RecordOutput::type set) accept it.
enum class OutputMode { Text, Json, Jsonl, Tsv, None };

class Printer {
 public:
  Printer(std::ostream& out, OutputMode mode, Style style, RecordOutput records = {})
      : out_(out), mode_(mode), style_(style), records_(std::move(records)) {}

  OutputMode mode() const { return mode_; }
  bool text() const { return mode_ == OutputMode::Text; }
  bool json() const { return mode_ == OutputMode::Json || mode_ == OutputMode::Jsonl; }
  const Style& style() const { return style_; }
  // False once stdout can no longer be written (a closed pipe): streaming commands stop early.
  bool ok() const { return out_.good(); }
  // True when a list or history was cut short by an error or an interrupt after part of it was written. Its
  // JSON array was still closed, so stdout parses; the error object says "partial": true.
  bool partial() const { return partial_; }

  // Text mode only: written as is.
  void write(std::string_view s);
  // JSON modes only: one document, pretty in json, one line in jsonl.
  void document(const nlohmann::ordered_json& j);

  // Records by field: with --fields (any mode) or -o tsv, on a command that prints records. The command then
  // prints each record through record() or PagedList::add_record instead of its own card or row.
  bool by_fields() const { return records_.type != nullptr && (records_.chosen || mode_ == OutputMode::Tsv); }
  const RecordOutput& records() const { return records_; }
  // Whether tables print their header line (not with --no-header).
  bool header() const { return records_.header; }
  ValueFormat value_format(bool shorthand) const { return {records_.time_format, records_.now, shorthand}; }
  // One record by field, when by_fields(): a one-row table (text), a header and a line (tsv), or the record
  // with only the chosen paths (json, jsonl). Returns false, printing nothing, otherwise.
  bool record(const google::protobuf::Message& m, bool shorthand);
  // Text or tsv: written as is (the lines of records by field).
  void write_lines(std::string_view s);

 private:
  friend class ListWriter;
  std::ostream& out_;
  OutputMode mode_;
  Style style_;
  RecordOutput records_;
  unsigned long writes_ = 0;  // items, documents and texts written so far
  bool partial_ = false;
};

// Throws when `m` is not of the records' type: a command declared one record type and printed another.
void check_record_type(const RecordOutput& records, const google::protobuf::Message& m);

// A list streamed item by item: a JSON array in json (`[`, items separated by `,\n`, `]`; an empty list is
// "[\n]\n"), one item per line in jsonl (nothing for an empty list). `field`, when given, wraps the array in
// an object: {"events": [...]}. Memory does not grow with the list. Abandoned by an exception (a failed call,
// an interrupt) after something was written, it still closes the array, so what was written parses, and marks
// the printer partial; when nothing was written, it writes nothing (an empty list is not the answer).
class ListWriter {
 public:
  explicit ListWriter(Printer& printer, std::string field = {});
  ~ListWriter();
  void add(const nlohmann::ordered_json& item);
  // A protobuf message in the protobuf JSON mapping, payloads in their protobuf form or (shorthand) as their
  // JSON values, written straight from the message (output/json_text): the fast path for long streams.
  void add(const google::protobuf::Message& item, bool shorthand = false);
  // Hands what was written so far to the reader of stdout (lists flush every 64 items on their own).
  void flush();
  // Closes the array; called by the destructor if not before (see above for an abandoned list).
  void finish();

 private:
  Printer& p_;
  std::string field_;
  bool opened_ = false;
  bool finished_ = false;
  size_t count_ = 0;
  int uncaught_at_start_;
  unsigned long writes_at_start_;
  std::string buffer_;  // reused by add(Message)

  void open_item();
  void added();
  void close_array();
};

}  // namespace twctl::output
