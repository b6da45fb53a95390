#pragma once
// http(s) URLs as settings hold them (the codec endpoint): checked for form, and shown without credentials.

#include <string>
#include <string_view>

namespace twctl {

// "" or what is wrong, in words, never quoting the URL (it may hold credentials).
std::string http_url_problem(std::string_view url);

// The "user:password" part of scheme://user:password@host/..., or "" when there is none.
std::string url_userinfo(std::string_view url);

// The URL with its userinfo replaced by "********", for display.
std::string url_without_credentials(std::string_view url);

}  // namespace twctl
