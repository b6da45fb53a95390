// `twctl operator cluster | namespace | search-attribute` through cli::run against the fake cluster.
#include "fake_gateway.hpp"

#include "cli/app.hpp"
#include "ops/operator/namespace.hpp"
#include "ops/operator/search_attribute.hpp"

#include <CLI/CLI.hpp>
#include <doctest/doctest.h>

#include <memory>

#include "grpc/health/v1/health.pb.h"
#include "temporal/api/enums/v1/common.pb.h"
#include "temporal/api/enums/v1/namespace.pb.h"
#include "temporal/api/operatorservice/v1/request_response.pb.h"

using namespace twctl;
using namespace twctl::testing;
namespace enums = temporal::api::enums::v1;
namespace osv = temporal::api::operatorservice::v1;
namespace health = grpc::health::v1;

namespace {

template <typename T>
const T& options_of(const cli::CommandTree& tree) {
  return *std::any_cast<std::shared_ptr<T>>(tree.selected.options);
}

Error refused() {
  Error e(ErrorKind::Unavailable, "connection refused by localhost:7233");
  e.grpc_code = 14;
  e.grpc_code_name = "UNAVAILABLE";
  e.cause = "refused";
  return e;
}

Error grpc_error(ErrorKind kind, int code, std::string name, std::string message) {
  Error e(kind, std::move(message));
  e.grpc_code = code;
  e.grpc_code_name = std::move(name);
  return e;
}

// Stdin and stderr as terminals, text output: a confirmation is asked.
void terminal(Context& ctx) {
  ctx.stdin_tty = true;
  ctx.stderr_tty = true;
}

wsv::DescribeNamespaceResponse orders_namespace() {
  wsv::DescribeNamespaceResponse ns;
  auto* info = ns.mutable_namespace_info();
  info->set_name("orders");
  info->set_id("0b6f-1");
  info->set_description("Order processing");
  info->set_owner_email("ops@example.com");
  info->set_state(enums::NAMESPACE_STATE_REGISTERED);
  (*info->mutable_data())["team"] = "payments";
  (*info->mutable_data())["cost"] = "42";
  ns.mutable_config()->mutable_workflow_execution_retention_ttl()->set_seconds(30 * 24 * 3600);
  ns.mutable_config()->set_history_archival_state(enums::ARCHIVAL_STATE_DISABLED);
  ns.mutable_config()->set_visibility_archival_state(enums::ARCHIVAL_STATE_ENABLED);
  ns.mutable_config()->set_visibility_archival_uri("file:///tmp/vis");
  ns.mutable_replication_config()->set_active_cluster_name("active");
  ns.mutable_replication_config()->add_clusters()->set_cluster_name("active");
  ns.mutable_replication_config()->add_clusters()->set_cluster_name("standby");
  ns.mutable_replication_config()->set_state(enums::REPLICATION_STATE_NORMAL);
  ns.set_failover_version(7);
  return ns;
}

}  // namespace

TEST_CASE("operator parse: the namespace is the positional NAME; repeatable flags keep every value") {
  auto tree = cli::parse({"operator", "namespace", "create", "orders", "--data", "a=1", "--data", "b=x,y",
                          "--cluster", "c1", "--cluster", "c2", "--history-archival-state", "enabled"});
  CHECK(tree->selected.command == "operator namespace create");
  const auto& o = options_of<ops::operator_::NamespaceCreateOptions>(*tree);
  CHECK(o.name == "orders");
  CHECK(o.settings.retention == "72h");
  CHECK(o.settings.data == std::vector<std::string>{"a=1", "b=x,y"});
  CHECK(o.settings.clusters == std::vector<std::string>{"c1", "c2"});
  CHECK(o.settings.history_archival_state == "Enabled");

  auto sa = cli::parse({"operator", "search-attribute", "create", "--name", "A", "--type", "keywordlist", "--name",
                        "B", "--type", "DATETIME"});
  const auto& s = options_of<ops::operator_::SearchAttributeCreateOptions>(*sa);
  CHECK(s.names == std::vector<std::string>{"A", "B"});
  CHECK(s.types == std::vector<std::string>{"KeywordList", "Datetime"});
}

