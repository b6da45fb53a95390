#pragma once
// What the two JSON writers share: output/json_text.cpp writes a message by reflection, output/json_wire.cpp
// from its serialized form and its schema table; both put members and elements where the layout says, and write
// strings, numbers, timestamps and durations the way protobuf's JSON mapping does.

#include "output/json_text.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

namespace twctl::schema {
struct Message;
}

namespace twctl::output::json {

// "2024-07-03T16:48:06.123Z": 0, 3, 6 or 9 fractional digits, as protobuf writes them.
void append_timestamp(std::string& out, int64_t seconds, int32_t nanos);
// "-1.5s"
void append_duration(std::string& out, int64_t seconds, int32_t nanos);
// A JSON string, escaped (bytes that are not UTF-8 pass as they are).
void append_string(std::string& out, std::string_view s);
// An integer's decimal digits.
template <typename T>
void append_decimal(std::string& out, T n) {
  char digits[24];
  auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
  out.append(digits, end);
}
// A name that needs no escaping (a field's JSON name, an enum value's name: identifiers), quoted.
inline void append_identifier(std::string& out, std::string_view name) {
  out += '"';
  out += name;
  out += '"';
}
// "workflow_id" → "workflowId", as FieldMask paths appear in JSON.
std::string camel_path(std::string_view path);

template <typename T>
void append_float(std::string& out, T v) {
  if (std::isnan(v)) {
    out += "\"NaN\"";
  } else if (std::isinf(v)) {
    out += v > 0 ? "\"Infinity\"" : "\"-Infinity\"";
  } else {
    fmt::format_to(std::back_inserter(out), "{}", v);
  }
}

// The output and where in it the writer is: the pretty layout's depth, shared by the reflection writer and the
// serialized-form writer it hands a message to.
class Sink {
 public:
  Sink(std::string& out, JsonLayout layout) : out(out), layout(layout) {}

  void newline() {
    if (layout.indent < 0) return;
    out += '\n';
    out.append(static_cast<size_t>(layout.base + depth * layout.indent), ' ');
  }
  void key(std::string_view name) {
    append_string(out, name);
    out += layout.indent < 0 ? ":" : ": ";
  }
  // A field's JSON name from the schema tables: letters, digits and '_' only (the schema tool refuses any
  // other), so it is put out as it is.
  void field_name(std::string_view name) {
    append_identifier(out, name);
    out += layout.indent < 0 ? ":" : ": ";
  }
  // Before each member or element: a comma after the first, then the line break of the pretty layout.
  void next(bool& first) {
    if (!first) out += ',';
    first = false;
    newline();
  }
  void open(char c) {
    out += c;
    ++depth;
  }
  void close(char c, bool empty) {
    --depth;
    if (!empty) newline();
    out += c;
  }

  // A JSON document as a value at this point of the output.
  void document(const nlohmann::ordered_json& j);

  std::string& out;
  JsonLayout layout;
  int depth = 0;
};

// The serialized message `bytes` of type `type` as JSON, read with its schema table (output/json_wire.cpp).
void write_serialized(Sink& sink, const schema::Message& type, std::string_view bytes);

}  // namespace twctl::output::json
