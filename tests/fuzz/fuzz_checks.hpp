#pragma once
// What every harness asserts beyond "no crash": properties the model and the record promise
// to their consumers (valid UTF-8 text, table references that point at tables, a reason for
// every unreadable document). A broken promise aborts, so libFuzzer keeps the input.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "extractor/model/document.hpp"

namespace nianbao::fuzz {

// The harness's bytes as a view.
inline std::string_view as_view(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Aborts with a message naming the broken property (libFuzzer reports the abort as a crash).
[[noreturn]] inline void broken(const char* what) {
  std::fprintf(stderr, "fuzz check failed: %s\n", what);
  std::abort();
}

inline void require(bool holds, const char* what) {
  if (!holds) broken(what);
}

// The document a reader produced is one the later stages can use safely.
void check_document(const model::Document& doc);

}  // namespace nianbao::fuzz
