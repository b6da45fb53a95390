#pragma once
// The record-output option set: --fields and --no-header on a command that prints records, and the check of
// both (and of -o tsv) before the command runs.

#include "output/printer.hpp"

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace twctl::cli {

// Declares that `cmd` prints records of a message type (its generated descriptor(), e.g.
// &temporal::api::workflow::v1::WorkflowExecutionInfo::descriptor) whose text output shows `columns` (paths,
// the columns of -o tsv without --fields), and adds --fields and --no-header.
void add_record_output(CLI::App& cmd, const google::protobuf::Descriptor* (*record_type)(),
                       std::vector<std::string> columns);

// The record output of the command that was selected, its paths checked against the record type: a path
// that is not there, or -o tsv on a command that prints no records, is a usage error.
output::RecordOutput resolve_record_output(const CLI::App& cmd, output::OutputMode mode);

// The paths --fields completes for `cmd` (none when it prints no records).
std::vector<std::string> record_field_paths(const CLI::App& cmd);

}  // namespace twctl::cli
