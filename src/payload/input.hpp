#pragma once
// The payload-input option set (--input, --input-file, --input-meta, --input-base64), as plain data: the CLI
// binds it without seeing protobuf types; payload::build (payload/payload.hpp) turns it into Payloads.

#include <string>
#include <vector>

namespace twctl::payload {

// The payload-input flag family: each --input is one argument; each --input-file is one argument read whole
// ("-" reads standard input); --input-meta KEY=VALUE sets metadata (the i-th value of a key goes to the i-th
// argument, the first value to any argument beyond them); --input-base64 decodes each argument first.
struct Input {
  std::vector<std::string> inputs;
  std::vector<std::string> files;
  std::vector<std::string> meta;
  bool base64 = false;
};

}  // namespace twctl::payload