TEST_CASE("operator namespace create: one RegisterNamespace with every flag; retention 72h by default") {
  FakeCluster c;
  c.answer<wsv::RegisterNamespaceResponse>();
  auto r = run_cli(c, {"operator", "namespace", "create", "orders", "--description", "Orders", "--email",
                       "ops@example.com", "--data", "team=payments", "--data", "note=a=b", "--history-archival-state",
                       "Enabled", "--history-uri", "file:///h", "--visibility-archival-state", "disabled",
                       "--visibility-uri", "file:///v", "--active-cluster", "active", "--cluster", "active",
                       "--cluster", "standby", "--global"});
  CHECK(r.code == 0);
  REQUIRE(c.requests<wsv::RegisterNamespaceRequest>().size() == 1);
  auto req = c.requests<wsv::RegisterNamespaceRequest>()[0];
  CHECK(req.namespace_() == "orders");
  CHECK(req.description() == "Orders");
  CHECK(req.owner_email() == "ops@example.com");
  CHECK(req.workflow_execution_retention_period().seconds() == 72 * 3600);
  CHECK(req.data().at("team") == "payments");
  CHECK(req.data().at("note") == "a=b");
  CHECK(req.history_archival_state() == enums::ARCHIVAL_STATE_ENABLED);
  CHECK(req.history_archival_uri() == "file:///h");
  CHECK(req.visibility_archival_state() == enums::ARCHIVAL_STATE_DISABLED);
  CHECK(req.visibility_archival_uri() == "file:///v");
  CHECK(req.active_cluster_name() == "active");
  REQUIRE(req.clusters_size() == 2);
  CHECK(req.clusters(1).cluster_name() == "standby");
  CHECK(req.is_global_namespace());
  CHECK(r.out.empty());
  CHECK(r.err == "Namespace orders successfully registered.\n");

  FakeCluster c2;
  c2.answer<wsv::RegisterNamespaceResponse>();
  auto j = run_cli(c2, {"operator", "namespace", "create", "-n", "billing", "--retention", "5d", "-o", "json"});
  CHECK(j.code == 0);
  CHECK(nlohmann::json::parse(j.out) == nlohmann::json{{"namespace", "billing"}, {"created", true}});
  CHECK(c2.requests<wsv::RegisterNamespaceRequest>().at(0).namespace_() == "billing");
  CHECK(c2.requests<wsv::RegisterNamespaceRequest>().at(0).workflow_execution_retention_period().seconds() ==
        5 * 24 * 3600);
}

TEST_CASE("operator namespace create: an existing namespace exits 5 naming it; --if-not-exists exits 0") {
  auto exists = grpc_error(ErrorKind::AlreadyExists, 6, "ALREADY_EXISTS", "Namespace already exists.");
  FakeCluster c;
  c.fail_next<wsv::RegisterNamespaceRequest>({exists});
  auto r = run_cli(c, {"operator", "namespace", "create", "orders"});
  CHECK(r.code == 5);
  CHECK(r.out.empty());
  CHECK(r.err.find("Error: namespace orders already exists") == 0);

  FakeCluster c2;
  c2.fail_next<wsv::RegisterNamespaceRequest>({exists});
  auto ok = run_cli(c2, {"operator", "namespace", "create", "orders", "--if-not-exists", "-o", "json"});
  CHECK(ok.code == 0);
  CHECK(nlohmann::json::parse(ok.out) == nlohmann::json{{"namespace", "orders"}, {"created", false}});

  // Another error is not hidden by --if-not-exists.
  FakeCluster c3;
  c3.fail_next<wsv::RegisterNamespaceRequest>(
      {grpc_error(ErrorKind::Rejected, 3, "INVALID_ARGUMENT", "retention is too short")});
  auto bad = run_cli(c3, {"operator", "namespace", "create", "orders", "--if-not-exists"});
  CHECK(bad.code == 9);
}

