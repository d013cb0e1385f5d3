#pragma once
// Shared by the bulk tests: scratch directories, small corpora of distinct reports, running
// the nianbao program, archives written with libarchive.
#include <archive.h>
#include <archive_entry.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "shell.hpp"
#include "test_paths.hpp"

namespace nianbao::testing {

namespace fs = std::filesystem;

class ScratchDir {
 public:
  ScratchDir() {
    std::string tmpl = (fs::temp_directory_path() / "nianbao-bulk-XXXXXX").string();
    if (mkdtemp(tmpl.data()) != nullptr) path_ = tmpl;
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  ~ScratchDir() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// Each non-empty line of NDJSON output, parsed.
inline std::vector<nlohmann::json> lines_as_json(const std::string& text) {
  std::vector<nlohmann::json> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) out.push_back(nlohmann::json::parse(line));
  return out;
}

inline std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void write_text(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

// The water bureau's pipe-row report with a row of 表二 that no template has
// (其他主动公开文件 | 12 | 0 | 40) after 行政规范性文件, written to `path`; false when the report
// no longer has the row it goes after.
inline bool write_report_with_extra_row(const fs::path& path) {
  std::string text = read_text(project_corpus() / "text" / "2023-water-bureau-piperows.txt");
  const std::string after = "行政规范性文件 | 1594 | 1311 | 2503 | ||\n";
  const std::size_t at = text.find(after);
  if (at == std::string::npos) return false;
  text.insert(at + after.size(), "其他主动公开文件 | 12 | 0 | 40 | ||\n");
  write_text(path, text);
  return true;
}

// The project's text corpus, each report copied `copies` times with a distinct closing line
// (so every copy is its own content) into dir/<copy>/<name>.
inline std::vector<fs::path> make_text_corpus(const fs::path& dir, int copies) {
  std::vector<fs::path> sources;
  for (const auto& e : fs::directory_iterator(project_corpus() / "text"))
    if (e.path().extension() == ".txt") sources.push_back(e.path());
  std::sort(sources.begin(), sources.end());
  std::vector<fs::path> written;
  for (int i = 0; i < copies; ++i) {
    for (const fs::path& src : sources) {
      const fs::path out = dir / ("c" + std::to_string(1000 + i)) / src.filename();
      write_text(out, read_text(src) + "\n附件：第" + std::to_string(i) + "号\n");
      written.push_back(out);
    }
  }
  return written;
}

inline ShellRun nianbao(const std::string& args) {
  return run_shell(nianbao_binary().string() + " " + args + " 2>/dev/null");
}

inline std::string quoted(const fs::path& p) { return "'" + p.string() + "'"; }

// Writes an archive (format "zip" or "ustar") of name → bytes members.
inline bool write_archive(const fs::path& path, const char* format,
                          const std::vector<std::pair<std::string, std::string>>& members) {
  archive* a = archive_write_new();
  if (a == nullptr) return false;
  archive_write_set_format_by_name(a, format);
  bool ok = archive_write_open_filename(a, path.c_str()) == ARCHIVE_OK;
  for (const auto& [name, bytes] : members) {
    if (!ok) break;
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, name.c_str());
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    archive_entry_set_size(e, static_cast<la_int64_t>(bytes.size()));
    ok = archive_write_header(a, e) == ARCHIVE_OK &&
         archive_write_data(a, bytes.data(), bytes.size()) == static_cast<la_ssize_t>(bytes.size());
    archive_entry_free(e);
  }
  ok = archive_write_close(a) == ARCHIVE_OK && ok;
  archive_write_free(a);
  return ok;
}

}  // namespace nianbao::testing
