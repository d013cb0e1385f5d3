// The ingest bookkeeping on its own, against an in-memory store: which reports are written,
// linked and deleted when contents are shared between paths, move, and come back.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "extractor/store/store.hpp"

namespace nianbao::testing {
namespace {

class MemoryStore final : public store::Store {
 public:
  store::StoredState load() override {
    store::StoredState s;
    for (const auto& [key, status] : reports) s.key_status[key] = status;
    for (const auto& [path, key] : paths) s.path_to_key[path] = key;
    return s;
  }
  void write(const store::Batch& batch) override {
    ++transactions;
    for (const store::StoredReport& r : batch.inserts) {
      const std::string& key = r.key;
      EXPECT_EQ(reports.count(key), 0u) << "inserted twice: " << key;
      reports[key] = r.status;
      ++inserted;
    }
    for (const auto& [path, key] : batch.links) {
      EXPECT_EQ(reports.count(key), 1u) << path << " links to a report that is not there";
      paths[path] = key;
    }
    for (const std::string& key : batch.deletes) {
      for (const auto& [path, k] : paths) EXPECT_NE(k, key) << path << " still holds " << key;
      reports.erase(key);
    }
  }
  std::map<std::string, std::string> reports;
  std::map<std::string, std::string> paths;
  int transactions = 0;
  int inserted = 0;
};

model::Record record(const std::string& path, const std::string& sha) {
  model::Record r;
  r.source.path = path;
  r.source.sha256 = sha;
  return r;
}

TEST(Ingest, SharedContentIsStoredOnceAndDeletedWithItsLastPath) {
  MemoryStore db;
  {
    store::Ingest ingest(db, 100);
    ingest.add(record("a.txt", "K1"));
    ingest.add(record("copy-of-a.txt", "K1"));
    ingest.add(record("b.txt", "K2"));
    ingest.flush();
    EXPECT_EQ(ingest.reports_written(), 2u);
  }
  EXPECT_EQ(db.reports.size(), 2u);
  EXPECT_EQ(db.paths.size(), 3u);
  store::Ingest again(db, 100);
  EXPECT_TRUE(again.unchanged("a.txt", "K1"));
  EXPECT_EQ(again.stored_status("K1"), "ok");
  again.add(record("a.txt", "K3"));  // a changed: K1 is still held by the copy
  again.flush();
  EXPECT_EQ(db.reports.count("K1"), 1u);
  again.add(record("copy-of-a.txt", "K3"));  // now nothing holds K1
  again.flush();
  EXPECT_EQ(db.reports.count("K1"), 0u);
  EXPECT_EQ((std::set<std::string>{db.paths["a.txt"], db.paths["copy-of-a.txt"]}),
            std::set<std::string>{"K3"});
}

TEST(Ingest, ContentThatMovesAwayAndBackWithinOneBatch) {
  MemoryStore db;
  store::Ingest ingest(db, 100);
  ingest.add(record("a.txt", "K1"));
  ingest.flush();
  ingest.add(record("a.txt", "K2"));  // K1 loses its only path …
  ingest.add(record("b.txt", "K1"));  // … and gets one back before the batch is written
  ingest.add(record("c.txt", "K4"));
  ingest.add(record("c.txt", "K5"));  // K4 never reaches the store
  ingest.flush();
  EXPECT_EQ(db.reports.count("K1"), 1u);
  EXPECT_EQ(db.reports.count("K4"), 0u);
  EXPECT_EQ(db.paths["a.txt"], "K2");
  EXPECT_EQ(db.paths["b.txt"], "K1");
  EXPECT_EQ(db.paths["c.txt"], "K5");
  EXPECT_EQ(db.inserted, 3);  // K1 once, K2, K5
}

TEST(Ingest, BatchesAreBoundedAndUnreadInputsKeyedByPath) {
  MemoryStore db;
  store::Ingest ingest(db, 2);
  for (int i = 0; i < 7; ++i) ingest.add(record("r" + std::to_string(i), "K" + std::to_string(i)));
  ingest.add(record("missing.txt", ""));
  ingest.flush();
  EXPECT_EQ(db.transactions, 4);
  EXPECT_EQ(db.reports.count("unread:missing.txt"), 1u);
  EXPECT_EQ(db.reports.size(), 8u);
}

}  // namespace
}  // namespace nianbao::testing
