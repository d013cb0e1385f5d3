// A plain program around a harness's LLVMFuzzerTestOneInput (built with any compiler, no
// libFuzzer): feeds it every file named on the command line or found below a named directory,
// in sorted order. ctest runs it over each harness's seeds and regression inputs, so a crash
// that fuzzing once found stays fixed in the normal (g++, ASan) build.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> files_below(const fs::path& root) {
  std::vector<fs::path> files;
  if (fs::is_regular_file(root)) {
    files.push_back(root);
  } else if (fs::is_directory(root)) {
    for (const auto& entry : fs::recursive_directory_iterator(root))
      if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t replayed = 0;
  for (int k = 1; k < argc; ++k) {
    // A harness without regressions has no directory for them (git keeps no empty folders).
    if (!fs::exists(argv[k])) {
      std::printf("replay: %s does not exist, nothing to replay there\n", argv[k]);
      continue;
    }
    for (const fs::path& file : files_below(argv[k])) {
      const std::string bytes = read_all(file);
      std::printf("replay: %s (%zu bytes)\n", file.c_str(), bytes.size());
      std::fflush(stdout);
      LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
      ++replayed;
    }
  }
  std::printf("replay: %zu inputs, no crash\n", replayed);
  // Nothing replayed means the seeds were not made: a test that checked nothing fails.
  return replayed > 0 ? 0 : 1;
}
