#include "extractor/readers/docx/docx_package.hpp"

#include <zip.h>

#include <algorithm>
#include <array>
#include <string>

namespace nianbao::readers::docx {

struct Package::Impl {
  zip_t* archive = nullptr;
  PackageLimits limits;
  ~Impl() {
    if (archive != nullptr) zip_discard(archive);
  }
};

namespace {

constexpr std::string_view k_zip_local_magic = "PK\x03\x04";
constexpr std::string_view k_zip_empty_magic = "PK\x05\x06";
constexpr std::string_view k_ole2_magic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

PackageFailure failure_of(PackageError error, std::string message) {
  return {error, std::move(message)};
}

std::string zip_error_text(int code) {
  zip_error_t error;
  zip_error_init_with_code(&error, code);
  std::string text = zip_error_strerror(&error);
  zip_error_fini(&error);
  return text;
}

// A ZIP that starts like one but cannot be opened has lost its end (the central directory
// sits at the end of the file), which is what an interrupted download looks like.
PackageFailure classify_open_error(std::string_view bytes, int code) {
  const bool starts_like_zip = bytes.substr(0, 4) == k_zip_local_magic;
  if (starts_like_zip || code == ZIP_ER_INCONS || code == ZIP_ER_EOF) {
    return failure_of(PackageError::truncated,
                      "the ZIP archive is truncated or damaged (" + zip_error_text(code) + ")");
  }
  return failure_of(PackageError::not_zip, "not a ZIP archive (" + zip_error_text(code) + ")");
}

// Entry count and declared sizes are checked before anything is inflated.
PackageFailure check_archive_limits(zip_t* archive, const PackageLimits& limits) {
  const zip_int64_t entries = zip_get_num_entries(archive, 0);
  if (entries < 0) return failure_of(PackageError::truncated, "cannot list the ZIP entries");
  if (static_cast<std::uint64_t>(entries) > limits.max_entries) {
    return failure_of(PackageError::zip_bomb, "the archive has " + std::to_string(entries) +
                                                  " entries (limit " +
                                                  std::to_string(limits.max_entries) + ")");
  }
  std::uint64_t total = 0;
  for (zip_int64_t i = 0; i < entries; ++i) {
    zip_stat_t st;
    if (zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &st) != 0) continue;
    if ((st.valid & ZIP_STAT_SIZE) == 0) continue;
    total += st.size;
    if (total > limits.max_total_uncompressed) {
      return failure_of(PackageError::zip_bomb,
                        "the archive declares more than " +
                            std::to_string(limits.max_total_uncompressed >> 20) +
                            " MiB of uncompressed data");
    }
  }
  return {};
}

bool exceeds_ratio(std::uint64_t uncompressed, std::uint64_t compressed,
                   const PackageLimits& limits) {
  if (uncompressed <= limits.ratio_floor) return false;
  return compressed == 0 || uncompressed / compressed > limits.max_ratio;
}

PackageFailure check_declared_part(const zip_stat_t& st, const std::string& name,
                                   const PackageLimits& limits) {
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) != 0 && st.encryption_method != ZIP_EM_NONE) {
    return failure_of(PackageError::encrypted, "the part " + name + " is password-protected");
  }
  if ((st.valid & ZIP_STAT_SIZE) != 0 && st.size > limits.max_part_uncompressed) {
    return failure_of(PackageError::zip_bomb, "the part " + name + " declares " +
                                                  std::to_string(st.size) + " bytes uncompressed");
  }
  if ((st.valid & ZIP_STAT_SIZE) != 0 && (st.valid & ZIP_STAT_COMP_SIZE) != 0 &&
      exceeds_ratio(st.size, st.comp_size, limits)) {
    return failure_of(PackageError::zip_bomb, "the part " + name +
                                                  " declares a compression ratio above 1:" +
                                                  std::to_string(limits.max_ratio));
  }
  return {};
}

PackageFailure read_error(zip_file_t* file, const std::string& name) {
  zip_error_t* error = zip_file_get_error(file);
  const int code = error != nullptr ? zip_error_code_zip(error) : ZIP_ER_INTERNAL;
  if (code == ZIP_ER_WRONGPASSWD || code == ZIP_ER_NOPASSWD) {
    return failure_of(PackageError::encrypted, "the part " + name + " is password-protected");
  }
  return failure_of(PackageError::corrupt,
                    "the part " + name + " cannot be decompressed (" + zip_error_text(code) + ")");
}

}  // namespace

Package::Package(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Package::~Package() = default;

std::unique_ptr<Package> Package::open(std::string_view bytes, const PackageLimits& limits,
                                       PackageFailure& failure) {
  if (bytes.substr(0, 4) != k_zip_local_magic && bytes.substr(0, 4) != k_zip_empty_magic) {
    failure = failure_of(PackageError::not_zip, "the data does not start like a ZIP archive");
    return nullptr;
  }
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    failure = failure_of(PackageError::not_zip, zip_error_strerror(&error));
    zip_error_fini(&error);
    return nullptr;
  }
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (archive == nullptr) {
    failure = classify_open_error(bytes, zip_error_code_zip(&error));
    zip_source_free(source);
    zip_error_fini(&error);
    return nullptr;
  }
  zip_error_fini(&error);
  auto impl = std::make_unique<Impl>();
  impl->archive = archive;
  impl->limits = limits;
  failure = check_archive_limits(archive, limits);
  if (failure.error != PackageError::none) return nullptr;
  return std::unique_ptr<Package>(new Package(std::move(impl)));
}

