#pragma once
// Where data goes: stdout only, in the mode the user chose (-o text|json|jsonl|none). Diagnostics never pass
// through here; they go to stderr through the context.

#include "output/render.hpp"
#include "output/style.hpp"

#include <nlohmann/json.hpp>

#include <ostream>
#include <string>
#include <string_view>
#include <exception>

namespace google::protobuf {
class Message;
}

namespace twctl::output {

enum class OutputMode { Text, Json, Jsonl, None };

class Printer {
 public:
  Printer(std::ostream& out, OutputMode mode, Style style) : out_(out), mode_(mode), style_(style) {}

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

 private:
  friend class ListWriter;
  std::ostream& out_;
  OutputMode mode_;
  Style style_;
  unsigned long writes_ = 0;  // items, documents and texts written so far
  bool partial_ = false;
};

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
  // A protobuf message in the protobuf JSON mapping, payloads in their protobuf form, written straight from
  // the message (output/json_text): the fast path for long streams.
  void add(const google::protobuf::Message& item);
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
