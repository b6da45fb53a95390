// JSON from a message's serialized form and its schema table (message/schema.hpp): what append_json writes
// for every type the tables hold, so that no descriptor is registered or built. The output is the reflection
// writer's (output/json_text.cpp), byte for byte; tests/unit/schema_test.cpp holds the two to it.
#include "message/schema.hpp"
#include "output/json_sink.hpp"
#include "payload/payload.hpp"

#include <absl/strings/escaping.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <vector>

namespace twctl::output::json {

namespace {

using schema::Type;
using Item = schema::WireReader::Item;

class WireWriter {
 public:
  explicit WireWriter(Sink& sink) : sink_(sink), out_(sink.out), layout_(sink.layout) {}

  struct Entry {
    const schema::Field* field;
    Item item;
  };

  void wire_message(const schema::Message& t, std::string_view bytes) {
    using WK = schema::WellKnown;
    switch (t.well_known) {
      case WK::None:
        break;
      case WK::Payload:
      case WK::Payloads:
        if (layout_.shorthand) {
          if (t.well_known == WK::Payload) {
            payload::Payload p;
            p.ParsePartialFromArray(bytes.data(), static_cast<int>(bytes.size()));
            document(payload::to_json(p, true));
          } else {
            payload::Payloads p;
            p.ParsePartialFromArray(bytes.data(), static_cast<int>(bytes.size()));
            document(payload::to_json(p, true));
          }
          return;
        }
        break;
      case WK::Timestamp:
      case WK::Duration: {
        int64_t seconds = 0;
        int32_t nanos = 0;
        schema::WireReader r(bytes);
        for (Item it; r.next(it);) {
          if (it.number == 1 && it.wire_type == 0) seconds = static_cast<int64_t>(it.scalar);
          if (it.number == 2 && it.wire_type == 0) nanos = static_cast<int32_t>(it.scalar);
        }
        if (t.well_known == WK::Timestamp) {
          append_timestamp(out_, seconds, nanos);
        } else {
          append_duration(out_, seconds, nanos);
        }
        return;
      }
      case WK::FieldMask: {
        std::string paths;
        bool first = true;
        schema::WireReader r(bytes);
        for (Item it; r.next(it);) {
          if (it.number != 1 || it.wire_type != 2) continue;
          if (!first) paths += ',';
          first = false;
          paths += camel_path(it.bytes);
        }
        append_string(out_, paths);
        return;
      }
      case WK::Wrapper: {
        const auto* f = schema::field_by_number(t, 1);
        Item value;
        schema::WireReader r(bytes);
        for (Item it; r.next(it);) {
          if (it.number == 1 && f->accepts(it.wire_type)) value = it;
        }
        wire_value(*f, value);
        return;
      }
      case WK::Any: {
        std::string_view url;
        std::string_view value;
        schema::WireReader r(bytes);
        for (Item it; r.next(it);) {
          if (it.number == 1 && it.wire_type == 2) url = it.bytes;
          if (it.number == 2 && it.wire_type == 2) value = it.bytes;
        }
        auto slash = url.rfind('/');
        const auto* inner = schema::find(slash == std::string_view::npos ? url : url.substr(slash + 1));
        if (inner == nullptr) {
          // A type this build does not know: keep what there is rather than fail the whole output.
          wire_object(t, bytes, nullptr);
        } else if (std::string_view(inner->full_name).starts_with("google.protobuf.") &&
                   schema::short_name(*inner) != "Empty" && schema::short_name(*inner) != "Any") {
          // A well-known type inside Any sits in a "value" member.
          open('{');
          bool first = true;
          next(first);
          key("@type");
          append_string(out_, url);
          next(first);
          key("value");
          wire_message(*inner, value);
          close('}', false);
        } else {
          wire_object(*inner, value, &url);
        }
        return;
      }
      case WK::Struct: {
        const auto* f = schema::field_by_number(t, 1);
        size_t base = stack_.size();
        schema::WireReader r(bytes);
        for (Item it; r.next(it);) {
          if (it.number == 1 && it.wire_type == 2) stack_.push_back({f, it});
        }
        wire_map(*f, base, stack_.size());
        stack_.resize(base);
        return;
      }
      case WK::ListValue: {
        const auto& value = schema::message_at(schema::field_by_number(t, 1)->ref);
        open('[');
        bool first = true;
        schema::WireReader r(bytes);
        for (Item it; r.next(it);) {
          if (it.number != 1 || it.wire_type != 2) continue;
          next(first);
          wire_message(value, it.bytes);
        }
        close(']', first);
        return;
      }
      case WK::Value: {
        const schema::Field* kind = nullptr;
        Item value;
        schema::WireReader r(bytes);
        for (Item it; r.next(it);) {
          const auto* f = schema::field_by_number(t, it.number);
          if (f != nullptr && f->accepts(it.wire_type)) {
            kind = f;
            value = it;
          }
        }
        if (kind == nullptr) {
          out_ += "null";
        } else {
          wire_value(*kind, value);
        }
        return;
      }
    }
    wire_object(t, bytes, nullptr);
  }

