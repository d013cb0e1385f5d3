// The OCR gate on figures built by hand: which OCR figures the template's arithmetic vouches for,
// which are withheld (each with its own `ocr_unverified`), and that figures not read by OCR are
// never touched, whatever their sums say.
#include "extractor/checks/ocr_gate.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace nianbao::testing {
namespace {

// The columns of a row of 表三 (requests), total last.
const std::vector<std::string> k_request_columns = {"natural_person", "commercial",     "research",
                                                    "nonprofit",      "legal_services", "other_org",
                                                    "total"};

model::Figure figure(const std::string& table, const std::string& row, const std::string& column,
                     std::optional<int> value, bool ocr, int confidence) {
  model::Figure f;
  f.table = table;
  f.row = row;
  f.column = column;
  f.id = table + "." + row + "." + column;
  if (value) {
    f.status = norm::CellStatus::value;
    f.value = norm::Decimal::from_int(*value);
    f.raw = std::to_string(*value);
  } else {
    f.status = norm::CellStatus::blank;
  }
  f.locator.page = 2;
  if (ocr) {
    f.locator.ocr = true;
    f.locator.confidence = confidence;
    f.locator.pixels = model::PixelBox{10, 20, 30, 40};
  }
  return f;
}

// One row of 表三 (2021 template) with the given values, total last; nullopt is a blank cell.
std::vector<model::Figure> request_row(const std::string& row,
                                       const std::vector<std::optional<int>>& values, bool ocr,
                                       int confidence) {
  std::vector<model::Figure> out;
  for (std::size_t i = 0; i < k_request_columns.size(); ++i)
    out.push_back(figure("requests", row, k_request_columns[i], values.at(i), ocr, confidence));
  return out;
}

const std::vector<model::TableInfo> k_tables = {
    {"active", "2021", 0, {}}, {"requests", "2021", 0, {}}, {"appeals", "2021", 0, {}}};

struct Gated {
  std::vector<model::Figure> kept;
  model::Diagnostics diagnostics;
  std::size_t withheld = 0;
};

Gated gate(std::vector<model::Figure> figures) {
  Gated g;
  g.withheld = checks::gate_ocr_figures(figures, k_tables, g.diagnostics);
  g.kept = std::move(figures);
  return g;
}

std::set<std::string> ids(const std::vector<model::Figure>& figures) {
  std::set<std::string> out;
  for (const model::Figure& f : figures) out.insert(f.id);
  return out;
}

int unverified(const Gated& g) {
  return static_cast<int>(
      std::count_if(g.diagnostics.begin(), g.diagnostics.end(),
                    [](const model::Diagnostic& d) { return d.code == "ocr_unverified"; }));
}

// Every withheld figure has its own diagnostic, naming it and pointing at its cell.
void expect_each_withheld_reported(const std::vector<model::Figure>& given, const Gated& g) {
  const std::set<std::string> kept = ids(g.kept);
  for (const model::Figure& f : given) {
    if (kept.count(f.id)) continue;
    const bool reported =
        std::any_of(g.diagnostics.begin(), g.diagnostics.end(), [&](const model::Diagnostic& d) {
          return d.code == "ocr_unverified" && d.message.find(f.id) != std::string::npos &&
                 d.locator.ocr && d.locator.pixels && d.locator.page == f.locator.page;
        });
    EXPECT_TRUE(reported) << f.id;
  }
  EXPECT_EQ(unverified(g), static_cast<int>(given.size() - g.kept.size()));
  EXPECT_EQ(g.withheld, given.size() - g.kept.size());
}

TEST(OcrGate, ARowWhoseTotalDisagreesIsWithheldWhole) {
  // 3 + 2 = 5, read as 6: any one of the seven cells may be the misread one.
  const auto row = request_row("received", {3, 2, 0, 0, 0, 0, 6}, true, 96);
  const Gated g = gate(row);
  EXPECT_TRUE(g.kept.empty()) << g.kept.size() << " kept";
  EXPECT_EQ(g.withheld, 7u);
  expect_each_withheld_reported(row, g);
}

TEST(OcrGate, ARowThatHoldsIsKept) {
  const auto row = request_row("received", {3, 2, 0, 0, 0, 0, 5}, true, 60);
  const Gated g = gate(row);
  EXPECT_EQ(ids(g.kept), ids(row));
  EXPECT_EQ(g.withheld, 0u);
  EXPECT_EQ(unverified(g), 0);
}

TEST(OcrGate, AHoldingSumDoesNotVouchForAnUnreadableCell) {
  // The sum holds, but the recogniser gave these cells almost no confidence.
  auto row = request_row("received", {3, 2, 0, 0, 0, 0, 5}, true, 96);
  row[1].locator.confidence = 10;
  const Gated g = gate(row);
  EXPECT_EQ(g.kept.size(), row.size() - 1);
  EXPECT_FALSE(ids(g.kept).count("requests.received.commercial"));
  expect_each_withheld_reported(row, g);
}

// Four rows of 表三 whose every sum holds: each row's total, and in every column the balance
// received + carried over = total + carried forward.
std::vector<model::Figure> balanced_requests() {
  std::vector<model::Figure> figures;
  for (auto& [row, values] : std::vector<std::pair<std::string, std::vector<std::optional<int>>>>{
           {"received", {3, 2, 0, 0, 0, 0, 5}},
           {"carried_over", {1, 0, 0, 0, 0, 0, 1}},
           {"total", {4, 1, 0, 0, 0, 0, 5}},
           {"carried_forward", {0, 1, 0, 0, 0, 0, 1}}}) {
    const auto more = request_row(row, values, true, 96);
    figures.insert(figures.end(), more.begin(), more.end());
  }
  return figures;
}

// Only `id` is withheld from `figures`, and it is reported.
void expect_only_withheld(const std::vector<model::Figure>& figures, const std::string& id) {
  const Gated g = gate(figures);
  std::set<std::string> expected = ids(figures);
  expected.erase(id);
  EXPECT_EQ(ids(g.kept), expected);
  expect_each_withheld_reported(figures, g);
}

TEST(OcrGate, TwoHoldingSumsVouchForAnUnsureCell) {
  // 表三's balance in every column (received + carried over = total + carried forward) and each
  // row's total: the unsure 2 stands in both, and both hold.
  std::vector<model::Figure> figures = balanced_requests();
  figures[1].locator.confidence = 10;  // received.commercial
  Gated g = gate(figures);
  EXPECT_EQ(ids(g.kept), ids(figures));
  // The same cell misread as 3: its row and its column fail, and it is withheld.
  figures[1].value = norm::Decimal::from_int(3);
  g = gate(figures);
  EXPECT_FALSE(ids(g.kept).count("requests.received.commercial"));
  expect_each_withheld_reported(figures, g);
}

TEST(OcrGate, ACellThatBreaksItsRowAndItsColumnIsBlamedAndTheRestKept) {
  // received.commercial lost (read as blank): its row and its column fail, every other cell of
  // them is held by a sum of its own.
  std::vector<model::Figure> figures = balanced_requests();
  figures[1].status = norm::CellStatus::blank;
  figures[1].value.reset();
  expect_only_withheld(figures, "requests.received.commercial");
}

TEST(OcrGate, ACellWithInkThatCouldNotBeReadIsNeverGivenAsBlank) {
  // The lost cell was truly 0: both its sums hold with it as zero, and the rest is kept, but a
  // cell whose ink was unread (confidence 0) is not known to be blank.
  std::vector<model::Figure> figures = balanced_requests();
  figures[2].status = norm::CellStatus::blank;  // received.research, truly 0
  figures[2].value.reset();
  figures[2].locator.confidence = 0;
  expect_only_withheld(figures, "requests.received.research");
}

TEST(OcrGate, AFailingSumNoCellCanBeBlamedOnIsWithheldWhole) {
  // received.commercial read as 3 (truly 2) and total.commercial as 2 (truly 1): the column's
  // balance still holds, both rows fail, and no cell stands in two failing sums, so nothing
  // says which cells of the two rows are wrong: both rows go.
  std::vector<model::Figure> figures = balanced_requests();
  figures[1].value = norm::Decimal::from_int(3);
  figures[15].value = norm::Decimal::from_int(2);
  const Gated g = gate(figures);
  for (const model::Figure& f : g.kept)
    EXPECT_TRUE(f.row != "received" && f.row != "total") << f.id;
  EXPECT_EQ(g.kept.size(), 14u);
  expect_each_withheld_reported(figures, g);
}

TEST(OcrGate, AFigureNoIdentityReachesNeedsHighConfidence) {
  const std::vector<model::Figure> figures = {
      figure("active", "licensing", "decisions", 249, true, 85),
      figure("active", "penalties", "decisions", 31, true, 95)};
  const Gated g = gate(figures);
  EXPECT_EQ(ids(g.kept), std::set<std::string>{"active.penalties.decisions"});
  expect_each_withheld_reported(figures, g);
}

TEST(OcrGate, ARowTheTemplateDoesNotHaveIsWithheldHoweverConfident) {
  // In a scan, an unknown row label is most often a template row misread: its figure would
  // stand under the wrong id. The same row from a text layer is kept.
  model::Figure read = figure("active", "extra_1", "decisions", 12, true, 97);
  read.row_label = "行政许口";
  model::Figure typed = figure("active", "extra_2", "decisions", 12, false, 0);
  typed.row_label = "其他主动公开文件";
  const Gated g = gate({read, typed});
  EXPECT_EQ(ids(g.kept), std::set<std::string>{"active.extra_2.decisions"});
  expect_each_withheld_reported({read, typed}, g);
}

TEST(OcrGate, FiguresNotReadByOcrAreNeverTouched) {
  // The same disagreeing row, from a text layer: the checks report it, the gate does not.
  const auto text_row = request_row("received", {3, 2, 0, 0, 0, 0, 6}, false, 0);
  const Gated g = gate(text_row);
  EXPECT_EQ(ids(g.kept), ids(text_row));
  EXPECT_TRUE(g.diagnostics.empty());
  // Beside OCR figures: the OCR ones go, the one from text stays.
  auto mixed = request_row("received", {3, 2, 0, 0, 0, 0, 6}, true, 96);
  mixed[0] = text_row[0];
  mixed.push_back(figure("active", "licensing", "decisions", 1, false, 0));
  const Gated m = gate(mixed);
  EXPECT_EQ(ids(m.kept), (std::set<std::string>{"requests.received.natural_person",
                                                "active.licensing.decisions"}));
  expect_each_withheld_reported(mixed, m);
}

TEST(OcrGate, ABlankCellThatBreaksASumIsWithheld) {
  // The 3 was lost by the recogniser: a blank counts as zero and the row no longer adds up.
  const auto broken = request_row("received", {std::nullopt, 2, 0, 0, 0, 0, 5}, true, 96);
  const Gated g = gate(broken);
  EXPECT_TRUE(g.kept.empty());
  expect_each_withheld_reported(broken, g);
  // A blank that is a zero of a sum that holds is given, as blank.
  const auto whole = request_row("received", {std::nullopt, 5, 0, 0, 0, 0, 5}, true, 96);
  const Gated w = gate(whole);
  ASSERT_EQ(w.kept.size(), whole.size());
  EXPECT_EQ(w.kept[0].status, norm::CellStatus::blank);
}

TEST(OcrGate, ANegativeCountIsWithheldEvenWhereTheSumHolds) {
  const auto row = request_row("received", {-1, 6, 0, 0, 0, 0, 5}, true, 96);
  const Gated g = gate(row);
  EXPECT_FALSE(ids(g.kept).count("requests.received.natural_person"));
  expect_each_withheld_reported(row, g);
}

TEST(OcrGate, NothingHappensWithoutOcrFigures) {
  std::vector<model::Figure> none;
  const Gated g = gate(none);
  EXPECT_EQ(g.withheld, 0u);
  EXPECT_TRUE(g.diagnostics.empty());
}

}  // namespace
}  // namespace nianbao::testing
