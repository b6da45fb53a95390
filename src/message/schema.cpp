#include "message/schema.hpp"

#include <google/protobuf/message_lite.h>

#include <algorithm>
#include <cstring>

namespace twctl::schema {

namespace {

// kFields, kMessages (by full name), kMessagesByType (indices, by mangled type name), kEnumValues, kEnums (by
// full name): proto/schema_tables.cpp writes them.
#include "twctl_schema_tables.inc"

}  // namespace

const Message* find(std::string_view full_name) {
  auto it = std::lower_bound(std::begin(kMessages), std::end(kMessages), full_name,
                             [](const Message& m, std::string_view name) { return std::string_view(m.full_name) < name; });
  return it != std::end(kMessages) && std::string_view(it->full_name) == full_name ? &*it : nullptr;
}

const Message* find(const std::type_info& type) {
  const char* name = type.name();
  if (*name == '*') ++name;  // GCC marks a type of internal linkage so
  auto it = std::lower_bound(std::begin(kMessagesByType), std::end(kMessagesByType), name,
                             [](int32_t i, const char* n) { return std::strcmp(kMessages[i].type_name, n) < 0; });
  return it != std::end(kMessagesByType) && std::strcmp(kMessages[*it].type_name, name) == 0 ? &kMessages[*it]
                                                                                              : nullptr;
}

const Message* find(const google::protobuf::MessageLite& m) { return find(typeid(m)); }

const Enum* find_enum(std::string_view full_name) {
  auto it = std::lower_bound(std::begin(kEnums), std::end(kEnums), full_name,
                             [](const Enum& e, std::string_view name) { return std::string_view(e.full_name) < name; });
  return it != std::end(kEnums) && std::string_view(it->full_name) == full_name ? &*it : nullptr;
}

std::span<const EnumValue> values(const Enum& e) {
  return {kEnumValues + e.first_value, static_cast<size_t>(e.value_count)};
}

const Message& message_at(int32_t index) { return kMessages[index]; }
const Enum& enum_at(int32_t index) { return kEnums[index]; }

std::span<const Field> fields(const Message& m) {
  return {kFields + m.first_field, static_cast<size_t>(m.field_count)};
}

const Field* field_by_number(const Message& m, int32_t number) {
  auto fs = fields(m);
  auto it = std::lower_bound(fs.begin(), fs.end(), number, [](const Field& f, int32_t n) { return f.number < n; });
  return it != fs.end() && it->number == number ? &*it : nullptr;
}

const Field* field_by_name(const Message& m, std::string_view name) {
  for (const auto& f : fields(m)) {
    if (std::string_view(f.name) == name) return &f;
  }
  return nullptr;
}

const EnumValue* enum_value(const Enum& e, int32_t number) {
  for (int32_t i = 0; i < e.value_count; ++i) {
    if (kEnumValues[e.first_value + i].number == number) return &kEnumValues[e.first_value + i];
  }
  return nullptr;
}

std::string_view short_name(const Message& m) {
  std::string_view name = m.full_name;
  auto dot = name.rfind('.');
  return dot == std::string_view::npos ? name : name.substr(dot + 1);
}

std::string_view type_name(const google::protobuf::MessageLite& m) {
  if (const auto* s = find(m)) return s->full_name;
  return typeid(m).name();
}

bool Field::accepts(int w) const {
  switch (type) {
    case Type::Double:
    case Type::Fixed64:
    case Type::SFixed64:
      return w == 1 || (w == 2 && repeated());
    case Type::Float:
    case Type::Fixed32:
    case Type::SFixed32:
      return w == 5 || (w == 2 && repeated());
    case Type::String:
    case Type::Bytes:
    case Type::Message:
      return w == 2;
    case Type::Group:
      return false;
    default:
      return w == 0 || (w == 2 && repeated());
  }
}

bool WireReader::varint(const char*& p, const char* end, uint64_t& v) {
  v = 0;
  for (int shift = 0; shift < 64 && p < end; shift += 7) {
    auto b = static_cast<uint8_t>(*p++);
    v |= static_cast<uint64_t>(b & 0x7f) << shift;
    if ((b & 0x80) == 0) return true;
  }
  return false;
}

bool WireReader::next(Item& item) {
  if (!ok_ || p_ >= end_) return false;
  uint64_t tag = 0;
  if (!varint(p_, end_, tag) || (tag >> 3) == 0 || (tag >> 3) > 0x1fffffff) {
    ok_ = false;
    return false;
  }
  item.number = static_cast<int32_t>(tag >> 3);
  item.wire_type = static_cast<int>(tag & 7);
  item.scalar = 0;
  item.bytes = {};
  switch (item.wire_type) {
    case 0:
      if (varint(p_, end_, item.scalar)) return true;
      break;
    case 1:
      if (end_ - p_ >= 8) {
        std::memcpy(&item.scalar, p_, 8);  // little-endian, as the wire
        p_ += 8;
        return true;
      }
      break;
    case 5:
      if (end_ - p_ >= 4) {
        uint32_t v = 0;
        std::memcpy(&v, p_, 4);
        item.scalar = v;
        p_ += 4;
        return true;
      }
      break;
    case 2: {
      uint64_t n = 0;
      if (varint(p_, end_, n) && n <= static_cast<uint64_t>(end_ - p_)) {
        item.bytes = {p_, static_cast<size_t>(n)};
        p_ += n;
        return true;
      }
      break;
    }
    default:
      break;  // groups: the Temporal API has none
  }
  ok_ = false;
  return false;
}

}  // namespace twctl::schema