TEST_CASE("operator namespace: bad input exits 2 with one line naming the flag, and nothing is sent") {
  struct Case {
    std::vector<std::string> args;
    std::string needle;
  };
  std::vector<Case> cases{
      {{"operator", "namespace", "create", "orders", "--retention", "three days"}, "--retention"},
      {{"operator", "namespace", "create", "orders", "--retention", "0s"}, "--retention"},
      {{"operator", "namespace", "create", "orders", "--history-archival-state", "sometimes"},
       "--history-archival-state"},
      {{"operator", "namespace", "create", "orders", "--data", "novalue"}, "--data"},
      {{"operator", "namespace", "create", "orders", "--data", "=v"}, "--data"},
      {{"operator", "namespace", "create"}, "NAME (or -n NAME)"},
      {{"operator", "namespace", "create", "orders", "-n", "billing"}, "-n/--namespace"},
      {{"operator", "namespace", "delete", "--yes"}, "NAME (or -n NAME)"},
      {{"operator", "namespace", "update", "orders"}, "nothing to update"},
      {{"operator", "namespace", "update", "orders", "--replication-state", "paused"}, "--replication-state"},
      {{"operator", "namespace", "update", "orders", "--promote-global", "--active-cluster", "b"}, "--promote-global"},
      {{"operator", "namespace", "update", "orders", "--active-cluster", "b", "--retention", "1d"},
       "--active-cluster"},
      {{"operator", "namespace", "describe", "orders", "--namespace-id", "x"}, "--namespace-id"},
      {{"operator", "namespace", "create", "a", "b"}, "b"},
  };
  for (const auto& tc : cases) {
    CAPTURE(tc.args);
    FakeCluster c;
    auto r = run_cli(c, tc.args);
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("Error: ") == 0);
    CHECK(r.err.substr(0, r.err.find('\n')).find(tc.needle) != std::string::npos);
    CHECK(c.gateways_made == 0);
  }
}

TEST_CASE("operator namespace describe: a card with the retention as a duration; JSON is the server's answer") {
  FakeCluster c;
  c.answer<wsv::DescribeNamespaceResponse>() = orders_namespace();
  auto r = run_cli(c, {"operator", "namespace", "describe", "orders"});
  CHECK(r.code == 0);
  CHECK(c.requests<wsv::DescribeNamespaceRequest>().at(0).namespace_() == "orders");
  CHECK(r.out ==
        "  NamespaceInfo.Name                    orders\n"
        "  NamespaceInfo.Id                      0b6f-1\n"
        "  NamespaceInfo.Description             Order processing\n"
        "  NamespaceInfo.OwnerEmail              ops@example.com\n"
        "  NamespaceInfo.State                   Registered\n"
        "  NamespaceInfo.Data                    {\"cost\":\"42\",\"team\":\"payments\"}\n"
        "  Config.WorkflowExecutionRetentionTtl  720h0m0s\n"
        "  ReplicationConfig.ActiveClusterName   active\n"
        "  ReplicationConfig.Clusters            [active, standby]\n"
        "  ReplicationConfig.State               Normal\n"
        "  Config.HistoryArchivalState           Disabled\n"
        "  Config.VisibilityArchivalState        Enabled\n"
        "  IsGlobalNamespace                     false\n"
        "  FailoverVersion                       7\n"
        "  FailoverHistory                       []\n"
        "  Config.HistoryArchivalUri             \n"
        "  Config.VisibilityArchivalUri          file:///tmp/vis\n");

  auto j = run_cli(c, {"operator", "namespace", "describe", "-n", "orders", "-o", "json"});
  CHECK(j.code == 0);
  auto doc = nlohmann::json::parse(j.out);
  CHECK(doc["namespaceInfo"]["name"] == "orders");
  CHECK(doc["namespaceInfo"]["state"] == "NAMESPACE_STATE_REGISTERED");
  CHECK(doc["config"]["workflowExecutionRetentionTtl"] == "2592000s");
  CHECK(doc["failoverVersion"] == "7");

  auto by_id = run_cli(c, {"operator", "namespace", "describe", "--namespace-id", "0b6f-1"});
  CHECK(by_id.code == 0);
  CHECK(c.requests<wsv::DescribeNamespaceRequest>().at(2).id() == "0b6f-1");
  CHECK(c.requests<wsv::DescribeNamespaceRequest>().at(2).namespace_().empty());
}

