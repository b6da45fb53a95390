#pragma once
// Confirming a destructive command: a question on a terminal, --yes otherwise. Never hangs a script: when it
// cannot ask (stdin or stderr is not a terminal, or the output is JSON) and --yes is absent, it is a usage
// error, raised before anything is sent.

#include "app/context.hpp"

#include <string_view>

namespace twctl::ops {

// Whether a question can be asked: stdin and stderr are terminals and the output is not JSON.
bool can_ask(Context& ctx);

// Asks `question` on stderr and reads one line of stdin. `answer` is what confirms (e.g. a namespace's name);
// empty: "y" or "yes". Anything else fails (exit 1) with "not confirmed: nothing was done".
void ask(Context& ctx, std::string_view question, std::string_view answer = {});

// With `yes`, nothing. Otherwise asks when it can; when it cannot, a usage error that says `without_yes`
// ("add --yes to delete namespace orders").
void confirm(Context& ctx, bool yes, std::string_view question, std::string_view without_yes,
             std::string_view answer = {});

}  // namespace twctl::ops
