#pragma once
// Flags whose values are a proto enum's, declared in one style: the values people type are the enum's value
// names in PascalCase without the type's prefix ("WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE" → "AllowDuplicate"),
// UNSPECIFIED left out, matched without regard to case. The list comes from the enum's descriptor, so a value
// the API adds is accepted (and completed) without a code change. This header names no generated type: the
// CLI asks for the names, an op for the number.

#include <string>
#include <string_view>
#include <vector>

namespace twctl::ops {

struct EnumFlag {
  std::string_view flag;       // "--id-reuse-policy"
  std::string_view enum_type;  // "temporal.api.enums.v1.WorkflowIdReusePolicy"
};

// The values, in the enum's order.
std::vector<std::string> enum_values(const EnumFlag& f);

// The enum number `text` names; a usage error naming the flag and the values otherwise.
int enum_number(const EnumFlag& f, std::string_view text);

}  // namespace twctl::ops
