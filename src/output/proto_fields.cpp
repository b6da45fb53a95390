#include "output/proto_fields.hpp"

#include "core/duration.hpp"
#include "payload/payload.hpp"

#include <absl/strings/escaping.h>
#include <fmt/format.h>
#include <google/protobuf/descriptor.h>
#include <google/protobuf/duration.pb.h>
#include <google/protobuf/field_mask.pb.h>
#include <google/protobuf/message.h>
#include <google/protobuf/timestamp.pb.h>

#include <algorithm>
#include <cctype>

namespace twctl::output {

namespace gp = google::protobuf;

std::string enum_short_name(std::string_view enum_name, std::string_view value_name) {
  // The prefix the Temporal API puts on every value: the enum's name in UPPER_SNAKE_CASE.
  std::string prefix;
  for (char c : enum_name) {
    if (std::isupper(static_cast<unsigned char>(c)) && !prefix.empty()) prefix += '_';
    prefix += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  prefix += '_';
  return pascal_case(value_name, prefix);
}

std::string enum_short_name(const gp::EnumValueDescriptor& v) { return enum_short_name(v.type()->name(), v.name()); }

std::string enum_short_name(const gp::EnumDescriptor& e, int number) {
  const auto* v = e.FindValueByNumber(number);
  return v == nullptr ? std::to_string(number) : enum_short_name(*v);
}

std::string pascal_case(std::string_view name, std::string_view prefix) {
  if (name.substr(0, prefix.size()) == prefix) name.remove_prefix(prefix.size());
  std::string out;
  bool upper = true;
  for (char c : name) {
    if (c == '_') {
      upper = true;
      continue;
    }
    out += upper ? c : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    upper = false;
  }
  return out;
}

namespace {

std::string one_line(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

class Flattener {
 public:
  Flattener(const FieldOptions& opts, Card& out) : opts_(opts), out_(out) {}

  void message(const gp::Message& m, const std::string& path) {
    const auto& type = m.GetDescriptor()->full_name();
    if (type == "temporal.api.common.v1.Payload") {
      out_.emplace_back(path, one_line(payload::to_json(static_cast<const payload::Payload&>(m), opts_.shorthand)));
    } else if (type == "temporal.api.common.v1.Payloads") {
      const auto& list = static_cast<const payload::Payloads&>(m);
      for (int i = 0; i < list.payloads_size(); ++i) message(list.payloads(i), fmt::format("{}[{}]", path, i));
    } else if (type == "google.protobuf.Timestamp") {
      out_.emplace_back(path, format_time(static_cast<const gp::Timestamp&>(m), opts_.time_format, opts_.now));
    } else if (type == "google.protobuf.Duration") {
      out_.emplace_back(path, format_duration(static_cast<const gp::Duration&>(m)));
    } else if (type == "google.protobuf.FieldMask") {
      std::string paths;
      for (const auto& p : static_cast<const gp::FieldMask&>(m).paths()) paths += (paths.empty() ? "" : ",") + p;
      out_.emplace_back(path, paths);
    } else {
      fields(m, path);
    }
  }

 private:
  static std::string join(const std::string& path, const std::string& name) {
    return path.empty() ? name : path + "." + name;
  }

  void fields(const gp::Message& m, const std::string& path) {
    const auto* r = m.GetReflection();
    std::vector<const gp::FieldDescriptor*> set;
    r->ListFields(m, &set);
    for (const auto* f : set) {
      auto name = join(path, f->json_name());
      if (f->is_map()) {
        const auto* key = f->message_type()->map_key();
        const auto* value = f->message_type()->map_value();
        for (int i = 0; i < r->FieldSize(m, f); ++i) {
          const auto& entry = r->GetRepeatedMessage(m, f, i);
          one(entry, value, -1, join(name, scalar(entry, key, -1)));
        }
      } else if (f->is_repeated()) {
        for (int i = 0; i < r->FieldSize(m, f); ++i) one(m, f, i, fmt::format("{}[{}]", name, i));
      } else {
        one(m, f, -1, name);
      }
    }
  }

  // One value of field `f` (element `i` of a repeated field, or -1).
  void one(const gp::Message& m, const gp::FieldDescriptor* f, int i, const std::string& path) {
    if (f->cpp_type() == gp::FieldDescriptor::CPPTYPE_MESSAGE) {
      const auto* r = m.GetReflection();
      message(i < 0 ? r->GetMessage(m, f) : r->GetRepeatedMessage(m, f, i), path);
    } else {
      out_.emplace_back(path, scalar(m, f, i));
    }
  }

  static std::string scalar(const gp::Message& m, const gp::FieldDescriptor* f, int i) {
    const auto* r = m.GetReflection();
    bool rep = i >= 0;
    switch (f->cpp_type()) {
      case gp::FieldDescriptor::CPPTYPE_INT32:
        return std::to_string(rep ? r->GetRepeatedInt32(m, f, i) : r->GetInt32(m, f));
      case gp::FieldDescriptor::CPPTYPE_INT64:
        return std::to_string(rep ? r->GetRepeatedInt64(m, f, i) : r->GetInt64(m, f));
      case gp::FieldDescriptor::CPPTYPE_UINT32:
        return std::to_string(rep ? r->GetRepeatedUInt32(m, f, i) : r->GetUInt32(m, f));
      case gp::FieldDescriptor::CPPTYPE_UINT64:
        return std::to_string(rep ? r->GetRepeatedUInt64(m, f, i) : r->GetUInt64(m, f));
      case gp::FieldDescriptor::CPPTYPE_DOUBLE:
        return fmt::format("{}", rep ? r->GetRepeatedDouble(m, f, i) : r->GetDouble(m, f));
      case gp::FieldDescriptor::CPPTYPE_FLOAT:
        return fmt::format("{}", rep ? r->GetRepeatedFloat(m, f, i) : r->GetFloat(m, f));
      case gp::FieldDescriptor::CPPTYPE_BOOL:
        return (rep ? r->GetRepeatedBool(m, f, i) : r->GetBool(m, f)) ? "true" : "false";
      case gp::FieldDescriptor::CPPTYPE_ENUM:
        return enum_short_name(*(rep ? r->GetRepeatedEnum(m, f, i) : r->GetEnum(m, f)));
      case gp::FieldDescriptor::CPPTYPE_STRING: {
        auto s = rep ? r->GetRepeatedString(m, f, i) : r->GetString(m, f);
        return f->type() == gp::FieldDescriptor::TYPE_BYTES ? absl::Base64Escape(s) : s;
      }
      default:
        return {};
    }
  }

  const FieldOptions& opts_;
  Card& out_;
};

// "input[2]" before "input[10]": runs of digits compare as numbers.
bool natural_less(const std::string& a, const std::string& b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    auto digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
    if (digit(a[i]) && digit(b[j])) {
      size_t ei = i, ej = j;
      while (ei < a.size() && digit(a[ei])) ++ei;
      while (ej < b.size() && digit(b[ej])) ++ej;
      if (ei - i != ej - j) return ei - i < ej - j;
      if (int c = a.compare(i, ei - i, b, j, ej - j); c != 0) return c < 0;
      i = ei;
      j = ej;
    } else {
      if (a[i] != b[j]) return a[i] < b[j];
      ++i;
      ++j;
    }
  }
  return a.size() - i < b.size() - j;
}

}  // namespace

Card message_fields(const gp::Message& m, const FieldOptions& opts) {
  Card out;
  Flattener(opts, out).message(m, "");
  std::stable_sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return natural_less(x.first, y.first); });
  return out;
}

}  // namespace twctl::output
