#pragma once
// Printing the answer of a Count*Executions call (workflows, standalone activities): "Total: N" and one line per
// group of a GROUP BY in text, the response in the JSON modes, the picked fields with --fields or -o tsv.

#include "app/context.hpp"
#include "output/proto_json.hpp"
#include "payload/payload.hpp"

#include <string>

namespace twctl::ops {

template <typename CountResponse>
void print_count(const CountResponse& resp, Context& ctx) {
  auto& out = ctx.printer();
  if (out.record(resp, true)) return;  // --fields / -o tsv
  if (!out.text()) {
    out.document(output::proto_to_json(resp, true));
    return;
  }
  std::string text = "Total: " + std::to_string(resp.count()) + "\n";
  for (const auto& g : resp.groups()) {
    auto values = nlohmann::ordered_json::array();
    for (const auto& v : g.group_values()) values.push_back(payload::to_json(v, true));
    text += "Group total: " + std::to_string(g.count()) + ", values: " + values.dump() + "\n";
  }
  out.write(text);
}

}  // namespace twctl::ops
