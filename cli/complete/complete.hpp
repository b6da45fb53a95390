#pragma once
// Shell completion: `twctl __complete <words...> <partial>` walks the same command tree that parses, and prints
// one candidate per line ("value<TAB>description") and a last line ":<directive>" — the protocol of cobra-based
// tools. The shell scripts (cli/complete/scripts.cpp) only call it and hand the candidates to their shell.
// Live values (workflow IDs, namespaces, task queues, handler names) use the connection flags already on the
// line, are bounded to ~300 ms through the command deadline, and any failure just gives no candidates.

#include "app/context.hpp"
#include "ops/complete/values.hpp"

#include <string>
#include <vector>

namespace twctl::cli {

// Bits of the last line, as cobra numbers them.
enum Directive : int {
  kDirectiveDefault = 0,   // the shell may complete files when there are no candidates
  kDirectiveNoSpace = 2,   // no space after the candidate
  kDirectiveNoFiles = 4,   // no file completion
  kDirectiveDirs = 16,     // complete folders
};

struct Completion {
  std::vector<ops::complete::Candidate> candidates;
  int directive = kDirectiveNoFiles;
};

// `words` are the words after the program name; the last one is the word being completed (maybe empty).
Completion complete(const std::vector<std::string>& words, Context& ctx);

// The protocol's text: candidates, then ":<directive>".
std::string format(const Completion& c);

}  // namespace twctl::cli
