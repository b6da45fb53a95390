#pragma once
// What the worker deployment commands share (their .cpp files only: it names generated types).

#include "app/context.hpp"
#include "output/render.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <string>
#include <string_view>

#include "temporal/api/deployment/v1/message.pb.h"
#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::ops::worker {

// A usage error "<flag> is required" when `value` is empty.
void need(const std::string& value, std::string_view flag);

// DescribeWorkerDeployment, as the server answers it (with the conflict token).
temporal::api::workflowservice::v1::DescribeWorkerDeploymentResponse describe_raw(const std::string& name,
                                                                                  Context& ctx);

// The "Worker Deployment:" card and its "Version Summaries:" table.
std::string deployment_card(const temporal::api::deployment::v1::WorkerDeploymentInfo& info, const Context& ctx,
                            const output::Style& style);

// `doc` on stdout in JSON modes; `line` on stderr in text (a confirmation is not data).
void done(Context& ctx, std::string_view line, nlohmann::ordered_json doc);

// Until the version reports drained, or `wait` passes: deadline_exceeded (exit 7, cause "drain_timeout").
// Each change of its drainage status is a line on stderr when stderr is a terminal.
void wait_for_drain(Context& ctx, const std::string& deployment_name, const std::string& build_id,
                    std::chrono::nanoseconds wait);

}  // namespace twctl::ops::worker
