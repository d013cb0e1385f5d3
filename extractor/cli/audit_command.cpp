// `nianbao audit RECORDS...`: the checks across reports and years (docs/AUDIT.md) over records
// that `nianbao extract` wrote, as NDJSON or into its database (--db: SQLite or PostgreSQL).
#include <boost/program_options.hpp>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "extractor/audit/audit.hpp"
#include "extractor/audit/db_records.hpp"
#include "extractor/audit/html_page.hpp"
#include "extractor/audit/outputs.hpp"
#include "extractor/cli/commands.hpp"

namespace po = boost::program_options;

namespace nianbao::cli {
namespace {

constexpr const char* k_audit_usage = "Usage: nianbao audit [options] RECORDS...\n";

struct AuditOptions {
  std::vector<std::string> files;
  std::string output;
  std::string csv;
  std::string html;
  bool all = false;
  bool quiet = false;
};

// One RECORDS argument: a PostgreSQL database (by its URI), an SQLite database (by its file
// header, whatever its name) or NDJSON records. False when it cannot be opened at all; what
// could not be read inside it lands in read.problems.
bool read_input(const std::string& input, audit::ReadResult& read) {
  if (audit::is_postgres_input(input)) {
    audit::read_postgres_records(input, read);
    return true;
  }
  std::ifstream in(input, std::ios::binary);
  if (!in) {
    std::cerr << "nianbao audit: cannot read " << input << "\n";
    return false;
  }
  if (audit::has_sqlite_header(in)) {
    in.close();
    audit::read_sqlite_records(input, read);
    return true;
  }
  audit::read_records(in, input, read);
  return true;
}

// Reads every input; false when some input could not be read as records.
bool read_inputs(const std::vector<std::string>& inputs, audit::ReadResult& read) {
  bool ok = true;
  for (const std::string& input : inputs) ok = read_input(input, read) && ok;
  for (const audit::ReadProblem& p : read.problems)
    std::cerr << "nianbao audit: " << p.origin << ": " << p.message << "\n";
  return ok && read.problems.empty();
}

// Opens `path` for writing; false (with a message) when it cannot be.
bool open_output(const std::string& path, std::ofstream& file) {
  file.open(path, std::ios::binary);
  if (!file) std::cerr << "nianbao audit: cannot write " << path << "\n";
  return static_cast<bool>(file);
}

int parse_options(int argc, const char* const* argv, AuditOptions& options) {
  po::options_description visible("Options");
  visible.add_options()("help,h", "show this help")(
      "output,o", po::value<std::string>(&options.output),
      "write findings as NDJSON to this file (default: standard output)")(
      "csv", po::value<std::string>(&options.csv), "also write findings as CSV to this file")(
      "html", po::value<std::string>(&options.html), "also write the HTML audit page to this file")(
      "all", po::bool_switch(&options.all), "list passes and unassessable checks too")(
      "quiet,q", po::bool_switch(&options.quiet), "no summary on standard error");
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
    std::cerr << "nianbao audit: " << e.what() << "\n" << k_audit_usage << visible;
    return 2;
  }
  if (vm.count("help")) {
    std::cout << k_audit_usage
              << "Reads report records, matches reports to agencies across years and writes the\n"
                 "findings of the audit rules (docs/AUDIT.md) as NDJSON; a summary goes to\n"
                 "standard error. Each of RECORDS is one of (kinds may be mixed):\n"
                 "  an NDJSON file from `nianbao extract --ndjson` (or one JSON record per file)\n"
                 "  an SQLite file written by `nianbao extract --db FILE` (known by its header)\n"
                 "  a PostgreSQL database written by `nianbao extract --db postgresql://...`\n"
                 "Exit status: 0 every input read as records, 1 some input (or some line of one)\n"
                 "was not (the rest is still audited), 2 usage error or unwritable output.\n\n"
              << visible;
    return 0;
  }
  if (options.files.empty()) {
    std::cerr << "nianbao audit: no records given\n" << k_audit_usage << visible;
    return 2;
  }
  return -1;
}

}  // namespace

int run_audit_command(int argc, const char* const* argv) {
  AuditOptions options;
  if (const int status = parse_options(argc, argv, options); status >= 0) return status;
  std::ofstream ndjson_file, csv_file, html_file;
  if ((!options.output.empty() && !open_output(options.output, ndjson_file)) ||
      (!options.csv.empty() && !open_output(options.csv, csv_file)) ||
      (!options.html.empty() && !open_output(options.html, html_file)))
    return 2;
  audit::ReadResult read;
  const bool all_read = read_inputs(options.files, read);
  const audit::RuleSet& rules = audit::builtin_rules();
  const audit::AuditResult result = audit::run_audit(read.records, rules);
  std::vector<audit::Finding> listed;
  for (const audit::Finding& f : result.results)
    if (options.all || audit::is_problem(f)) listed.push_back(f);
  audit::write_findings_ndjson(options.output.empty() ? std::cout : ndjson_file, listed);
  if (csv_file.is_open()) audit::write_findings_csv(csv_file, listed);
  if (html_file.is_open()) audit::write_html_page(html_file, read.records, result, listed, rules);
  if (!options.quiet) audit::write_summary(std::cerr, result, read.records.size(), rules);
  return all_read ? 0 : 1;
}

}  // namespace nianbao::cli
