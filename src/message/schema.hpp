#pragma once
// The schema tables: every Temporal API message's fields (number, wire type, name, JSON name, the message or
// enum it holds) and every enum's values, as constants written at build time from the protos
// (proto/schema_tables.cpp). They stand in for protobuf's descriptors where a one-shot command would otherwise
// register and build them on first use, which costs more than the rest of the command: the JSON writer
// (output/json_text.hpp), the request check (message/utf8_fields.hpp) and the RPC rules (client/rpc.hpp) read a
// message's serialized form with them. Nothing here is built at run time, and any thread may read them.
//
// A generated message finds its table by its C++ type (typeid), so no descriptor is touched on the way.

#include <cstdint>
#include <span>
#include <string_view>
#include <typeinfo>

namespace google::protobuf {
class MessageLite;
}

namespace twctl::schema {

// FieldDescriptorProto.Type's numbers.
enum class Type : uint8_t {
  Double = 1,
  Float = 2,
  Int64 = 3,
  UInt64 = 4,
  Int32 = 5,
  Fixed64 = 6,
  Fixed32 = 7,
  Bool = 8,
  String = 9,
  Group = 10,
  Message = 11,
  Bytes = 12,
  UInt32 = 13,
  Enum = 14,
  SFixed32 = 15,
  SFixed64 = 16,
  SInt32 = 17,
  SInt64 = 18,
};

enum FieldFlags : uint8_t { kRepeated = 1, kMap = 2 };

struct Field {
  const char* name;       // as in the .proto: "workflow_id"
  const char* json_name;  // "workflowId"
  int32_t number;
  Type type;
  uint8_t flags;  // FieldFlags
  int32_t ref;    // the message's (Type::Message) or enum's (Type::Enum) index; -1 otherwise
  bool repeated() const { return (flags & kRepeated) != 0; }
  bool map() const { return (flags & kMap) != 0; }
  // A scalar that a repeated field may pack into one length-delimited value.
  bool packable() const { return type != Type::String && type != Type::Bytes && type != Type::Message; }
  // Whether a value of wire type `w` is this field's (protobuf's parser keeps any other as an unknown field).
  bool accepts(int w) const;
};

// The types whose JSON form is not that of a plain message.
enum class WellKnown : uint8_t {
  None,
  Timestamp,
  Duration,
  FieldMask,
  Any,
  Struct,
  ListValue,
  Value,
  Wrapper,  // DoubleValue … BytesValue
  Payload,  // temporal.api.common.v1.Payload: the shorthand shows it as its JSON value
  Payloads,
};

struct Message {
  const char* full_name;  // "temporal.api.common.v1.WorkflowExecution"
  const char* type_name;  // the mangled name of its generated class, as typeid(…).name() gives it
  int32_t first_field;
  int32_t field_count;
  WellKnown well_known;
  bool map_entry;
};

struct EnumValue {
  const char* name;
  int32_t number;
};

struct Enum {
  const char* full_name;
  int32_t first_value;
  int32_t value_count;
};

// The message with this full name, or null.
const Message* find(std::string_view full_name);
// The table of the generated class `type`, or null (a class that is not a Temporal API message).
const Message* find(const std::type_info& type);
const Message* find(const google::protobuf::MessageLite& m);

// The enum with this full name, or null.
const Enum* find_enum(std::string_view full_name);

const Message& message_at(int32_t index);
const Enum& enum_at(int32_t index);
// Its fields, by number.
std::span<const Field> fields(const Message& m);
const Field* field_by_number(const Message& m, int32_t number);
const Field* field_by_name(const Message& m, std::string_view name);
std::span<const EnumValue> values(const Enum& e);
// The first value with this number (as protobuf's FindValueByNumber), or null.
const EnumValue* enum_value(const Enum& e, int32_t number);
// "DescribeWorkflowExecutionRequest" of "temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest".
std::string_view short_name(const Message& m);

// The message's full name without a descriptor; its C++ type name if the tables do not hold it.
std::string_view type_name(const google::protobuf::MessageLite& m);

// The wire format, read: the fields of one serialized message in the order they come. Malformed input (which a
// message's own serialization never is) ends the reading, and ok() tells it.
class WireReader {
 public:
  explicit WireReader(std::string_view bytes) : p_(bytes.data()), end_(bytes.data() + bytes.size()) {}
  struct Item {
    int32_t number = 0;
    int wire_type = 0;        // 0 varint, 1 fixed64, 2 length-delimited, 5 fixed32
    uint64_t scalar = 0;      // varint and fixed values
    std::string_view bytes;   // length-delimited value
  };
  // The next field, false at the end or at malformed input.
  bool next(Item& item);
  bool ok() const { return ok_; }
  // Reads one varint from `p` (below `end`); false if malformed.
  static bool varint(const char*& p, const char* end, uint64_t& v);

 private:
  const char* p_;
  const char* end_;
  bool ok_ = true;
};

}  // namespace twctl::schema
