// Label normalisation and template matching. The fast paths of normalize_for_match,
// normalize_label and has_traditional_or_glosses must equal their ICU references for every
// input (as tests/labels checks on chosen ones); the scores are in their documented range;
// and the matcher is asked what the table reader asks of every label.
#include <array>
#include <cstdint>
#include <string>

#include "extractor/figures/label_matcher.hpp"
#include "fuzz_checks.hpp"
#include "normalizers/labels.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nianbao;
  using fuzz::require;
  const std::string_view input = fuzz::as_view(data, size);

  const std::string normalized = norm::normalize_for_match(input);
  require(normalized == norm::detail::normalize_for_match_icu(input),
          "normalize_for_match equals its ICU reference");
  const norm::Label label = norm::normalize_label(input);
  const norm::Label reference = norm::detail::normalize_label_icu(input);
  require(label.enumerator == reference.enumerator && label.body == reference.body,
          "normalize_label equals its ICU reference");
  require(norm::has_traditional_or_glosses(input) ==
              norm::detail::has_traditional_or_glosses_icu(input),
          "has_traditional_or_glosses equals its ICU reference");
  (void)norm::simplified_reading(input);

  const std::string stripped = norm::strip_parenthetical_tail(normalized);
  require(norm::parenthetical_core(normalized) == stripped,
          "parenthetical_core views what strip_parenthetical_tail copies");

  // The label against a second one: the input split at its middle byte.
  const norm::Label first = norm::normalize_label(input.substr(0, size / 2));
  const norm::Label second = norm::normalize_label(input.substr(size / 2));
  const int distance = norm::edit_distance(first.body, second.body);
  require(distance >= 0 && distance <= std::max(norm::code_point_count(first.body),
                                                norm::code_point_count(second.body)),
          "an edit distance is at most the longer text's length");
  require(norm::edit_distance(first.body, first.body) == 0, "a text is at distance 0 of itself");
  const int score = norm::label_match_score(first.body, second.body);
  require(score == 0 || score == 60 || score == 70 || score == 90 || score == 100,
          "a match score is one of 0, 60, 70, 90, 100");

  static constexpr std::array<std::string_view, 4> k_tables = {"", "active", "requests", "appeals"};
  const std::string_view table = size > 0 ? k_tables[data[0] % k_tables.size()] : "";
  for (const figures::RowMatch& match : figures::match_rows(label, table))
    require(match.row != nullptr && match.score > 0, "a row match names a row");
  for (const figures::ColumnMatch& match : figures::match_columns(label, table))
    require(match.column != nullptr && match.group != nullptr, "a column match names a column");
  const bool names = figures::names_group(label, table);
  require(names == !figures::match_groups(label, table).empty(),
          "names_group is match_groups' non-emptiness");
  (void)figures::sole_version_of_columns_by_core(label, table);
  (void)figures::sole_version_of_groups(label, table);
  return 0;
}
