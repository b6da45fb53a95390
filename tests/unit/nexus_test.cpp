// `twctl operator nexus endpoint …` through cli::run against the fake cluster.
#include "fake_gateway.hpp"
#include "temp_dir.hpp"

#include "cli/app.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "temporal/api/nexus/v1/message.pb.h"
#include "temporal/api/operatorservice/v1/request_response.pb.h"

using namespace twctl;
using namespace twctl::testing;
namespace osv = temporal::api::operatorservice::v1;
namespace nexus = temporal::api::nexus::v1;

namespace {

nexus::Endpoint worker_endpoint(const std::string& name) {
  nexus::Endpoint e;
  e.set_id("id-1");
  e.set_version(3);
  e.mutable_spec()->set_name(name);
  auto* d = e.mutable_spec()->mutable_description();
  (*d->mutable_metadata())["encoding"] = "json/plain";
  d->set_data("\"Order processing\"");
  e.mutable_spec()->mutable_target()->mutable_worker()->set_namespace_("default");
  e.mutable_spec()->mutable_target()->mutable_worker()->set_task_queue("orders-nexus");
  e.mutable_created_time()->set_seconds(1'700'000'000);
  return e;
}

osv::ListNexusEndpointsResponse listing(const nexus::Endpoint& e) {
  osv::ListNexusEndpointsResponse r;
  *r.add_endpoints() = e;
  return r;
}

}  // namespace

TEST_CASE("nexus endpoint create: a worker target or a URL, the description as a JSON string payload") {
  FakeCluster c;
  *c.answer<osv::CreateNexusEndpointResponse>().mutable_endpoint() = worker_endpoint("orders");
  auto r = run_cli(c, {"operator", "nexus", "endpoint", "create", "--name", "orders", "--target-namespace", "default",
                       "--target-task-queue", "orders-nexus", "--description", "Order \"processing\""});
  CHECK(r.code == 0);
  CHECK(r.out.empty());
  CHECK(r.err == "Endpoint orders created.\n");
  auto spec = c.requests<osv::CreateNexusEndpointRequest>().at(0).spec();
  CHECK(spec.name() == "orders");
  CHECK(spec.target().worker().namespace_() == "default");
  CHECK(spec.target().worker().task_queue() == "orders-nexus");
  CHECK(spec.description().metadata().at("encoding") == "json/plain");
  CHECK(spec.description().data() == "\"Order \\\"processing\\\"\"");

  auto url = run_cli(c, {"operator", "nexus", "endpoint", "create", "--name", "ext", "--target-url",
                         "https://example.com/nexus", "-o", "json"});
  CHECK(url.code == 0);
  CHECK(c.requests<osv::CreateNexusEndpointRequest>().at(1).spec().target().external().url() ==
        "https://example.com/nexus");
  CHECK(nlohmann::json::parse(url.out)["spec"]["description"] == "Order processing");
}

TEST_CASE("nexus endpoint create: the description from a file; bad targets and descriptions are usage errors") {
  TempDir dir;
  auto path = dir.write("orders.md", "# Orders\n");
  FakeCluster c;
  c.answer<osv::CreateNexusEndpointResponse>();
  auto r = run_cli(c, {"operator", "nexus", "endpoint", "create", "--name", "n", "--target-url", "http://x",
                       "--description-file", path});
  CHECK(r.code == 0);
  CHECK(c.requests<osv::CreateNexusEndpointRequest>().at(0).spec().description().data() == "\"# Orders\\n\"");
  auto empty = dir.write("empty.md", "");

  std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"create", "--target-url", "http://x"}, "--name"},
      {{"create", "--name", "n"}, "--target-url"},
      {{"create", "--name", "n", "--target-namespace", "default"}, "--target-task-queue"},
      {{"create", "--name", "n", "--target-task-queue", "q"}, "--target-namespace"},
      {{"create", "--name", "n", "--target-namespace", "d", "--target-url", "http://x"}, "--target-url"},
      {{"create", "--name", "n", "--target-url", "http://x", "--description", "a", "--description-file", path},
       "--description-file"},
      {{"create", "--name", "n", "--target-url", "http://x", "--description-file", empty}, "--description-file"},
      {{"create", "--name", "n", "--target-url", "http://x", "--description-file", "/no/such/file"},
       "--description-file"},
      {{"create", "--name", "", "--target-url", "http://x"}, "--name"},
      {{"update", "--name", "n"}, "nothing to update"},
      {{"update", "--name", "n", "--unset-description", "--description", "a"}, "--unset-description"},
      {{"get"}, "--name"},
      {{"delete", "--name", "n"}, "--yes"},
  };
  for (auto [args, flag] : cases) {
    CAPTURE(args);
    args.insert(args.begin(), {"operator", "nexus", "endpoint"});
    FakeCluster none;
    auto u = run_cli(none, args);
    CHECK(u.code == 2);
    CHECK(u.err.find(flag) != std::string::npos);
    CHECK(none.gateways_made == 0);
  }
}

