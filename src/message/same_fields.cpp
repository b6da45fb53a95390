#include "message/same_fields.hpp"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>
#include <google/protobuf/reflection.h>

namespace twctl::message {

namespace gp = google::protobuf;
using FD = gp::FieldDescriptor;

namespace {

bool same_type(const FD& a, const FD& b) {
  if (a.type() != b.type() || a.is_repeated() != b.is_repeated() || a.is_map() != b.is_map()) return false;
  // A map's entry type is nested in its own message (A.FooEntry, B.FooEntry): compare keys and values.
  if (a.is_map()) {
    return same_type(*a.message_type()->map_key(), *b.message_type()->map_key()) &&
           same_type(*a.message_type()->map_value(), *b.message_type()->map_value());
  }
  if (a.cpp_type() == FD::CPPTYPE_MESSAGE) return a.message_type()->full_name() == b.message_type()->full_name();
  if (a.cpp_type() == FD::CPPTYPE_ENUM) return a.enum_type()->full_name() == b.enum_type()->full_name();
  return true;
}

void copy_singular(const gp::Message& from, const FD& f, gp::Message& to, const FD& t) {
  const auto* fr = from.GetReflection();
  const auto* tr = to.GetReflection();
  switch (f.cpp_type()) {
    case FD::CPPTYPE_INT32: tr->SetInt32(&to, &t, fr->GetInt32(from, &f)); break;
    case FD::CPPTYPE_INT64: tr->SetInt64(&to, &t, fr->GetInt64(from, &f)); break;
    case FD::CPPTYPE_UINT32: tr->SetUInt32(&to, &t, fr->GetUInt32(from, &f)); break;
    case FD::CPPTYPE_UINT64: tr->SetUInt64(&to, &t, fr->GetUInt64(from, &f)); break;
    case FD::CPPTYPE_DOUBLE: tr->SetDouble(&to, &t, fr->GetDouble(from, &f)); break;
    case FD::CPPTYPE_FLOAT: tr->SetFloat(&to, &t, fr->GetFloat(from, &f)); break;
    case FD::CPPTYPE_BOOL: tr->SetBool(&to, &t, fr->GetBool(from, &f)); break;
    case FD::CPPTYPE_ENUM: tr->SetEnumValue(&to, &t, fr->GetEnumValue(from, &f)); break;
    case FD::CPPTYPE_STRING: tr->SetString(&to, &t, fr->GetString(from, &f)); break;
    case FD::CPPTYPE_MESSAGE: tr->MutableMessage(&to, &t)->CopyFrom(fr->GetMessage(from, &f)); break;
  }
}

void copy_repeated(const gp::Message& from, const FD& f, gp::Message& to, const FD& t) {
  const auto* fr = from.GetReflection();
  const auto* tr = to.GetReflection();
  for (int i = 0, n = fr->FieldSize(from, &f); i < n; ++i) {
    switch (f.cpp_type()) {
      case FD::CPPTYPE_INT32: tr->AddInt32(&to, &t, fr->GetRepeatedInt32(from, &f, i)); break;
      case FD::CPPTYPE_INT64: tr->AddInt64(&to, &t, fr->GetRepeatedInt64(from, &f, i)); break;
      case FD::CPPTYPE_UINT32: tr->AddUInt32(&to, &t, fr->GetRepeatedUInt32(from, &f, i)); break;
      case FD::CPPTYPE_UINT64: tr->AddUInt64(&to, &t, fr->GetRepeatedUInt64(from, &f, i)); break;
      case FD::CPPTYPE_DOUBLE: tr->AddDouble(&to, &t, fr->GetRepeatedDouble(from, &f, i)); break;
      case FD::CPPTYPE_FLOAT: tr->AddFloat(&to, &t, fr->GetRepeatedFloat(from, &f, i)); break;
      case FD::CPPTYPE_BOOL: tr->AddBool(&to, &t, fr->GetRepeatedBool(from, &f, i)); break;
      case FD::CPPTYPE_ENUM: tr->AddEnumValue(&to, &t, fr->GetRepeatedEnumValue(from, &f, i)); break;
      case FD::CPPTYPE_STRING: tr->AddString(&to, &t, fr->GetRepeatedString(from, &f, i)); break;
      case FD::CPPTYPE_MESSAGE:
        if (f.is_map()) {
          copy_same_fields(fr->GetRepeatedMessage(from, &f, i), *tr->AddMessage(&to, &t));
        } else {
          tr->AddMessage(&to, &t)->CopyFrom(fr->GetRepeatedMessage(from, &f, i));
        }
        break;
    }
  }
}

}  // namespace

std::vector<std::string> copy_same_fields(const gp::Message& from, gp::Message& to) {
  std::vector<std::string> dropped;
  std::vector<const FD*> fields;
  from.GetReflection()->ListFields(from, &fields);  // set fields only
  for (const auto* f : fields) {
    const auto* t = to.GetDescriptor()->FindFieldByName(f->name());
    if (t == nullptr || !same_type(*f, *t)) {
      dropped.push_back(f->name());
      continue;
    }
    if (f->is_repeated()) {
      to.GetReflection()->ClearField(&to, t);
      copy_repeated(from, *f, to, *t);
    } else {
      copy_singular(from, *f, to, *t);
    }
  }
  return dropped;
}

}  // namespace twctl::message
