// The real process: real streams, environment, signals and gRPC gateway around cli::run.

#include "cli/app.hpp"
#include "client/gateway.hpp"
#include "core/cancel.hpp"
#include "app/context.hpp"

#include <google/protobuf/stubs/logging.h>

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <thread>

#include <malloc.h>
#include <poll.h>
#include <pthread.h>
#include <sys/ioctl.h>
#include <unistd.h>

namespace {

std::optional<std::string> real_env(std::string_view name) {
  std::string key(name);
  if (const char* v = std::getenv(key.c_str())) return std::string(v);
  if (key == "HOSTNAME") {
    char host[256] = {};
    if (gethostname(host, sizeof host - 1) == 0) return std::string(host);
  }
  return std::nullopt;
}

std::vector<std::string> real_env_names() {
  std::vector<std::string> names;
  for (char** e = environ; e && *e; ++e) {
    std::string_view entry(*e);
    names.emplace_back(entry.substr(0, entry.find('=')));
  }
  return names;
}

// Whether stdout is a pipe or socket whose reader has closed it: poll reports POLLERR (or POLLHUP) on it.
bool reader_gone() {
  pollfd p{STDOUT_FILENO, POLLOUT, 0};
  return poll(&p, 1, 0) == 1 && (p.revents & (POLLERR | POLLHUP)) != 0;
}

}  // namespace

int main(int argc, char** argv) {
  // One malloc arena for every thread, set before any thread starts. A page fetched ahead is decoded on a
  // thread of its own and freed on this one; with glibc's arena per thread each kept its own high-water mark,
  // and the peak RSS of `workflow show` grew with the history (23.7-27.5 MiB for 50,000 events; 21.2-22.1 MiB
  // with one arena, in the same time). Small blocks still come from each thread's cache without a lock.
  mallopt(M_ARENA_MAX, 1);
  // protobuf's own log lines (an invalid UTF-8 string met while serializing, which the request check and the
  // JSON writer do on purpose to read a message by its schema tables) would mix with twctl's diagnostics; every
  // such case is reported by twctl itself. Fatal ones still end the process.
  google::protobuf::SetLogHandler(nullptr);
  // SIGINT and SIGTERM are blocked in every thread (gRPC's too, which inherit the mask) and taken by one
  // waiting thread: the first cancels calls in flight (exit 130 follows), a second ends the process at once.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::signal(SIGPIPE, SIG_IGN);  // a closed stdout shows as a failed write, and streaming stops quietly

  twctl::CancelToken cancel;
  std::thread([&cancel, signals] {
    int sig = 0;
    sigwait(&signals, &sig);
    cancel.cancel();
    sigwait(&signals, &sig);
    std::_Exit(130);
  }).detach();

  std::ios::sync_with_stdio(false);
  // std::cerr is tied to std::cout: each write to it would flush std::cout first, from whatever thread wrote
  // (a --verbose line from a page fetched ahead, a bulk start's worker), racing the thread that prints. Data
  // and diagnostics are separate streams; stdout is flushed where the printer says.
  std::cerr.tie(nullptr);
  twctl::Context ctx(std::cin, std::cout, std::cerr, cancel);
  ctx.stdin_tty = isatty(STDIN_FILENO);
  ctx.stdout_tty = isatty(STDOUT_FILENO);
  ctx.stderr_tty = isatty(STDERR_FILENO);
  if (winsize ws{}; ctx.stdout_tty && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0) ctx.stdout_columns = ws.ws_col;
  ctx.env = real_env;
  ctx.env_names = real_env_names;
  ctx.gateway_factory = twctl::client::make_grpc_gateway;

  std::vector<std::string> args(argv + 1, argv + argc);
  int code = twctl::cli::run(args, ctx);
  std::cout.flush();
  // Lost output is an error (a full disk, /dev/full, an I/O error), except a reader that went away (`| head`).
  if (!std::cout && !reader_gone()) {
    std::cerr << "Error: cannot write to standard output: the output is incomplete\n";
    if (code == 0) code = 1;
  }
  std::cerr.flush();
  // Everything is written: end here rather than tear down the gRPC channel and join its threads (up to a few
  // milliseconds on a busy machine), which nothing after this point needs.
  std::_Exit(code);
}
