// Splits one .proto of request and response messages into one file per RPC, at build time, so that a command
// registers and builds the descriptors of its own RPC and what that imports, not those of every RPC of the
// service (proto/CMakeLists.txt says why).
//
//   protoc --include_imports --descriptor_set_out=<set> <file>
//   twctl_proto_split <set> <file> <out root>
//
// Writes <out root>/<dir of file>/rpc/<snake_case of the RPC>.proto for each group of top-level messages (FooRequest
// and FooResponse make the group "foo"; a message without either suffix is a group of its own), with the same
// package, options and message names, each importing only the files its messages use; and <out root>/<file> in
// place of the original: every group by `import public`, so code that includes the original's header still
// compiles. The wire format, the JSON names and the full type names do not change.
#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/descriptor_database.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace gp = google::protobuf;

namespace {

std::string group_of(const std::string& message) {
  for (const std::string suffix : {"Request", "Response"}) {
    if (message.size() > suffix.size() && message.ends_with(suffix)) {
      return message.substr(0, message.size() - suffix.size());
    }
  }
  return message;
}

std::string snake_case(const std::string& camel) {
  std::string out;
  for (std::size_t i = 0; i < camel.size(); ++i) {
    const auto c = static_cast<unsigned char>(camel[i]);
    if (std::isupper(c) && i > 0) out += '_';
    out += static_cast<char>(std::tolower(c));
  }
  return out;
}

// The full names of the message and enum types a message's fields use, its nested messages' included.
void used_types(const gp::Descriptor& m, std::set<const gp::FileDescriptor*>& files,
                std::set<const gp::Descriptor*>& local, const gp::FileDescriptor& self) {
  for (int i = 0; i < m.field_count(); ++i) {
    const auto* f = m.field(i);
    const gp::FileDescriptor* file = nullptr;
    if (f->message_type() != nullptr) {
      file = f->message_type()->file();
      if (file == &self) {
        const auto* top = f->message_type();
        while (top->containing_type() != nullptr) top = top->containing_type();
        local.insert(top);
        continue;
      }
    } else if (f->enum_type() != nullptr) {
      file = f->enum_type()->file();
    }
    if (file != nullptr && file != &self) files.insert(file);
  }
  for (int i = 0; i < m.nested_type_count(); ++i) used_types(*m.nested_type(i), files, local, self);
}

// protoc's descriptor set spells out every field's JSON name; the original file spells out none, and an explicit
// one would only grow the generated descriptors.
std::string default_json_name(const std::string& field) {
  std::string out;
  bool upper = false;
  for (char c : field) {
    if (c == '_') {
      upper = true;
    } else {
      out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
      upper = false;
    }
  }
  return out;
}

void drop_default_json_names(gp::DescriptorProto& m) {
  for (auto& f : *m.mutable_field()) {
    if (f.has_json_name() && f.json_name() == default_json_name(f.name())) f.clear_json_name();
  }
  for (auto& n : *m.mutable_nested_type()) drop_default_json_names(n);
}

void add_with_imports(const gp::FileDescriptor& f, const gp::FileDescriptor& skip, gp::SimpleDescriptorDatabase& db,
                      std::set<std::string>& seen) {
  if (&f == &skip || !seen.insert(f.name()).second) return;
  for (int i = 0; i < f.dependency_count(); ++i) add_with_imports(*f.dependency(i), skip, db, seen);
  gp::FileDescriptorProto p;
  f.CopyTo(&p);
  db.Add(p);
}

bool write(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) {
    std::cerr << "twctl_proto_split: cannot write " << path << "\n";
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: twctl_proto_split <descriptor set> <file> <out root>\n";
    return 2;
  }
  const std::string name = argv[2];
  const std::filesystem::path out_root = argv[3];