  // The fields of a serialized message as an object, by field number as ListFields gives them; `type_url`
  // (for Any) comes first as "@type".
  void wire_object(const schema::Message& t, std::string_view bytes, const std::string_view* type_url) {
    // This message's fields go on stack_ above those of the messages it is nested in (one allocation for the
    // whole output, not one per message), and come off when it is written. Nested messages push more, which
    // may move the vector: entries are read by index, and copied before a nested call.
    size_t base = stack_.size();
    schema::WireReader r(bytes);
    for (Item it; r.next(it);) {
      const auto* f = schema::field_by_number(t, it.number);
      if (f != nullptr && f->accepts(it.wire_type)) stack_.push_back({f, it});
    }
    size_t end = stack_.size();
    auto by_number = [](const Entry& a, const Entry& b) { return a.field->number < b.field->number; };
    auto from = stack_.begin() + static_cast<std::ptrdiff_t>(base);
    if (!std::is_sorted(from, stack_.end(), by_number)) std::stable_sort(from, stack_.end(), by_number);
    open('{');
    bool first = true;
    if (type_url != nullptr) {
      next(first);
      key("@type");
      append_string(out_, *type_url);
    }
    for (size_t i = base; i < end;) {
      const auto& f = *stack_[i].field;
      size_t j = i;
      while (j < end && stack_[j].field == &f) ++j;
      next(first);
      sink_.field_name(f.json_name);
      if (f.map()) {
        wire_map(f, i, j);
      } else if (f.repeated()) {
        open('[');
        bool first_element = true;
        for (size_t k = i; k < j; ++k) {
          Item item = stack_[k].item;
          if (item.wire_type == 2 && f.packable()) {
            packed(f, item.bytes, first_element);
          } else {
            next(first_element);
            wire_value(f, item);
          }
        }
        close(']', first_element);
      } else {
        Item item = stack_[j - 1].item;  // the last one counts, as in protobuf's parser
        wire_value(f, item);
      }
      i = j;
    }
    close('}', first);
    stack_.resize(base);
  }

  // The elements of a packed repeated scalar.
  void packed(const schema::Field& f, std::string_view bytes, bool& first) {
    const char* p = bytes.data();
    const char* end = p + bytes.size();
    while (p < end) {
      Item item;
      switch (f.type) {
        case Type::Double:
        case Type::Fixed64:
        case Type::SFixed64:
          if (end - p < 8) return;
          std::memcpy(&item.scalar, p, 8);
          p += 8;
          break;
        case Type::Float:
        case Type::Fixed32:
        case Type::SFixed32: {
          if (end - p < 4) return;
          uint32_t v = 0;
          std::memcpy(&v, p, 4);
          item.scalar = v;
          p += 4;
          break;
        }
        default:
          if (!schema::WireReader::varint(p, end, item.scalar)) return;
      }
      next(first);
      wire_value(f, item);
    }
  }

