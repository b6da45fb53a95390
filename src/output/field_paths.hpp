#pragma once
// Field paths into a record message (`--fields execution.workflowId,status`): the protobuf JSON mapping's names,
// dotted, as they appear in the command's `-o json` output. Checked against the record's descriptor before
// anything is sent; a path that does not exist is a usage error that lists the known paths closest to it.
//
// A path walks singular message fields; a map field takes its key as the next part (`memo.fields.owner`,
// `searchAttributes.indexedFields.CustomKeywordField`; when the map's value is a leaf the key is the whole
// rest, dots and all). Leaves: scalars, enums, lists (picked whole), payloads and the well-known types
// (timestamps, durations, ...). A path may also stop at a message (its whole JSON).

#include <string>
#include <string_view>
#include <vector>

namespace google::protobuf {
class Descriptor;
class FieldDescriptor;
}  // namespace google::protobuf

namespace twctl::output {

struct FieldPath {
  struct Step {
    const google::protobuf::FieldDescriptor* field = nullptr;  // null: a map key
    std::string key;                                           // the map key (field null)
  };
  std::string text;  // as typed: the column's header and the JSON path
  std::vector<Step> steps;
  // The field whose value the path ends on (for a map key: the map's value field).
  const google::protobuf::FieldDescriptor* leaf() const;
};

// Resolves `text` in `type`; throws a usage error naming `flag` and the closest known paths.
FieldPath resolve_field_path(const google::protobuf::Descriptor& type, std::string_view text,
                             std::string_view flag = "--fields");

// "a,b.c" → the paths, in order; an empty entry, or a path twice, is a usage error naming `flag`.
std::vector<FieldPath> resolve_field_list(const google::protobuf::Descriptor& type, std::string_view list,
                                          std::string_view flag = "--fields");

// Every path into `type` (messages to a bounded depth, without entering a type twice on one path; maps as
// themselves, their keys unknown), sorted: the names offered in completion and in close matches.
std::vector<std::string> known_field_paths(const google::protobuf::Descriptor& type);

// Up to five of `known` closest to `typed`: by edit distance over the whole path, or the same last part.
std::vector<std::string> close_field_paths(std::string_view typed, const std::vector<std::string>& known);

// Whether messages of this type print as one value (payloads, timestamps and the other well-known types).
bool is_leaf_message(const google::protobuf::Descriptor& type);

}  // namespace twctl::output