TEST_CASE("operator namespace describe: without NAME it is -n's namespace, or the default one") {
  FakeCluster c;
  c.answer<wsv::DescribeNamespaceResponse>() = orders_namespace();
  CHECK(run_cli(c, {"operator", "namespace", "describe"}).code == 0);
  CHECK(run_cli(c, {"operator", "namespace", "describe"}, {{"TEMPORAL_NAMESPACE", "fromenv"}}).code == 0);
  // NAME wins over the environment; only a -n flag that disagrees is refused.
  CHECK(run_cli(c, {"operator", "namespace", "describe", "orders"}, {{"TEMPORAL_NAMESPACE", "fromenv"}}).code == 0);
  auto reqs = c.requests<wsv::DescribeNamespaceRequest>();
  REQUIRE(reqs.size() == 3);
  CHECK(reqs[0].namespace_() == "default");
  CHECK(reqs[1].namespace_() == "fromenv");
  CHECK(reqs[2].namespace_() == "orders");

  FakeCluster nf;
  nf.fail_next<wsv::DescribeNamespaceRequest>(
      {grpc_error(ErrorKind::NotFound, 5, "NOT_FOUND", "Namespace nope is not found.")});
  auto r = run_cli(nf, {"operator", "namespace", "describe", "nope"});
  CHECK(r.code == 4);
  CHECK(r.err == "Error: namespace nope not found\n");
}

TEST_CASE("operator namespace list: every page; a card per namespace in text, one per line in jsonl") {
  wsv::ListNamespacesResponse page1, page2;
  *page1.add_namespaces() = orders_namespace();
  page1.set_next_page_token("p2");
  page2.add_namespaces()->mutable_namespace_info()->set_name("billing");
  FakeCluster c;
  c.then(page1);
  c.then(page2);
  auto r = run_cli(c, {"operator", "namespace", "list"});
  CHECK(r.code == 0);
  auto reqs = c.requests<wsv::ListNamespacesRequest>();
  REQUIRE(reqs.size() == 2);
  CHECK(reqs[1].next_page_token() == "p2");
  CHECK(r.out.find("  NamespaceInfo.Name                    orders\n") == 0);
  CHECK(r.out.find("\n\n  NamespaceInfo.Name                    billing\n") != std::string::npos);

  FakeCluster c2;
  c2.then(page1);
  c2.then(page2);
  auto j = run_cli(c2, {"operator", "namespace", "list", "-o", "jsonl"});
  CHECK(j.code == 0);
  auto first = j.out.substr(0, j.out.find('\n'));
  CHECK(nlohmann::json::parse(first)["namespaceInfo"]["name"] == "orders");
  CHECK(std::count(j.out.begin(), j.out.end(), '\n') == 2);

  FakeCluster c3;
  c3.then(page1);
  c3.then(page2);
  auto arr = run_cli(c3, {"operator", "namespace", "list", "-o", "json"});
  CHECK(nlohmann::json::parse(arr.out).size() == 2);
}

TEST_CASE("operator namespace update: only what is given is sent") {
  FakeCluster c;
  c.answer<wsv::UpdateNamespaceResponse>().mutable_namespace_info()->set_name("orders");
  auto r = run_cli(c, {"operator", "namespace", "update", "orders", "--retention", "14d", "--data", "team=ops"});
  CHECK(r.code == 0);
  auto req = c.requests<wsv::UpdateNamespaceRequest>().at(0);
  CHECK(req.namespace_() == "orders");
  CHECK(req.config().workflow_execution_retention_ttl().seconds() == 14 * 24 * 3600);
  CHECK(req.config().history_archival_state() == enums::ARCHIVAL_STATE_UNSPECIFIED);
  CHECK(req.update_info().data().at("team") == "ops");
  CHECK(req.update_info().description().empty());
  CHECK_FALSE(req.has_replication_config());
  CHECK_FALSE(req.promote_namespace());
  CHECK(r.err == "Namespace orders updated.\n");

  auto promote = run_cli(c, {"operator", "namespace", "update", "-n", "orders", "--promote-global",
                             "--replication-state", "handover", "-o", "json"});
  CHECK(promote.code == 0);
  auto preq = c.requests<wsv::UpdateNamespaceRequest>().at(1);
  CHECK(preq.promote_namespace());
  CHECK(preq.replication_config().state() == enums::REPLICATION_STATE_HANDOVER);
  CHECK_FALSE(preq.has_config());
  CHECK(nlohmann::json::parse(promote.out)["namespaceInfo"]["name"] == "orders");
}

