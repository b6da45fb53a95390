#include "message/utf8_fields.hpp"

#include "core/text.hpp"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>
#include <google/protobuf/reflection.h>

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

}  // namespace

std::string invalid_utf8_field(const gp::Message& msg) { return walk(msg, ""); }

}  // namespace twctl::message
