#pragma once
// The ZIP side of a .docx: opening an archive held in memory, refusing zip bombs and encrypted
// entries, and handing one part at a time to a consumer as a bounded byte stream.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace nianbao::readers::docx {

// Limits against hostile archives. A real report is a few hundred kB; these leave room for
// documents with many images while keeping decompression bounded in memory and time.
struct PackageLimits {
  std::uint64_t max_entries = 5000;
  std::uint64_t max_total_uncompressed = 1ull << 30;  // declared, over the whole archive
  std::uint64_t max_part_uncompressed = 96ull << 20;  // any one XML part we decompress
  // Deflate cannot do better than about 1:1032; XML of real reports is near 1:25. The
  // ratio is only judged above `ratio_floor` bytes, where small highly regular parts are fine.
  std::uint64_t max_ratio = 200;
  std::uint64_t ratio_floor = 1ull << 20;
};

// Why a package or a part could not be read; each maps to one stable diagnostic code.
enum class PackageError {
  none,
  not_zip,       // docx_not_zip: no ZIP structure at all
  truncated,     // docx_truncated: a ZIP whose end (central directory) is missing or damaged
  encrypted,     // docx_encrypted: password-protected entries
  zip_bomb,      // docx_zip_bomb: too many entries, too large, or too compressed
  missing_part,  // the requested part is not in the archive (not an error for optional parts)
  corrupt,       // docx_zip_corrupt: a part fails to decompress (bad data, CRC)
};

struct PackageFailure {
  PackageError error = PackageError::none;
  std::string message;
};

// One decompressing part. Decompression stops (and the stream fails with zip_bomb) as soon as
// the part grows beyond the limits, whatever the archive claims about its size, so a lying
// header cannot make us inflate without bound.
class PartStream {
 public:
  ~PartStream();
  PartStream(const PartStream&) = delete;
  PartStream& operator=(const PartStream&) = delete;
  // Up to `capacity` bytes into `buffer`; 0 at the end, -1 on failure (see failure()).
  long read(char* buffer, std::size_t capacity);
  const PackageFailure& failure() const { return failure_; }
  // The uncompressed size the archive declares (0 when unknown); it may lie.
  std::uint64_t declared_size() const { return declared_; }

 private:
  friend class Package;
  PartStream(void* file, std::string name, std::uint64_t compressed, std::uint64_t declared,
             const PackageLimits& limits);
  void* file_;  // zip_file_t*, kept opaque so that users need not include zip.h
  std::string name_;
  std::uint64_t compressed_;
  std::uint64_t declared_;
  std::uint64_t produced_ = 0;
  PackageLimits limits_;
  PackageFailure failure_;
};

class Package {
 public:
  // Opens the archive in `bytes` (which must outlive the Package). Returns nullptr and fills
  // `failure` when the bytes are not a usable archive.
  static std::unique_ptr<Package> open(std::string_view bytes, const PackageLimits& limits,
                                       PackageFailure& failure);
  ~Package();
  Package(const Package&) = delete;
  Package& operator=(const Package&) = delete;

  bool has_part(const std::string& name) const;

  // Opens a part for pulling its bytes (see PartStream). Returns nullptr and fills `failure`
  // when the part is missing, encrypted or declares sizes beyond the limits.
  std::unique_ptr<PartStream> open_part(const std::string& name, PackageFailure& failure) const;

  // Convenience for small parts (rels, core properties): the whole part as a string.
  PackageFailure read_part(const std::string& name, std::string& out) const;

  // The whole part into `out` when it inflates to at most `max_bytes`, in one buffer sized
  // from the declared size. False when it is larger, or fails (then `failure` says why, or is
  // none when the part was merely too large); the caller then streams it instead.
  bool read_part_within(const std::string& name, std::size_t max_bytes, std::string& out,
                        PackageFailure& failure) const;

 private:
  struct Impl;
  explicit Package(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// True when `bytes` is an OLE2 compound file (legacy .doc, or an Office-encrypted .docx).
bool is_ole2(std::string_view bytes);
// True when an OLE2 file's bytes hold the directory entry name `ascii_name` (found in the raw
// bytes, so also where a damaged directory keeps a container library from listing it).
bool ole2_names(std::string_view bytes, std::string_view ascii_name);
// True when an OLE2 file is an encrypted OOXML package (it holds an "EncryptedPackage" stream).
bool is_encrypted_ooxml(std::string_view bytes);

}  // namespace nianbao::readers::docx