TEST_CASE("operator namespace delete: --yes or a typed name on a terminal; otherwise nothing is sent") {
  FakeCluster none;
  auto refused_run = run_cli(none, {"operator", "namespace", "delete", "orders"});
  CHECK(refused_run.code == 2);
  CHECK(refused_run.err.find("--yes") != std::string::npos);
  CHECK(none.gateways_made == 0);

  // On a terminal, but JSON output: cannot ask either.
  FakeCluster json;
  CHECK(run_cli(json, {"operator", "namespace", "delete", "orders", "-o", "json"}, {}, "orders\n", terminal).code ==
        2);
  CHECK(json.gateways_made == 0);

  FakeCluster wrong;
  auto no = run_cli(wrong, {"operator", "namespace", "delete", "orders"}, {}, "y\n", terminal);
  CHECK(no.code == 1);
  CHECK(no.err.find("Type the namespace's name to confirm:") != std::string::npos);
  CHECK(no.err.find("not confirmed") != std::string::npos);
  CHECK(wrong.calls.empty());

  FakeCluster c;
  c.answer<osv::DeleteNamespaceResponse>().set_deleted_namespace("orders-deleted-1a2b");
  auto typed = run_cli(c, {"operator", "namespace", "delete", "orders"}, {}, "orders\n", terminal);
  CHECK(typed.code == 0);
  CHECK(c.requests<osv::DeleteNamespaceRequest>().at(0).namespace_() == "orders");
  CHECK(typed.err.find("Namespace orders has been deleted (renamed orders-deleted-1a2b") != std::string::npos);

  auto yes = run_cli(c, {"operator", "namespace", "delete", "-n", "orders", "--yes", "-o", "json"});
  CHECK(yes.code == 0);
  CHECK(nlohmann::json::parse(yes.out)["deletedNamespace"] == "orders-deleted-1a2b");
}

TEST_CASE("operator search-attribute create: names and types paired in order, types matched without case") {
  FakeCluster c;
  c.answer<osv::ListSearchAttributesResponse>();
  c.answer<osv::AddSearchAttributesResponse>();
  auto r = run_cli(c, {"operator", "search-attribute", "create", "--name", "CustomerId", "--type", "keyword",
                       "--name", "Total", "--type", "DOUBLE", "-n", "orders"});
  CHECK(r.code == 0);
  CHECK(c.requests<osv::ListSearchAttributesRequest>().at(0).namespace_() == "orders");
  auto req = c.requests<osv::AddSearchAttributesRequest>().at(0);
  CHECK(req.namespace_() == "orders");
  CHECK(req.search_attributes().at("CustomerId") == enums::INDEXED_VALUE_TYPE_KEYWORD);
  CHECK(req.search_attributes().at("Total") == enums::INDEXED_VALUE_TYPE_DOUBLE);
  CHECK(r.err == "Search attributes added: CustomerId, Total\n");
}

TEST_CASE("operator search-attribute: bad input exits 2 naming the flag, and nothing is sent") {
  struct Case {
    std::vector<std::string> args;
    std::string needle;
  };
  std::vector<Case> cases{
      {{"create", "--name", "A", "--type", "Keyword", "--name", "B"}, "--type"},
      {{"create", "--name", "A", "--type", "Strings"}, "--type"},
      {{"create", "--name", "A"}, "--type"},
      {{"create", "--type", "Int"}, "--name"},
      {{"create", "--name", "A", "--type", "Int", "--name", "A", "--type", "Int"}, "--name A"},
      {{"remove"}, "--name"},
      {{"remove", "--name", "A"}, "--yes"},
  };
  for (const auto& tc : cases) {
    CAPTURE(tc.args);
    FakeCluster c;
    std::vector<std::string> args{"operator", "search-attribute"};
    args.insert(args.end(), tc.args.begin(), tc.args.end());
    auto r = run_cli(c, args);
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.substr(0, r.err.find('\n')).find(tc.needle) != std::string::npos);
    CHECK(c.gateways_made == 0);
  }
}

