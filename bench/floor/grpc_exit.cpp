// The floor of a binary that carries gRPC and protobuf: linked as twctl is (static gRPC, protobuf and abseil,
// their static initializers run), it returns at once (bench/bench.py, "gRPC exec floor").
#include <grpcpp/grpcpp.h>

#include "temporal/api/workflowservice/v1/request_response.pb.h"

int main(int argc, char** argv) {
  if (argc > 3) {  // never taken: keeps gRPC and the messages linked in
    auto channel = grpc::CreateChannel(argv[1], grpc::InsecureChannelCredentials());
    temporal::api::workflowservice::v1::DescribeWorkflowExecutionRequest req;
    req.set_namespace_(argv[2]);
    return channel && req.ByteSizeLong() > 0 ? 3 : 4;
  }
  return 0;
}
