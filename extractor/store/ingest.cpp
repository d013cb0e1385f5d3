#include <map>

#include "extractor/store/store.hpp"

namespace nianbao::store {

std::string report_key(const model::Record& record) {
  if (!record.source.sha256.empty()) return record.source.sha256;
  return "unread:" + record.source.path;
}

StoredReport prepare_report(const model::Record& record) {
  StoredReport report;
  report.key = report_key(record);
  report.path = record.source.path;
  report.status = model::to_string(record.status);
  report.tables.resize(record_tables().size());
  for (std::size_t t = 0; t < report.tables.size(); ++t)
    append_rows(record, report.key, t, report.tables[t]);
  return report;
}

bool is_postgres_target(const std::string& target) {
  return target.rfind("postgresql://", 0) == 0 || target.rfind("postgres://", 0) == 0 ||
         target.find("dbname=") != std::string::npos;
}

std::unique_ptr<Store> open_store(const std::string& target) {
  if (is_postgres_target(target)) return open_postgres_store(target);
  return open_sqlite_store(target);
}

Ingest::Ingest(Store& store, std::size_t batch_reports)
    : store_(store), batch_reports_(batch_reports == 0 ? 1 : batch_reports) {
  StoredState state = store_.load();
  for (auto& [key, status] : state.key_status) keys_[key] = KeyInfo{status, 0, true};
  for (const auto& [path, key] : state.path_to_key) ++keys_[key].paths;
  path_to_key_ = state.path_to_key;
  initial_paths_ = std::move(state.path_to_key);
}

bool Ingest::unchanged(const std::string& path, const std::string& key) const {
  const auto it = path_to_key_.find(path);
  return it != path_to_key_.end() && it->second == key && keys_.count(key) > 0;
}

std::string Ingest::stored_status(const std::string& key) const {
  const auto it = keys_.find(key);
  return it == keys_.end() ? std::string() : it->second.status;
}

void Ingest::release(const std::string& key) {
  KeyInfo& info = keys_[key];
  if (info.paths > 0) --info.paths;
  if (info.paths == 0) released_.push_back(key);
}

void Ingest::add(StoredReport report) {
  const std::string key = report.key;
  const std::string path = report.path;
  if (unchanged(path, key)) return;
  auto [info, is_new] = keys_.try_emplace(key);
  if (is_new) {
    info->second.status = report.status;
    batch_.inserts.push_back(std::move(report));
  }
  ++info->second.paths;
  auto [link, new_path] = path_to_key_.try_emplace(path, key);
  if (!new_path) {
    const std::string old = link->second;
    link->second = key;
    release(old);
  }
  batch_.links.emplace_back(path, key);
  if (batch_.inserts.size() >= batch_reports_ || batch_.links.size() >= 4 * batch_reports_) flush();
}

void Ingest::flush() {
  Batch batch;
  for (StoredReport& r : batch_.inserts) {
    // Content that lost its only path before it was ever written is not written at all.
    if (keys_.at(r.key).paths == 0) {
      keys_.erase(r.key);
      continue;
    }
    batch.inserts.push_back(std::move(r));
  }
  // The last link of a path wins; PostgreSQL's upsert refuses two rows for one key.
  std::map<std::string, std::string> links;
  for (const auto& [path, key] : batch_.links) links[path] = key;
  batch.links.assign(links.begin(), links.end());
  for (const std::string& key : released_) {
    const auto it = keys_.find(key);
    if (it == keys_.end() || it->second.paths > 0) continue;
    if (it->second.stored) batch.deletes.push_back(key);
    keys_.erase(it);
  }
  batch_ = Batch();
  released_.clear();
  if (batch.empty()) return;
  store_.write(batch);
  for (const StoredReport& r : batch.inserts) keys_.at(r.key).stored = true;
  written_ += batch.inserts.size();
}

}  // namespace nianbao::store
