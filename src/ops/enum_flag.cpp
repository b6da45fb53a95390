#include "ops/enum_flag.hpp"

#include "core/error.hpp"
#include "message/pool.hpp"
#include "output/proto_fields.hpp"

#include <fmt/format.h>
#include <google/protobuf/descriptor.h>

#include <algorithm>
#include <cctype>

namespace twctl::ops {

namespace gp = google::protobuf;

namespace {

const gp::EnumDescriptor& descriptor(const EnumFlag& f) {
  const auto* d = message::enum_pool().FindEnumTypeByName(std::string(f.enum_type));
  if (d == nullptr) throw Error(ErrorKind::General, fmt::format("{}: no enum {} in this build", f.flag, f.enum_type));
  return *d;
}

bool iequals(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
  });
}

}  // namespace

std::vector<std::string> enum_values(const EnumFlag& f) {
  const auto& d = descriptor(f);
  std::vector<std::string> out;
  for (int i = 0; i < d.value_count(); ++i) {
    if (d.value(i)->number() == 0) continue;  // UNSPECIFIED
    out.push_back(output::enum_short_name(*d.value(i)));
  }
  return out;
}

int enum_number(const EnumFlag& f, std::string_view text) {
  const auto& d = descriptor(f);
  for (int i = 0; i < d.value_count(); ++i) {
    const auto* v = d.value(i);
    if (v->number() != 0 && iequals(text, output::enum_short_name(*v))) return v->number();
  }
  auto values = enum_values(f);
  throw usage_error(fmt::format("invalid value \"{}\" for {}: allowed values are {}", text, f.flag,
                                fmt::join(values, ", ")));
}

}  // namespace twctl::ops
