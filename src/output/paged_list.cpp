#include "output/paged_list.hpp"

#include <google/protobuf/message.h>

namespace twctl::output {

PagedList::PagedList(Printer& out, std::vector<Column> columns, int limit, std::string json_field)
    : out_(out), items_(out, std::move(json_field)), table_{std::move(columns), {}}, limit_(limit),
      header_(out.header()) {
  if (out.by_fields()) {
    table_.columns.clear();
    for (const auto& c : out.records().columns) table_.columns.push_back({c.text});
  }
}

void PagedList::add_row(std::vector<std::string> row) {
  ++added_;
  table_.rows.push_back(std::move(row));
}

void PagedList::add_json(const nlohmann::ordered_json& item) {
  ++added_;
  items_.add(item);
}

void PagedList::add_message(const google::protobuf::Message& item, bool shorthand) {
  ++added_;
  items_.add(item, shorthand);
}

void PagedList::add_record(const google::protobuf::Message& item, bool shorthand) {
  check_record_type(out_.records(), item);
  if (out_.json()) {
    add_json(pick_json(item, out_.records().columns, shorthand));
  } else {
    add_row(record_cells(item, out_.records().columns, out_.value_format(shorthand)));
  }
}

bool PagedList::end_page(bool more) {
  if (out_.mode() == OutputMode::Tsv) {
    std::string text;
    if (header_) {
      std::vector<std::string> titles;
      for (const auto& c : table_.columns) titles.push_back(c.title);
      text += tsv_line(titles);
      header_ = false;
    }
    for (const auto& row : table_.rows) text += tsv_line(row);
    if (!text.empty()) out_.write_lines(text);
  } else if (out_.text() && (header_ || !table_.rows.empty())) {
    // With --no-header an empty first page prints nothing (not an empty line).
    auto text = render_table(table_, header_, out_.style());
    if (!text.empty()) out_.write(text);
    header_ = false;
  }
  table_.rows.clear();
  if (out_.json()) items_.flush();
  return more && room() && out_.ok();
}

}  // namespace twctl::output
