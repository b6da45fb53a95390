#include "message/utf8_fields.hpp"

#include "core/text.hpp"
#include "message/schema.hpp"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>
#include <google/protobuf/reflection.h>

#include <map>
#include <vector>

namespace twctl::message {

namespace gp = google::protobuf;
using FD = gp::FieldDescriptor;

namespace {

std::string walk(const gp::Message& msg, const std::string& prefix) {
  const auto* r = msg.GetReflection();
  std::vector<const FD*> fields;
  r->ListFields(msg, &fields);  // set fields only
  for (const auto* f : fields) {
    std::string path = prefix + f->name();
    if (f->type() == FD::TYPE_STRING) {
      std::string scratch;
      if (f->is_repeated()) {
        for (int i = 0, n = r->FieldSize(msg, f); i < n; ++i) {
          if (auto p = utf8_problem(r->GetRepeatedStringReference(msg, f, i, &scratch)); !p.empty()) {
            return path + "[" + std::to_string(i) + "] " + p;
          }
        }
      } else if (auto p = utf8_problem(r->GetStringReference(msg, f, &scratch)); !p.empty()) {
        return path + " " + p;
      }
    } else if (f->cpp_type() == FD::CPPTYPE_MESSAGE) {
      if (f->is_repeated()) {
        for (int i = 0, n = r->FieldSize(msg, f); i < n; ++i) {
          if (auto p = walk(r->GetRepeatedMessage(msg, f, i), path + "[" + std::to_string(i) + "]."); !p.empty()) {
            return p;
          }
        }
      } else if (auto p = walk(r->GetMessage(msg, f), path + "."); !p.empty()) {
        return p;
      }
    }
  }
  return {};
}

// The same walk over a serialized message with its schema table: no descriptor is needed. Fields come in the
// serialization's order, by number, as ListFields gives them.
std::string walk_wire(const schema::Message& type, std::string_view bytes, const std::string& prefix) {
  std::map<int32_t, int> seen;  // repeated field → elements so far
  schema::WireReader r(bytes);
  for (schema::WireReader::Item it; r.next(it);) {
    if (it.wire_type != 2) continue;
    const auto* f = schema::field_by_number(type, it.number);
    if (f == nullptr || (f->type != schema::Type::String && f->type != schema::Type::Message)) continue;
    std::string path = prefix + f->name;
    if (f->repeated()) {
      path += '[';
      path += std::to_string(seen[f->number]++);
      path += ']';
    }
    if (f->type == schema::Type::String) {
      if (auto p = utf8_problem(it.bytes); !p.empty()) return path + " " + p;
    } else if (auto p = walk_wire(schema::message_at(f->ref), it.bytes, path + "."); !p.empty()) {
      return p;
    }
  }
  return {};
}

}  // namespace

std::string invalid_utf8_field(const gp::Message& msg) {
  if (const auto* type = schema::find(msg)) return walk_wire(*type, msg.SerializePartialAsString(), "");
  return walk(msg, "");
}

}  // namespace twctl::message
