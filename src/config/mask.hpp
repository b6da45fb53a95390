#pragma once
// Secrets (API keys, client key data, codec auth, credential-like metadata) never reach output, errors or logs
// as themselves.

#include <string>
#include <string_view>
#include <vector>

namespace twctl::config {

// Whether a property or setting holds a secret: api_key, tls.client_key_data, codec.auth, and grpc_meta.<key> or
// codec_header.<key> whose name speaks of credentials (authorization, token, key, secret, password, cookie).
bool is_secret_key(std::string_view key);

// "********" for any non-empty secret ("" stays ""): not even the length is shown.
std::string mask(std::string_view secret);

// How `settings` and `config get` show a value: secrets masked, PEM text (tls.*_data) summarised as
// "(PEM, 1 certificate)", credentials in the codec URL masked; anything else as it is.
std::string displayed(std::string_view key, std::string_view value);

// `text` with every occurrence of each secret (and of its "Bearer " form) replaced by "********". A last line of
// defence for messages that quote what a server or proxy sent back.
std::string redact(std::string text, const std::vector<std::string>& secrets);

}  // namespace twctl::config