TEST_CASE("operator search-attribute create: one that exists exits 5 unless --if-not-exists; another type always") {
  osv::ListSearchAttributesResponse existing;
  (*existing.mutable_custom_attributes())["CustomerId"] = enums::INDEXED_VALUE_TYPE_KEYWORD;
  (*existing.mutable_system_attributes())["WorkflowId"] = enums::INDEXED_VALUE_TYPE_KEYWORD;

  FakeCluster c;
  c.answer<osv::ListSearchAttributesResponse>() = existing;
  auto r = run_cli(c, {"operator", "search-attribute", "create", "--name", "CustomerId", "--type", "Keyword",
                       "--name", "Total", "--type", "Int"});
  CHECK(r.code == 5);
  CHECK(r.err.find("CustomerId already exists in namespace default") != std::string::npos);
  CHECK(c.requests<osv::AddSearchAttributesRequest>().empty());

  FakeCluster c2;
  c2.answer<osv::ListSearchAttributesResponse>() = existing;
  c2.answer<osv::AddSearchAttributesResponse>();
  auto ok = run_cli(c2, {"operator", "search-attribute", "create", "--name", "CustomerId", "--type", "Keyword",
                         "--name", "Total", "--type", "Int", "--if-not-exists", "-o", "json"});
  CHECK(ok.code == 0);
  auto req = c2.requests<osv::AddSearchAttributesRequest>().at(0);
  CHECK(req.search_attributes().size() == 1);
  CHECK(req.search_attributes().count("Total") == 1);
  CHECK(nlohmann::json::parse(ok.out) == nlohmann::json{{"namespace", "default"},
                                                        {"added", {"Total"}},
                                                        {"alreadyExisted", {"CustomerId"}}});

  // All there already: nothing to add, nothing sent.
  FakeCluster c3;
  c3.answer<osv::ListSearchAttributesResponse>() = existing;
  CHECK(run_cli(c3, {"operator", "search-attribute", "create", "--name", "CustomerId", "--type", "Keyword",
                     "--if-not-exists"})
            .code == 0);
  CHECK(c3.requests<osv::AddSearchAttributesRequest>().empty());

  FakeCluster c4;
  c4.answer<osv::ListSearchAttributesResponse>() = existing;
  auto other = run_cli(c4, {"operator", "search-attribute", "create", "--name", "CustomerId", "--type", "Int",
                            "--if-not-exists"});
  CHECK(other.code == 5);
  CHECK(other.err.find("with type Keyword, not Int") != std::string::npos);

  FakeCluster c5;
  c5.answer<osv::ListSearchAttributesResponse>() = existing;
  auto system = run_cli(c5, {"operator", "search-attribute", "create", "--name", "WorkflowId", "--type", "Keyword",
                             "--if-not-exists"});
  CHECK(system.code == 5);
  CHECK(system.err.find("system search attribute") != std::string::npos);
}

TEST_CASE("operator search-attribute list: system then custom, each sorted; JSON is the server's answer") {
  FakeCluster c;
  auto& resp = c.answer<osv::ListSearchAttributesResponse>();
  (*resp.mutable_system_attributes())["WorkflowType"] = enums::INDEXED_VALUE_TYPE_KEYWORD;
  (*resp.mutable_system_attributes())["StartTime"] = enums::INDEXED_VALUE_TYPE_DATETIME;
  (*resp.mutable_custom_attributes())["Tags"] = enums::INDEXED_VALUE_TYPE_KEYWORD_LIST;
  (*resp.mutable_custom_attributes())["Amount"] = enums::INDEXED_VALUE_TYPE_DOUBLE;
  auto r = run_cli(c, {"operator", "search-attribute", "list"});
  CHECK(r.code == 0);
  CHECK(r.out ==
        "  Name          Type         Kind\n"
        "  StartTime     Datetime     system\n"
        "  WorkflowType  Keyword      system\n"
        "  Amount        Double       custom\n"
        "  Tags          KeywordList  custom\n");
  auto j = run_cli(c, {"operator", "search-attribute", "list", "-o", "json"});
  auto doc = nlohmann::json::parse(j.out);
  CHECK(doc["customAttributes"]["Tags"] == "INDEXED_VALUE_TYPE_KEYWORD_LIST");
  CHECK(doc["systemAttributes"]["StartTime"] == "INDEXED_VALUE_TYPE_DATETIME");
}

