#pragma once
// Figures read by OCR are only as good as the recognition. A figure whose locator says it was
// read by OCR is kept only when the template's arithmetic vouches for it: the identities it
// takes part in that can be evaluated hold — two of them, or one with its recognition
// confident enough — or, where no identity reaches it, its recognition was near-certain. A
// failing identity withholds all its terms, unless one of them is to blame on its own (it breaks
// its row and its column, or stands in no identity that holds): then the others, each held by an
// identity of its own, are kept and only the culprit is withheld. Every figure taken out is
// reported as `ocr_unverified`.
// Nothing here knows which reader the figures came from: only the locator's `ocr` flag.

#include <vector>

#include "extractor/model/record.hpp"

namespace nianbao::checks {

struct OcrGate {
  int vouched_confidence = 50;  // least confidence of a figure an identity vouches for
  int alone_confidence = 90;    // least confidence of a figure no identity reaches
  // This many holding identities vouch for a figure of any confidence (in 表三 every cell
  // stands in its row's total and in a column balance).
  int vouching_identities = 2;
};

// Takes out of `figures` the OCR figures that cannot be vouched for, adding one `ocr_unverified`
// diagnostic for each. Returns how many were taken out.
std::size_t gate_ocr_figures(std::vector<model::Figure>& figures,
                             const std::vector<model::TableInfo>& tables,
                             model::Diagnostics& diagnostics, const OcrGate& gate = {});

}  // namespace nianbao::checks
