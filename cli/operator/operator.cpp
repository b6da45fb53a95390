// `twctl operator`: administering the cluster, its namespaces and their search attributes, Nexus endpoints.
#include "cli/operator/operator.hpp"

namespace twctl::cli::operator_ {

void add_group(CLI::App& root, Selection& sel) {
  auto* group = root.add_subcommand("operator", "Administer the cluster, its namespaces, search attributes and Nexus endpoints");
  group->require_subcommand(1);
  add_cluster(*group, sel);
  add_namespace(*group, sel);
  add_search_attribute(*group, sel);
  add_nexus(*group, sel);
}

}  // namespace twctl::cli::operator_
