#pragma once
// What working on one input gives a bulk run, and how it travels between a worker process and
// the parent: the record already rendered in the run's output form, and its database rows.
// The parent never rebuilds a model::Record from a worker's answer; it writes what it got.

#include <optional>
#include <string>
#include <string_view>

#include "extractor/bulk/inputs.hpp"
#include "extractor/model/record.hpp"
#include "extractor/store/store.hpp"

namespace nianbao::bulk {

struct Outcome {
  std::string path;
  model::RecordStatus status = model::RecordStatus::failed;
  std::string text;                           // the record in the requested form
  std::optional<store::StoredReport> report;  // kept only for the database
  std::string unchanged_key;                  // set when the store already holds this content
};

// Messages are framed as an 8-byte little-endian length and a body; these make and read the
// bodies. A decode that does not consume its body exactly fails (a worker that died midway
// through writing cannot pass for one that answered).
std::string encode_input(const Input& input);
std::optional<Input> decode_input(std::string_view body);
std::string encode_outcome(const Outcome& outcome);
std::optional<Outcome> decode_outcome(std::string_view body);

// The 8-byte length that goes in front of a body.
std::string frame_header(std::size_t body_size);
// The body's size from the first 8 bytes of `data` (which must hold at least 8).
std::size_t frame_body_size(std::string_view data);
constexpr std::size_t k_frame_header_size = 8;

}  // namespace nianbao::bulk
