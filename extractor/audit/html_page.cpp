#include "extractor/audit/html_page.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "extractor/audit/outputs.hpp"

namespace nianbao::audit {
namespace {

std::string escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

// A count for drawing: chart geometry needs whole numbers, and only the pixel positions are
// computed from them (the values shown are the exact decimals). Non-integers and negatives are
// not drawn.
std::optional<long long> count_of(const std::optional<norm::Decimal>& d) {
  if (!d || d->is_negative() || !d->is_integer()) return std::nullopt;
  const norm::Decimal t = d->trimmed();
  if (t.scale() != 0 || t.mantissa() > 1000000000000) return std::nullopt;
  return static_cast<long long>(t.mantissa());
}

struct Outcome {
  const char* name;
  const char* prefix;  // figure-id prefix of the rows summed (requests.<prefix>…total)
  const char* colour;
};

constexpr std::array<Outcome, 6> k_outcomes = {{{"予以公开", "granted", "#2e7d32"},
                                                {"部分公开", "partially_granted", "#7cb342"},
                                                {"不予公开", "denied_", "#c62828"},
                                                {"无法提供", "unavailable_", "#ef6c00"},
                                                {"不予处理", "unprocessed_", "#6a1b9a"},
                                                {"其他处理", "other", "#757575"}}};

long long outcome_total(const AuditRecord& r, const Outcome& o) {
  long long sum = 0;
  for (const auto& [id, fig] : r.figures) {
    if (!id.starts_with("requests.") || !id.ends_with(".total")) continue;
    const std::string row = id.substr(9, id.size() - 9 - 6);
    const std::string prefix = o.prefix;
    const bool whole_row = prefix.back() != '_' && prefix != "other";
    if (whole_row ? row != prefix : !row.starts_with(prefix)) continue;
    sum += count_of(fig.value).value_or(0);
  }
  return sum;
}

struct YearBar {
  int year;
  std::optional<long long> received;
  std::array<long long, k_outcomes.size()> outcomes{};
};

std::vector<YearBar> bars_of(const std::vector<AuditRecord>& records, const AgencySeries& s) {
  std::vector<YearBar> bars;
  for (const auto& [year, index] : s.by_year) {
    YearBar bar{year, count_of(records[index].value("requests.received.total")), {}};
    for (std::size_t i = 0; i < k_outcomes.size(); ++i)
      bar.outcomes[i] = outcome_total(records[index], k_outcomes[i]);
    bars.push_back(bar);
  }
  return bars;
}

long long scale_of(const std::vector<YearBar>& bars) {
  long long top = 1;
  for (const YearBar& b : bars) {
    long long stacked = 0;
    for (long long v : b.outcomes) stacked += v;
    top = std::max({top, stacked, b.received.value_or(0)});
  }
  return top;
}

constexpr long long k_plot_top = 20;
constexpr long long k_plot_height = 160;
constexpr long long k_left = 50;
constexpr long long k_step = 70;

long long y_of(long long value, long long top) {
  return k_plot_top + k_plot_height - value * k_plot_height / top;
}

void draw_bar(std::string& svg, const YearBar& b, long long x, long long top) {
  long long base = 0;
  for (std::size_t i = 0; i < k_outcomes.size(); ++i) {
    const long long v = b.outcomes[i];
    if (v == 0) continue;
    const long long y1 = y_of(base + v, top);
    const long long y0 = y_of(base, top);
    svg += "<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y1) +
           "\" width=\"30\" height=\"" + std::to_string(y0 - y1) + "\" fill=\"" +
           k_outcomes[i].colour + "\"><title>" + std::to_string(b.year) + " " + k_outcomes[i].name +
           " " + std::to_string(v) + "</title></rect>";
    base += v;
  }
  svg += "<text x=\"" + std::to_string(x + 15) + "\" y=\"198\" text-anchor=\"middle\">" +
         std::to_string(b.year) + "</text>";
}

void draw_received(std::string& svg, const std::vector<YearBar>& bars, long long top) {
  std::string points;
  for (std::size_t i = 0; i < bars.size(); ++i) {
    if (!bars[i].received) continue;
    const long long x = k_left + static_cast<long long>(i) * k_step + 15;
    const long long y = y_of(*bars[i].received, top);
    points += std::to_string(x) + "," + std::to_string(y) + " ";
    svg += "<circle cx=\"" + std::to_string(x) + "\" cy=\"" + std::to_string(y) +
           "\" r=\"4\" fill=\"#1565c0\"><title>" + std::to_string(bars[i].year) + " 本年新收 " +
           std::to_string(*bars[i].received) + "</title></circle>";
  }
  svg +=
      "<polyline points=\"" + points + "\" fill=\"none\" stroke=\"#1565c0\" stroke-width=\"2\"/>";
}

void draw_legend(std::string& svg, long long x) {
  long long y = 20;
  svg += "<g font-size=\"11\"><circle cx=\"" + std::to_string(x + 5) + "\" cy=\"" +
         std::to_string(y - 4) + "\" r=\"4\" fill=\"#1565c0\"/><text x=\"" +
         std::to_string(x + 14) + "\" y=\"" + std::to_string(y) + "\">本年新收</text>";
  for (const Outcome& o : k_outcomes) {
    y += 16;
    svg += "<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y - 10) +
           "\" width=\"10\" height=\"10\" fill=\"" + o.colour + "\"/><text x=\"" +
           std::to_string(x + 14) + "\" y=\"" + std::to_string(y) + "\">" + o.name + "</text>";
  }
  svg += "</g>";
}

void write_rule_table(std::ostream& out, const AuditResult& result, const RuleSet& rules) {
  std::map<std::string, std::map<std::string, int>> counts;
  for (const Finding& f : result.results) ++counts[f.rule_id][f.status];
  out << "<table class=\"rules\"><thead><tr><th>rule</th><th>name</th><th>severity</th>"
         "<th>fail</th><th>flag</th><th>pass</th><th>not assessable</th><th>meaning</th></tr>"
         "</thead><tbody>\n";
  for (const Rule& r : rules.rules) {
    auto& c = counts[r.id];
    out << "<tr><td>" << escape(r.id) << "</td><td>" << escape(r.name) << "</td><td>"
        << escape(r.severity) << "</td><td>" << c["fail"] << "</td><td>" << c["flag"] << "</td><td>"
        << c["pass"] << "</td><td>" << c["not_assessable"] << "</td><td>" << escape(r.meaning)
        << "</td></tr>\n";
  }
  out << "</tbody></table>\n";
}

void write_findings_table(std::ostream& out, const std::vector<Finding>& listed) {
  out << "<p><input id=\"filter\" placeholder=\"filter: agency, rule, year…\"> "
         "<select id=\"severity\"><option value=\"\">every severity</option>"
         "<option>error</option><option>warning</option><option>info</option></select> "
         "<span id=\"shown\"></span></p>\n"
         "<table id=\"findings\"><thead><tr><th>agency</th><th>year</th><th>rule</th>"
         "<th>name</th><th>severity</th><th>status</th><th>scope</th><th>left</th>"
         "<th>right</th><th>values</th><th>report</th><th>where</th><th>last year's report</th>"
         "<th>where</th><th>message</th>"
         "</tr></thead><tbody>\n";
  for (const Finding& f : listed) {
    const std::string year = f.year ? std::to_string(*f.year) : "";
    out << "<tr class=\"finding sev-" << escape(f.severity) << "\" data-rule=\""
        << escape(f.rule_id) << "\" data-severity=\"" << escape(f.severity) << "\" data-year=\""
        << year << "\" data-scope=\"" << escape(f.scope) << "\"><td>" << escape(f.agency)
        << "</td><td>" << year << "</td><td>" << escape(f.rule_id) << "</td><td>"
        << escape(f.rule_name) << "</td><td>" << escape(f.severity) << "</td><td>"
        << escape(f.status) << "</td><td>" << escape(f.scope) << "</td><td>"
        << (f.left ? f.left->to_string() : "") << "</td><td>"
        << (f.right ? f.right->to_string() : "") << "</td><td>" << escape(values_text(f))
        << "</td><td>" << escape(f.report) << "</td><td>" << escape(describe_where(f.where))
        << "</td><td>" << escape(f.prior_report) << "</td><td>"
        << escape(describe_where(f.prior_where)) << "</td><td>" << escape(f.message)
        << "</td></tr>\n";
  }
  out << "</tbody></table>\n";
}

// Sorting (click a header; numbers compare as numbers) and filtering, inline.
constexpr const char* k_script = R"JS(
(function () {
  var table = document.getElementById('findings');
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var filter = document.getElementById('filter');
  var severity = document.getElementById('severity');
  var shown = document.getElementById('shown');
  function apply() {
    var words = filter.value.toLowerCase();
    var count = 0;
    rows.forEach(function (row) {
      var visible = row.textContent.toLowerCase().indexOf(words) >= 0 &&
        (!severity.value || row.dataset.severity === severity.value);
      row.style.display = visible ? '' : 'none';
      if (visible) count++;
    });
    shown.textContent = count + ' of ' + rows.length + ' findings shown';
  }
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
    th.addEventListener('click', function () {
      var up = th.dataset.order !== 'up';
      th.dataset.order = up ? 'up' : 'down';
      rows.sort(function (a, b) {
        var x = a.cells[column].textContent, y = b.cells[column].textContent;
        var nx = Number(x), ny = Number(y);
        var c = (x !== '' && y !== '' && !isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
        return up ? c : -c;
      });
      rows.forEach(function (row) { table.tBodies[0].appendChild(row); });
    });
  });
  // A link may carry a filter: audit.html#T3-5 opens the page showing T3-5 findings only.
  if (location.hash.length > 1) filter.value = decodeURIComponent(location.hash.slice(1));
  filter.addEventListener('input', apply);
  severity.addEventListener('change', apply);
  apply();
  document.body.dataset.ready = 'yes';
})();
)JS";