  gp::FileDescriptorSet set;
  {
    std::ifstream in(argv[1], std::ios::binary);
    if (!in || !set.ParseFromIstream(&in)) {
      std::cerr << "twctl_proto_split: cannot read the descriptor set " << argv[1] << "\n";
      return 1;
    }
  }
  gp::SimpleDescriptorDatabase given;
  for (const auto& f : set.file()) {
    if (!given.Add(f)) return 1;
  }
  gp::DescriptorPool given_pool(&given);
  const gp::FileDescriptor* file = given_pool.FindFileByName(name);
  if (file == nullptr) {
    std::cerr << "twctl_proto_split: " << name << " is not in " << argv[1] << "\n";
    return 1;
  }
  if (file->enum_type_count() != 0 || file->service_count() != 0 || file->extension_count() != 0) {
    std::cerr << "twctl_proto_split: " << name << " holds more than messages\n";
    return 1;
  }

  const std::string dir = std::filesystem::path(name).parent_path().string();
  std::map<std::string, std::vector<const gp::Descriptor*>> groups;  // group → its messages, in file order
  std::vector<std::string> order;
  for (int i = 0; i < file->message_type_count(); ++i) {
    const auto* m = file->message_type(i);
    auto g = group_of(m->name());
    if (groups.find(g) == groups.end()) order.push_back(g);
    groups[g].push_back(m);
  }
  auto file_of = [&](const std::string& group) { return dir + "/rpc/" + snake_case(group) + ".proto"; };

  gp::FileDescriptorProto original;
  file->CopyTo(&original);

  // Every file the original imports, as they are, for the pool that checks the new files.
  gp::SimpleDescriptorDatabase db;
  std::set<std::string> seen;
  for (int i = 0; i < file->dependency_count(); ++i) add_with_imports(*file->dependency(i), *file, db, seen);

  std::map<std::string, gp::FileDescriptorProto> split;
  for (const auto& g : order) {
    gp::FileDescriptorProto& p = split[g];
    p.set_name(file_of(g));
    p.set_package(original.package());
    p.set_syntax(original.syntax());
    *p.mutable_options() = original.options();
    std::set<const gp::FileDescriptor*> files;
    std::set<const gp::Descriptor*> local;
    for (const auto* m : groups[g]) {
      auto* copy = p.add_message_type();
      m->CopyTo(copy);
      drop_default_json_names(*copy);
      used_types(*m, files, local, *file);
    }
    std::set<std::string> imports;
    for (const auto* f : files) imports.insert(f->name());
    for (const auto* m : local) {
      auto other = group_of(m->name());
      if (other != g) imports.insert(file_of(other));
    }
    for (const auto& i : imports) p.add_dependency(i);
  }
  for (const auto& g : order) {
    if (!db.Add(split[g])) return 1;
  }

  gp::FileDescriptorProto umbrella;
  umbrella.set_name(name);
  umbrella.set_package(original.package());
  umbrella.set_syntax(original.syntax());
  *umbrella.mutable_options() = original.options();
  for (const auto& g : order) {
    umbrella.add_public_dependency(umbrella.dependency_size());
    umbrella.add_dependency(file_of(g));
  }
  if (!db.Add(umbrella)) return 1;

  // Build every new file in a pool: a missing import or a cycle between groups fails here, not in protoc.
  gp::DescriptorPool pool(&db);
  const auto* built = pool.FindFileByName(name);
  if (built == nullptr) {
    std::cerr << "twctl_proto_split: the split of " << name << " does not build\n";
    return 1;
  }
  int messages = 0;
  for (const auto& g : order) {
    const auto* f = pool.FindFileByName(file_of(g));
    if (f == nullptr) return 1;
    messages += f->message_type_count();
    if (!write(out_root / file_of(g), "// Generated by twctl_proto_split from " + name + ".\n" + f->DebugString())) {
      return 1;
    }
  }
  if (messages != file->message_type_count()) {
    std::cerr << "twctl_proto_split: " << messages << " messages written, " << file->message_type_count()
              << " read\n";
    return 1;
  }
  return write(out_root / name, "// Generated by twctl_proto_split: the RPCs' files, by import public.\n" +
                                    built->DebugString())
             ? 0
             : 1;
}
