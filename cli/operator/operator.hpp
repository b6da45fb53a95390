#pragma once

#include "cli/app.hpp"

#include <CLI/CLI.hpp>

namespace twctl::cli::operator_ {

// `twctl operator`: cluster, namespace, search-attribute and nexus.
void add_group(CLI::App& root, Selection& sel);

void add_cluster(CLI::App& group, Selection& sel);
void add_namespace(CLI::App& group, Selection& sel);
void add_search_attribute(CLI::App& group, Selection& sel);
void add_nexus(CLI::App& group, Selection& sel);

}  // namespace twctl::cli::operator_