TEST_CASE("operator search-attribute remove: asks on a terminal, sends with --yes") {
  FakeCluster c;
  c.answer<osv::RemoveSearchAttributesResponse>();
  auto r = run_cli(c, {"operator", "search-attribute", "remove", "--name", "A", "--name", "B"}, {}, "y\n", terminal);
  CHECK(r.code == 0);
  CHECK(r.err.find("Remove search attribute(s) A, B from namespace default? y/N") == 0);
  auto req = c.requests<osv::RemoveSearchAttributesRequest>().at(0);
  CHECK(req.search_attributes_size() == 2);
  CHECK(req.namespace_() == "default");

  FakeCluster no;
  CHECK(run_cli(no, {"operator", "search-attribute", "remove", "--name", "A"}, {}, "n\n", terminal).code == 1);
  CHECK(no.calls.empty());

  auto yes = run_cli(c, {"operator", "search-attribute", "remove", "--name", "A", "--yes", "-o", "json"});
  CHECK(yes.code == 0);
  CHECK(nlohmann::json::parse(yes.out) == nlohmann::json{{"namespace", "default"}, {"removed", {"A"}}});
}

TEST_CASE("operator cluster health: SERVING exits 0; NOT_SERVING exits 6; the service asked is WorkflowService") {
  FakeCluster c;
  c.answer<health::HealthCheckResponse>().set_status(health::HealthCheckResponse::SERVING);
  auto r = run_cli(c, {"operator", "cluster", "health"});
  CHECK(r.code == 0);
  CHECK(r.out == "SERVING\n");
  CHECK(c.requests<health::HealthCheckRequest>().at(0).service() == "temporal.api.workflowservice.v1.WorkflowService");
  auto j = run_cli(c, {"operator", "cluster", "health", "-o", "json"});
  CHECK(nlohmann::json::parse(j.out) == nlohmann::json{{"status", "SERVING"}});

  FakeCluster down;
  down.answer<health::HealthCheckResponse>().set_status(health::HealthCheckResponse::NOT_SERVING);
  auto d = run_cli(down, {"operator", "cluster", "health"});
  CHECK(d.code == 6);
  CHECK(d.out.empty());
  CHECK(d.err.find("not serving: NOT_SERVING") != std::string::npos);

  FakeCluster bad;
  auto u = run_cli(bad, {"operator", "cluster", "health", "--wait", "soon"});
  CHECK(u.code == 2);
  CHECK(u.err.find("--wait") != std::string::npos);
  CHECK(bad.gateways_made == 0);
}

TEST_CASE("operator cluster health --wait: refused connections and NOT_SERVING are waited out") {
  FakeCluster c;
  health::HealthCheckResponse not_serving, serving;
  not_serving.set_status(health::HealthCheckResponse::NOT_SERVING);
  serving.set_status(health::HealthCheckResponse::SERVING);
  // More refusals than the retry decorator repeats on its own: the wait goes on after it gives up.
  c.fail_next<health::HealthCheckRequest>({refused(), refused(), refused(), refused(), refused(), refused(),
                                           refused(), refused(), refused(), refused(), refused(), refused(),
                                           refused(), refused()});
  c.then(not_serving);
  c.then(serving);
  auto r = run_cli(c, {"operator", "cluster", "health", "--wait", "1m"});
  CHECK(r.code == 0);
  CHECK(r.out == "SERVING\n");
  CHECK(c.requests<health::HealthCheckRequest>().size() == 16);
}

