#include "cli/docs/man.hpp"

#include "cli/meta.hpp"
#include "core/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace twctl::cli {

namespace {

// Text for roff: backslashes escaped, a leading '.' or '\'' defused, hyphens in flags made minus signs.
std::string esc(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else {
      out += c;
    }
  }
  std::string lines, line;
  for (size_t i = 0; i <= out.size(); ++i) {
    if (i == out.size() || out[i] == '\n') {
      if (!line.empty() && (line[0] == '.' || line[0] == '\'')) line = "\\&" + line;
      lines += line;
      if (i != out.size()) lines += "\n";
      line.clear();
    } else {
      line += out[i];
    }
  }
  return lines;
}

std::vector<std::string> path_of(const CLI::App& app) {
  std::vector<std::string> path;
  for (const auto* a = &app; a; a = a->get_parent()) path.insert(path.begin(), a->get_name());
  return path;
}

std::string join(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

std::string page_name(const CLI::App& app) { return join(path_of(app), "-"); }

std::string upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return s;
}

bool repeatable(const CLI::Option* opt) {
  return opt->get_multi_option_policy() == CLI::MultiOptionPolicy::TakeAll || opt->get_expected_max() > 1;
}

std::string option_entry(const CLI::App& app, const CLI::Option* opt) {
  std::vector<std::string> names;
  for (const auto& s : opt->get_snames()) names.push_back("\\fB\\-" + esc(s) + "\\fR");
  for (const auto& l : opt->get_lnames()) names.push_back("\\fB\\-\\-" + esc(l) + "\\fR");
  auto meta = flag_meta(app, opt);
  std::string head = join(names, ", ");
  if (names.empty()) {  // a positional argument: its type name alone
    head = "\\fI" + esc(opt->get_type_name()) + "\\fR";
  } else if (opt->get_type_size_max() > 0) {
    std::string type = meta.choices.empty() ? opt->get_type_name() : join(meta.choices, "|");
    // A long list cannot be broken in the tag line (groff: "cannot adjust line"): the body lists the values.
    if (!meta.choices.empty() && type.size() > 40) type = "VALUE";
    type = type.substr(0, type.find_first_of(": "));
    if (meta.values == Values::File) type = "FILE";
    head += " \\fI" + esc(type) + "\\fR";
  }
  std::string description = opt->get_description();
  if (!meta.env.empty()) {  // --help's " [env NAME]"; the page says it below
    auto suffix = " [env " + meta.env.front() + "]";
    if (description.size() >= suffix.size() && description.ends_with(suffix)) {
      description.resize(description.size() - suffix.size());
    }
  }
  std::string body = esc(description);
  std::vector<std::string> notes;
  if (!meta.choices.empty()) notes.push_back("One of: " + esc(join(meta.choices, ", ")) + ".");
  if (!opt->get_default_str().empty()) notes.push_back("Default: " + esc(opt->get_default_str()) + ".");
  if (opt->get_required()) notes.push_back("Required.");
  if (repeatable(opt) && opt->get_description().find("repeat") == std::string::npos) notes.push_back("Repeatable.");
  if (!meta.env.empty()) notes.push_back("Environment: " + esc(join(meta.env, ", ")) + ".");
  if (!body.empty() && body.back() != '.') body += ".";
  if (!notes.empty()) body += (body.empty() ? "" : " ") + join(notes, " ");
  return ".TP\n" + head + "\n" + body + "\n";
}

// Options in their --help groups, in the order the groups first appear.
std::string options_section(const CLI::App& app) {
  std::vector<std::string> order;
  std::map<std::string, std::string> groups;
  for (const auto* opt : app.get_options()) {
    const auto& g = opt->get_group();
    if (g.empty()) continue;
    if (!groups.count(g)) order.push_back(g);
    groups[g] += option_entry(app, opt);
  }
  std::string out;
  if (!order.empty()) out += ".SH OPTIONS\n";
  for (const auto& g : order) out += ".SS " + esc(g == "Options" ? "Command options" : g) + "\n" + groups[g];
  if (app.get_parent()) {
    out += ".PP\nThe global and connection options of \\fBtwctl\\fR(1) are accepted too, before or after the "
           "command.\n";
  }
  return out;
}

std::string environment_section(const CLI::App& root) {
  std::string out = ".SH ENVIRONMENT\n";
  for (const auto* opt : root.get_options()) {
    auto meta = flag_meta(root, opt);
    if (meta.env.empty() || opt->get_lnames().empty()) continue;
    out += ".TP\n.B " + esc(join(meta.env, ", ")) + "\n";
    out += "Same as \\fB\\-\\-" + esc(opt->get_lnames().front()) + "\\fR; the flag wins.\n";
  }
  out += ".TP\n.B NO_COLOR\nWhen set, \\fB\\-\\-color auto\\fR prints no colour.\n";
  out += ".TP\n.B XDG_CONFIG_HOME\nWhere the config file lives (default: \\fI~/.config\\fR).\n";
  return out;
}

