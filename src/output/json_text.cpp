#include "output/json_text.hpp"

#include "message/pool.hpp"
#include "message/schema.hpp"
#include "output/json_sink.hpp"
#include "payload/payload.hpp"

#include <absl/strings/escaping.h>
#include <fmt/format.h>
#include <google/protobuf/descriptor.h>
#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/message.h>

#include <cstdint>
#include <memory>
#include <vector>

namespace twctl::output {

namespace gp = google::protobuf;
using FD = gp::FieldDescriptor;
using namespace json;  // the primitives and the sink (output/json_sink.hpp)

namespace {

class Writer {
 public:
  Writer(json::Sink& sink, bool reflect_only) : sink_(sink), out_(sink.out), layout_(sink.layout),
                                                 reflect_only_(reflect_only) {}

  // `m` through its schema table when the tables hold its type, so no descriptor is registered or built; by
  // reflection otherwise. Both write the same JSON (tests/unit/json_text_test.cpp holds them to it).
  void message(const gp::Message& m) {
    if (const auto* t = reflect_only_ ? nullptr : schema::find(m)) {
      std::string bytes;
      {
        // Deterministic: map entries come sorted by key.
        gp::io::StringOutputStream stream(&bytes);
        gp::io::CodedOutputStream coded(&stream);
        coded.SetSerializationDeterministic(true);
        m.SerializePartialToCodedStream(&coded);
      }
      json::write_serialized(sink_, *t, bytes);
      return;
    }
    reflected_message(m);
  }

  void reflected_message(const gp::Message& m) {
    const auto* d = m.GetDescriptor();
    if (d->file()->package() == "google.protobuf" && well_known(m, d)) return;
    if (layout_.shorthand && payload(m, d)) return;
    object(m, nullptr);
  }

 private:
  void key(std::string_view name) { sink_.key(name); }
  void next(bool& first) { sink_.next(first); }
  void open(char c) { sink_.open(c); }
  void close(char c, bool empty) { sink_.close(c, empty); }
  void document(const nlohmann::ordered_json& j) { sink_.document(j); }

  // The fields of `m` as an object; `type_url` (for Any) comes first as "@type".
  void object(const gp::Message& m, const std::string* type_url) {
    const auto* r = m.GetReflection();
    std::vector<const FD*> fields;
    r->ListFields(m, &fields);
    open('{');
    bool first = true;
    if (type_url) {
      next(first);
      key("@type");
      append_string(out_, *type_url);
    }
    for (const auto* f : fields) {
      next(first);
      key(f->json_name());
      if (f->is_map()) {
        map(m, f);
      } else if (f->is_repeated()) {
        open('[');
        bool first_element = true;
        int n = r->FieldSize(m, f);
        for (int i = 0; i < n; ++i) {
          next(first_element);
          value(m, f, i);
        }
        close(']', n == 0);
      } else {
        value(m, f, -1);
      }
    }
    close('}', first);
  }

  void map(const gp::Message& m, const FD* f) {
    const auto* r = m.GetReflection();
    const auto* key_field = f->message_type()->map_key();
    const auto* value_field = f->message_type()->map_value();
    open('{');
    bool first = true;
    int n = r->FieldSize(m, f);
    for (int i = 0; i < n; ++i) {
      const auto& entry = r->GetRepeatedMessage(m, f, i);
      const auto* er = entry.GetReflection();
      next(first);
      switch (key_field->cpp_type()) {
        case FD::CPPTYPE_STRING: key(er->GetString(entry, key_field)); break;
        case FD::CPPTYPE_INT32: key(std::to_string(er->GetInt32(entry, key_field))); break;
        case FD::CPPTYPE_INT64: key(std::to_string(er->GetInt64(entry, key_field))); break;
        case FD::CPPTYPE_UINT32: key(std::to_string(er->GetUInt32(entry, key_field))); break;
        case FD::CPPTYPE_UINT64: key(std::to_string(er->GetUInt64(entry, key_field))); break;
        case FD::CPPTYPE_BOOL: key(er->GetBool(entry, key_field) ? "true" : "false"); break;
        default: key(""); break;
      }
      value(entry, value_field, -1);
    }
    close('}', n == 0);
  }

