#include "output/field_paths.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <fmt/format.h>
#include <google/protobuf/descriptor.h>

#include <algorithm>
#include <cctype>
#include <set>

namespace twctl::output {

namespace gp = google::protobuf;

bool is_leaf_message(const gp::Descriptor& type) {
  const auto& name = type.full_name();
  return name == "temporal.api.common.v1.Payload" || name == "temporal.api.common.v1.Payloads" ||
         name.rfind("google.protobuf.", 0) == 0;
}

const gp::FieldDescriptor* FieldPath::leaf() const {
  if (steps.empty()) return nullptr;
  if (steps.back().field) return steps.back().field;
  return steps.size() >= 2 ? steps[steps.size() - 2].field->message_type()->map_value() : nullptr;
}

namespace {

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    auto at = s.find(sep, start);
    out.emplace_back(s.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
    if (at == std::string_view::npos) return out;
    start = at + 1;
  }
}

std::string join(const std::vector<std::string>& parts, size_t from, char sep) {
  std::string out;
  for (size_t i = from; i < parts.size(); ++i) {
    if (i > from) out += sep;
    out += parts[i];
  }
  return out;
}

const gp::FieldDescriptor* find_json_field(const gp::Descriptor& type, const std::string& name) {
  for (int i = 0; i < type.field_count(); ++i) {
    if (type.field(i)->json_name() == name) return type.field(i);
  }
  return nullptr;
}

bool is_message(const gp::FieldDescriptor* f) { return f->cpp_type() == gp::FieldDescriptor::CPPTYPE_MESSAGE; }

// `valid`: the parts before the one at fault, when they name a path (offered when nothing else is close).
[[noreturn]] void no_such_path(const gp::Descriptor& type, std::string_view text, std::string_view flag,
                               std::string_view why, const std::string& valid = {}) {
  auto close = close_field_paths(text, known_field_paths(type));
  if (close.empty() && !valid.empty()) close.push_back(valid);
  std::string msg = fmt::format("{}: {} \"{}\" in {}", flag, why, text, type.name());
  if (!close.empty()) {
    std::string list;
    for (const auto& c : close) list += (list.empty() ? "" : ", ") + c;
    msg += fmt::format(" (did you mean {}?)", list);
  } else {
    msg += " (the fields are the names in -o json's output)";
  }
  throw usage_error(msg);
}

void walk(const gp::Descriptor& type, const std::string& prefix, int depth, std::vector<const gp::Descriptor*>& stack,
          std::vector<std::string>& out) {
  for (int i = 0; i < type.field_count(); ++i) {
    const auto* f = type.field(i);
    auto path = prefix.empty() ? f->json_name() : prefix + "." + f->json_name();
    out.push_back(path);
    if (f->is_repeated() || !is_message(f)) continue;  // lists and maps are picked whole (or by key)
    const auto* sub = f->message_type();
    if (is_leaf_message(*sub) || depth >= 6 || std::find(stack.begin(), stack.end(), sub) != stack.end()) continue;
    stack.push_back(sub);
    walk(*sub, path, depth + 1, stack, out);
    stack.pop_back();
  }
}

}  // namespace

FieldPath resolve_field_path(const gp::Descriptor& type, std::string_view text, std::string_view flag) {
  FieldPath path;
  path.text = std::string(text);
  auto parts = split(text, '.');
  const gp::Descriptor* at = &type;
  for (size_t i = 0; i < parts.size(); ++i) {
    std::vector<std::string> before(parts.begin(), parts.begin() + static_cast<long>(i));
    if (parts[i].empty()) no_such_path(type, text, flag, "an empty part in", join(before, 0, '.'));
    if (at == nullptr) no_such_path(type, text, flag, "nothing below a value in", join(before, 0, '.'));
    const auto* f = find_json_field(*at, parts[i]);
    if (f == nullptr) no_such_path(type, text, flag, "no field");
    path.steps.push_back({f, {}});
    at = nullptr;
    if (f->is_map()) {
      if (i + 1 == parts.size()) break;
      const auto* value = f->message_type()->map_value();
      bool message_value = is_message(value) && !is_leaf_message(*value->message_type());
      // A key of a map of values is the whole rest: memo keys may hold dots.
      auto key = message_value ? parts[i + 1] : join(parts, i + 1, '.');
      if (key.empty()) no_such_path(type, text, flag, "an empty map key in");
      path.steps.push_back({nullptr, key});
      if (!message_value) break;
      ++i;
      at = value->message_type();
    } else if (f->is_repeated()) {
      if (i + 1 < parts.size()) {
        std::vector<std::string> whole(parts.begin(), parts.begin() + static_cast<long>(i) + 1);
        throw usage_error(fmt::format("{}: \"{}\" goes into a list of {}; a list is picked whole: \"{}\"", flag, text,
                                      type.name(), join(whole, 0, '.')));
      }
    } else if (is_message(f) && !is_leaf_message(*f->message_type())) {
      at = f->message_type();
    }
  }
  return path;
}

std::vector<FieldPath> resolve_field_list(const gp::Descriptor& type, std::string_view list, std::string_view flag) {
  std::vector<FieldPath> out;
  std::set<std::string> seen;
  for (auto& part : split(list, ',')) {
    // Spaces around commas are forgiven ("a, b").
    auto b = part.find_first_not_of(' ');
    auto e = part.find_last_not_of(' ');
    auto text = b == std::string::npos ? std::string() : part.substr(b, e - b + 1);
    if (text.empty()) throw usage_error(fmt::format("{}: an empty field name in \"{}\"", flag, list));
    if (!seen.insert(text).second) throw usage_error(fmt::format("{}: \"{}\" is named twice", flag, text));
    out.push_back(resolve_field_path(type, text, flag));
  }
  return out;
}

std::vector<std::string> known_field_paths(const gp::Descriptor& type) {
  std::vector<std::string> out;
  std::vector<const gp::Descriptor*> stack{&type};
  walk(type, "", 0, stack, out);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> close_field_paths(std::string_view typed, const std::vector<std::string>& known) {
  auto lower = [](std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  };
  auto last = [](std::string_view s) {
    auto dot = s.rfind('.');
    return dot == std::string_view::npos ? s : s.substr(dot + 1);
  };
  auto typed_lower = lower(typed);
  auto typed_last = lower(last(typed));
  size_t limit = std::max<size_t>(2, typed.size() / 4);
  // Near misses of the whole path first; when there are none, the same last name elsewhere (`workflowId` →
  // `execution.workflowId`), shortest first.
  std::vector<std::pair<size_t, std::string>> near, same_name;
  for (const auto& k : known) {
    if (size_t d = edit_distance(typed_lower, lower(k)); d <= limit) {
      near.emplace_back(d, k);
    } else if (auto kl = lower(last(k));
               kl == typed_last || (typed_last.size() > 4 && edit_distance(kl, typed_last) <= 1)) {
      same_name.emplace_back(k.size(), k);
    }
  }
  auto& chosen = near.empty() ? same_name : near;
  std::stable_sort(chosen.begin(), chosen.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (size_t i = 0; i < chosen.size() && i < 5; ++i) out.push_back(chosen[i].second);
  return out;
}

}  // namespace twctl::output
