// Inputs of a bulk run and the ordered parallel pipeline: order, bounds, filters, archives.
#include "extractor/bulk/inputs.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <sstream>
#include <thread>

#include "bulk_helpers.hpp"
#include "extractor/bulk/ordered_pipeline.hpp"

namespace nianbao::testing {
namespace {

using bulk::Input;

std::vector<Input> collect(const std::vector<std::string>& args, const bulk::PathFilter& filter,
                           const std::string& stdin_text = "") {
  std::istringstream list(stdin_text);
  std::vector<Input> out;
  bulk::for_each_input(args, filter, list, [&](Input&& in) {
    out.push_back(std::move(in));
    return true;
  });
  return out;
}

std::vector<std::string> paths_of(const std::vector<Input>& inputs, const fs::path& root) {
  std::vector<std::string> out;
  for (const Input& in : inputs) {
    const std::string p = in.path;
    const std::string prefix = root.string() + "/";
    out.push_back(p.rfind(prefix, 0) == 0 ? p.substr(prefix.size()) : p);
  }
  return out;
}

TEST(OrderedPipeline, ResultsComeInInputOrderWithBoundedWindow) {
  constexpr int k_inputs = 400;
  constexpr std::size_t k_window = 6;
  bulk::OrderedPipeline<int, int> pipeline(4, k_window);
  std::atomic<int> in_flight{0};
  std::atomic<int> max_in_flight{0};
  std::vector<int> seen;
  pipeline.run(
      [&](const bulk::OrderedPipeline<int, int>::Push& push) {
        for (int i = 0; i < k_inputs; ++i) {
          if (!push(int(i))) return;
          const int now = ++in_flight;
          int prev = max_in_flight.load();
          while (now > prev && !max_in_flight.compare_exchange_weak(prev, now)) {
          }
        }
      },
      [](int& i) {
        // Later inputs finish first often, so order is the pipeline's doing, not luck.
        std::this_thread::sleep_for(std::chrono::microseconds((k_inputs - i) % 7 * 50));
        return i * 2;
      },
      [&](int& out) {
        --in_flight;
        seen.push_back(out);
        return true;
      });
  ASSERT_EQ(seen.size(), static_cast<std::size_t>(k_inputs));
  for (int i = 0; i < k_inputs; ++i) EXPECT_EQ(seen[static_cast<std::size_t>(i)], 2 * i);
  // The producer counts an input after push returns, the consumer before it takes the next.
  EXPECT_LE(max_in_flight.load(), static_cast<int>(k_window) + 1);
}

TEST(OrderedPipeline, ConsumerCanStopTheRunAndErrorsPropagate) {
  bulk::OrderedPipeline<int, int> pipeline(2, 4);
  int consumed = 0;
  pipeline.run(
      [](const bulk::OrderedPipeline<int, int>::Push& push) {
        for (int i = 0; i < 100000; ++i)
          if (!push(int(i))) return;
      },
      [](int& i) { return i; }, [&](int&) { return ++consumed < 10; });
  EXPECT_EQ(consumed, 10);
  bulk::OrderedPipeline<int, int> failing(2, 4);
  EXPECT_THROW(failing.run(
                   [](const bulk::OrderedPipeline<int, int>::Push& push) {
                     for (int i = 0; i < 100; ++i)
                       if (!push(int(i))) return;
                   },
                   [](int& i) { return i; },
                   [](int& i) -> bool {
                     if (i == 50) throw std::runtime_error("database gone");
                     return true;
                   }),
               std::runtime_error);
}

TEST(Inputs, DirectoriesAreWalkedInSortedOrderWithFilters) {
  ScratchDir dir;
  for (const char* name :
       {"b/2.txt", "a/1.txt", "a/x/3.html", "a/1.txt.golden.json", "c.txt", "_build/skip.txt"})
    write_text(dir.path() / name, "x");
  EXPECT_EQ(paths_of(collect({dir.path().string()}, {}), dir.path()),
            (std::vector<std::string>{"_build/skip.txt", "a/1.txt", "a/1.txt.golden.json",
                                      "a/x/3.html", "b/2.txt", "c.txt"}));
  const bulk::PathFilter filter({}, {"*.golden.json", "_build"});
  EXPECT_EQ(paths_of(collect({dir.path().string()}, filter), dir.path()),
            (std::vector<std::string>{"a/1.txt", "a/x/3.html", "b/2.txt", "c.txt"}));
  const bulk::PathFilter only_a({"a/*"}, {"*.json"});
  EXPECT_EQ(paths_of(collect({dir.path().string()}, only_a), dir.path()),
            (std::vector<std::string>{"a/1.txt", "a/x/3.html"}));
  // Files named explicitly are never filtered, and a missing one is still an input.
  const std::string named = (dir.path() / "a/1.txt.golden.json").string();
  EXPECT_EQ(collect({named, "/no/such/file"}, filter).size(), 2u);
}

TEST(Inputs, StdinListsPathsOneALine) {
  ScratchDir dir;
  write_text(dir.path() / "one.txt", "x");
  write_text(dir.path() / "d/two.txt", "y");
  const std::string list =
      (dir.path() / "one.txt").string() + "\r\n\n" + (dir.path() / "d").string() + "\n";
  EXPECT_EQ(paths_of(collect({"-"}, {}, list), dir.path()),
            (std::vector<std::string>{"one.txt", "d/two.txt"}));
}

TEST(Inputs, ArchiveMembersAreReadInPlace) {
  ScratchDir dir;
  const fs::path zip = dir.path() / "reports.zip";
  const fs::path tar = dir.path() / "reports.tar";
  const std::vector<std::pair<std::string, std::string>> members = {
      {"2019/a.txt", "alpha"}, {"2020/b.txt", "beta"}, {"notes.golden.json", "{}"}};
  ASSERT_TRUE(write_archive(zip, "zip", members));
  ASSERT_TRUE(write_archive(tar, "ustar", members));
  EXPECT_EQ(bulk::sniff_file_kind(zip.string()), bulk::FileKind::zip_archive);
  EXPECT_EQ(bulk::sniff_file_kind(tar.string()), bulk::FileKind::tar_archive);
  const std::string docx = (project_corpus() / "docx" / "2022-town-nested-textbox.docx").string();
  EXPECT_EQ(bulk::sniff_file_kind(docx), bulk::FileKind::report);
  for (const fs::path& archive : {zip, tar}) {
    const std::vector<Input> inputs = collect({archive.string()}, {{}, {"*.json"}});
    ASSERT_EQ(inputs.size(), 2u) << archive << " " << inputs.back().path << " "
                                 << inputs.back().message;
    EXPECT_EQ(inputs[0].kind, Input::Kind::bytes);
    EXPECT_EQ(inputs[0].path, archive.string() + "!/2019/a.txt");
    EXPECT_EQ(inputs[0].bytes, "alpha");
    EXPECT_EQ(inputs[1].bytes, "beta");
  }
}

TEST(Inputs, BrokenArchivesBecomeFailedInputsNotCrashes) {
  ScratchDir dir;
  const fs::path zip = dir.path() / "cut.zip";
  ASSERT_TRUE(write_archive(zip, "zip", {{"a.txt", std::string(5000, 'a')}, {"b.txt", "b"}}));
  std::string bytes = read_text(zip);
  write_text(zip, bytes.substr(0, 60));  // cut inside the first member
  const std::vector<Input> cut = collect({zip.string()}, {});
  ASSERT_FALSE(cut.empty());
  EXPECT_EQ(cut.back().kind, Input::Kind::failed);
  const fs::path tar = dir.path() / "bad.tar.gz";
  write_text(tar, std::string("\x1f\x8b\x08\x00garbage", 12));
  const std::vector<Input> bad = collect({tar.string()}, {});
  ASSERT_FALSE(bad.empty());
  EXPECT_EQ(bad.back().kind, Input::Kind::failed);
}

}  // namespace
}  // namespace nianbao::testing
