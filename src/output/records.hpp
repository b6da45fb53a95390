#pragma once
// Records printed by field (`--fields`, `-o tsv`): the value of one path as plain text, the record reduced to
// the chosen paths as JSON, and tab-separated lines.

#include "core/time_format.hpp"
#include "output/field_paths.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace google::protobuf {
class Descriptor;
class Message;
}  // namespace google::protobuf

namespace twctl::output {

// How a command's records are printed by field; resolved from --fields, --no-header and -o before the command
// runs (cli/options/record_output), honoured by the printer and PagedList.
struct RecordOutput {
  const google::protobuf::Descriptor* type = nullptr;  // the command's record type; null: it prints none
  std::vector<FieldPath> columns;                      // --fields, else the command's own columns (for tsv)
  bool chosen = false;                                 // --fields was given
  bool header = true;                                  // false with --no-header
  TimeFormat time_format = TimeFormat::Relative;
  TimePoint now;
};

struct ValueFormat {
  TimeFormat time_format = TimeFormat::Relative;
  TimePoint now;
  bool shorthand = true;  // payloads as their JSON values
};

// The value at `path` as one plain string: enum names without their type's prefix ("COMPLETED"), times per
// the time format, durations as text shows them, payloads, messages, lists and maps as one-line JSON, bytes in
// base64, "" when unset. Not escaped.
std::string plain_value(const google::protobuf::Message& record, const FieldPath& path, const ValueFormat& format);

// The record's protobuf JSON (payloads per `shorthand`) with only `paths` kept, nested as in the whole: a path
// absent from the whole JSON (unset, or at its default) is absent here too.
nlohmann::ordered_json pick_json(const google::protobuf::Message& record, const std::vector<FieldPath>& paths,
                                 bool shorthand);

// One cell of a tsv line or a table row: backslash, tab, newline and carriage return as \\, \t, \n, \r, so that
// a record stays one line.
std::string escape_cell(std::string_view s);

// The record's cells for `paths`, escaped.
std::vector<std::string> record_cells(const google::protobuf::Message& record, const std::vector<FieldPath>& paths,
                                      const ValueFormat& format);

// Cells joined by tabs, with a newline.
std::string tsv_line(const std::vector<std::string>& cells);

}  // namespace twctl::output
