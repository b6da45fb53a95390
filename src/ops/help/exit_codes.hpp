#pragma once
// `twctl help exit-codes`: the one exit-code table (core/error.cpp), for people and scripts.

#include "app/context.hpp"

namespace twctl::ops::help {

struct ExitCodesOptions {};

int exit_codes(const ExitCodesOptions& opts, Context& ctx);

}  // namespace twctl::ops::help