TEST_CASE("operator cluster health --wait: exits 7 when the wait runs out; other errors fail at once") {
  auto clock = std::make_shared<TimePoint>(std::chrono::seconds(1'700'000'000));
  auto moving = [clock](Context& ctx) {
    ctx.now = [clock] { return *clock; };
    ctx.pause = [clock](std::chrono::milliseconds d) {
      *clock += d;
      return true;
    };
  };
  FakeCluster c;
  c.fail_with = refused();
  auto r = run_cli(c, {"operator", "cluster", "health", "--wait", "5s"}, {}, {}, moving);
  CHECK(r.code == 7);
  CHECK(r.err.find("was not serving within 5s") != std::string::npos);
  CHECK(r.err.find("connection refused") != std::string::npos);
  CHECK(c.calls.size() > 2);

  FakeCluster denied;
  denied.fail_with = grpc_error(ErrorKind::PermissionDenied, 7, "PERMISSION_DENIED", "no");
  CHECK(run_cli(denied, {"operator", "cluster", "health", "--wait", "5s"}, {}, {}, moving).code == 8);
  CHECK(denied.calls.size() == 1);
}

TEST_CASE("operator cluster system, describe and list: cards and a table; JSON is the server's answer") {
  FakeCluster c;
  auto& sys = c.answer<wsv::GetSystemInfoResponse>();
  sys.set_server_version("1.32.1");
  sys.mutable_capabilities()->set_supports_schedules(true);
  auto s = run_cli(c, {"operator", "cluster", "system"});
  CHECK(s.code == 0);
  CHECK(s.out.find("  ServerVersion ") == 0);
  CHECK(s.out.find("1.32.1\n") != std::string::npos);
  CHECK(s.out.find("  SupportsSchedules ") != std::string::npos);
  CHECK(s.out.find("  UpsertMemo ") != std::string::npos);
  auto sj = run_cli(c, {"operator", "cluster", "system", "-o", "json"});
  CHECK(nlohmann::json::parse(sj.out)["capabilities"]["supportsSchedules"] == true);

  auto& info = c.answer<wsv::GetClusterInfoResponse>();
  info.set_cluster_name("active");
  info.set_cluster_id("c-1");
  info.set_server_version("1.32.1");
  info.set_persistence_store("sqlite");
  info.set_visibility_store("sqlite");
  info.set_history_shard_count(4);
  auto d = run_cli(c, {"operator", "cluster", "describe"});
  CHECK(d.out ==
        "  ClusterName       active\n"
        "  ClusterId         c-1\n"
        "  ServerVersion     1.32.1\n"
        "  PersistenceStore  sqlite\n"
        "  VisibilityStore   sqlite\n");
  auto detail = run_cli(c, {"operator", "cluster", "describe", "--detail"});
  CHECK(detail.out.find("  HistoryShardCount         4\n") != std::string::npos);

  osv::ListClustersResponse page;
  auto* m = page.add_clusters();
  m->set_cluster_name("active");
  m->set_cluster_id("c-1");
  m->set_address("localhost:7233");
  m->set_history_shard_count(4);
  m->set_initial_failover_version(1);
  m->set_is_connection_enabled(true);
  c.then(page);
  auto l = run_cli(c, {"operator", "cluster", "list"});
  CHECK(l.code == 0);
  CHECK(l.out ==
        "  Name    ClusterId  Address         HistoryShardCount  InitialFailoverVersion  IsConnectionEnabled  "
        "IsReplicationEnabled\n"
        "  active  c-1        localhost:7233                  4                       1  true                 "
        "false\n");
  c.then(page);
  auto lj = run_cli(c, {"operator", "cluster", "list", "-o", "jsonl"});
  CHECK(nlohmann::json::parse(lj.out)["clusterName"] == "active");
}

TEST_CASE("operator cluster upsert and remove: the request as given; remove needs --yes off a terminal") {
  FakeCluster c;
  c.answer<osv::AddOrUpdateRemoteClusterResponse>();
  auto u = run_cli(c, {"operator", "cluster", "upsert", "--frontend-address", "other:7233", "--enable-connection",
                       "-o", "json"});
  CHECK(u.code == 0);
  auto req = c.requests<osv::AddOrUpdateRemoteClusterRequest>().at(0);
  CHECK(req.frontend_address() == "other:7233");
  CHECK(req.enable_remote_cluster_connection());
  CHECK_FALSE(req.enable_replication());
  CHECK(nlohmann::json::parse(u.out) == nlohmann::json{{"frontendAddress", "other:7233"}});

  FakeCluster none;
  CHECK(run_cli(none, {"operator", "cluster", "remove", "--name", "other"}).code == 2);
  CHECK(none.gateways_made == 0);

  FakeCluster r;
  r.answer<osv::RemoveRemoteClusterResponse>();
  auto removed = run_cli(r, {"operator", "cluster", "remove", "--name", "other", "--yes"});
  CHECK(removed.code == 0);
  CHECK(r.requests<osv::RemoveRemoteClusterRequest>().at(0).cluster_name() == "other");
  CHECK(removed.err == "Removed cluster other\n");
}
