#include "ops/confirm.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

#include <istream>
#include <string>

namespace twctl::ops {

bool can_ask(Context& ctx) { return ctx.stdin_tty && ctx.stderr_tty && !ctx.printer().json(); }

void ask(Context& ctx, std::string_view question, std::string_view answer) {
  ctx.err << question << " " << std::flush;
  std::string line;
  std::getline(ctx.in, line);
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
  bool ok = answer.empty() ? (line == "y" || line == "Y" || line == "yes") : line == answer;
  if (!ok) throw Error(ErrorKind::General, "not confirmed: nothing was done");
}

void confirm(Context& ctx, bool yes, std::string_view question, std::string_view without_yes,
             std::string_view answer) {
  if (yes) return;
  if (!can_ask(ctx)) {
    throw usage_error(fmt::format("{} (twctl cannot ask: standard input is not a terminal, or the output is JSON)",
                                  without_yes));
  }
  ask(ctx, question, answer);
}

}  // namespace twctl::ops
