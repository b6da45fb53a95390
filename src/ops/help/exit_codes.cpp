#include "ops/help/exit_codes.hpp"

#include "core/error.hpp"
#include "output/render.hpp"

namespace twctl::ops::help {

int exit_codes(const ExitCodesOptions&, Context& ctx) {
  auto& out = ctx.printer();
  if (!out.text()) {
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    rows.push_back({{"code", 0}, {"name", "success"}, {"meaning", "the command did what it was asked"}});
    for (const auto& r : exit_code_table()) rows.push_back({{"code", r.code}, {"name", r.name}, {"meaning", r.meaning}});
    out.document(rows);
    return 0;
  }
  output::Table table{{{"Code", true}, {"Name"}, {"Meaning"}}, {{"0", "success", "the command did what it was asked"}}};
  for (const auto& r : exit_code_table()) {
    table.rows.push_back({std::to_string(r.code), std::string(r.name), std::string(r.meaning)});
  }
  auto text = output::render_table(table, true, out.style());
  if (!text.empty() && text.back() != '\n') text += "\n";
  out.write(text);
  return 0;
}

}  // namespace twctl::ops::help
