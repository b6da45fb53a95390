#pragma once
// `twctl worker list | describe | count`: the workers that send worker heartbeats to the namespace.

#include "app/context.hpp"

#include <string>

namespace twctl::ops::worker {

struct ListOptions {
  std::string query;
  int limit = 0;
  bool include_system_workers = false;
};
struct DescribeOptions {
  std::string worker_instance_key;
};
struct CountOptions {
  std::string query;
  bool include_system_workers = false;
};

// ListWorkers, paged: a table in text, one WorkerInfo per item in JSON.
int list(const ListOptions& opts, Context& ctx);
// DescribeWorker: a card of the worker's last heartbeat; JSON: the WorkerInfo.
int describe(const DescribeOptions& opts, Context& ctx);
// CountWorkers: the number alone in text, {"count": "N"} in JSON.
int count(const CountOptions& opts, Context& ctx);

}  // namespace twctl::ops::worker