bool Package::has_part(const std::string& name) const {
  return zip_name_locate(impl_->archive, name.c_str(), 0) >= 0;
}

std::unique_ptr<PartStream> Package::open_part(const std::string& name,
                                               PackageFailure& failure) const {
  const zip_int64_t index = zip_name_locate(impl_->archive, name.c_str(), 0);
  if (index < 0) {
    failure = failure_of(PackageError::missing_part, "no part " + name);
    return nullptr;
  }
  zip_stat_t st;
  if (zip_stat_index(impl_->archive, static_cast<zip_uint64_t>(index), 0, &st) != 0) {
    failure = failure_of(PackageError::corrupt, "cannot inspect the part " + name);
    return nullptr;
  }
  failure = check_declared_part(st, name, impl_->limits);
  if (failure.error != PackageError::none) return nullptr;
  zip_file_t* file = zip_fopen_index(impl_->archive, static_cast<zip_uint64_t>(index), 0);
  if (file == nullptr) {
    const int code = zip_error_code_zip(zip_get_error(impl_->archive));
    if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD || code == ZIP_ER_ENCRNOTSUPP) {
      failure = failure_of(PackageError::encrypted, "the part " + name + " is password-protected");
    } else {
      failure = failure_of(PackageError::corrupt,
                           "cannot open the part " + name + " (" + zip_error_text(code) + ")");
    }
    return nullptr;
  }
  const std::uint64_t compressed = (st.valid & ZIP_STAT_COMP_SIZE) != 0 ? st.comp_size : 0;
  const std::uint64_t declared = (st.valid & ZIP_STAT_SIZE) != 0 ? st.size : 0;
  return std::unique_ptr<PartStream>(
      new PartStream(file, name, compressed, declared, impl_->limits));
}

PackageFailure Package::read_part(const std::string& name, std::string& out) const {
  out.clear();
  PackageFailure failure;
  std::unique_ptr<PartStream> stream = open_part(name, failure);
  if (!stream) return failure;
  std::array<char, 16 * 1024> buffer{};
  for (;;) {
    const long n = stream->read(buffer.data(), buffer.size());
    if (n < 0) return stream->failure();
    if (n == 0) return {};
    out.append(buffer.data(), static_cast<std::size_t>(n));
  }
}

bool Package::read_part_within(const std::string& name, std::size_t max_bytes, std::string& out,
                               PackageFailure& failure) const {
  failure = {};
  std::unique_ptr<PartStream> stream = open_part(name, failure);
  if (!stream || stream->declared_size() > max_bytes) return false;
  // One byte beyond the declared size, so that a truthful part ends without growing the buffer.
  out.resize(static_cast<std::size_t>(stream->declared_size()) + 1);
  std::size_t size = 0;
  for (;;) {
    if (size == out.size()) {
      if (size > max_bytes) return false;
      out.resize(std::min(size * 2, max_bytes + 1));
    }
    const long n = stream->read(out.data() + size, out.size() - size);
    if (n < 0) {
      failure = stream->failure();
      return false;
    }
    if (n == 0) break;
    size += static_cast<std::size_t>(n);
  }
  out.resize(size);
  return true;
}

PartStream::PartStream(void* file, std::string name, std::uint64_t compressed,
                       std::uint64_t declared, const PackageLimits& limits)
    : file_(file),
      name_(std::move(name)),
      compressed_(compressed),
      declared_(declared),
      limits_(limits) {}

PartStream::~PartStream() { zip_fclose(static_cast<zip_file_t*>(file_)); }

long PartStream::read(char* buffer, std::size_t capacity) {
  if (failure_.error != PackageError::none) return -1;
  auto* file = static_cast<zip_file_t*>(file_);
  const zip_int64_t n = zip_fread(file, buffer, capacity);
  if (n < 0) {
    failure_ = read_error(file, name_);
    return -1;
  }
  produced_ += static_cast<std::uint64_t>(n);
  // The real size, not the declared one, is what bounds us.
  if (produced_ > limits_.max_part_uncompressed || exceeds_ratio(produced_, compressed_, limits_)) {
    failure_ = failure_of(PackageError::zip_bomb,
                          "the part " + name_ + " inflates beyond the size or ratio limits");
    return -1;
  }
  return static_cast<long>(n);
}

bool is_ole2(std::string_view bytes) { return bytes.substr(0, 8) == k_ole2_magic; }

bool ole2_names(std::string_view bytes, std::string_view ascii_name) {
  if (!is_ole2(bytes)) return false;
  // Directory entry names are UTF-16LE.
  std::string name;
  for (char c : ascii_name) {
    name.push_back(c);
    name.push_back('\0');
  }
  return bytes.find(name) != std::string_view::npos;
}

bool is_encrypted_ooxml(std::string_view bytes) {
  // An encrypted OOXML package always has this stream.
  return ole2_names(bytes, "EncryptedPackage");
}

}  // namespace nianbao::readers::docx
