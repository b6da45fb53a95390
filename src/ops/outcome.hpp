#pragma once
// A change whose answer was lost: the client layer raises outcome_unknown (exit 14; or interrupted, 130, when
// the user stopped the wait) saying it may or may not have been applied (client/retry.hpp); the command adds
// how to find out, since only it knows what it changed.

#include "app/context.hpp"
#include "client/gateway.hpp"
#include "core/error.hpp"

#include <fmt/format.h>

#include <string_view>

namespace twctl::ops {

// Whether `e` says that a change may or may not have been applied.
inline bool outcome_unknown(const Error& e) {
  return e.kind() == ErrorKind::OutcomeUnknown ||
         (e.kind() == ErrorKind::Interrupted && e.details.is_object() && e.details.contains("lostBecause"));
}

// "`twctl <args> [-n NS]`<note>": how to check, in the command's namespace.
inline std::string check_with(const Context& ctx, std::string_view args, std::string_view note = {}) {
  std::string ns = ctx.namespace_() == "default" ? std::string() : " -n " + ctx.namespace_();
  return fmt::format("`twctl {}{}`{}", args, ns, note);
}

// client::call for a change; a lost answer names `check` (check_with), what tells what happened.
template <typename Resp, typename Req>
Resp call_change(Context& ctx, const Req& req, std::string_view check) {
  try {
    return client::call<Resp>(ctx.gateway(), req);
  } catch (const Error& e) {
    if (!outcome_unknown(e)) throw;
    throw rephrased(e, e.kind(), fmt::format("{}; check with {}", e.what(), check));
  }
}

}  // namespace twctl::ops
