#pragma once
// The inputs of a bulk run, in a deterministic order: files as given, directories walked
// recursively in sorted order, paths read from stdin (`-`), and the members of zip/tar
// archives read in place (`archive.zip!/dir/report.docx`). Every argument yields at least one
// input, so nothing the user named disappears silently: an archive that cannot be opened or a
// directory that cannot be listed becomes an input that fails with a diagnostic.

#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace nianbao::bulk {

struct Input {
  enum class Kind {
    file,    // read `path` from disk when worked on (so reading runs in parallel)
    bytes,   // an archive member: its bytes were read in place, `path` names the member
    failed,  // could not be reached at all: `code` and `message` say why
  };
  Kind kind = Kind::file;
  std::string path;
  std::string bytes;
  std::string code;
  std::string message;
};

// Include/exclude patterns (fnmatch globs). A pattern without '/' is matched against the file
// name, one with '/' against the path below the directory or inside the archive. Files named
// explicitly on the command line or on stdin are never filtered.
class PathFilter {
 public:
  PathFilter() = default;
  PathFilter(std::vector<std::string> include, std::vector<std::string> exclude)
      : include_(std::move(include)), exclude_(std::move(exclude)) {}
  bool accepts_file(std::string_view relative) const;
  // A directory is skipped when an exclude pattern matches it (e.g. --exclude _build).
  bool accepts_directory(std::string_view relative) const;

 private:
  std::vector<std::string> include_;
  std::vector<std::string> exclude_;
};

// What an input file is, by its first and last bytes: a report (text, docx, HTML …) or an
// archive of reports. A ZIP naming word/document.xml is a Word document, not an archive.
enum class FileKind { report, zip_archive, tar_archive, compressed_archive };
FileKind sniff_file_kind(const std::string& path);

// Calls `emit` for every input in order and stops early when it returns false. Arguments are
// paths, directories, archives or "-" (one path a line on `stdin_list`; blank lines skipped).
using Emit = std::function<bool(Input&&)>;
void for_each_input(const std::vector<std::string>& arguments, const PathFilter& filter,
                    std::istream& stdin_list, const Emit& emit);

// How many inputs the arguments name, cheaply, for a progress bar's time left: files in
// directories are counted by name (an archive counts as one). 0 when unknown (a stdin list).
std::size_t estimate_input_count(const std::vector<std::string>& arguments,
                                 const PathFilter& filter);

// The members of one archive, in archive order, filtered; returns false if emit stopped it.
bool for_each_archive_member(const std::string& archive_path, const PathFilter& filter,
                             const Emit& emit);

}  // namespace nianbao::bulk
