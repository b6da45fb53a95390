#pragma once
// `workflow show` in text: a streamed table (ID, Time, Type, Details) or, with --detailed, one card per event.

#include "app/context.hpp"
#include "ops/workflow/event_details.hpp"
#include "output/render.hpp"

#include <string>

#include "temporal/api/history/v1/message.pb.h"

namespace twctl::ops::workflow {

class HistoryText {
 public:
  HistoryText(Context& ctx, bool detailed);
  void add(const temporal::api::history::v1::HistoryEvent& e);
  // Prints what is pending (rows are printed in batches, or after each answer when following).
  void flush();

 private:
  std::string time_text(const google::protobuf::Timestamp& ts) const;
  std::string card(const temporal::api::history::v1::HistoryEvent& e) const;
  // Cuts each row's Details to the terminal's width (nothing is cut when stdout is not a terminal).
  void fit_details();

  Context& ctx_;
  bool detailed_;
  TimeFormat time_format_;
  output::Table table_;
  EventDetails details_;
  std::string pending_;  // detailed cards not printed yet
  size_t cards_ = 0;
  bool header_ = true;
};

}  // namespace twctl::ops::workflow
