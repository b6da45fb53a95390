#include "output/paged_list.hpp"

#include <google/protobuf/message.h>

namespace twctl::output {

PagedList::PagedList(Printer& out, std::vector<Column> columns, int limit)
    : out_(out), items_(out), table_{std::move(columns), {}}, limit_(limit) {}

void PagedList::add_row(std::vector<std::string> row) {
  ++added_;
  table_.rows.push_back(std::move(row));
}

void PagedList::add_json(const nlohmann::ordered_json& item) {
  ++added_;
  items_.add(item);
}

bool PagedList::end_page(bool more) {
  if (out_.text() && (header_ || !table_.rows.empty())) {
    out_.write(render_table(table_, header_, out_.style()));
    header_ = false;
  }
  table_.rows.clear();
  return more && room() && out_.ok();
}

}  // namespace twctl::output
