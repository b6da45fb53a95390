#include "payload/payload.hpp"
#include "payload/text.hpp"

#include "core/error.hpp"
#include "core/files.hpp"
#include "core/text.hpp"

#include <absl/strings/escaping.h>
#include <fmt/format.h>

#include <algorithm>
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

Payload from_text(std::string_view what, std::string_view text) {
  if (auto p = utf8_problem(text); !p.empty()) throw usage_error(fmt::format("{}: the text {}", what, p));
  return json_plain(nlohmann::json(std::string(text)).dump());
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

Payloads build(const Input& in, std::string_view prefix, std::istream* stdin_stream) {
  if (!in.inputs.empty() && !in.files.empty()) {
    throw usage_error(fmt::format("--{} and --{}-file cannot be used together", prefix, prefix));
  }
  auto file_flag = fmt::format("--{}-file", prefix);
  std::vector<std::pair<std::string, std::string>> args;  // (what, bytes)
  for (size_t i = 0; i < in.inputs.size(); ++i) args.emplace_back(fmt::format("--{} #{}", prefix, i + 1), in.inputs[i]);
  bool stdin_used = false;
  for (const auto& path : in.files) {
    if (path == "-") {
      if (stdin_used) throw usage_error(fmt::format("{} - can be given only once", file_flag));
      if (!stdin_stream) throw usage_error(fmt::format("{} -: standard input is not available", file_flag));
      stdin_used = true;
      std::ostringstream ss;
      ss << stdin_stream->rdbuf();
      args.emplace_back(file_flag + " - (standard input)", ss.str());
    } else {
      args.emplace_back(fmt::format("{} {}", file_flag, path), read_input_file(file_flag, path));
    }
  }

  // Metadata: key → values in the order given.
  auto meta_flag = fmt::format("--{}-meta", prefix);
  std::vector<std::pair<std::string, std::vector<std::string>>> meta;
  for (const auto& kv : in.meta) {
    auto eq = kv.find('=');
    if (eq == std::string::npos || eq == 0) throw usage_error(fmt::format("{} {}: expected KEY=VALUE", meta_flag, kv));
    auto key = kv.substr(0, eq);
    // The key is a protobuf string (map<string, bytes>): UTF-8, or the server refuses the whole request.
    if (auto problem = text_problem(key); !problem.empty()) {
      throw usage_error(fmt::format("{}: the key {}", meta_flag, problem));
    }
    auto it = std::find_if(meta.begin(), meta.end(), [&](const auto& m) { return m.first == key; });
    if (it == meta.end()) it = meta.insert(meta.end(), {key, {}});
    it->second.push_back(kv.substr(eq + 1));
  }
  for (const auto& [key, values] : meta) {
    if (values.size() > 1 && values.size() > args.size()) {
      throw usage_error(fmt::format("{}: more values for {} ({}) than arguments ({})", meta_flag, key, values.size(),
                                    args.size()));
    }
  }

  Payloads out;
  for (size_t i = 0; i < args.size(); ++i) {
    auto& [what, bytes] = args[i];
    Payload p;
    auto& md = *p.mutable_metadata();
    md[std::string(kEncoding)] = "json/plain";
    for (const auto& [key, values] : meta) md[key] = i < values.size() ? values[i] : values.front();
    if (in.base64) {
      std::string decoded;
      if (!absl::Base64Unescape(bytes, &decoded)) throw usage_error(fmt::format("{} is not valid base64", what));
      bytes = std::move(decoded);
    }
    if (md[std::string(kEncoding)].rfind("json/", 0) == 0 && !is_json(bytes)) {
      throw usage_error(fmt::format("{} is not valid JSON{}", what, in.base64 ? " (after base64 decoding)" : ""));
    }
    p.set_data(std::move(bytes));
    *out.add_payloads() = std::move(p);
  }
  return out;
}

google::protobuf::Map<std::string, Payload> key_json_map(std::string_view flag, const std::vector<std::string>& kvs) {
  google::protobuf::Map<std::string, Payload> out;
  for (const auto& kv : kvs) {
    auto [key, value] = from_key_json(flag, kv);
    out[key] = std::move(value);
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
