#include "extractor/bulk/inputs.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <fnmatch.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <memory>
#include <system_error>

namespace fs = std::filesystem;

namespace nianbao::bulk {
namespace {

// The same cap as the readers' for one input: a member larger than this is not read.
constexpr std::size_t k_max_member_bytes = 256ull * 1024 * 1024;
// A docx's central directory (a few dozen names) sits in its last bytes; an archive of
// reports is recognised by *not* naming word/document.xml there.
constexpr std::size_t k_zip_tail_bytes = 64 * 1024;
constexpr std::size_t k_tar_magic_offset = 257;

bool glob_matches(const std::string& pattern, std::string_view relative) {
  const bool whole_path = pattern.find('/') != std::string::npos;
  std::string subject(relative);
  if (!whole_path) {
    const std::size_t slash = subject.rfind('/');
    if (slash != std::string::npos) subject.erase(0, slash + 1);
  }
  return fnmatch(pattern.c_str(), subject.c_str(), 0) == 0;
}

bool any_matches(const std::vector<std::string>& patterns, std::string_view relative) {
  return std::any_of(patterns.begin(), patterns.end(),
                     [&](const std::string& p) { return glob_matches(p, relative); });
}

std::string read_range(std::ifstream& in, std::streamoff offset, std::size_t count) {
  std::string bytes(count, '\0');
  in.clear();
  in.seekg(offset, std::ios::beg);
  in.read(bytes.data(), static_cast<std::streamsize>(count));
  bytes.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
  return bytes;
}

bool starts_with(std::string_view bytes, std::string_view magic) {
  return bytes.substr(0, magic.size()) == magic;
}

bool is_compressed(std::string_view head) {
  return starts_with(head, "\x1f\x8b") || starts_with(head, "BZh") ||
         starts_with(head, std::string_view("\xfd"
                                            "7zXZ\0",
                                            6)) ||
         starts_with(head, "\x28\xb5\x2f\xfd");
}

Input failed_input(std::string path, const char* code, std::string message) {
  Input in;
  in.kind = Input::Kind::failed;
  in.path = std::move(path);
  in.code = code;
  in.message = std::move(message);
  return in;
}

Input file_input(std::string path) {
  Input in;
  in.path = std::move(path);
  return in;
}

struct ArchiveDeleter {
  void operator()(archive* a) const { archive_read_free(a); }
};
using ArchivePtr = std::unique_ptr<archive, ArchiveDeleter>;

ArchivePtr open_archive() {
  ArchivePtr a(archive_read_new());
  if (!a) return a;
  archive_read_support_filter_all(a.get());
  archive_read_support_format_zip(a.get());
  archive_read_support_format_tar(a.get());
  archive_read_support_format_gnutar(a.get());
  archive_read_support_format_raw(a.get());  // a lone compressed report (report.txt.gz)
  return a;
}

enum class MemberRead { ok, too_large, damaged };

// Reads the current member's data; on failure `error` says why.
MemberRead read_member(archive* a, std::string& bytes, std::string& error) {
  std::array<char, 64 * 1024> buffer{};
  for (;;) {
    const la_ssize_t n = archive_read_data(a, buffer.data(), buffer.size());
    if (n == 0) return MemberRead::ok;
    if (n < 0) {
      const char* why = archive_error_string(a);
      error = why != nullptr ? why : "damaged archive member";
      return MemberRead::damaged;
    }
    if (bytes.size() + static_cast<std::size_t>(n) > k_max_member_bytes) {
      error = "the member is larger than 256 MiB";
      return MemberRead::too_large;
    }
    bytes.append(buffer.data(), static_cast<std::size_t>(n));
  }
}

std::string member_name(archive_entry* entry) {
  const char* utf8 = archive_entry_pathname_utf8(entry);
  if (utf8 != nullptr) return utf8;
  const char* raw = archive_entry_pathname(entry);
  return raw != nullptr ? raw : "";
}

bool walk(const std::string& argument, const PathFilter& filter, const Emit& emit);

std::vector<fs::directory_entry> sorted_entries(const fs::path& dir, std::error_code& ec) {
  std::vector<fs::directory_entry> entries;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    entries.push_back(*it);
  std::sort(entries.begin(), entries.end(),
            [](const fs::directory_entry& a, const fs::directory_entry& b) {
              return a.path().filename().native() < b.path().filename().native();
            });
  return entries;
}

// One file found in a directory walk or named by the user: an archive's members, or itself.
bool emit_file(const std::string& path, const PathFilter& filter, const Emit& emit) {
  if (sniff_file_kind(path) == FileKind::report) return emit(file_input(path));
  return for_each_archive_member(path, filter, emit);
}

bool walk_directory(const fs::path& root, const fs::path& dir, const PathFilter& filter,
                    const Emit& emit) {
  std::error_code ec;
  const std::vector<fs::directory_entry> entries = sorted_entries(dir, ec);
  if (ec)
    return emit(failed_input(dir.string(), "input_unreadable",
                             "cannot list the directory: " + ec.message()));
  for (const fs::directory_entry& entry : entries) {
    const std::string relative = entry.path().lexically_relative(root).generic_string();
    std::error_code type_ec;
    // Symlinked directories are not followed, so a link loop cannot make the walk endless.
    if (entry.is_directory(type_ec) && !entry.is_symlink(type_ec)) {
      if (filter.accepts_directory(relative) && !walk_directory(root, entry.path(), filter, emit))
        return false;
    } else if (entry.is_regular_file(type_ec) && filter.accepts_file(relative)) {
      if (!emit_file(entry.path().string(), filter, emit)) return false;
    }
  }
  return true;
}

bool walk(const std::string& argument, const PathFilter& filter, const Emit& emit) {
  std::error_code ec;
  if (fs::is_directory(argument, ec)) return walk_directory(argument, argument, filter, emit);
  // Missing or unreadable files go to the pipeline, which reports them as failed records.
  if (!fs::is_regular_file(argument, ec)) return emit(file_input(argument));
  return emit_file(argument, filter, emit);  // named files are not filtered; members are
}

}  // namespace

bool PathFilter::accepts_file(std::string_view relative) const {
  if (!include_.empty() && !any_matches(include_, relative)) return false;
  return !any_matches(exclude_, relative);
}

bool PathFilter::accepts_directory(std::string_view relative) const {
  return !any_matches(exclude_, relative);
}

FileKind sniff_file_kind(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return FileKind::report;  // the pipeline reports why it cannot be read
  const std::string head = read_range(in, 0, 512);
  if (is_compressed(head)) return FileKind::compressed_archive;
  if (head.size() > k_tar_magic_offset + 5 && head.compare(k_tar_magic_offset, 5, "ustar") == 0)
    return FileKind::tar_archive;
  if (!starts_with(head, "PK\x03\x04") && !starts_with(head, "PK\x05\x06")) return FileKind::report;
  in.clear();
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  const std::streamoff tail_start =
      std::max<std::streamoff>(0, size - static_cast<std::streamoff>(k_zip_tail_bytes));
  const std::string tail = read_range(in, tail_start, k_zip_tail_bytes);
  const bool names_word = tail.find("word/document.xml") != std::string::npos ||
                          head.find("word/document.xml") != std::string::npos;
  // A broken Word file is still a report (the docx reader says what is wrong with it), not an
  // archive of reports.
  std::string lower = path;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const bool word_name = lower.ends_with(".docx") || lower.ends_with(".docm");
  return names_word || word_name ? FileKind::report : FileKind::zip_archive;
}

bool for_each_archive_member(const std::string& archive_path, const PathFilter& filter,
                             const Emit& emit) {
  ArchivePtr a = open_archive();
  if (!a || archive_read_open_filename(a.get(), archive_path.c_str(), 64 * 1024) != ARCHIVE_OK) {
    const char* why = a ? archive_error_string(a.get()) : nullptr;
    return emit(failed_input(archive_path, "archive_unreadable",
                             std::string("cannot open the archive: ") + (why ? why : "unknown")));
  }
  archive_entry* entry = nullptr;
  bool any_member = false;
  for (;;) {
    const int r = archive_read_next_header(a.get(), &entry);
    if (r == ARCHIVE_EOF) return true;
    if (r != ARCHIVE_OK && r != ARCHIVE_WARN) {
      const char* why = archive_error_string(a.get());
      // Named after the archive itself when not one member could be read.
      return emit(failed_input(any_member ? archive_path + "!/" : archive_path, "archive_damaged",
                               std::string("the archive is damaged after its last good member: ") +
                                   (why ? why : "unknown")));
    }
    any_member = true;
    if (archive_entry_filetype(entry) != AE_IFREG) continue;
    const std::string name = member_name(entry);
    if (!filter.accepts_file(name)) continue;
    Input in;
    in.kind = Input::Kind::bytes;
    in.path = archive_path + "!/" + name;
    std::string error;
    const MemberRead read = read_member(a.get(), in.bytes, error);
    if (read == MemberRead::ok) {
      if (!emit(std::move(in))) return false;
      continue;
    }
    const bool too_large = read == MemberRead::too_large;
    if (!emit(failed_input(in.path, too_large ? "input_too_large" : "archive_damaged", error)))
      return false;
    // A damaged stream cannot be read any further; a too-large member is only skipped.
    if (!too_large || archive_read_data_skip(a.get()) != ARCHIVE_OK) return true;
  }
}

std::size_t estimate_input_count(const std::vector<std::string>& arguments,
                                 const PathFilter& filter) {
  std::size_t count = 0;
  for (const std::string& argument : arguments) {
    if (argument == "-") return 0;
    std::error_code ec;
    if (!fs::is_directory(argument, ec)) {
      ++count;
      continue;
    }
    const fs::path root(argument);
    for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
      const std::string relative = it->path().lexically_relative(root).generic_string();
      std::error_code type_ec;
      if (it->is_directory(type_ec) && !filter.accepts_directory(relative)) {
        it.disable_recursion_pending();
      } else if (it->is_regular_file(type_ec) && filter.accepts_file(relative)) {
        ++count;
      }
    }
  }
  return count;
}

void for_each_input(const std::vector<std::string>& arguments, const PathFilter& filter,
                    std::istream& stdin_list, const Emit& emit) {
  for (const std::string& argument : arguments) {
    if (argument != "-") {
      if (!walk(argument, filter, emit)) return;
      continue;
    }
    std::string line;
    while (std::getline(stdin_list, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty()) continue;
      if (!walk(line, filter, emit)) return;
    }
  }
}

}  // namespace nianbao::bulk
