#include "output/records.hpp"

#include "core/duration.hpp"
#include "output/proto_json.hpp"
#include "payload/payload.hpp"

#include <absl/strings/escaping.h>
#include <fmt/format.h>
#include <google/protobuf/descriptor.h>
#include <google/protobuf/duration.pb.h>
#include <google/protobuf/message.h>
#include <google/protobuf/timestamp.pb.h>

#include <cctype>

namespace twctl::output {

namespace gp = google::protobuf;

namespace {

constexpr auto kReplace = nlohmann::ordered_json::error_handler_t::replace;

std::string one_line(const nlohmann::ordered_json& j) { return j.dump(-1, ' ', false, kReplace); }

// "WORKFLOW_EXECUTION_STATUS_COMPLETED" of WorkflowExecutionStatus → "COMPLETED".
std::string enum_plain(const gp::EnumDescriptor& e, int number) {
  const auto* v = e.FindValueByNumber(number);
  if (v == nullptr) return std::to_string(number);
  std::string prefix;
  for (char c : e.name()) {
    if (std::isupper(static_cast<unsigned char>(c)) && !prefix.empty()) prefix += '_';
    prefix += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  prefix += '_';
  const auto& name = v->name();
  return name.size() > prefix.size() && name.compare(0, prefix.size(), prefix) == 0 ? name.substr(prefix.size())
                                                                                    : name;
}

std::string map_key(const gp::Message& entry) {
  const auto* key = entry.GetDescriptor()->map_key();
  const auto* r = entry.GetReflection();
  switch (key->cpp_type()) {
    case gp::FieldDescriptor::CPPTYPE_STRING:
      return r->GetString(entry, key);
    case gp::FieldDescriptor::CPPTYPE_INT32:
      return std::to_string(r->GetInt32(entry, key));
    case gp::FieldDescriptor::CPPTYPE_INT64:
      return std::to_string(r->GetInt64(entry, key));
    case gp::FieldDescriptor::CPPTYPE_UINT32:
      return std::to_string(r->GetUInt32(entry, key));
    case gp::FieldDescriptor::CPPTYPE_UINT64:
      return std::to_string(r->GetUInt64(entry, key));
    case gp::FieldDescriptor::CPPTYPE_BOOL:
      return r->GetBool(entry, key) ? "true" : "false";
    default:
      return {};
  }
}

const gp::Message* find_entry(const gp::Message& m, const gp::FieldDescriptor* map, const std::string& key) {
  const auto* r = m.GetReflection();
  for (int i = 0; i < r->FieldSize(m, map); ++i) {
    const auto& entry = r->GetRepeatedMessage(m, map, i);
    if (map_key(entry) == key) return &entry;
  }
  return nullptr;
}

std::string message_plain(const gp::Message& m, const ValueFormat& format) {
  const auto& type = m.GetDescriptor()->full_name();
  if (type == "temporal.api.common.v1.Payload") {
    return one_line(payload::to_json(static_cast<const payload::Payload&>(m), format.shorthand));
  }
  if (type == "temporal.api.common.v1.Payloads") {
    return one_line(payload::to_json(static_cast<const payload::Payloads&>(m), format.shorthand));
  }
  if (type == "google.protobuf.Timestamp") {
    return format_time(static_cast<const gp::Timestamp&>(m), format.time_format, format.now);
  }
  if (type == "google.protobuf.Duration") return format_duration(static_cast<const gp::Duration&>(m));
  auto j = proto_to_json(m, format.shorthand);
  return j.is_string() ? j.get<std::string>() : one_line(j);
}

// The value of field `f` of `m`.
std::string field_plain(const gp::Message& m, const gp::FieldDescriptor* f, const ValueFormat& format) {
  const auto* r = m.GetReflection();
  if (f->is_repeated()) {
    if (r->FieldSize(m, f) == 0) return {};
    auto j = proto_to_json(m, format.shorthand);
    auto it = j.find(f->json_name());
    return it == j.end() ? std::string() : one_line(*it);
  }
  switch (f->cpp_type()) {
    case gp::FieldDescriptor::CPPTYPE_MESSAGE:
      return r->HasField(m, f) ? message_plain(r->GetMessage(m, f), format) : std::string();
    case gp::FieldDescriptor::CPPTYPE_INT32:
      return std::to_string(r->GetInt32(m, f));
    case gp::FieldDescriptor::CPPTYPE_INT64:
      return std::to_string(r->GetInt64(m, f));
    case gp::FieldDescriptor::CPPTYPE_UINT32:
      return std::to_string(r->GetUInt32(m, f));
    case gp::FieldDescriptor::CPPTYPE_UINT64:
      return std::to_string(r->GetUInt64(m, f));
    case gp::FieldDescriptor::CPPTYPE_DOUBLE:
      return fmt::format("{}", r->GetDouble(m, f));
    case gp::FieldDescriptor::CPPTYPE_FLOAT:
      return fmt::format("{}", r->GetFloat(m, f));
    case gp::FieldDescriptor::CPPTYPE_BOOL:
      return r->GetBool(m, f) ? "true" : "false";
    case gp::FieldDescriptor::CPPTYPE_ENUM:
      return enum_plain(*f->enum_type(), r->GetEnumValue(m, f));
    case gp::FieldDescriptor::CPPTYPE_STRING: {
      auto s = r->GetString(m, f);
      return f->type() == gp::FieldDescriptor::TYPE_BYTES ? absl::Base64Escape(s) : s;
    }
  }
  return {};
}

}  // namespace

std::string plain_value(const gp::Message& record, const FieldPath& path, const ValueFormat& format) {
  const gp::Message* m = &record;
  for (size_t i = 0; i < path.steps.size(); ++i) {
    const auto* f = path.steps[i].field;
    if (i + 1 == path.steps.size()) return field_plain(*m, f, format);
    const auto* r = m->GetReflection();
    if (f->is_map()) {
      const auto* entry = find_entry(*m, f, path.steps[i + 1].key);
      if (entry == nullptr) return {};
      const auto* value = f->message_type()->map_value();
      if (i + 2 == path.steps.size()) return field_plain(*entry, value, format);
      m = &entry->GetReflection()->GetMessage(*entry, value);
      ++i;
    } else {
      if (!r->HasField(*m, f)) return {};
      m = &r->GetMessage(*m, f);
    }
  }
  return {};
}

nlohmann::ordered_json pick_json(const gp::Message& record, const std::vector<FieldPath>& paths, bool shorthand) {
  auto whole = proto_to_json(record, shorthand);
  auto out = nlohmann::ordered_json::object();
  for (const auto& path : paths) {
    std::vector<std::string> keys;
    for (const auto& step : path.steps) keys.push_back(step.field ? step.field->json_name() : step.key);
    const nlohmann::ordered_json* at = &whole;
    for (const auto& k : keys) {
      if (!at->is_object()) {
        at = nullptr;
        break;
      }
      auto it = at->find(k);
      if (it == at->end()) {
        at = nullptr;
        break;
      }
      at = &*it;
    }
    if (at == nullptr) continue;
    nlohmann::ordered_json* into = &out;
    for (size_t i = 0; i + 1 < keys.size(); ++i) {
      into = &(*into)[keys[i]];
      if (!into->is_object()) *into = nlohmann::ordered_json::object();
    }
    (*into)[keys.back()] = *at;
  }
  return out;
}

std::string escape_cell(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::vector<std::string> record_cells(const gp::Message& record, const std::vector<FieldPath>& paths,
                                      const ValueFormat& format) {
  std::vector<std::string> out;
  out.reserve(paths.size());
  for (const auto& p : paths) out.push_back(escape_cell(plain_value(record, p, format)));
  return out;
}

std::string tsv_line(const std::vector<std::string>& cells) {
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out += '\t';
    out += cells[i];
  }
  out += '\n';
  return out;
}

}  // namespace twctl::output
