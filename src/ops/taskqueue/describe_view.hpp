#pragma once
// Inside `task-queue describe`: what the calls returned, and how it is printed (describe_print.cpp).

#include "ops/taskqueue/taskqueue.hpp"

#include <utility>
#include <vector>

#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::ops::taskqueue {

// What one look at the queue returned: the enhanced answer, or one answer per partition in legacy mode; and
// the config per type when asked for.
struct Seen {
  temporal::api::workflowservice::v1::DescribeTaskQueueResponse enhanced;
  std::vector<temporal::api::workflowservice::v1::DescribeTaskQueueResponse> partitions;  // legacy: index = partition
  std::vector<std::pair<int, temporal::api::workflowservice::v1::DescribeTaskQueueResponse>> configs;
};


// The tables (text) or the document (json) for what was seen: enhanced mode, or legacy mode per partition.
void print_describe(const DescribeOptions& opts, const Seen& s, Context& ctx);

}  // namespace twctl::ops::taskqueue
