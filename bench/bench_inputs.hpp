#pragma once
// The documents a benchmark reads, loaded once before timing: each with a short name for the
// benchmark's label, its path and its bytes.

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace nianbao::bench {

struct Input {
  std::string name;
  std::filesystem::path path;
  std::string bytes;
};

inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline Input input_of(const std::filesystem::path& path) {
  return {path.stem().string(), path, slurp(path)};
}

}  // namespace nianbao::bench
