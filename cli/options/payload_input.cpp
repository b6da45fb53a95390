#include "cli/options/payload_input.hpp"

#include "cli/flags.hpp"
#include "cli/meta.hpp"

namespace twctl::cli {

void add_payload_input(CLI::App& cmd, payload::Input& input, const std::string& prefix) {
  std::string what = prefix == "input" ? "Input" : prefix == "signal-input" ? "Signal input" : "Update input";
  std::string names = (prefix == "input" ? "-i,--" : "--") + prefix;
  add_repeatable(cmd, names, input.inputs, what + " value as JSON; repeat for more arguments");
  values_from(cmd,
              add_repeatable(cmd, "--" + prefix + "-file", input.files,
                             what + " from a file (\"-\": standard input), one argument per file; repeatable"),
              Values::File);
  add_repeatable(cmd, "--" + prefix + "-meta", input.meta,
                 what + " metadata KEY=VALUE (e.g. encoding=json/protobuf); repeatable");
  cmd.add_flag("--" + prefix + "-base64", input.base64, what + " values are base64-encoded bytes");
}

}  // namespace twctl::cli
