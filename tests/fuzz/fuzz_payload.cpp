// JSON text → payloads, and payloads → JSON: --input, KEY=JSON (--memo, --search-attribute), the whole
// payload-input option set (with base64 and metadata), and a payload as any server could send it (the input
// parsed as a binary Payload) shown with and without the shorthand. Input: NUL-separated words; the first byte
// of the first word picks which parts get which words.

#include "harness.hpp"
#include "payload/payload.hpp"

#include <sstream>

namespace {

void show(const twctl::payload::Payload& p) {
  using namespace twctl::payload;
  // What the printers do with it: a document, one line; every payload shown has to survive both.
  (void)to_json(p, true).dump();
  (void)to_json(p, false).dump();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace twctl;
  auto inv = fuzz::split_invocation(data, size);
  const auto& w = inv.args;
  try {
    if (!w.empty()) show(payload::from_json_text("--input", w[0]));
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::Usage) throw;
  }
  try {
    if (w.size() > 1) show(payload::from_key_json("--memo", w[1]).second);
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::Usage) throw;
  }
  try {
    payload::Input in;
    for (size_t i = 0; i < w.size(); ++i) {
      if (w[i].rfind("meta:", 0) == 0) {
        in.meta.push_back(w[i].substr(5));
      } else if (w[i] == "file:-") {
        in.files.push_back("-");
      } else if (w[i] == "base64") {
        in.base64 = true;
      } else {
        in.inputs.push_back(w[i]);
      }
    }
    std::istringstream stdin_stream(inv.stdin_text);
    auto ps = payload::build(in, "input", &stdin_stream);
    (void)payload::to_json(ps, true).dump();
    (void)payload::result_to_json(ps, false).dump();
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::Usage) throw;
  }
  payload::Payload p;
  if (p.ParseFromArray(data, static_cast<int>(size))) {
    show(p);
    (void)payload::encoding(p);
  }
  payload::Payloads ps;
  if (ps.ParseFromArray(data, static_cast<int>(size))) (void)payload::result_to_json(ps, true).dump();
  return 0;
}
