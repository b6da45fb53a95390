#pragma once
// Binding a command's option struct to its action: CLI11 callbacks only select; work starts after parse().

#include "cli/app.hpp"

#include <memory>
#include <string>

namespace twctl::cli {

template <typename Options, typename Action>
void bind(CLI::App& cmd, Selection& sel, std::shared_ptr<Options> opts, Action action) {
  std::string path = cmd.get_parent() && cmd.get_parent()->get_parent()
                         ? cmd.get_parent()->get_name() + " " + cmd.get_name()
                         : cmd.get_name();
  cmd.callback([&sel, path, opts, action] {
    sel.command = path;
    sel.options = opts;
    sel.run = [opts, action](Context& ctx) { return action(*opts, ctx); };
  });
}

}  // namespace twctl::cli