  // A map field's entries, stack_[from, to), as an object.
  void wire_map(const schema::Field& f, size_t from, size_t to) {
    const auto& entry = schema::message_at(f.ref);
    const auto* key_field = schema::field_by_number(entry, 1);
    const auto* value_field = schema::field_by_number(entry, 2);
    open('{');
    bool first = true;
    for (size_t e = from; e < to; ++e) {
      Item k;
      Item v;
      schema::WireReader r(stack_[e].item.bytes);
      for (Item it; r.next(it);) {
        if (it.number == 1 && key_field->accepts(it.wire_type)) k = it;
        if (it.number == 2 && value_field->accepts(it.wire_type)) v = it;
      }
      next(first);
      switch (key_field->type) {
        case Type::String: key(k.bytes); break;
        case Type::Bool: key(k.scalar != 0 ? "true" : "false"); break;
        default: {
          std::string text;
          integer(*key_field, k.scalar, text);
          key(text);
          break;
        }
      }
      wire_value(*value_field, v);
    }
    close('}', first);
  }

  // An integer field's value as decimal digits.
  static void integer(const schema::Field& f, uint64_t v, std::string& out) {
    auto put = [&out](auto n) { append_decimal(out, n); };
    switch (f.type) {
      case Type::Int32:
      case Type::SFixed32:
        put(static_cast<int32_t>(static_cast<uint32_t>(v)));
        break;
      case Type::SInt32: {
        auto u = static_cast<uint32_t>(v);
        put(static_cast<int32_t>((u >> 1) ^ (~(u & 1) + 1)));
        break;
      }
      case Type::UInt32:
      case Type::Fixed32:
        put(static_cast<uint32_t>(v));
        break;
      case Type::Int64:
      case Type::SFixed64:
        put(static_cast<int64_t>(v));
        break;
      case Type::SInt64:
        put(static_cast<int64_t>((v >> 1) ^ (~(v & 1) + 1)));
        break;
      default:
        put(v);
    }
  }

  // One value of field `f` (a default-constructed item is the field's default value).
  void wire_value(const schema::Field& f, const Item& item) {
    switch (f.type) {
      case Type::Message:
        wire_message(schema::message_at(f.ref), item.bytes);
        break;
      case Type::Int64:
      case Type::UInt64:
      case Type::Fixed64:
      case Type::SFixed64:
      case Type::SInt64:
        out_ += '"';
        integer(f, item.scalar, out_);
        out_ += '"';
        break;
      case Type::Double: {
        double d = 0;
        std::memcpy(&d, &item.scalar, sizeof d);
        append_float(out_, d);
        break;
      }
      case Type::Float: {
        auto bits = static_cast<uint32_t>(item.scalar);
        float v = 0;
        std::memcpy(&v, &bits, sizeof v);
        append_float(out_, v);
        break;
      }
      case Type::Bool:
        out_ += item.scalar != 0 ? "true" : "false";
        break;
      case Type::Enum: {
        const auto& e = schema::enum_at(f.ref);
        auto number = static_cast<int32_t>(static_cast<uint32_t>(item.scalar));
        static const schema::Enum* const null_value = schema::find_enum("google.protobuf.NullValue");
        if (&e == null_value) {
          out_ += "null";
        } else if (const auto* v = schema::enum_value(e, number)) {
          // An enum value's name is an identifier (protoc allows no other): nothing to escape.
          append_identifier(out_, v->name);
        } else {
          fmt::format_to(std::back_inserter(out_), "{}", number);
        }
        break;
      }
      case Type::String:
        append_string(out_, item.bytes);
        break;
      case Type::Bytes:
        absl::Base64Escape(absl::string_view(item.bytes.data(), item.bytes.size()), &scratch_);
        out_ += '"';
        out_ += scratch_;
        out_ += '"';
        break;
      case Type::Group:
        out_ += "null";
        break;
      default:
        integer(f, item.scalar, out_);
    }
  }

 private:
  void key(std::string_view name) { sink_.key(name); }
  void next(bool& first) { sink_.next(first); }
  void open(char c) { sink_.open(c); }
  void close(char c, bool empty) { sink_.close(c, empty); }
  void document(const nlohmann::ordered_json& j) { sink_.document(j); }

  Sink& sink_;
  std::string& out_;
  const JsonLayout& layout_;
  std::vector<Entry> stack_;  // the fields of the messages being written, innermost last
  std::string scratch_;
};

}  // namespace

void write_serialized(Sink& sink, const schema::Message& type, std::string_view bytes) {
  WireWriter(sink).wire_message(type, bytes);
}

}  // namespace twctl::output::json