  // One value of field `f`: element `i` of a repeated field, or the single value when i < 0.
  void value(const gp::Message& m, const FD* f, int i) {
    const auto* r = m.GetReflection();
    bool rep = i >= 0;
    switch (f->cpp_type()) {
      case FD::CPPTYPE_MESSAGE:
        message(rep ? r->GetRepeatedMessage(m, f, i) : r->GetMessage(m, f));
        break;
      case FD::CPPTYPE_INT32:
        fmt::format_to(std::back_inserter(out_), "{}", rep ? r->GetRepeatedInt32(m, f, i) : r->GetInt32(m, f));
        break;
      case FD::CPPTYPE_UINT32:
        fmt::format_to(std::back_inserter(out_), "{}", rep ? r->GetRepeatedUInt32(m, f, i) : r->GetUInt32(m, f));
        break;
      case FD::CPPTYPE_INT64:
        fmt::format_to(std::back_inserter(out_), "\"{}\"", rep ? r->GetRepeatedInt64(m, f, i) : r->GetInt64(m, f));
        break;
      case FD::CPPTYPE_UINT64:
        fmt::format_to(std::back_inserter(out_), "\"{}\"", rep ? r->GetRepeatedUInt64(m, f, i) : r->GetUInt64(m, f));
        break;
      case FD::CPPTYPE_DOUBLE:
        append_float(out_, rep ? r->GetRepeatedDouble(m, f, i) : r->GetDouble(m, f));
        break;
      case FD::CPPTYPE_FLOAT:
        append_float(out_, rep ? r->GetRepeatedFloat(m, f, i) : r->GetFloat(m, f));
        break;
      case FD::CPPTYPE_BOOL:
        out_ += (rep ? r->GetRepeatedBool(m, f, i) : r->GetBool(m, f)) ? "true" : "false";
        break;
      case FD::CPPTYPE_ENUM: {
        int number = rep ? r->GetRepeatedEnumValue(m, f, i) : r->GetEnumValue(m, f);
        if (f->enum_type()->full_name() == "google.protobuf.NullValue") {
          out_ += "null";
        } else if (const auto* v = f->enum_type()->FindValueByNumber(number)) {
          append_string(out_, v->name());
        } else {
          fmt::format_to(std::back_inserter(out_), "{}", number);
        }
        break;
      }
      case FD::CPPTYPE_STRING: {
        std::string scratch;
        const auto& s = rep ? r->GetRepeatedStringReference(m, f, i, &scratch) : r->GetStringReference(m, f, &scratch);
        if (f->type() == FD::TYPE_BYTES) {
          absl::Base64Escape(s, &scratch_);
          out_ += '"';
          out_ += scratch_;
          out_ += '"';
        } else {
          append_string(out_, s);
        }
        break;
      }
    }
  }

  // A Temporal payload as its JSON value; false for other messages.
  bool payload(const gp::Message& m, const gp::Descriptor* d) {
    if (d->file()->package() != "temporal.api.common.v1") return false;
    nlohmann::ordered_json j;
    if (d->name() == "Payload") {
      j = payload::to_json(static_cast<const payload::Payload&>(m), true);
    } else if (d->name() == "Payloads") {
      j = payload::to_json(static_cast<const payload::Payloads&>(m), true);
    } else {
      return false;
    }
    document(j);
    return true;
  }

  // The well-known types with a JSON form of their own; false for the others (written as plain messages).
  bool well_known(const gp::Message& m, const gp::Descriptor* d) {
    const auto& name = d->name();
    const auto* r = m.GetReflection();
    auto field = [&](int number) { return d->FindFieldByNumber(number); };
    if (name == "Timestamp") {
      append_timestamp(out_, r->GetInt64(m, field(1)), r->GetInt32(m, field(2)));
    } else if (name == "Duration") {
      append_duration(out_, r->GetInt64(m, field(1)), r->GetInt32(m, field(2)));
    } else if (name == "FieldMask") {
      std::string paths;
      const auto* f = field(1);
      for (int i = 0; i < r->FieldSize(m, f); ++i) {
        if (i) paths += ',';
        paths += camel_path(r->GetRepeatedString(m, f, i));
      }
      append_string(out_, paths);
    } else if (name == "DoubleValue" || name == "FloatValue" || name == "Int64Value" || name == "UInt64Value" ||
               name == "Int32Value" || name == "UInt32Value" || name == "BoolValue" || name == "StringValue" ||
               name == "BytesValue") {
      value(m, field(1), -1);
    } else if (name == "Any") {
      any(m, r->GetString(m, field(1)), r->GetString(m, field(2)));
    } else if (name == "Struct") {
      map(m, field(1));
    } else if (name == "ListValue") {
      const auto* f = field(1);
      open('[');
      bool first = true;
      int n = r->FieldSize(m, f);
      for (int i = 0; i < n; ++i) {
        next(first);
        message(r->GetRepeatedMessage(m, f, i));
      }
      close(']', n == 0);
    } else if (name == "Value") {
      const auto* kind = r->GetOneofFieldDescriptor(m, d->FindOneofByName("kind"));
      if (kind == nullptr) {
        out_ += "null";
      } else {
        value(m, kind, -1);
      }
    } else {
      return false;
    }
    return true;
  }

  void any(const gp::Message& m, const std::string& type_url, const std::string& bytes) {
    auto slash = type_url.rfind('/');
    const auto* d = message::pool().FindMessageTypeByName(
        slash == std::string::npos ? type_url : type_url.substr(slash + 1));
    if (d == nullptr) {
      // A type this build does not know: keep what there is rather than fail the whole output.
      object(m, nullptr);
      return;
    }
    std::unique_ptr<gp::Message> inner(gp::MessageFactory::generated_factory()->GetPrototype(d)->New());
    inner->ParseFromString(bytes);
    if (d->file()->package() == "google.protobuf" && d->name() != "Empty" && d->name() != "Any") {
      // A well-known type inside Any sits in a "value" member.
      open('{');
      bool first = true;
      next(first);
      key("@type");
      append_string(out_, type_url);
      next(first);
      key("value");
      message(*inner);
      close('}', false);
    } else {
      object(*inner, &type_url);
    }
  }

  json::Sink& sink_;
  std::string& out_;
  const JsonLayout& layout_;
  bool reflect_only_ = false;
  std::string scratch_;
};

}  // namespace

void append_json(const gp::Message& m, std::string& out, JsonLayout layout) {
  json::Sink sink(out, layout);
  Writer(sink, false).message(m);
}

void append_json(const schema::Message& type, std::string_view bytes, std::string& out, JsonLayout layout) {
  json::Sink sink(out, layout);
  json::write_serialized(sink, type, bytes);
}

void append_json_by_reflection(const gp::Message& m, std::string& out, JsonLayout layout) {
  json::Sink sink(out, layout);
  Writer(sink, true).message(m);
}

}  // namespace twctl::output
