#include "extractor/readers/doc/cfb.hpp"

#include <gsf/gsf-infile-msole.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-memory.h>
#include <gsf/gsf-input.h>
#include <gsf/gsf-utils.h>

#include <algorithm>
#include <cstdint>
#include <mutex>

namespace nianbao::readers::doc {

namespace {

thread_local GlibMessages* t_messages = nullptr;

// glib prints warnings and criticals to stderr by default; a bulk run over thousands of damaged
// files must not, so every message goes to the collector of the thread that raised it (or
// nowhere, outside a document).
void route_glib_message(const gchar* /*domain*/, GLogLevelFlags /*level*/, const gchar* message,
                        gpointer /*data*/) {
  if (t_messages != nullptr && message != nullptr) t_messages->add(message);
}

void initialise_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    gsf_init();
    g_log_set_default_handler(route_glib_message, nullptr);
  });
}

std::uint32_t read_u32(std::string_view bytes, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 1])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 2])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 3])) << 24;
}

// libgsf 1.14.50 builds the directory tree from the root entry and follows the root's left and
// right sibling links too, building those entries (and everything below them) with no parent:
// nothing owns them and they leak (found by the doc fuzz harness, a few hundred bytes a file).
// MS-CFB 2.6.4: the root entry has no siblings. So when a file gives it some, libgsf reads a
// copy in which both links say NOSTREAM: the same tree the file's own root describes, without
// the leak. Returns the offset of the root entry's left-sibling field, or 0 when there is
// nothing to clear (the usual case: no copy is made).
std::size_t root_siblings_to_clear(std::string_view bytes) {
  constexpr std::size_t k_header = 512, k_sector_shift = 0x1e, k_first_directory_sector = 0x30;
  constexpr std::size_t k_left_sibling = 0x44;  // then the right sibling at 0x48
  constexpr std::uint32_t k_no_stream = 0xffffffff;
  if (bytes.size() < k_header) return 0;
  const unsigned shift =
      static_cast<unsigned char>(bytes[k_sector_shift]) |
      static_cast<unsigned>(static_cast<unsigned char>(bytes[k_sector_shift + 1])) << 8;
  if (shift < 6 || shift >= 31) return 0;  // libgsf refuses the file itself
  // Where libgsf looks for directory sector N: after the header's sector, of at least 512 bytes.
  const std::uint64_t sector = std::uint64_t{1} << shift;
  const std::uint64_t root = std::max<std::uint64_t>(k_header, sector) +
                             (std::uint64_t{read_u32(bytes, k_first_directory_sector)} << shift);
  if (root + k_left_sibling + 8 > bytes.size()) return 0;  // libgsf cannot read that entry
  const auto at = static_cast<std::size_t>(root + k_left_sibling);
  if (read_u32(bytes, at) == k_no_stream && read_u32(bytes, at + 4) == k_no_stream) return 0;
  return at;
}

template <typename T>
struct Unref {
  void operator()(T* object) const {
    if (object != nullptr) g_object_unref(object);
  }
};

}  // namespace

GlibMessages::GlibMessages() : previous_(t_messages) { t_messages = this; }

GlibMessages::~GlibMessages() { t_messages = previous_; }

void GlibMessages::add(std::string_view message) {
  if (count_++ == 0)
    first_ = std::string(message.substr(0, std::min<std::size_t>(message.find('\n'), 200)));
}

struct CompoundFile::Handles {
  std::string repaired;  // the bytes libgsf reads when the file's own needed a change; first, so
                         // that it outlives the objects reading it
  std::unique_ptr<GsfInput, Unref<GsfInput>> input;
  std::unique_ptr<GsfInfile, Unref<GsfInfile>> ole;
};

CompoundFile::CompoundFile(std::unique_ptr<Handles> handles) : handles_(std::move(handles)) {}

CompoundFile::~CompoundFile() = default;

std::unique_ptr<CompoundFile> CompoundFile::open(std::string_view bytes, std::string& why) {
  initialise_once();
  auto handles = std::make_unique<Handles>();
  if (const std::size_t at = root_siblings_to_clear(bytes); at != 0) {
    handles->repaired.assign(bytes);
    handles->repaired.replace(at, 8, 8, '\xff');
    bytes = handles->repaired;
  }
  // The bytes stay owned by the caller (needs_free = FALSE) and outlive the container.
  handles->input.reset(gsf_input_memory_new(reinterpret_cast<const guint8*>(bytes.data()),
                                            static_cast<gsf_off_t>(bytes.size()), FALSE));
  if (!handles->input) {
    why = "the container could not be opened";
    return nullptr;
  }
  GError* error = nullptr;
  handles->ole.reset(gsf_infile_msole_new(handles->input.get(), &error));
  if (!handles->ole) {
    why = error != nullptr && error->message != nullptr ? error->message : "not a compound file";
    if (error != nullptr) g_error_free(error);
    return nullptr;
  }
  if (error != nullptr) g_error_free(error);
  std::unique_ptr<CompoundFile> file(new CompoundFile(std::move(handles)));
  const int children = std::min(gsf_infile_num_children(file->handles_->ole.get()), k_max_entries);
  for (int i = 0; i < children; ++i) {
    const char* name = gsf_infile_name_by_index(file->handles_->ole.get(), i);
    if (name != nullptr) file->names_.emplace_back(name);
  }
  return file;
}

bool CompoundFile::has(std::string_view name) const {
  return std::find(names_.begin(), names_.end(), name) != names_.end();
}

StreamStatus CompoundFile::read(const std::string& name, std::size_t max_bytes,
                                std::string& out) const {
  out.clear();
  if (!has(name)) return StreamStatus::missing;
  std::unique_ptr<GsfInput, Unref<GsfInput>> stream(
      gsf_infile_child_by_name(handles_->ole.get(), name.c_str()));
  if (!stream) return StreamStatus::unreadable;
  const gsf_off_t size = gsf_input_size(stream.get());
  if (size < 0) return StreamStatus::unreadable;
  if (static_cast<std::uint64_t>(size) > max_bytes) return StreamStatus::too_large;
  out.resize(static_cast<std::size_t>(size));
  if (size == 0) return StreamStatus::ok;
  // Read in slices: libgsf follows the sector chain as it goes, and a chain that ends early or
  // loops makes a read fail instead of returning bytes it does not have.
  constexpr std::size_t k_slice = 1u << 16;
  for (std::size_t at = 0; at < out.size(); at += k_slice) {
    const std::size_t n = std::min(k_slice, out.size() - at);
    if (gsf_input_read(stream.get(), n, reinterpret_cast<guint8*>(out.data() + at)) == nullptr) {
      out.clear();
      return StreamStatus::unreadable;
    }
  }
  return StreamStatus::ok;
}

}  // namespace nianbao::readers::doc
