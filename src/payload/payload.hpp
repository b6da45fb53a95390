#pragma once
// Temporal payloads: JSON text in (inputs, memo, search attributes), JSON values out (results, histories).

#include "payload/input.hpp"

#include <nlohmann/json.hpp>

#include <istream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "temporal/api/common/v1/message.pb.h"

namespace twctl::payload {

using temporal::api::common::v1::Payload;
using temporal::api::common::v1::Payloads;

// One JSON document → a json/plain payload holding the text as given. Throws a usage Error naming `what`
// (e.g. "--input #2") when the text is not JSON.
Payload from_json_text(std::string_view what, std::string_view text);

// "KEY=JSON" (--memo, --search-attribute) → key and json/plain payload. Throws a usage Error naming `flag`.
std::pair<std::string, Payload> from_key_json(std::string_view flag, std::string_view key_equals_json);

// Validates and builds the arguments; errors name the flag. `prefix` is the flag family's prefix ("input",
// "signal-input", "update-input"); `stdin_stream` is read for a "-" file.
Payloads build(const Input& in, std::string_view prefix = "input", std::istream* stdin_stream = nullptr);

// "KEY=JSON" flags as a map of payloads (--headers, --memo, --search-attribute).
google::protobuf::Map<std::string, Payload> key_json_map(std::string_view flag, const std::vector<std::string>& kvs);

// A payload as JSON. With shorthand: json/plain → its value (also with a search attribute's "type" hint), binary/null → null, json/protobuf → the object
// plus "_protoMessageType"; anything else (and everything without shorthand) → {"metadata":{k: base64},
// "data": base64}, the protobuf JSON form, so nothing is dropped.
nlohmann::ordered_json to_json(const Payload& p, bool shorthand);
// Payloads → a JSON array of the above.
nlohmann::ordered_json to_json(const Payloads& p, bool shorthand);
// A result as people and scripts expect it: one payload → that value; several → an array; none → null.
nlohmann::ordered_json result_to_json(const Payloads& p, bool shorthand);

// The "encoding" metadata ("json/plain", ...), or "" when absent.
std::string encoding(const Payload& p);

}  // namespace twctl::payload
