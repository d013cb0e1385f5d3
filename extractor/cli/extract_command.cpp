// `nianbao extract FILE...`: one record per input, in the order given.
#include <boost/program_options.hpp>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "extractor/cli/commands.hpp"
#include "extractor/output/record_json.hpp"
#include "extractor/pipeline/extract.hpp"

namespace po = boost::program_options;

namespace nianbao::cli {
namespace {

constexpr const char* k_extract_usage = "Usage: nianbao extract [options] FILE...\n";

struct ExtractOptions {
  std::vector<std::string> files;
  std::string output;
  bool pretty = false;
  bool ndjson = false;
};

}  // namespace

int run_extract_command(int argc, const char* const* argv) {
  ExtractOptions options;
  po::options_description visible("Options");
  visible.add_options()("help,h", "show this help")(
      "output,o", po::value<std::string>(&options.output), "write records to this file")(
      "pretty", po::bool_switch(&options.pretty), "pretty-print even for several inputs")(
      "ndjson", po::bool_switch(&options.ndjson), "one record a line even for one input");
  po::options_description hidden;
  hidden.add_options()("file", po::value<std::vector<std::string>>(&options.files));
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("file", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "nianbao extract: " << e.what() << "\n" << k_extract_usage << visible;
    return 2;
  }
  if (vm.count("help")) {
    std::cout << k_extract_usage
              << "Reads each FILE (plain text, .docx or HTML, chosen by content) and writes one\n"
                 "JSON record per input (schema nianbao.report/1).\n\n"
              << visible;
    return 0;
  }
  if (options.files.empty()) {
    std::cerr << "nianbao extract: no input file\n" << k_extract_usage << visible;
    return 2;
  }
  if (options.pretty && options.ndjson) {
    std::cerr << "nianbao extract: --pretty and --ndjson exclude each other\n";
    return 2;
  }
  std::ofstream file;
  if (!options.output.empty()) {
    file.open(options.output, std::ios::binary);
    if (!file) {
      std::cerr << "nianbao extract: cannot write " << options.output << "\n";
      return 2;
    }
  }
  std::ostream& out = options.output.empty() ? std::cout : file;
  const bool pretty = options.pretty || (options.files.size() == 1 && !options.ndjson);
  bool any_failed = false;
  std::string buffer;
  for (const std::string& path : options.files) {
    const model::Record record = pipeline::extract_file(path);
    any_failed = any_failed || record.status == model::RecordStatus::failed;
    buffer.clear();
    output::append_record_json(record, buffer, pretty);
    buffer.push_back('\n');
    out << buffer;
  }
  out.flush();
  return any_failed ? 1 : 0;
}

}  // namespace nianbao::cli
