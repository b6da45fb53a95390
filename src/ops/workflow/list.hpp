#pragma once

#include "app/context.hpp"

#include <string>

namespace twctl::ops::workflow {

struct ListOptions {
  std::string query;
  int limit = 0;      // 0: no limit
  int page_size = 0;  // 0: the server's default
};

// Streams page by page: a table (header once), a JSON array, or one execution per line.
int list(const ListOptions& opts, Context& ctx);

}  // namespace twctl::ops::workflow
