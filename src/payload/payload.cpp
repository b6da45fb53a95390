#include "payload/payload.hpp"

#include "core/error.hpp"

#include <absl/strings/escaping.h>
#include <fmt/format.h>

#include <fstream>
#include <sstream>

namespace twctl::payload {

namespace {

constexpr std::string_view kEncoding = "encoding";

bool is_json(std::string_view text) { return nlohmann::json::accept(text); }

Payload json_plain(std::string_view text) {
  Payload p;
  (*p.mutable_metadata())[std::string(kEncoding)] = "json/plain";
  p.set_data(std::string(text));
  return p;
}

std::string read_file(std::string_view flag, const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) throw usage_error(fmt::format("{} {}: cannot read the file", flag, path));
  std::ostringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

nlohmann::ordered_json raw_form(const Payload& p) {
  nlohmann::ordered_json meta = nlohmann::ordered_json::object();
  for (const auto& [k, v] : p.metadata()) meta[k] = absl::Base64Escape(v);
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  if (!meta.empty()) j["metadata"] = std::move(meta);
  if (!p.data().empty()) j["data"] = absl::Base64Escape(p.data());
  return j;
}

}  // namespace

Payload from_json_text(std::string_view what, std::string_view text) {
  if (!is_json(text)) throw usage_error(fmt::format("{} is not valid JSON: {}", what, text));
  return json_plain(text);
}

std::pair<std::string, Payload> from_key_json(std::string_view flag, std::string_view kv) {
  auto eq = kv.find('=');
  if (eq == std::string_view::npos || eq == 0) {
    throw usage_error(fmt::format("{} {}: expected KEY=JSON", flag, kv));
  }
  std::string key(kv.substr(0, eq));
  auto value = kv.substr(eq + 1);
  if (!is_json(value)) {
    throw usage_error(fmt::format("{} {}: the value of {} is not valid JSON (quote strings: {}='\"text\"')", flag,
                                  kv, key, key));
  }
  return {key, json_plain(value)};
}

Payloads build(const Input& in, std::string_view prefix) {
  if (!in.inputs.empty() && !in.files.empty()) {
    throw usage_error(fmt::format("--{} and --{}-file cannot be used together", prefix, prefix));
  }
  Payloads out;
  for (size_t i = 0; i < in.inputs.size(); ++i) {
    *out.add_payloads() = from_json_text(fmt::format("--{} #{}", prefix, i + 1), in.inputs[i]);
  }
  for (const auto& path : in.files) {
    auto flag = fmt::format("--{}-file", prefix);
    auto text = read_file(flag, path);
    if (!is_json(text)) throw usage_error(fmt::format("{} {}: the file is not valid JSON", flag, path));
    *out.add_payloads() = json_plain(text);
  }
  return out;
}

std::string encoding(const Payload& p) {
  auto it = p.metadata().find(std::string(kEncoding));
  return it == p.metadata().end() ? std::string() : it->second;
}

nlohmann::ordered_json to_json(const Payload& p, bool shorthand) {
  if (!shorthand) return raw_form(p);
  auto enc = encoding(p);
  if (enc == "binary/null") return nullptr;
  // Search attribute values carry a "type" hint (Keyword, Int, ...) beside the encoding: still plain JSON.
  bool only_encoding = p.metadata().size() == 1 || (p.metadata().size() == 2 && p.metadata().count("type") == 1);
  if (enc == "json/plain" && only_encoding) {
    auto parsed = nlohmann::ordered_json::parse(p.data(), nullptr, false);
    if (!parsed.is_discarded()) return parsed;
  }
  if (enc == "json/protobuf") {
    auto parsed = nlohmann::ordered_json::parse(p.data(), nullptr, false);
    auto type = p.metadata().find("messageType");
    if (parsed.is_object() && type != p.metadata().end()) {
      parsed["_protoMessageType"] = type->second;
      return parsed;
    }
  }
  return raw_form(p);
}

nlohmann::ordered_json to_json(const Payloads& p, bool shorthand) {
  auto arr = nlohmann::ordered_json::array();
  for (const auto& one : p.payloads()) arr.push_back(to_json(one, shorthand));
  return arr;
}

nlohmann::ordered_json result_to_json(const Payloads& p, bool shorthand) {
  if (p.payloads_size() == 0) return nullptr;
  if (p.payloads_size() == 1) return to_json(p.payloads(0), shorthand);
  return to_json(p, shorthand);
}

}  // namespace twctl::payload
