#include "cli/options/record_output.hpp"

#include "cli/meta.hpp"
#include "core/error.hpp"
#include "output/field_paths.hpp"

#include <google/protobuf/descriptor.h>

namespace twctl::cli {

namespace {

const google::protobuf::Descriptor* record_type(const RecordMeta& meta) {
  const auto* type = meta.type();
  if (type == nullptr) throw Error(ErrorKind::General, "internal: a command's record type has no descriptor");
  return type;
}

}  // namespace

void add_record_output(CLI::App& cmd, const google::protobuf::Descriptor* (*type)(),
                       std::vector<std::string> columns) {
  auto flags = std::make_shared<RecordFlags>();
  values_from(cmd,
              cmd.add_option("--fields", flags->fields,
                             "Only these fields, comma-separated, by their path in -o json (e.g. "
                             "execution.workflowId,status): the columns in text and tsv, the kept paths in json"),
              Values::FieldPath);
  cmd.add_flag("--no-header", flags->no_header, "Tables and -o tsv without their header line");
  if (auto* reg = registry_of(cmd)) reg->command(&cmd).records = RecordMeta{type, std::move(columns), flags};
}

output::RecordOutput resolve_record_output(const CLI::App& cmd, output::OutputMode mode) {
  auto meta = command_meta(cmd);
  output::RecordOutput out;
  if (!meta.records) {
    if (mode == output::OutputMode::Tsv) {
      throw usage_error("-o tsv: this command prints no records; use -o text, json or jsonl");
    }
    return out;
  }
  const auto& records = *meta.records;
  out.header = !records.flags->no_header;
  // Only --fields and -o tsv print by fields; otherwise the type's descriptors wait for the answer's renderer.
  if (records.flags->fields.empty() && mode != output::OutputMode::Tsv) return out;
  out.type = record_type(records);
  if (!records.flags->fields.empty()) {
    out.columns = output::resolve_field_list(*out.type, records.flags->fields);
    out.chosen = true;
  } else {
    // -o tsv by the default columns (text has its own cards and tables, json whole messages).
    for (const auto& c : records.columns) out.columns.push_back(output::resolve_field_path(*out.type, c));
  }
  return out;
}

std::vector<std::string> record_field_paths(const CLI::App& cmd) {
  auto meta = command_meta(cmd);
  if (!meta.records) return {};
  return output::known_field_paths(*record_type(*meta.records));
}

}  // namespace twctl::cli
