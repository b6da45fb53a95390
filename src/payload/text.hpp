#pragma once
// Plain text as a payload of a JSON string (--static-summary, --static-details, a Nexus endpoint's
// description), as the official CLI stores it.

#include <string_view>

#include "temporal/api/common/v1/message.pb.h"

namespace twctl::payload {

// A json/plain payload of the text as a JSON string. Throws a usage Error naming `what` when the text is not
// UTF-8, which a JSON string cannot carry.
temporal::api::common::v1::Payload from_text(std::string_view what, std::string_view text);

}  // namespace twctl::payload
