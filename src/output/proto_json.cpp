#include "output/proto_json.hpp"

#include "output/json_text.hpp"
#include "payload/payload.hpp"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>

#include <string>

namespace twctl::output {

namespace gp = google::protobuf;

namespace {

void rewrite_payloads(const gp::Message& m, nlohmann::ordered_json& j);

void rewrite_value(const gp::Message& m, nlohmann::ordered_json& j) {
  const auto& name = m.GetDescriptor()->full_name();
  if (name == "temporal.api.common.v1.Payload") {
    j = payload::to_json(static_cast<const payload::Payload&>(m), true);
  } else if (name == "temporal.api.common.v1.Payloads") {
    j = payload::to_json(static_cast<const payload::Payloads&>(m), true);
  } else if (name.rfind("google.protobuf.", 0) != 0) {
    rewrite_payloads(m, j);
  }
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

// Walks the message and its JSON side by side; only message-typed fields can hold payloads.
void rewrite_payloads(const gp::Message& m, nlohmann::ordered_json& j) {
  if (!j.is_object()) return;
  const auto* r = m.GetReflection();
  std::vector<const gp::FieldDescriptor*> fields;
  r->ListFields(m, &fields);
  for (const auto* f : fields) {
    if (f->cpp_type() != gp::FieldDescriptor::CPPTYPE_MESSAGE) continue;
    auto it = j.find(f->json_name());
    if (it == j.end()) continue;
    auto& jv = *it;
    if (f->is_map()) {
      const auto* value = f->message_type()->map_value();
      if (value->cpp_type() != gp::FieldDescriptor::CPPTYPE_MESSAGE) continue;
      for (int i = 0; i < r->FieldSize(m, f); ++i) {
        const auto& entry = r->GetRepeatedMessage(m, f, i);
        auto key = map_key(entry);
        if (!jv.contains(key)) continue;
        rewrite_value(entry.GetReflection()->GetMessage(entry, value), jv[key]);
      }
    } else if (f->is_repeated()) {
      for (int i = 0; i < r->FieldSize(m, f) && i < static_cast<int>(jv.size()); ++i) {
        rewrite_value(r->GetRepeatedMessage(m, f, i), jv[i]);
      }
    } else {
      rewrite_value(r->GetMessage(m, f), jv);
    }
  }
}

}  // namespace

nlohmann::ordered_json proto_to_json(const gp::Message& m, bool shorthand) {
  std::string text;
  append_json(m, text);
  auto j = nlohmann::ordered_json::parse(text);
  if (shorthand) rewrite_payloads(m, j);
  return j;
}

}  // namespace twctl::output
