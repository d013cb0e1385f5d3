// `nianbao numeral TEXT...` end to end, when the program has been built.

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "shell.hpp"
#include "test_paths.hpp"

namespace nianbao::norm {
namespace {

// Runs the program with the given (already shell-quoted) arguments; stderr is discarded.
::nianbao::testing::ShellRun run_program(const std::string& arguments) {
  return ::nianbao::testing::run_shell("'" + ::nianbao::testing::nianbao_binary().string() + "' " +
                                       arguments + " 2>/dev/null");
}

class NumeralCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(::nianbao::testing::nianbao_binary())) {
      GTEST_SKIP() << "the nianbao program is not built";
    }
  }
};

TEST_F(NumeralCommand, PrintsOneJsonLinePerText) {
  const ::nianbao::testing::ShellRun run =
      run_program("numeral '共收到申请139件' '约1.2万元' '2019年'");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.out,
            "{\"input\": \"共收到申请139件\", \"figures\": [{\"text\": \"139件\", \"value\": 139, "
            "\"low\": null, \"high\": null, \"unit\": \"件\", \"qualifier\": null, \"span\": [15, "
            "21]}]}\n"
            "{\"input\": \"约1.2万元\", \"figures\": [{\"text\": \"约1.2万元\", \"value\": 12000, "
            "\"low\": null, \"high\": null, \"unit\": \"元\", \"qualifier\": \"approx\", \"span\": "
            "[0, 12]}]}\n"
            "{\"input\": \"2019年\", \"figures\": []}\n");
}

// Issue 17: the whole argument a numeral is a figure (十万 and 十一万 gave none, 十一万元 did).
TEST_F(NumeralCommand, AWholeArgumentThatIsANumeralIsAFigure) {
  const ::nianbao::testing::ShellRun run =
      run_program("numeral '十万' '十一万' '两千零十' '廿五' '十一万元' '收到十万'");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.out,
            "{\"input\": \"十万\", \"figures\": [{\"text\": \"十万\", \"value\": 100000, "
            "\"low\": null, \"high\": null, \"unit\": null, \"qualifier\": null, \"span\": [0, "
            "6]}]}\n"
            "{\"input\": \"十一万\", \"figures\": [{\"text\": \"十一万\", \"value\": 110000, "
            "\"low\": null, \"high\": null, \"unit\": null, \"qualifier\": null, \"span\": [0, "
            "9]}]}\n"
            "{\"input\": \"两千零十\", \"figures\": [{\"text\": \"两千零十\", \"value\": 2010, "
            "\"low\": null, \"high\": null, \"unit\": null, \"qualifier\": null, \"span\": [0, "
            "12]}]}\n"
            "{\"input\": \"廿五\", \"figures\": [{\"text\": \"廿五\", \"value\": 25, "
            "\"low\": null, \"high\": null, \"unit\": null, \"qualifier\": null, \"span\": [0, "
            "6]}]}\n"
            "{\"input\": \"十一万元\", \"figures\": [{\"text\": \"十一万元\", \"value\": 110000, "
            "\"low\": null, \"high\": null, \"unit\": \"元\", \"qualifier\": null, \"span\": "
            "[0, 12]}]}\n"
            "{\"input\": \"收到十万\", \"figures\": []}\n");
}

TEST_F(NumeralCommand, NoTextIsAUsageError) {
  const ::nianbao::testing::ShellRun run = run_program("numeral");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.out, "");
}

}  // namespace
}  // namespace nianbao::norm
