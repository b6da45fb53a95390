#include "message/pool.hpp"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/generated_message_reflection.h>

#include "google/rpc/status.pb.h"
#include "grpc/health/v1/health.pb.h"
#include "temporal/api/errordetails/v1/message.pb.h"
#include "temporal/api/operatorservice/v1/request_response.pb.h"
#include "temporal/api/sdk/v1/workflow_metadata.pb.h"
#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::message {

const google::protobuf::DescriptorPool& pool() {
  // AssignDescriptors registers a file and its imports under protobuf's own lock, once.
  static const bool registered = [] {
    const google::protobuf::internal::DescriptorTable* const roots[] = {
        &descriptor_table_temporal_2fapi_2fworkflowservice_2fv1_2frequest_5fresponse_2eproto,
        &descriptor_table_temporal_2fapi_2foperatorservice_2fv1_2frequest_5fresponse_2eproto,
        &descriptor_table_temporal_2fapi_2ferrordetails_2fv1_2fmessage_2eproto,
        &descriptor_table_google_2frpc_2fstatus_2eproto,
        &descriptor_table_grpc_2fhealth_2fv1_2fhealth_2eproto,
        &descriptor_table_temporal_2fapi_2fsdk_2fv1_2fworkflow_5fmetadata_2eproto,
    };
    for (const auto* table : roots) google::protobuf::internal::AssignDescriptors(table);
    return true;
  }();
  (void)registered;
  return *google::protobuf::DescriptorPool::generated_pool();
}

}  // namespace twctl::message
