#include "golden.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

namespace nianbao::testing {
namespace {

// A golden number as exact decimal text: integers as written, others through their JSON text.
std::optional<norm::Decimal> golden_number(const nlohmann::json& v) {
  if (v.is_number_integer()) return norm::Decimal::from_int(v.get<std::int64_t>());
  if (v.is_number()) return norm::Decimal::parse(v.dump());
  return std::nullopt;
}

bool figure_matches(const nlohmann::json& expected, const model::Figure& f) {
  if (expected.is_string()) {
    const auto s = expected.get<std::string>();
    if (s == "blank") return f.status == norm::CellStatus::blank;
    if (s == "n/a") return f.status == norm::CellStatus::not_applicable;
    const auto d = norm::Decimal::parse(s);
    return d && f.status == norm::CellStatus::value && f.value && *f.value == *d;
  }
  const auto d = golden_number(expected);
  return d && f.status == norm::CellStatus::value && f.value && *f.value == *d;
}

std::string shown(const model::Figure& f) {
  if (f.status == norm::CellStatus::value && f.value) return f.value->to_string();
  return norm::to_string(f.status);
}

// The "expect" member: a status the record must have, diagnostic codes it must carry.
void compare_outcome(const model::Record& record, const nlohmann::json& expect,
                     GoldenComparison& c) {
  if (!expect.is_object()) return;
  c.outcome_expected = true;
  if (expect.contains("status")) {
    const auto want = expect["status"].get<std::string>();
    const std::string got = model::to_string(record.status);
    if (want != got) c.meta.push_back("status: expected " + want + ", got " + got);
  }
  for (const auto& code : expect.value("diagnostics", nlohmann::json::array())) {
    const auto want = code.get<std::string>();
    const bool given = std::any_of(record.diagnostics.begin(), record.diagnostics.end(),
                                   [&](const model::Diagnostic& d) { return d.code == want; });
    if (!given) c.meta.push_back("diagnostic: expected " + want + ", not given");
  }
}

}  // namespace

std::vector<std::filesystem::path> golden_files(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> out;
  if (!std::filesystem::is_directory(dir)) return out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.size() > 12 && name.ends_with(".golden.json")) out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::filesystem::path document_of(const std::filesystem::path& golden) {
  std::string name = golden.filename().string();
  name.resize(name.size() - std::string(".golden.json").size());
  return golden.parent_path() / name;
}

GoldenComparison compare_with_golden(const model::Record& record,
                                     const std::filesystem::path& golden) {
  std::ifstream in(golden);
  const nlohmann::json g = nlohmann::json::parse(in);
  GoldenComparison c;
  std::map<std::string, const model::Figure*> figures;
  for (const model::Figure& f : record.figures) figures.emplace(f.id, &f);
  const nlohmann::json& expected = g.contains("figures") ? g["figures"] : nlohmann::json::object();
  for (const auto& [id, value] : expected.items()) {
    ++c.expected;
    auto it = figures.find(id);
    if (it == figures.end()) {
      c.missed.push_back(id + " (expected " + value.dump() + ")");
    } else if (figure_matches(value, *it->second)) {
      ++c.right;
    } else {
      c.wrong.push_back(id + ": expected " + value.dump() + ", got " + shown(*it->second));
    }
  }
  for (const model::Figure& f : record.figures) {
    if (!expected.contains(f.id)) c.wrong.push_back(f.id + ": not in golden, got " + shown(f));
  }
  const nlohmann::json report = g.value("report", nlohmann::json::object());
  if (report.contains("year")) {
    const int year = report["year"].get<int>();
    if (record.report.year != year)
      c.meta.push_back("year: expected " + std::to_string(year) + ", got " +
                       (record.report.year ? std::to_string(*record.report.year) : "null"));
  }
  if (report.contains("template") &&
      report["template"].get<std::string>() != record.report.template_version)
    c.meta.push_back("template: expected " + report["template"].get<std::string>() + ", got " +
                     record.report.template_version);
  if (report.contains("agency")) {
    const auto want = report["agency"].get<std::string>();
    const std::string& got = record.report.agency;
    if (got.empty() || (got.find(want) == std::string::npos && want.find(got) == std::string::npos))
      c.meta.push_back("agency: expected " + want + ", got " + got);
  }
  compare_outcome(record, g.value("expect", nlohmann::json()), c);
  return c;
}

std::string describe(const GoldenComparison& c) {
  std::ostringstream out;
  out << c.right << "/" << c.expected << " right";
  for (const auto& w : c.wrong) out << "\n  wrong: " << w;
  for (const auto& m : c.missed) out << "\n  missed: " << m;
  for (const auto& m : c.meta) out << "\n  meta: " << m;
  return out.str();
}

double recall(const GoldenComparison& c) {
  return c.expected == 0 ? 1.0 : static_cast<double>(c.right) / c.expected;
}

}  // namespace nianbao::testing
