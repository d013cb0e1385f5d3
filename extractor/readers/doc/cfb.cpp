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
  std::unique_ptr<GsfInput, Unref<GsfInput>> input;
  std::unique_ptr<GsfInfile, Unref<GsfInfile>> ole;
};

CompoundFile::CompoundFile(std::unique_ptr<Handles> handles) : handles_(std::move(handles)) {}

CompoundFile::~CompoundFile() = default;

std::unique_ptr<CompoundFile> CompoundFile::open(std::string_view bytes, std::string& why) {
  initialise_once();
  auto handles = std::make_unique<Handles>();
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
