#pragma once
// A list read from the cluster page by page and streamed as it comes: a table in text (its header once, the
// rows of each page as that page arrives), a JSON array or JSON lines otherwise (ListWriter), stopped at
// --limit or when the reader of stdout goes away. Memory holds one page at a time. By field (--fields, or
// -o tsv), the items go in as messages (add_record) and the columns are the chosen paths.

#include "output/printer.hpp"
#include "output/render.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace google::protobuf {
class Message;
}

namespace twctl::output {

class PagedList {
 public:
  // limit 0: no limit. `json_field`, when given, wraps the JSON array in an object ({"events": [...]}).
  PagedList(Printer& out, std::vector<Column> columns, int limit, std::string json_field = {});

  // False once `limit` items were added: the caller stops adding.
  bool room() const { return limit_ <= 0 || added_ < limit_; }
  // Whether there is room left once `n` more items are added: the list will want another page after them.
  bool room_after(size_t n) const { return limit_ <= 0 || static_cast<size_t>(added_) + n < static_cast<size_t>(limit_); }
  // One item: its row in text mode, its JSON in the JSON modes (only the one the mode needs is used).
  void add_row(std::vector<std::string> row);
  void add_json(const nlohmann::ordered_json& item);
  // One item in the JSON modes straight from its message (payloads as JSON values when `shorthand`): what
  // add_json(proto_to_json(item, shorthand)) writes, without building the document.
  void add_message(const google::protobuf::Message& item, bool shorthand);
  // One item by field (when the printer's by_fields()): its cells in text and tsv, its chosen paths in JSON.
  void add_record(const google::protobuf::Message& item, bool shorthand);
  // Prints the page's rows. Returns whether to ask for the next page: there is one, the limit is not reached,
  // and stdout is still open.
  bool end_page(bool more);
  void finish() { items_.finish(); }

 private:
  Printer& out_;
  ListWriter items_;
  Table table_;
  int limit_;
  int added_ = 0;
  bool header_ = true;
};

}  // namespace twctl::output
