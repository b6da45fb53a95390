// Custom search attributes of a namespace: add, list and remove them.
#include "ops/operator/search_attribute.hpp"

#include "core/error.hpp"
#include "ops/confirm.hpp"
#include "output/proto_fields.hpp"
#include "output/proto_json.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

#include "temporal/api/enums/v1/common.pb.h"
#include "temporal/api/operatorservice/v1/request_response.pb.h"

namespace twctl::ops::operator_ {

namespace enums = temporal::api::enums::v1;
namespace osv = temporal::api::operatorservice::v1;

namespace {

std::string type_text(int t) { return output::enum_short_name(*enums::IndexedValueType_descriptor(), t); }

osv::ListSearchAttributesResponse list_all(Context& ctx) {
  osv::ListSearchAttributesRequest req;
  req.set_namespace_(ctx.namespace_());
  return client::call<osv::ListSearchAttributesResponse>(ctx.gateway(), req);
}

std::string names_text(const std::vector<std::string>& names) { return fmt::format("{}", fmt::join(names, ", ")); }

}  // namespace

int search_attribute_create(const SearchAttributeCreateOptions& opts, Context& ctx) {
  if (opts.names.empty()) throw usage_error("--name is required (with a --type for each)");
  if (opts.names.size() != opts.types.size()) {
    throw usage_error(fmt::format("--name and --type come in pairs: {} --name and {} --type given",
                                  opts.names.size(), opts.types.size()));
  }
  std::map<std::string, enums::IndexedValueType> wanted;
  std::vector<std::string> order;
  for (size_t i = 0; i < opts.names.size(); ++i) {
    const auto& name = opts.names[i];
    if (name.empty()) throw usage_error("--name must not be empty");
    auto type = static_cast<enums::IndexedValueType>(enum_number(kSearchAttributeType, opts.types[i]));
    if (!wanted.emplace(name, type).second) throw usage_error(fmt::format("--name {} is given twice", name));
    order.push_back(name);
  }

  auto existing = list_all(ctx);
  osv::AddSearchAttributesRequest req;
  req.set_namespace_(ctx.namespace_());
  std::vector<std::string> added, present;
  for (const auto& name : order) {
    auto type = wanted[name];
    if (existing.system_attributes().count(name) > 0) {
      throw Error(ErrorKind::AlreadyExists, fmt::format("{} is a system search attribute", name));
    }
    if (auto it = existing.custom_attributes().find(name); it != existing.custom_attributes().end()) {
      if (it->second != type) {
        throw Error(ErrorKind::AlreadyExists,
                    fmt::format("search attribute {} already exists in namespace {} with type {}, not {}", name,
                                ctx.namespace_(), type_text(it->second), type_text(type)));
      }
      present.push_back(name);
      continue;
    }
    (*req.mutable_search_attributes())[name] = type;
    added.push_back(name);
  }
  if (!present.empty() && !opts.if_not_exists) {
    throw Error(ErrorKind::AlreadyExists,
                fmt::format("search attribute{} {} already exist{} in namespace {} (--if-not-exists makes this a "
                            "success)",
                            present.size() > 1 ? "s" : "", names_text(present), present.size() > 1 ? "" : "s",
                            ctx.namespace_()));
  }
  if (!added.empty()) client::call<osv::AddSearchAttributesResponse>(ctx.gateway(), req);

  auto& out = ctx.printer();
  if (out.json()) {
    out.document({{"namespace", ctx.namespace_()}, {"added", added}, {"alreadyExisted", present}});
  } else if (out.text()) {
    if (!added.empty()) ctx.err << "Search attributes added: " << names_text(added) << "\n";
    if (!present.empty()) ctx.err << "Search attributes already there: " << names_text(present) << "\n";
  }
  return 0;
}

int search_attribute_list(const SearchAttributeListOptions&, Context& ctx) {
  auto resp = list_all(ctx);
  auto& out = ctx.printer();
  if (out.record(resp, ctx.globals.shorthand_payloads)) return 0;
  if (out.json()) {
    out.document(output::proto_to_json(resp, ctx.globals.shorthand_payloads));
    return 0;
  }
  if (!out.text()) return 0;
  output::Table table{{{"Name"}, {"Type"}, {"Kind"}}, {}};
  for (const auto& [name, type] : std::map<std::string, int>(resp.system_attributes().begin(),
                                                              resp.system_attributes().end())) {
    table.rows.push_back({name, type_text(type), "system"});
  }
  for (const auto& [name, type] : std::map<std::string, int>(resp.custom_attributes().begin(),
                                                              resp.custom_attributes().end())) {
    table.rows.push_back({name, type_text(type), "custom"});
  }
  out.write(output::render_table(table, true, out.style()));
  return 0;
}

int search_attribute_remove(const SearchAttributeRemoveOptions& opts, Context& ctx) {
  if (opts.names.empty()) throw usage_error("--name is required");
  std::set<std::string> seen;
  for (const auto& name : opts.names) {
    if (name.empty()) throw usage_error("--name must not be empty");
    if (!seen.insert(name).second) throw usage_error(fmt::format("--name {} is given twice", name));
  }
  auto names = names_text(opts.names);
  confirm(ctx, opts.yes, fmt::format("Remove search attribute(s) {} from namespace {}? y/N", names, ctx.namespace_()),
          fmt::format("add --yes to remove search attribute(s) {}", names));
  osv::RemoveSearchAttributesRequest req;
  req.set_namespace_(ctx.namespace_());
  for (const auto& name : opts.names) req.add_search_attributes(name);
  client::call<osv::RemoveSearchAttributesResponse>(ctx.gateway(), req);
  auto& out = ctx.printer();
  if (out.json()) out.document({{"namespace", ctx.namespace_()}, {"removed", opts.names}});
  else if (out.text()) ctx.err << "Search attributes removed: " << names << "\n";
  return 0;
}

}  // namespace twctl::ops::operator_