std::string exit_status_section() {
  std::string out = ".SH EXIT STATUS\n.TP\n.B 0\nSuccess.\n";
  for (const auto& r : exit_code_table()) {
    out += fmt::format(".TP\n.B {}\n{}: {}.\n", r.code, esc(std::string(r.name)), esc(std::string(r.meaning)));
  }
  return out;
}

// A group without examples of its own shows the first one of each of its commands.
std::vector<std::string> first_examples(const CLI::App& group) {
  std::vector<std::string> out;
  for (const auto* sub : visible_commands(group)) {
    if (sub->get_parent() != &group) continue;
    auto own = command_meta(*sub).examples;
    auto below = own.empty() ? first_examples(*sub) : own;
    if (!below.empty()) out.push_back(below.front());
  }
  return out;
}

std::string page(const CLI::App& app, const std::string& date) {
  auto path = path_of(app);
  auto name = page_name(app);
  auto meta = command_meta(app);
  std::string summary = app.get_description();
  if (summary.rfind(name + ": ", 0) == 0) summary.erase(0, name.size() + 2);  // the root's "twctl: ..."
  std::string out = fmt::format(".TH \"{}\" 1 \"{}\" \"twctl {}\" \"twctl manual\"\n", esc(upper(name)), date,
                                TWCTL_VERSION);
  out += ".SH NAME\n" + esc(name) + " \\- " + esc(summary) + "\n";
  auto subs = visible_commands(app);
  bool group = false;
  for (const auto* s : subs) group |= s->get_parent() == &app;
  out += ".SH SYNOPSIS\n.B " + esc(join(path, " ")) + "\n";
  out += group ? "\\fIcommand\\fR [\\fIoptions\\fR]\n" : "[\\fIoptions\\fR]\n";
  out += ".SH DESCRIPTION\n" + esc(meta.description.empty() ? summary + "." : meta.description) + "\n";
  if (group) {
    out += ".SH COMMANDS\n";
    for (const auto* s : subs) {
      if (s->get_parent() != &app) continue;
      out += ".TP\n.BR " + esc(page_name(*s)) + " (1)\n" + esc(s->get_description()) + "\n";
    }
  }
  out += options_section(app);
  auto examples = meta.examples.empty() ? first_examples(app) : meta.examples;
  if (!examples.empty()) {
    out += ".SH EXAMPLES\n";
    for (size_t i = 0; i < examples.size(); ++i) {
      out += std::string(i ? ".PP\n" : "") + ".RS 4\n.nf\n" + esc(examples[i]) + "\n.fi\n.RE\n";
    }
  }
  const CLI::App* root = &app;
  while (root->get_parent()) root = root->get_parent();
  out += environment_section(*root);
  out += ".SH FILES\n.TP\n.I ~/.config/temporalio/temporal.toml\n"
         "Connection profiles, shared with the SDKs and the official CLI (see \\fBtwctl\\-config\\fR(1)).\n";
  out += exit_status_section();
  std::vector<std::string> see;
  if (app.get_parent()) see.push_back(page_name(*app.get_parent()));
  for (const auto* s : subs) {
    if (s->get_parent() == &app) see.push_back(page_name(*s));
  }
  if (app.get_parent() && app.get_parent()->get_parent()) see.insert(see.begin(), "twctl");
  if (!see.empty()) {
    // Ragged right: a long page name alone on a line cannot be justified (groff warns).
    out += ".ad l\n.SH SEE ALSO\n";
    for (size_t i = 0; i < see.size(); ++i) {
      out += ".BR " + esc(see[i]) + " (1)" + (i + 1 < see.size() ? "," : "") + "\n";
    }
  }
  return out;
}

}  // namespace

std::vector<const CLI::App*> visible_commands(const CLI::App& app) {
  std::vector<const CLI::App*> out;
  for (const auto* sub : app.get_subcommands({})) {
    if (sub->get_group().empty()) continue;
    out.push_back(sub);
    auto below = visible_commands(*sub);
    out.insert(out.end(), below.begin(), below.end());
  }
  return out;
}

std::vector<ManPage> man_pages(const CLI::App& root, const std::string& date) {
  std::vector<ManPage> pages{{page_name(root) + ".1", page(root, date)}};
  for (const auto* cmd : visible_commands(root)) pages.push_back({page_name(*cmd) + ".1", page(*cmd, date)});
  return pages;
}

}  // namespace twctl::cli
