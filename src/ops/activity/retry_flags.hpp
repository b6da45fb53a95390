#pragma once
// The two retry-policy flags that are numbers, shared by `activity update-options` and `activity start`: a
// usage error naming the flag when the text is not in range.

#include <cstdint>
#include <string>

namespace twctl::ops::activity {

double backoff_coefficient(const std::string& text);  // --retry-backoff-coefficient: a number, 1 or more
int32_t maximum_attempts(const std::string& text);     // --retry-maximum-attempts: 0 (no limit) or more

}  // namespace twctl::ops::activity
