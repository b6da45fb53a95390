#pragma once
// Checks of text that goes on the wire: protobuf strings must be UTF-8, gRPC header values printable ASCII.
// Each returns what is wrong in words ("" when nothing is), never the text itself (it may be a secret).

#include <string>
#include <string_view>

namespace twctl {

// "" or "is not valid UTF-8 (byte 5)".
std::string utf8_problem(std::string_view s);
// "" or "contains a control character (byte 3)" / "is not valid UTF-8 (byte 5)".
std::string text_problem(std::string_view s);
// `s` with each byte that is not part of valid UTF-8 written as \xFF: for messages that quote what was typed.
std::string printable_utf8(std::string_view s);
// A gRPC metadata value: visible ASCII and spaces only. "" or "contains ... (byte 3)".
std::string header_value_problem(std::string_view s);
// A gRPC metadata key: lower-case letters, digits, '-', '_' and '.', not empty, not "grpc-…".
std::string header_key_problem(std::string_view s);

// Levenshtein distance, for "did you mean" suggestions.
size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace twctl
