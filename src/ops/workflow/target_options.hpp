#pragma once
// The single-workflow-or-batch option set: one workflow (-w, -r) or every workflow a visibility query matches
// (-q: a server-side batch job), for the commands that act on workflows: signal, cancel, terminate, delete,
// reset.

#include "ops/workflow/reference_options.hpp"

#include <string>

namespace twctl::ops::workflow {

struct Target {
  WorkflowRef ref;
  std::string query;
  std::string reason;
  bool yes = false;
  double rps = 0;
  bool wait = false;

  bool batch() const { return !query.empty(); }
};

}  // namespace twctl::ops::workflow