TEST_CASE("nexus endpoint get: looked up by name; a card; JSON is the Endpoint; none is exit 4") {
  FakeCluster c;
  c.answer<osv::ListNexusEndpointsResponse>() = listing(worker_endpoint("orders"));
  auto r = run_cli(c, {"operator", "nexus", "endpoint", "get", "--name", "orders", "--time-format", "iso"});
  CHECK(r.code == 0);
  CHECK(c.requests<osv::ListNexusEndpointsRequest>().at(0).name() == "orders");
  CHECK(r.out ==
        "  Id                       id-1\n"
        "  Name                     orders\n"
        "  Version                  3\n"
        "  CreatedTime              2023-11-14T22:13:20Z\n"
        "  Target.Worker.Namespace  default\n"
        "  Target.Worker.TaskQueue  orders-nexus\n"
        "  Description              Order processing\n");
  auto j = nlohmann::json::parse(run_cli(c, {"operator", "nexus", "endpoint", "get", "--name", "orders", "-o",
                                             "json"}).out);
  CHECK(j["version"] == "3");
  CHECK(j["spec"]["target"]["worker"]["taskQueue"] == "orders-nexus");

  FakeCluster empty;
  empty.answer<osv::ListNexusEndpointsResponse>();
  auto missing = run_cli(empty, {"operator", "nexus", "endpoint", "get", "--name", "orders"});
  CHECK(missing.code == 4);
  CHECK(missing.err.find("Nexus endpoint orders not found") != std::string::npos);
}

TEST_CASE("nexus endpoint list: every page; cards apart by a blank line; jsonl one endpoint a line") {
  FakeCluster c;
  auto p1 = listing(worker_endpoint("a"));
  p1.set_next_page_token("t");
  c.then(p1);
  c.then(listing(worker_endpoint("b")));
  auto r = run_cli(c, {"operator", "nexus", "endpoint", "list"});
  CHECK(r.code == 0);
  CHECK(c.requests<osv::ListNexusEndpointsRequest>().at(1).next_page_token() == "t");
  CHECK(r.out.find("  Name                     a\n") != std::string::npos);
  CHECK(r.out.find("\n\n  Id") != std::string::npos);
  CHECK(r.out.find("  Name                     b\n") != std::string::npos);

  FakeCluster l;
  l.answer<osv::ListNexusEndpointsResponse>() = listing(worker_endpoint("a"));
  auto jl = run_cli(l, {"operator", "nexus", "endpoint", "list", "-o", "jsonl"});
  CHECK(nlohmann::json::parse(jl.out)["spec"]["name"] == "a");
}

TEST_CASE("nexus endpoint update: the ID and version from the lookup; only what is given changes") {
  FakeCluster c;
  c.answer<osv::ListNexusEndpointsResponse>() = listing(worker_endpoint("orders"));
  c.answer<osv::UpdateNexusEndpointResponse>();
  auto r = run_cli(c, {"operator", "nexus", "endpoint", "update", "--name", "orders", "--target-task-queue", "v2"});
  CHECK(r.code == 0);
  auto req = c.requests<osv::UpdateNexusEndpointRequest>().at(0);
  CHECK(req.id() == "id-1");
  CHECK(req.version() == 3);
  CHECK(req.spec().target().worker().namespace_() == "default");
  CHECK(req.spec().target().worker().task_queue() == "v2");
  CHECK(req.spec().description().data() == "\"Order processing\"");

  run_cli(c, {"operator", "nexus", "endpoint", "update", "--name", "orders", "--unset-description", "--target-url",
              "http://x"});
  auto second = c.requests<osv::UpdateNexusEndpointRequest>().at(1);
  CHECK_FALSE(second.spec().has_description());
  CHECK(second.spec().target().external().url() == "http://x");

  FakeCluster ext;
  auto e = worker_endpoint("orders");
  e.mutable_spec()->mutable_target()->mutable_external()->set_url("http://x");
  ext.answer<osv::ListNexusEndpointsResponse>() = listing(e);
  auto half = run_cli(ext, {"operator", "nexus", "endpoint", "update", "--name", "orders", "--target-namespace", "d"});
  CHECK(half.code == 2);
  CHECK(half.err.find("both --target-namespace and --target-task-queue") != std::string::npos);
  CHECK(ext.requests<osv::UpdateNexusEndpointRequest>().empty());
}

TEST_CASE("nexus endpoint delete: asks on a terminal first, then deletes by ID and version") {
  FakeCluster c;
  c.answer<osv::ListNexusEndpointsResponse>() = listing(worker_endpoint("orders"));
  c.answer<osv::DeleteNexusEndpointResponse>();
  auto terminal = [](Context& ctx) {
    ctx.stdin_tty = true;
    ctx.stderr_tty = true;
  };
  auto no = run_cli(c, {"operator", "nexus", "endpoint", "delete", "--name", "orders"}, {}, "n\n", terminal);
  CHECK(no.code == 1);
  CHECK(c.gateways_made == 0);
  auto yes = run_cli(c, {"operator", "nexus", "endpoint", "delete", "--name", "orders"}, {}, "y\n", terminal);
  CHECK(yes.code == 0);
  CHECK(yes.err.find("Delete Nexus endpoint orders? y/N") != std::string::npos);
  CHECK(yes.err.find("Endpoint orders deleted (ID id-1).") != std::string::npos);
  auto req = c.requests<osv::DeleteNexusEndpointRequest>().at(0);
  CHECK(req.id() == "id-1");
  CHECK(req.version() == 3);
  auto j = run_cli(c, {"operator", "nexus", "endpoint", "delete", "--name", "orders", "--yes", "-o", "json"});
  CHECK(nlohmann::json::parse(j.out) == nlohmann::json{{"name", "orders"}, {"id", "id-1"}, {"deleted", true}});
}
