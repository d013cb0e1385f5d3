#pragma once
// Figures read by OCR are only as good as the recognition. A figure whose locator says it was
// read by OCR is kept only when the template's arithmetic vouches for it: every identity it
// takes part in that can be evaluated holds, with at least one of them evaluated — or, where no
// identity reaches it, when its recognition was near-certain (both models agreeing with high
// confidence). Every other such figure is taken out and reported as `ocr_unverified`.
// Nothing here knows which reader the figures came from: only the locator's `ocr` flag.

#include <vector>

#include "extractor/model/record.hpp"

namespace nianbao::checks {

struct OcrGate {
  int vouched_confidence = 50;  // least confidence of a figure an identity vouches for
  int alone_confidence = 90;    // least confidence of a figure no identity reaches
};

// Takes out of `figures` the OCR figures that cannot be vouched for, adding one `ocr_unverified`
// diagnostic for each. Returns how many were taken out.
std::size_t gate_ocr_figures(std::vector<model::Figure>& figures,
                             const std::vector<model::TableInfo>& tables,
                             model::Diagnostics& diagnostics, const OcrGate& gate = {});

}  // namespace nianbao::checks
