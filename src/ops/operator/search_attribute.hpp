#pragma once
// `twctl operator search-attribute create | list | remove`: the custom search attributes of the namespace
// (-n), through the OperatorService.

#include "app/context.hpp"
#include "ops/enum_flag.hpp"

#include <string>
#include <vector>

namespace twctl::ops::operator_ {

// Text, Keyword, Int, Double, Bool, Datetime, KeywordList (matched without regard to case).
inline constexpr EnumFlag kSearchAttributeType{"--type", "temporal.api.enums.v1.IndexedValueType"};

struct SearchAttributeCreateOptions {
  std::vector<std::string> names;
  std::vector<std::string> types;  // paired with names, in order
  bool if_not_exists = false;
};
struct SearchAttributeListOptions {};
struct SearchAttributeRemoveOptions {
  std::vector<std::string> names;
  bool yes = false;
};

// ListSearchAttributes, then AddSearchAttributes for the missing ones. One that exists with another type is
// an error (already_exists); one that exists with the same type is too, unless --if-not-exists.
int search_attribute_create(const SearchAttributeCreateOptions& opts, Context& ctx);
// ListSearchAttributes: system attributes then custom ones, each sorted by name.
int search_attribute_list(const SearchAttributeListOptions& opts, Context& ctx);
// RemoveSearchAttributes after a confirmation (a question on a terminal, or --yes).
int search_attribute_remove(const SearchAttributeRemoveOptions& opts, Context& ctx);

}  // namespace twctl::ops::operator_
