// Writes the schema tables (src/message/schema.hpp) of every message and enum in a descriptor set, at build time:
// the field numbers, types, names and JSON names that the JSON writer, the request check and the RPC rules read
// instead of protobuf's descriptors, which a command would otherwise register and build on first use (most of a
// one-shot command's instructions).
//
//   protoc --include_imports --descriptor_set_out=<set> … <files>
//   twctl_proto_schema <set> <out.inc>
//
// The output is C++ that src/message/schema.cpp includes: arrays of constants, sorted so that a lookup by full
// name or by C++ type (the mangled name typeid gives a generated class) is a binary search. Nothing is built at
// run time. tests/unit/schema_test.cpp holds the tables against the generated descriptors.
#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/descriptor_database.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace gp = google::protobuf;

namespace {

// The mangled name GCC and Clang give the generated C++ class of `m` (what typeid(...).name() returns):
// package a.b and message Outer.Inner make the class a::b::Outer_Inner, "N1a1b11Outer_InnerE".
std::string mangled(const gp::Descriptor* m) {
  std::string cls = m->name();
  for (const auto* outer = m->containing_type(); outer != nullptr; outer = outer->containing_type()) {
    cls = outer->name() + "_" + cls;
  }
  const std::string& package = m->file()->package();
  if (package.empty()) return std::to_string(cls.size()) + cls;
  std::string out = "N";
  std::stringstream parts(package);
  for (std::string part; std::getline(parts, part, '.');) out += std::to_string(part.size()) + part;
  return out + std::to_string(cls.size()) + cls + "E";
}

std::string well_known(const std::string& full_name) {
  static const std::map<std::string, std::string> kinds{
      {"google.protobuf.Timestamp", "Timestamp"},     {"google.protobuf.Duration", "Duration"},
      {"google.protobuf.FieldMask", "FieldMask"},     {"google.protobuf.Any", "Any"},
      {"google.protobuf.Struct", "Struct"},           {"google.protobuf.ListValue", "ListValue"},
      {"google.protobuf.Value", "Value"},             {"google.protobuf.DoubleValue", "Wrapper"},
      {"google.protobuf.FloatValue", "Wrapper"},      {"google.protobuf.Int64Value", "Wrapper"},
      {"google.protobuf.UInt64Value", "Wrapper"},     {"google.protobuf.Int32Value", "Wrapper"},
      {"google.protobuf.UInt32Value", "Wrapper"},     {"google.protobuf.BoolValue", "Wrapper"},
      {"google.protobuf.StringValue", "Wrapper"},     {"google.protobuf.BytesValue", "Wrapper"},
      {"temporal.api.common.v1.Payload", "Payload"},  {"temporal.api.common.v1.Payloads", "Payloads"},
  };
  auto it = kinds.find(full_name);
  return it == kinds.end() ? "None" : it->second;
}

void collect(const gp::Descriptor* m, std::vector<const gp::Descriptor*>& messages,
             std::vector<const gp::EnumDescriptor*>& enums) {
  messages.push_back(m);
  for (int i = 0; i < m->nested_type_count(); ++i) collect(m->nested_type(i), messages, enums);
  for (int i = 0; i < m->enum_type_count(); ++i) enums.push_back(m->enum_type(i));
}

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: twctl_proto_schema <descriptor set> <out.inc>\n";
    return 2;
  }
  gp::FileDescriptorSet set;
  {
    std::ifstream in(argv[1], std::ios::binary);
    if (!in || !set.ParseFromIstream(&in)) {
      std::cerr << "twctl_proto_schema: cannot read the descriptor set " << argv[1] << "\n";
      return 1;
    }
  }
  gp::SimpleDescriptorDatabase db;
  for (const auto& f : set.file()) {
    if (!db.Add(f)) return 1;
  }
  gp::DescriptorPool pool(&db);
  std::vector<const gp::Descriptor*> messages;
  std::vector<const gp::EnumDescriptor*> enums;
  for (const auto& proto : set.file()) {
    const auto* f = pool.FindFileByName(proto.name());
    if (f == nullptr) {
      std::cerr << "twctl_proto_schema: cannot build " << proto.name() << "\n";
      return 1;
    }
    for (int i = 0; i < f->message_type_count(); ++i) collect(f->message_type(i), messages, enums);
    for (int i = 0; i < f->enum_type_count(); ++i) enums.push_back(f->enum_type(i));
  }
  auto by_name = [](const auto* a, const auto* b) { return a->full_name() < b->full_name(); };
  std::sort(messages.begin(), messages.end(), by_name);
  std::sort(enums.begin(), enums.end(), by_name);
  messages.erase(std::unique(messages.begin(), messages.end()), messages.end());
  enums.erase(std::unique(enums.begin(), enums.end()), enums.end());
  std::map<const gp::Descriptor*, size_t> message_index;
  std::map<const gp::EnumDescriptor*, size_t> enum_index;
  for (size_t i = 0; i < messages.size(); ++i) message_index[messages[i]] = i;
  for (size_t i = 0; i < enums.size(); ++i) enum_index[enums[i]] = i;

  std::ostringstream out;
  out << "// Generated by twctl_proto_schema from the Temporal API protos. Do not edit.\n\n";
  out << "constexpr Field kFields[] = {\n";
  std::vector<size_t> first_field;
  size_t n_fields = 0;
  for (const auto* m : messages) {
    first_field.push_back(n_fields);
    std::vector<const gp::FieldDescriptor*> fields;
    for (int i = 0; i < m->field_count(); ++i) fields.push_back(m->field(i));
    std::sort(fields.begin(), fields.end(), [](auto* a, auto* b) { return a->number() < b->number(); });
    for (const auto* f : fields) {
      // The JSON writer puts field names out without escaping (output/json_sink.hpp: Sink::field_name).
      for (char c : f->json_name()) {
        if (std::isalnum(static_cast<unsigned char>(c)) == 0 && c != '_') {
          std::cerr << "twctl_proto_schema: the JSON name of " << f->full_name() << " holds '" << c
                    << "': the JSON writer does not escape field names\n";
          return 1;
        }
      }
      long ref = -1;
      if (f->message_type() != nullptr) ref = static_cast<long>(message_index.at(f->message_type()));
      if (f->enum_type() != nullptr) ref = static_cast<long>(enum_index.at(f->enum_type()));
      std::string flags = "0";
      if (f->is_map()) {
        flags = "kMap | kRepeated";
      } else if (f->is_repeated()) {
        flags = "kRepeated";
      }
      out << "    {" << quoted(f->name()) << ", " << quoted(f->json_name()) << ", " << f->number() << ", "
          << "static_cast<Type>(" << static_cast<int>(f->type()) << "), " << flags << ", " << ref << "},\n";
      ++n_fields;
    }
  }
  if (n_fields == 0) out << "    {},\n";
  out << "};\n\n";

  std::vector<std::string> type_names;
  for (const auto* m : messages) type_names.push_back(mangled(m));
  out << "constexpr Message kMessages[] = {\n";
  for (size_t i = 0; i < messages.size(); ++i) {
    const auto* m = messages[i];
    out << "    {" << quoted(m->full_name()) << ", " << quoted(type_names[i]) << ", " << first_field[i] << ", "
        << m->field_count() << ", WellKnown::" << well_known(m->full_name()) << ", "
        << (m->options().map_entry() ? "true" : "false") << "},\n";
  }
  out << "};\n\n";

  std::vector<size_t> by_type(messages.size());
  for (size_t i = 0; i < by_type.size(); ++i) by_type[i] = i;
  std::sort(by_type.begin(), by_type.end(), [&](size_t a, size_t b) { return type_names[a] < type_names[b]; });
  out << "constexpr int32_t kMessagesByType[] = {";
  for (size_t i = 0; i < by_type.size(); ++i) out << (i % 16 == 0 ? "\n    " : " ") << by_type[i] << ",";
  out << "\n};\n\n";

  out << "constexpr EnumValue kEnumValues[] = {\n";
  std::vector<size_t> first_value;
  size_t n_values = 0;
  for (const auto* e : enums) {
    first_value.push_back(n_values);
    for (int i = 0; i < e->value_count(); ++i) {
      out << "    {" << quoted(e->value(i)->name()) << ", " << e->value(i)->number() << "},\n";
      ++n_values;
    }
  }
  out << "};\n\n";
  out << "constexpr Enum kEnums[] = {\n";
  for (size_t i = 0; i < enums.size(); ++i) {
    out << "    {" << quoted(enums[i]->full_name()) << ", " << first_value[i] << ", " << enums[i]->value_count()
        << "},\n";
  }
  out << "};\n";

  std::string text = out.str();
  std::ofstream file(argv[2], std::ios::binary | std::ios::trunc);
  file << text;
  if (!file.flush()) {
    std::cerr << "twctl_proto_schema: cannot write " << argv[2] << "\n";
    return 1;
  }
  return 0;
}
