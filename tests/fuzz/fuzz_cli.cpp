// The whole command line of every command: words → CLI11 parse → global resolution (flags, environment, no
// temporal.toml unless the words name one) → the command's own checks → a request to a local cluster that
// answers empty responses. Input: words separated by NUL bytes (harness.hpp; \x01NAME=VALUE is an environment
// variable, \x02TEXT standard input). Seeds: every example of the command tree (scripts/fuzz --seeds).

#include "harness.hpp"

#include <algorithm>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace twctl;
  auto inv = fuzz::split_invocation(data, size);
  if (inv.args.size() > 64) return -1;
  // The commands that write files: `__generate` (man pages, completion scripts) anywhere, `config set|delete`
  // in a temporal.toml. The fuzzer runs in a scratch folder, so only relative paths are let through.
  if (!inv.args.empty() && inv.args[0] == "__generate") return -1;
  bool config = std::find(inv.args.begin(), inv.args.end(), "config") != inv.args.end();
  for (const auto& a : inv.args) {
    if (config && (a.find('/') != std::string::npos || a.find("..") != std::string::npos)) return -1;
  }
  for (const auto& [k, v] : inv.env) {
    if (config && (v.find('/') != std::string::npos || v.find("..") != std::string::npos)) return -1;
  }
  fuzz::LocalCluster cluster;
  auto o = fuzz::run_cli(inv, cluster);
  fuzz::check_outcome(o, inv);
  return 0;
}
