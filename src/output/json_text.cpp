#include "output/json_text.hpp"

#include "message/pool.hpp"
#include "message/schema.hpp"
#include "payload/payload.hpp"

#include <absl/strings/escaping.h>
#include <fmt/format.h>
#include <google/protobuf/descriptor.h>
#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/message.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

namespace twctl::output {

namespace gp = google::protobuf;
using FD = gp::FieldDescriptor;
using schema::Type;
using Item = schema::WireReader::Item;

namespace {

// "2024-07-03T16:48:06.123Z": 0, 3, 6 or 9 fractional digits, as protobuf writes them.
void append_nanos(std::string& out, int32_t nanos) {
  if (nanos == 0) return;
  if (nanos % 1'000'000 == 0) {
    fmt::format_to(std::back_inserter(out), ".{:03}", nanos / 1'000'000);
  } else if (nanos % 1'000 == 0) {
    fmt::format_to(std::back_inserter(out), ".{:06}", nanos / 1'000);
  } else {
    fmt::format_to(std::back_inserter(out), ".{:09}", nanos);
  }
}

void append_timestamp(std::string& out, int64_t seconds, int32_t nanos) {
  // Days since 1970-01-01 to a civil date (H. Hinnant's algorithm), without the C library's time zone machinery.
  int64_t days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
  int64_t secs = seconds - days * 86400;
  days += 719468;
  int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  int64_t doe = days - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int64_t day = doy - (153 * mp + 2) / 5 + 1;
  int64_t month = mp < 10 ? mp + 3 : mp - 9;
  int64_t year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  fmt::format_to(std::back_inserter(out), "\"{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", year, month, day, secs / 3600,
                 secs / 60 % 60, secs % 60);
  append_nanos(out, nanos);
  out += "Z\"";
}

void append_duration(std::string& out, int64_t seconds, int32_t nanos) {
  out += '"';
  if (seconds < 0 || nanos < 0) {
    out += '-';
    seconds = -seconds;
    nanos = -nanos;
  }
  fmt::format_to(std::back_inserter(out), "{}", seconds);
  append_nanos(out, nanos);
  out += "s\"";
}

// The bytes a JSON string holds as they are: all but control characters, '"' and '\\'.
constexpr auto kPlain = [] {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c < 256; ++c) plain[static_cast<size_t>(c)] = c != '"' && c != '\\';
  return plain;
}();

void append_string(std::string& out, std::string_view s) {
  out += '"';
  size_t plain = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (kPlain[c]) continue;
    out.append(s.data() + plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: fmt::format_to(std::back_inserter(out), "\\u{:04x}", c);
    }
  }
  out.append(s.data() + plain, s.size() - plain);
  out += '"';
}

template <typename T>
void append_float(std::string& out, T v) {
  if (std::isnan(v)) {
    out += "\"NaN\"";
  } else if (std::isinf(v)) {
    out += v > 0 ? "\"Infinity\"" : "\"-Infinity\"";
  } else {
    fmt::format_to(std::back_inserter(out), "{}", v);
  }
}

// "workflow_id" → "workflowId", as FieldMask paths appear in JSON.
std::string camel_path(std::string_view path) {
  std::string out;
  bool upper = false;
  for (char c : path) {
    if (c == '_') {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out;
}

class Writer {
 public:
  Writer(std::string& out, JsonLayout layout, bool reflect_only = false)
      : out_(out), layout_(layout), reflect_only_(reflect_only) {}

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
      wire_message(*t, bytes);
      return;
    }
    reflected_message(m);
  }

  void serialized(const schema::Message& t, std::string_view bytes) { wire_message(t, bytes); }

  void reflected_message(const gp::Message& m) {
    const auto* d = m.GetDescriptor();
    if (d->file()->package() == "google.protobuf" && well_known(m, d)) return;
    if (layout_.shorthand && payload(m, d)) return;
    object(m, nullptr);
  }

 private:
  void newline() {
    if (layout_.indent < 0) return;
    out_ += '\n';
    out_.append(static_cast<size_t>(layout_.base + depth_ * layout_.indent), ' ');
  }
  void key(std::string_view name) {
    append_string(out_, name);
    out_ += layout_.indent < 0 ? ":" : ": ";
  }
  // Before each member or element: a comma after the first, then the line break of the pretty layout.
  void next(bool& first) {
    if (!first) out_ += ',';
    first = false;
    newline();
  }
  void open(char c) {
    out_ += c;
    ++depth_;
  }
  void close(char c, bool empty) {
    --depth_;
    if (!empty) newline();
    out_ += c;
  }

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

  // A JSON document as a value at this point of the output.
  void document(const nlohmann::ordered_json& j) {
    auto text = j.dump(layout_.indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    if (layout_.indent < 0) {
      out_ += text;
      return;
    }
    // The pretty dump starts at column 0: its later lines move in to this value's depth.
    std::string pad(static_cast<size_t>(layout_.base + depth_ * layout_.indent), ' ');
    size_t from = 0;
    for (size_t nl; (nl = text.find('\n', from)) != std::string::npos; from = nl + 1) {
      out_.append(text, from, nl + 1 - from);
      out_ += pad;
    }
    out_.append(text, from, std::string::npos);
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

  // ---- The same JSON from a message's serialized form and its schema table (message/schema.hpp). ----

  struct Entry {
    const schema::Field* field;
    Item item;
  };

  static bool packable(Type t) { return t != Type::String && t != Type::Bytes && t != Type::Message; }

  // Whether a value of wire type `w` is one of field `f`'s (otherwise protobuf's parser kept it as unknown).
  static bool fits(const schema::Field& f, int w) {
    switch (f.type) {
      case Type::Double:
      case Type::Fixed64:
      case Type::SFixed64:
        return w == 1 || (w == 2 && f.repeated());
      case Type::Float:
      case Type::Fixed32:
      case Type::SFixed32:
        return w == 5 || (w == 2 && f.repeated());
      case Type::String:
      case Type::Bytes:
      case Type::Message:
        return w == 2;
      case Type::Group:
        return false;
      default:
        return w == 0 || (w == 2 && f.repeated());
    }
  }

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
          if (it.number == 1 && fits(*f, it.wire_type)) value = it;
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
          if (f != nullptr && fits(*f, it.wire_type)) {
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
      if (f != nullptr && fits(*f, it.wire_type)) stack_.push_back({f, it});
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
      key(f.json_name);
      if (f.map()) {
        wire_map(f, i, j);
      } else if (f.repeated()) {
        open('[');
        bool first_element = true;
        for (size_t k = i; k < j; ++k) {
          Item item = stack_[k].item;
          if (item.wire_type == 2 && packable(f.type)) {
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
        if (it.number == 1 && fits(*key_field, it.wire_type)) k = it;
        if (it.number == 2 && fits(*value_field, it.wire_type)) v = it;
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
    auto put = [&out](auto n) {
      char digits[24];
      auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
      out.append(digits, end);
    };
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
        if (std::string_view(e.full_name) == "google.protobuf.NullValue") {
          out_ += "null";
        } else if (const auto* v = schema::enum_value(e, number)) {
          append_string(out_, v->name);
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

  std::string& out_;
  JsonLayout layout_;
  bool reflect_only_ = false;
  std::vector<Entry> stack_;  // the fields of the messages being written, innermost last
  int depth_ = 0;
  std::string scratch_;
};

}  // namespace

void append_json(const gp::Message& m, std::string& out, JsonLayout layout) { Writer(out, layout).message(m); }

void append_json(const schema::Message& type, std::string_view bytes, std::string& out, JsonLayout layout) {
  Writer(out, layout).serialized(type, bytes);
}

void append_json_by_reflection(const gp::Message& m, std::string& out, JsonLayout layout) {
  Writer(out, layout, true).message(m);
}

}  // namespace twctl::output
