// `twctl operator search-attribute create | list | remove`.
#include "cli/flags.hpp"
#include "cli/operator/operator.hpp"
#include "cli/select.hpp"
#include "ops/operator/search_attribute.hpp"
#include "temporal/api/operatorservice/v1/request_response.pb.h"

namespace twctl::cli::operator_ {

namespace ops_op = ops::operator_;

void add_search_attribute(CLI::App& parent, Selection& sel) {
  auto* group = parent.add_subcommand("search-attribute", "Add, list and remove custom search attributes");
  group->require_subcommand(1);

  auto create = std::make_shared<ops_op::SearchAttributeCreateOptions>();
  auto* create_cmd = group->add_subcommand("create", "Add custom search attributes to the namespace");
  add_repeatable(*create_cmd, "--name", create->names, "Search attribute name; repeatable, one per --type")
      ->required();
  one_of_enum(*create_cmd,
              add_repeatable(*create_cmd, "--type", create->types, "Its type; repeatable, paired with --name in order"),
              ops_op::kSearchAttributeType)
      ->required();
  create_cmd->add_flag("--if-not-exists", create->if_not_exists,
                       "Succeed when an attribute already exists with the same type");
  set_help(*create_cmd,
           "Adds each --name with the --type in the same position to the namespace (-n). One that exists with "
           "the same type fails with exit 5 (already_exists) unless --if-not-exists; one that exists with another "
           "type always does. Nothing is added when one fails.",
           {"twctl operator search-attribute create \\\n    --name CustomerId \\\n    --type Keyword",
            "twctl operator search-attribute create \\\n    --name OrderTotal \\\n    --type Double \\\n"
            "    --name Shipped \\\n    --type Bool \\\n    --if-not-exists"});
  bind(*create_cmd, sel, create, ops_op::search_attribute_create);

  auto list = std::make_shared<ops_op::SearchAttributeListOptions>();
  auto* list_cmd = group->add_subcommand("list", "List the namespace's search attributes");
  set_help(*list_cmd,
           "A table of system attributes then custom ones, each sorted by name; -o json prints the server's "
           "answer (customAttributes, systemAttributes, storageSchema).",
           {"twctl operator search-attribute list \\\n    --namespace orders"});
  add_record_output(*list_cmd, &temporal::api::operatorservice::v1::ListSearchAttributesResponse::descriptor,
                    {"customAttributes", "systemAttributes"});
  bind(*list_cmd, sel, list, ops_op::search_attribute_list);

  auto remove = std::make_shared<ops_op::SearchAttributeRemoveOptions>();
  auto* remove_cmd = group->add_subcommand("remove", "Remove custom search attributes from the namespace");
  values_from(*remove_cmd,
              add_repeatable(*remove_cmd, "--name", remove->names, "Search attribute name; repeatable")->required(),
              Values::SearchAttribute);
  remove_cmd->add_flag("-y,--yes", remove->yes, "Remove without asking");
  set_help(*remove_cmd,
           "Asks first on a terminal; otherwise (or with -o json) --yes is needed, and nothing is sent without it.",
           {"twctl operator search-attribute remove \\\n    --name CustomerId \\\n    --yes"});
  bind(*remove_cmd, sel, remove, ops_op::search_attribute_remove);
}

}  // namespace twctl::cli::operator_
