#pragma once
// Batch jobs: follow one to its end, and `twctl batch list | describe | terminate`.

#include "app/context.hpp"

#include <string>

namespace twctl::ops::workflow {

// Polls the job until it stops, with a progress line on a terminal's stderr; prints the summary; fails with
// batch_failed unless it completed with no failures.
int follow_batch(Context& ctx, const std::string& job_id);

struct BatchListOptions {
  int limit = 0;
};
struct BatchDescribeOptions {
  std::string job_id;
};
struct BatchTerminateOptions {
  std::string job_id;
  std::string reason;
};

int batch_list(const BatchListOptions& opts, Context& ctx);
int batch_describe(const BatchDescribeOptions& opts, Context& ctx);
int batch_terminate(const BatchTerminateOptions& opts, Context& ctx);

}  // namespace twctl::ops::workflow
