#pragma once
// What every fuzz target shares: a context with captured streams, a fake clock, an environment and standard
// input from the fuzz input, and a cluster that answers locally. Nothing connects: the gateway factory makes a
// local gateway that answers each call with an empty response (or the target's canned message) and fails
// after a few calls, so paging and waiting loops end; the codec's HTTP client fails without a socket.

#include "app/context.hpp"
#include "cli/app.hpp"
#include "client/gateway.hpp"
#include "client/http.hpp"
#include "client/rpc.hpp"
#include "core/error.hpp"

#include <google/protobuf/message.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace twctl::fuzz {

// The fuzz input as command-line words separated by NUL bytes. A word that starts with \x01 is an environment
// entry NAME=VALUE instead, one that starts with \x02 is standard input.
struct Invocation {
  std::vector<std::string> args;
  std::vector<std::pair<std::string, std::string>> env;
  std::string stdin_text;
};

inline Invocation split_invocation(const uint8_t* data, size_t size) {
  Invocation inv;
  std::string_view all(reinterpret_cast<const char*>(data), size);
  size_t start = 0;
  while (start <= all.size()) {
    size_t end = all.find('\0', start);
    if (end == std::string_view::npos) end = all.size();
    auto word = all.substr(start, end - start);
    if (!word.empty() && word[0] == '\x01') {
      auto entry = word.substr(1);
      auto eq = entry.find('=');
      if (eq != std::string_view::npos) inv.env.emplace_back(entry.substr(0, eq), entry.substr(eq + 1));
    } else if (!word.empty() && word[0] == '\x02') {
      inv.stdin_text.append(word.substr(1));
    } else if (end < all.size() || !word.empty()) {
      inv.args.emplace_back(word);
    }
    start = end + 1;
  }
  return inv;
}

// The cluster of a fuzz run: what was asked, and what it answers.
struct LocalCluster {
  int gateways_made = 0;
  int calls = 0;
  int max_calls = 6;
  // Answers of these types are copied into the response; any other response is left empty.
  std::vector<const google::protobuf::Message*> canned;

  void call(const google::protobuf::Message& req, google::protobuf::Message& resp) {
    (void)client::rpc_for(req, &resp);  // the pair must belong to one RPC, as for the real gateway
    if (++calls > max_calls) throw Error(ErrorKind::General, "the fuzz cluster answers only a few calls");
    resp.Clear();
    for (const auto* m : canned) {
      if (m->GetDescriptor() == resp.GetDescriptor()) resp.CopyFrom(*m);
    }
  }
};

class LocalGateway : public client::Gateway {
 public:
  explicit LocalGateway(LocalCluster& c) : c_(c) {}
  void call(const google::protobuf::Message& req, google::protobuf::Message& resp) override { c_.call(req, resp); }

 private:
  LocalCluster& c_;
};

class NoHttp : public client::HttpClient {
 public:
  client::HttpResponse post(const std::string&, const std::vector<std::pair<std::string, std::string>>&,
                            const std::string&, std::chrono::milliseconds) override {
    throw Error(ErrorKind::Unavailable, "no HTTP in the fuzzer");
  }
};

struct Outcome {
  int code = -1;
  std::string out;
  std::string err;
};

// Runs the words through cli::run, the entry point main uses.
inline Outcome run_cli(const Invocation& inv, LocalCluster& cluster) {
  std::istringstream in(inv.stdin_text);
  std::ostringstream out, err;
  CancelToken cancel;
  Context ctx(in, out, err, cancel);
  auto env = inv.env;
  ctx.env = [env](std::string_view name) -> std::optional<std::string> {
    for (const auto& [k, v] : env) {
      if (k == name) return v;
    }
    return std::nullopt;
  };
  ctx.env_names = [env] {
    std::vector<std::string> names;
    for (const auto& kv : env) names.push_back(kv.first);
    return names;
  };
  // Time moves only when the command pauses: retry windows, waits and --command-timeout still end.
  auto clock = std::make_shared<TimePoint>(std::chrono::seconds(1'700'000'100));
  ctx.now = [clock] { return *clock; };
  ctx.pause = [clock](std::chrono::milliseconds d) {
    *clock += d;
    return true;
  };
  ctx.gateway_factory = [&cluster](const client::ConnectionOptions&, CancelToken&) {
    ++cluster.gateways_made;
    return std::make_unique<LocalGateway>(cluster);
  };
  ctx.http_factory = [] { return std::make_unique<NoHttp>(); };
  Outcome o;
  o.code = cli::run(inv.args, ctx);
  o.out = out.str();
  o.err = err.str();
  return o;
}

// A finding: print what broke and abort, so libFuzzer saves the input.
[[noreturn]] inline void finding(std::string_view what, const Outcome& o) {
  std::fprintf(stderr, "fuzz finding: %.*s\nexit %d\nstdout: %s\nstderr: %s\n", static_cast<int>(what.size()),
               what.data(), o.code, o.out.c_str(), o.err.c_str());
  std::abort();
}

// Whether the invocation itself holds `text` (in a word, an environment value or standard input): a message
// that quotes the input then holds it too, and proves nothing.
inline bool given(const Invocation& inv, std::string_view text) {
  auto in = [&](const std::string& s) { return s.find(text) != std::string::npos; };
  return std::any_of(inv.args.begin(), inv.args.end(), in) || in(inv.stdin_text) ||
         std::any_of(inv.env.begin(), inv.env.end(), [&](const auto& kv) { return in(kv.first) || in(kv.second); });
}

// What every run must hold, whatever the words: an exit code from the table, and no C++ library exception
// leaking out as a general error (std::out_of_range, a JSON library exception, ...): those are bugs, where a
// bad input should have been a usage error naming the flag. A library's words that the input itself holds
// (`clustermap::at` as a command name, quoted back by "unknown command") are not a leak.
inline void check_outcome(const Outcome& o, const Invocation& inv) {
  bool known = o.code == 0;
  for (const auto& row : exit_code_table()) known = known || row.code == o.code;
  if (!known) finding("an exit code not in the table", o);
  for (std::string_view leak : {"basic_string", "_M_range_check", "vector::", "map::at", "[json.exception.",
                                "bad_optional_access", "bad_any_cast", "bad_variant_access", "std::bad_alloc",
                                "bad_function_call", "Error: std::exception\n", "Error: stoi\n", "Error: stol\n",
                                "Error: stoll\n", "Error: stoul\n", "Error: stoull\n", "Error: stod\n"}) {
    if (o.err.find(leak) != std::string::npos && !given(inv, leak)) {
      finding("a C++ library exception reached the user", o);
    }
  }
  if (o.code == exit_code(ErrorKind::Usage) && !o.out.empty()) finding("a usage error with output on stdout", o);
}

}  // namespace twctl::fuzz
