#include "core/context.hpp"

#include "core/error.hpp"

#include <ostream>

namespace twctl {

client::Gateway& Context::gateway() {
  if (!gateway_) {
    if (!gateway_factory) throw Error(ErrorKind::General, "no gateway to the cluster is configured");
    gateway_ = gateway_factory(globals.connection, cancel);
  }
  return *gateway_;
}

output::Printer& Context::printer() {
  if (!printer_) {
    printer_ = std::make_unique<output::Printer>(out, globals.output, output::Style(globals.color));
  }
  return *printer_;
}

void Context::warn(std::string_view message) { err << "warning: " << message << "\n" << std::flush; }

}  // namespace twctl
