#include "output/proto_json.hpp"

#include "output/json_text.hpp"

#include <google/protobuf/message.h>

#include <string>

namespace twctl::output {

namespace gp = google::protobuf;

nlohmann::ordered_json proto_to_json(const gp::Message& m, bool shorthand) {
  std::string text;
  append_json(m, text, {.shorthand = shorthand});
  return nlohmann::ordered_json::parse(text);
}

}  // namespace twctl::output
