#pragma once
// The OLE2 compound file (CFB) that holds a Word 97–2003 document, read with libgsf
// (GsfInfileMSOle over the bytes in memory). libgsf checks the container itself (sector sizes,
// FAT and mini-FAT chains, directory entries); this wrapper adds what a reader of untrusted
// files needs on top: a size limit on every stream it copies out, a limit on the number of
// streams, and glib's log messages kept off the user's terminal (they become a count that the
// reader turns into one diagnostic).
//
// One CompoundFile per document and per thread: libgsf keeps no state shared between open
// files, and glib's type system, which its objects use, is thread-safe.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace nianbao::readers::doc {

enum class StreamStatus { ok, missing, too_large, unreadable };

class CompoundFile {
 public:
  // Opens the container; nullptr when libgsf refuses it (`why` says what libgsf said).
  static std::unique_ptr<CompoundFile> open(std::string_view bytes, std::string& why);
  ~CompoundFile();
  CompoundFile(const CompoundFile&) = delete;
  CompoundFile& operator=(const CompoundFile&) = delete;

  // Names of the top-level streams and storages (at most k_max_entries of them).
  const std::vector<std::string>& names() const { return names_; }
  bool has(std::string_view name) const;

  // Copies the stream `name` into `out`, refusing streams larger than `max_bytes`.
  StreamStatus read(const std::string& name, std::size_t max_bytes, std::string& out) const;

 private:
  struct Handles;
  explicit CompoundFile(std::unique_ptr<Handles> handles);
  std::unique_ptr<Handles> handles_;
  std::vector<std::string> names_;
};

// Top-level entries read from one container: more than any Office file has.
inline constexpr int k_max_entries = 4096;

// Collects glib log messages (libgsf's warnings about a damaged container) raised on this
// thread while it is alive, instead of letting glib print them; `count()` says how many.
class GlibMessages {
 public:
  GlibMessages();
  ~GlibMessages();
  GlibMessages(const GlibMessages&) = delete;
  GlibMessages& operator=(const GlibMessages&) = delete;
  int count() const { return count_; }
  const std::string& first() const { return first_; }

  void add(std::string_view message);

 private:
  GlibMessages* previous_;
  int count_ = 0;
  std::string first_;
};

}  // namespace nianbao::readers::doc
