#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "extractor/templates/template.hpp"
#include "test_paths.hpp"

namespace nianbao::templates {
namespace {

// Figure ids a template defines: <table>.<row>.<column>.
std::set<std::string> figure_ids(const Template& t) {
  std::set<std::string> ids;
  for (const TableTemplate& table : t.tables) {
    if (table.layout == Layout::single_row) {
      for (const Group& g : table.groups)
        for (const Column& c : g.columns) ids.insert(table.key + "." + g.key + "." + c.key);
    } else {
      for (const Row& r : table.rows)
        for (const Column& c : table.groups[static_cast<std::size_t>(r.group)].columns)
          ids.insert(table.key + "." + r.key + "." + c.key);
    }
  }
  return ids;
}

TEST(Templates, CellCountsOfFormats2And3) {
  const Template* t2019 = find_template("2019");
  const Template* t2021 = find_template("2021");
  ASSERT_TRUE(t2019 && t2021);
  EXPECT_EQ(t2019->find_table("requests")->rows.size(), 23u);
  EXPECT_EQ(t2021->find_table("requests")->rows.size(), 25u);
  EXPECT_EQ(figure_ids(*t2019).size(), 22u + 161u + 15u);
  EXPECT_EQ(figure_ids(*t2021).size(), 10u + 175u + 15u);
}

TEST(Templates, IdsAgreeWithTheSharedCellList) {
  NIANBAO_REQUIRE_SHARED_CORPUS(corpus);
  std::ifstream in(corpus.parent_path() / "spec" / "cells.tsv");
  ASSERT_TRUE(in);
  std::map<std::string, std::set<std::string>> expected;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string id, version;
    std::getline(fields, id, '\t');
    std::getline(fields, version, '\t');
    expected[version].insert(id);
  }
  EXPECT_EQ(figure_ids(*find_template("2019")), expected["2019"]);
  EXPECT_EQ(figure_ids(*find_template("2021")), expected["2021"]);
}

TEST(Templates, ParserRejectsMalformedData) {
  EXPECT_THROW(parse_template("template\t2019\nrow\tx\t规章\n"), std::logic_error);
  EXPECT_THROW(parse_template("template\t2019\nbogus\tline\n"), std::logic_error);
  EXPECT_THROW(parse_identities("T\tr\ttable\t2019\tper_row\ta + b\n"), std::logic_error);
}

TEST(Identities, EveryRuleOfFormats51IsData) {
  std::set<std::string> ids;
  for (const Identity& i : all_identities()) ids.insert(i.id);
  for (const char* id : {"T3-1", "T3-2", "T3-3", "T4-1"}) EXPECT_TRUE(ids.count(id)) << id;
}

TEST(Identities, TermsNameRealRowsAndColumns) {
  for (const Identity& identity : all_identities()) {
    for (const std::string& version : identity.templates) {
      const TableTemplate* table = find_template(version)->find_table(identity.table);
      ASSERT_TRUE(table) << identity.id;
      std::set<std::string> names;
      for (const Row& r : table->rows) names.insert(r.key);
      for (const Group& g : table->groups) {
        names.insert(g.key);
        for (const Column& c : g.columns) names.insert(c.key);
      }
      std::vector<std::string> terms = identity.left;
      terms.insert(terms.end(), identity.right.begin(), identity.right.end());
      for (const std::string& term : terms)
        EXPECT_TRUE(names.count(term)) << identity.id << " " << version << ": " << term;
    }
  }
}

}  // namespace
}  // namespace nianbao::templates
