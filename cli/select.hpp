#pragma once
// Binding a command's option struct to its action: CLI11 callbacks only select; work starts after parse().

#include "cli/app.hpp"

#include <memory>
#include <string>

namespace twctl::cli {

template <typename Options, typename Action>
void bind(CLI::App& cmd, Selection& sel, std::shared_ptr<Options> opts, Action action) {
  // The path below the root: "workflow start".
  std::string path = cmd.get_name();
  for (auto* p = cmd.get_parent(); p && p->get_parent(); p = p->get_parent()) path = p->get_name() + " " + path;
  cmd.callback([&sel, path, opts, action] {
    sel.command = path;
    sel.options = opts;
    sel.run = [opts, action](Context& ctx) { return action(*opts, ctx); };
  });
}

}  // namespace twctl::cli