constexpr const char* k_style =
    "body{font-family:sans-serif;margin:1.5em;color:#222}"
    "table{border-collapse:collapse;font-size:13px;margin-bottom:1em}"
    "th,td{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}"
    "#findings td{max-width:24em;overflow-wrap:anywhere}"
    "#findings th{cursor:pointer;background:#eef}"
    "tr.sev-error td{background:#fdecea}tr.sev-warning td{background:#fff8e1}"
    ".charts{display:flex;flex-wrap:wrap;gap:1.5em}.chart h3{font-size:14px;margin:0.3em 0}"
    "svg text{font-size:11px}";

// The agency's current name, and its earlier names in brackets (a renamed agency).
std::string names_of(const std::vector<AuditRecord>& records, const AgencySeries& s,
                     const std::string& latest) {
  std::string former;
  for (const auto& [year, index] : s.by_year) {
    const std::string& name = records[index].agency;
    if (name == latest || former.find(name) != std::string::npos) continue;
    former += (former.empty() ? "" : "、") + name;
  }
  return former.empty() ? latest : latest + "（曾用名 " + former + "）";
}

}  // namespace

std::string agency_chart_svg(const std::vector<AuditRecord>& records, const AgencySeries& series) {
  const std::vector<YearBar> bars = bars_of(records, series);
  const long long top = scale_of(bars);
  const long long plot_width = k_left + static_cast<long long>(bars.size()) * k_step;
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
                    std::to_string(plot_width + 110) + "\" height=\"210\" role=\"img\">";
  svg += "<line x1=\"" + std::to_string(k_left - 10) + "\" y1=\"180\" x2=\"" +
         std::to_string(plot_width) + "\" y2=\"180\" stroke=\"#999\"/>";
  svg += "<text x=\"" + std::to_string(k_left - 14) + "\" y=\"24\" text-anchor=\"end\">" +
         std::to_string(top) + "</text><text x=\"" + std::to_string(k_left - 14) +
         "\" y=\"184\" text-anchor=\"end\">0</text>";
  for (std::size_t i = 0; i < bars.size(); ++i)
    draw_bar(svg, bars[i], k_left + static_cast<long long>(i) * k_step, top);
  draw_received(svg, bars, top);
  draw_legend(svg, plot_width + 10);
  return svg + "</svg>";
}

