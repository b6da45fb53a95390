// The completion protocol: `twctl __complete <words...> <partial>` as the shell scripts call it. Input: the words
// after __complete, separated by NUL bytes (harness.hpp). Whatever the words, the answer is candidates and a
// last line ":<directive>", exit 0, nothing on stderr that is not a candidate's business.

#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace twctl;
  auto inv = fuzz::split_invocation(data, size);
  if (inv.args.size() > 64) return -1;
  inv.args.insert(inv.args.begin(), "__complete");
  fuzz::LocalCluster cluster;
  auto o = fuzz::run_cli(inv, cluster);
  fuzz::check_outcome(o, inv);
  if (o.code != 0) fuzz::finding("completion exited non-zero", o);
  auto last = o.out.rfind('\n', o.out.size() >= 2 ? o.out.size() - 2 : 0);
  auto tail = o.out.substr(last == std::string::npos ? 0 : last + 1);
  if (o.out.empty() || o.out.back() != '\n' || tail.empty() || tail[0] != ':') {
    fuzz::finding("completion output does not end with :<directive>", o);
  }
  return 0;
}
