#pragma once
// One paging helper for the List* RPCs: ask for a page, hand it over, ask again with its next_page_token.
// `stream_list` puts the pages' items into an output::PagedList (a table, a JSON array or JSON lines, streamed
// page by page and stopped at --limit or when stdout closes), so a list command states only its request, its
// columns and a row.

#include "app/context.hpp"
#include "client/gateway.hpp"
#include "core/error.hpp"
#include "output/paged_list.hpp"
#include "output/proto_json.hpp"

#include <future>
#include <utility>

namespace twctl::ops {

// The page size to ask for: --page-size, lowered to --limit when that is smaller (0: the server's default / no
// limit). Usage errors for negative values.
inline int list_page_size(int limit, int page_size) {
  if (limit < 0) throw usage_error("--limit must not be negative");
  if (page_size < 0) throw usage_error("--page-size must not be negative");
  return limit > 0 && (page_size == 0 || limit < page_size) ? limit : page_size;
}

// Calls `on_page(const Resp&)` for each page until it returns false or no page follows. One page ahead: while
// `on_page` handles page N, page N+1 is already being fetched on another thread, when `ahead(resp)` says it
// will be wanted (a list that the page fills to its --limit wants no more). At most one call is in flight and
// two pages are held, so memory stays flat; a page not wanted after all is waited for and dropped.
// `next(req, resp)` may change the request for the page after `resp` (its size) before it is asked for.
template <typename Resp, typename Req, typename OnPage, typename Ahead, typename Next>
void for_each_page(Context& ctx, Req req, OnPage&& on_page, Ahead&& ahead, Next&& next_request) {
  auto fetch = [&ctx](const Req& r) { return client::call<Resp>(ctx.gateway(), r); };
  auto resp = fetch(req);
  for (;;) {
    if (resp.next_page_token().empty()) {
      on_page(resp);
      return;
    }
    req.set_next_page_token(resp.next_page_token());
    next_request(req, resp);
    if (!ahead(resp)) {
      if (!on_page(resp)) return;
      resp = fetch(req);
      continue;
    }
    auto next = std::async(std::launch::async, fetch, req);
    bool more = on_page(resp);  // an exception waits for `next` in its destructor, then goes on
    if (!more) return;
    resp = next.get();
  }
}

template <typename Resp, typename Req, typename OnPage, typename Ahead>
void for_each_page(Context& ctx, Req req, OnPage&& on_page, Ahead&& ahead) {
  for_each_page<Resp>(ctx, std::move(req), std::forward<OnPage>(on_page), std::forward<Ahead>(ahead),
                      [](Req&, const Resp&) {});
}

template <typename Resp, typename Req, typename OnPage>
void for_each_page(Context& ctx, Req req, OnPage&& on_page) {
  for_each_page<Resp>(ctx, std::move(req), std::forward<OnPage>(on_page), [](const Resp&) { return true; });
}

// `items(resp)` is the page's repeated field; `row(item)` its table row in text; in JSON modes each item is
// written in the protobuf JSON mapping (payloads by `shorthand`). By field (--fields, -o tsv) each item is
// written with the chosen paths only (the command's record type must be the items' type).
template <typename Resp, typename Req, typename Items, typename Row>
void stream_list(Context& ctx, Req req, output::PagedList& list, Items&& items, Row&& row, bool shorthand) {
  auto& out = ctx.printer();
  for_each_page<Resp>(
      ctx, std::move(req),
      [&](const Resp& resp) {
        for (const auto& item : items(resp)) {
          if (!list.room()) break;
          if (out.by_fields()) {
            list.add_record(item, shorthand);
          } else if (out.text()) {
            list.add_row(row(item));
          } else {
            list.add_message(item, shorthand);
          }
        }
        return list.end_page(!resp.next_page_token().empty());
      },
      [&](const Resp& resp) { return list.room_after(items(resp).size()); });
  list.finish();
}

// A list whose text output is not a table (cards): by field (--fields, -o tsv), its items as records.
template <typename Resp, typename Req, typename Items>
void stream_records(Context& ctx, Req req, Items&& items, bool shorthand, int limit = 0) {
  output::PagedList list(ctx.printer(), {}, limit);
  for_each_page<Resp>(
      ctx, std::move(req),
      [&](const Resp& resp) {
        for (const auto& item : items(resp)) {
          if (!list.room()) break;
          list.add_record(item, shorthand);
        }
        return list.end_page(!resp.next_page_token().empty());
      },
      [&](const Resp& resp) { return list.room_after(items(resp).size()); });
  list.finish();
}

}  // namespace twctl::ops