void write_html_page(std::ostream& out, const std::vector<AuditRecord>& records,
                     const AuditResult& result, const std::vector<Finding>& listed,
                     const RuleSet& rules) {
  out << "<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\">"
         "<title>nianbao audit</title><style>"
      << k_style << "</style></head>\n<body data-ready=\"no\">\n<h1>nianbao audit</h1>\n<p>"
      << records.size() << " records, " << result.agencies.series.size() << " agencies, "
      << listed.size() << " findings listed.</p>\n<h2>Rules</h2>\n";
  write_rule_table(out, result, rules);
  out << "<h2>Findings</h2>\n";
  write_findings_table(out, listed);
  out << "<h2>Requests per agency and year</h2>\n<p>Bars: outcomes of the year's requests "
         "(table 三, 总计 column); line: requests received.</p>\n<div class=\"charts\">\n";
  for (const AgencySeries& s : result.agencies.series) {
    if (s.by_year.empty()) continue;
    const AuditRecord& latest = records[s.by_year.rbegin()->second];
    out << "<div class=\"chart\" data-agency=\"" << escape(s.key) << "\"><h3>"
        << escape(names_of(records, s, latest.agency)) << "</h3>" << agency_chart_svg(records, s)
        << "</div>\n";
  }
  out << "</div>\n<script>" << k_script << "</script>\n</body></html>\n";
}

}  // namespace nianbao::audit
