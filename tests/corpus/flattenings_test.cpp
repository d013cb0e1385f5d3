// Reports as pdftotext leaves them (made from the project's own docx by
// tools/make_pdf_text_corpus.py).
#include <gtest/gtest.h>

#include "extractor/pipeline/extract.hpp"
#include "test_paths.hpp"

namespace nianbao::testing {
namespace {

model::Record pdftext(const char* name) {
  return pipeline::extract_file((project_corpus() / "pdftext" / name).string());
}

TEST(Flattenings, ATableThatLostAColumnIsPartialNotShifted) {
  // Printed wider than the page, table 三 lost its 总计 column: six numbers for seven columns
  // on every row. Nothing of table 三 may be emitted; tables 二 and 四 are read.
  const model::Record r = pdftext("2022-district-market-bureau-clipped.pdftotext-raw.txt");
  EXPECT_EQ(r.status, model::RecordStatus::partial);
  int requests = 0, active = 0, appeals = 0, short_rows = 0;
  for (const model::Figure& f : r.figures) {
    requests += f.table == "requests";
    active += f.table == "active";
    appeals += f.table == "appeals";
  }
  for (const model::Diagnostic& d : r.diagnostics) short_rows += d.code == "row_arity_short";
  EXPECT_EQ(requests, 0);
  EXPECT_EQ(active, 10);
  EXPECT_EQ(appeals, 15);
  EXPECT_GE(short_rows, 20);
}

TEST(Flattenings, RawAndLayoutRenderingsAgreeWithTheDocx) {
  const model::Record docx = pdftext("2022-district-market-bureau.docx");
  for (const char* name : {"2022-district-market-bureau.pdftotext-raw.txt",
                           "2022-district-market-bureau.pdftotext-layout.txt"}) {
    const model::Record text = pdftext(name);
    ASSERT_EQ(text.figures.size(), docx.figures.size()) << name;
    for (std::size_t i = 0; i < docx.figures.size(); ++i) {
      EXPECT_EQ(text.figures[i].id, docx.figures[i].id) << name;
      EXPECT_TRUE(text.figures[i].value == docx.figures[i].value)
          << name << " " << docx.figures[i].id;
    }
    for (const model::Check& c : text.checks)
      EXPECT_EQ(c.status, model::CheckStatus::pass) << c.rule;
  }
}

}  // namespace
}  // namespace nianbao::testing
