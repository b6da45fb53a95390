// The floor of a one-shot describe: a C++ gRPC client linked as twctl is that opens a channel, makes one
// DescribeWorkflowExecution call, prints the size of the answer and exits, with no command line, no settings
// and no rendering (bench/bench.py, "describe floor").
//
//   describe_floor ADDRESS NAMESPACE WORKFLOW_ID
#include <grpcpp/grpcpp.h>
#include <grpcpp/impl/codegen/client_unary_call.h>
#include <grpcpp/impl/codegen/proto_utils.h>

#include <cstdio>
#include <cstdlib>

#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace wsv = temporal::api::workflowservice::v1;
namespace gp = google::protobuf;

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: describe_floor ADDRESS NAMESPACE WORKFLOW_ID\n");
    return 2;
  }
  auto channel = grpc::CreateChannel(argv[1], grpc::InsecureChannelCredentials());
  wsv::DescribeWorkflowExecutionRequest req;
  req.set_namespace_(argv[2]);
  req.mutable_execution()->set_workflow_id(argv[3]);
  wsv::DescribeWorkflowExecutionResponse resp;
  grpc::ClientContext ctx;
  ctx.AddMetadata("temporal-namespace", argv[2]);
  grpc::internal::RpcMethod method("/temporal.api.workflowservice.v1.WorkflowService/DescribeWorkflowExecution",
                                   grpc::internal::RpcMethod::NORMAL_RPC);
  auto status = grpc::internal::BlockingUnaryCall<gp::Message, gp::Message, gp::MessageLite, gp::MessageLite>(
      channel.get(), method, &ctx, req, &resp);
  if (!status.ok()) {
    std::fprintf(stderr, "describe_floor: %s\n", status.error_message().c_str());
    std::_Exit(1);
  }
  std::printf("%zu\n", resp.ByteSizeLong());
  std::fflush(stdout);
  std::_Exit(0);  // as twctl does: no orderly gRPC teardown
}
