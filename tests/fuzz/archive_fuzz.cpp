// The bulk run's archive input: a file sniffed as zip, tar or a compressed stream, its members
// read in place by libarchive (every filter it has, zip, tar, gnutar and raw). The bytes are
// written to a file of this process's own (the code under test opens archives by name) and
// handed to for_each_input exactly as a command-line argument would be.
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "extractor/bulk/inputs.hpp"
#include "extractor/readers/reader.hpp"
#include "fuzz_checks.hpp"

namespace {

// One file per process, removed when the process ends normally.
class ScratchFile {
 public:
  ScratchFile()
      : path_(std::filesystem::temp_directory_path() /
              ("nianbao-fuzz-archive-" + std::to_string(getpid()) + ".zip")) {}
  ~ScratchFile() {
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;

  const std::string& write(std::string_view bytes) {
    std::ofstream out(path_, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) nianbao::fuzz::broken("archive harness: cannot write its scratch file");
    return path_.native();
  }

 private:
  std::filesystem::path path_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nianbao;
  static ScratchFile scratch;
  const std::string& path = scratch.write(fuzz::as_view(data, size));

  const bulk::PathFilter filter({}, {"*.json", "skip/*"});
  std::istringstream no_stdin;
  bulk::for_each_input({path}, filter, no_stdin, [&](bulk::Input&& in) {
    fuzz::require(in.path.starts_with(path), "an input is named after its archive");
    switch (in.kind) {
      case bulk::Input::Kind::failed:
        fuzz::require(!in.code.empty() && !in.message.empty(), "a failed input says why");
        break;
      case bulk::Input::Kind::bytes:
        fuzz::require(in.path.starts_with(path + "!/"), "a member is named archive!/member");
        (void)readers::detect_format(in.bytes, in.path);
        break;
      case bulk::Input::Kind::file:
        fuzz::require(in.path == path, "a report file is the file itself");
        break;
    }
    return true;
  });
  return 0;
}
