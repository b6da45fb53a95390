#include "ops/enum_flag.hpp"

#include "core/error.hpp"
#include "message/schema.hpp"
#include "output/proto_fields.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace twctl::ops {

namespace {

// The enum from the schema tables (message/schema.hpp): no descriptor is registered, so completing or checking
// an enum flag costs a lookup.
const schema::Enum& enum_of(const EnumFlag& f) {
  const auto* e = schema::find_enum(f.enum_type);
  if (e == nullptr) throw Error(ErrorKind::General, fmt::format("{}: no enum {} in this build", f.flag, f.enum_type));
  return *e;
}

// "Running" of WORKFLOW_EXECUTION_STATUS_RUNNING in enum WorkflowExecutionStatus.
std::string short_name(const schema::Enum& e, const schema::EnumValue& v) {
  std::string_view type = e.full_name;
  return output::enum_short_name(type.substr(type.rfind('.') + 1), v.name);
}

bool iequals(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
  });
}

}  // namespace

std::vector<std::string> enum_values(const EnumFlag& f) {
  const auto& e = enum_of(f);
  std::vector<std::string> out;
  for (const auto& v : schema::values(e)) {
    if (v.number == 0) continue;  // UNSPECIFIED
    out.push_back(short_name(e, v));
  }
  return out;
}

int enum_number(const EnumFlag& f, std::string_view text) {
  const auto& e = enum_of(f);
  for (const auto& v : schema::values(e)) {
    if (v.number != 0 && iequals(text, short_name(e, v))) return v.number;
  }
  auto values = enum_values(f);
  throw usage_error(fmt::format("invalid value \"{}\" for {}: allowed values are {}", text, f.flag,
                                fmt::join(values, ", ")));
}

}  // namespace twctl::ops
