#include "extractor/layout/tokens.hpp"

#include <algorithm>

#include "normalizers/cell_value.hpp"
#include "normalizers/labels.hpp"

namespace nianbao::layout {
namespace {

// ASCII white space within a line (a line break ends the line before this is asked).
bool is_ascii_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

// White space as it appears in reports: ASCII, NBSP, ideographic space (U+3000), BOM. Every
// byte of a line may be asked, so the first byte decides before any sequence is compared.
bool starts_with_space(std::string_view s, std::size_t& width) {
  if (s.empty()) return false;
  const auto byte_at = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  if (is_ascii_space(byte_at(0))) {
    width = 1;
    return true;
  }
  switch (byte_at(0)) {
    case 0xC2:  // U+00A0
      if (s.size() < 2 || byte_at(1) != 0xA0) return false;
      width = 2;
      return true;
    case 0xE3:  // U+3000
      if (s.size() < 3 || byte_at(1) != 0x80 || byte_at(2) != 0x80) return false;
      width = 3;
      return true;
    case 0xEF:  // U+FEFF
      if (s.size() < 3 || byte_at(1) != 0xBB || byte_at(2) != 0xBF) return false;
      width = 3;
      return true;
    default:
      return false;
  }
}

// As starts_with_space at the other end (a BOM is not trailing white space).
bool ends_with_space(std::string_view s, std::size_t& width) {
  if (s.empty()) return false;
  const std::size_t n = s.size();
  const auto byte_at = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  if (is_ascii_space(byte_at(n - 1))) {
    width = 1;
    return true;
  }
  switch (byte_at(n - 1)) {
    case 0xA0:  // U+00A0
      if (n < 2 || byte_at(n - 2) != 0xC2) return false;
      width = 2;
      return true;
    case 0x80:  // U+3000
      if (n < 3 || byte_at(n - 2) != 0x80 || byte_at(n - 3) != 0xE3) return false;
      width = 3;
      return true;
    default:
      return false;
  }
}

// Trims white space; returns the number of bytes dropped at the front through `front`.
std::string_view trim(std::string_view s, std::size_t* front = nullptr) {
  std::size_t dropped = 0;
  std::size_t w = 0;
  while (starts_with_space(s, w)) {
    s.remove_prefix(w);
    dropped += w;
  }
  while (ends_with_space(s, w)) s.remove_suffix(w);
  if (front != nullptr) *front = dropped;
  return s;
}

int code_points(std::string_view s) { return norm::code_point_count(s); }

// Template labels are short (the longest, with a provincial note, is well under this); longer
// label tokens are prose and are not normalised, which keeps tokenising cheap.
constexpr int k_longest_label = 100;

norm::Label match_key(std::string_view text) {
  // A text of at most k_longest_label bytes has at most that many code points: not counted.
  if (text.size() > k_longest_label && code_points(text) > k_longest_label) return {};
  return norm::normalize_label(text);
}

constexpr std::string_view k_page_dashes[] = {"-", "—", "－", "–"};

// Page furniture that pdftotext and flipbooks leave inside tables: "-3-", "— 4 —", "第 3 页",
// "3/12". It is not a cell.
bool is_page_furniture(std::string_view text) {
  // Every line passes here and nearly none starts with a dash: say so before copying it.
  const std::size_t first = text.find_first_not_of(' ');
  if (first == std::string_view::npos) return false;
  // '-', or the first byte of the UTF-8 of "—", "–" (0xE2) and "－" (0xEF).
  if (text[first] != '-' && text[first] != '\xE2' && text[first] != '\xEF') return false;
  const std::string_view from_first = text.substr(first);
  const bool starts_with_dash =
      std::any_of(std::begin(k_page_dashes), std::end(k_page_dashes),
                  [&](std::string_view dash) { return from_first.starts_with(dash); });
  if (!starts_with_dash) return false;
  std::string compact;
  for (char c : text)
    if (c != ' ') compact.push_back(c);
  auto strip = [&](std::string_view dash) {
    if (compact.rfind(dash, 0) == 0 && compact.size() > 2 * dash.size() &&
        compact.substr(compact.size() - dash.size()) == dash) {
      compact = compact.substr(dash.size(), compact.size() - 2 * dash.size());
      return true;
    }
    return false;
  };
  const bool dashed = std::any_of(std::begin(k_page_dashes), std::end(k_page_dashes), strip);
  if (!dashed) return false;
  return !compact.empty() &&
         std::all_of(compact.begin(), compact.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The pieces of one pipe line; kept across lines so that its buffer is allocated once.
struct Piece {
  std::string_view text;
  std::size_t offset;
};

struct LineContext {
  const model::Paragraph& paragraph;
  std::vector<Token>& out;
  bool& pending_row_start;
  std::vector<Piece>& pieces;
  // Code points before byte `counted_bytes` of the line: tokens of a line come left to right,
  // so each token's column is counted on from the one before instead of from the line start.
  std::size_t counted_bytes = 0;
  int counted_code_points = 0;
};

// The 1-based column (in code points) of byte `offset` of the line.
int column_at(LineContext& ctx, std::size_t offset) {
  const std::string_view line = ctx.paragraph.text;
  if (offset < ctx.counted_bytes) {
    ctx.counted_bytes = 0;
    ctx.counted_code_points = 0;
  }
  ctx.counted_code_points +=
      code_points(line.substr(ctx.counted_bytes, offset - ctx.counted_bytes));
  ctx.counted_bytes = offset;
  return 1 + ctx.counted_code_points;
}

// The token is built in place: a token holds four strings, and moving it into the vector
// cost as much as filling it.
void push(LineContext& ctx, TokenKind kind, std::string_view text, std::size_t offset) {
  Token& token = ctx.out.emplace_back();
  token.kind = kind;
  token.text.assign(text);
  const model::Locator& line = ctx.paragraph.locator;
  token.locator = line;
  token.locator.column = column_at(ctx, offset);
  if (line.byte_offset) token.locator.byte_offset = *line.byte_offset + offset;
  token.row_start = ctx.pending_row_start;
  if (kind == TokenKind::label) token.key = match_key(text);
  ctx.pending_row_start = false;
}

// "a | b | c |", "| a | b |", "a |", "|", "||": cells separated by '|'. Empty pieces between
// filled ones are empty cells; trailing empty pieces are merge padding.
// `body` is the line trimmed, `front` the bytes trimmed before it.
void tokenize_pipe_line(LineContext& ctx, std::string_view line, std::string_view body,
                        std::size_t front) {
  const bool only_pipes = std::all_of(body.begin(), body.end(),
                                      [](char c) { return c == '|' || c == ' ' || c == '\t'; });
  if (only_pipes) {
    const auto pipes = std::count(body.begin(), body.end(), '|');
    push(ctx, pipes == 1 ? TokenKind::empty_cell : TokenKind::padding, "", front);
    ctx.out.back().lone_pipe_cell = pipes == 1;
    return;
  }
  std::vector<Piece>& pieces = ctx.pieces;
  pieces.clear();
  for (std::size_t start = 0;;) {
    const std::size_t end = std::min(line.find('|', start), line.size());
    std::size_t lead = 0;
    const std::string_view piece = trim(line.substr(start, end - start), &lead);
    pieces.push_back({piece, start + lead});
    if (end == line.size()) break;
    start = end + 1;
  }
  // A leading '|' opens the row (Markdown style); it is not an empty first cell.
  if (!pieces.empty() && pieces.front().text.empty() && body.front() == '|')
    pieces.erase(pieces.begin());
  std::size_t last_filled = 0;
  bool any_filled = false;
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    if (!pieces[k].text.empty()) {
      last_filled = k;
      any_filled = true;
    }
  }
  if (!any_filled) return;
  // Markdown separator rows such as |---|:--:|.
  const bool separator_row = std::all_of(pieces.begin(), pieces.end(), [](const Piece& p) {
    return std::all_of(p.text.begin(), p.text.end(), [](char c) { return c == '-' || c == ':'; });
  });
  if (separator_row) return;
  const std::size_t filled = static_cast<std::size_t>(
      std::count_if(pieces.begin(), pieces.end(), [](const Piece& p) { return !p.text.empty(); }));
  if (filled > 1) ctx.pending_row_start = true;  // a whole table row on one line
  for (std::size_t k = 0; k <= last_filled; ++k) {
    const Piece& piece = pieces[k];
    push(ctx, piece.text.empty() ? TokenKind::empty_cell : classify_cell_text(piece.text),
         piece.text, piece.offset);
  }
  if (last_filled == 0) ctx.out.back().lone_pipe_cell = true;
}

// VARIATIONS A.3: a page copy that gives one cell a line closed by " |" and opens every table
// row with a lone "|" line. That line is no cell; read as one, it would be an empty cell at the
// end of the row before. It is told apart only by being there before every row: each label
// that follows a row's cells (a value, an empty cell or merge padding) stands right after a
// lone "|" line. Then those lines are dropped and the label starts the row.
constexpr std::size_t k_min_rows_for_openers = 4;

bool follows_cells(const Token& t) {
  return t.kind == TokenKind::value || t.kind == TokenKind::empty_cell ||
         t.kind == TokenKind::padding;
}

bool is_row_opener(const std::vector<Token>& tokens, std::size_t i) {
  const Token& bar = tokens[i - 1];
  return bar.kind == TokenKind::empty_cell && bar.lone_pipe_cell && bar.locator.line &&
         tokens[i].locator.line && *bar.locator.line + 1 == *tokens[i].locator.line;
}

void drop_row_opening_bars(std::vector<Token>& tokens) {
  std::vector<std::size_t> openers;
  for (std::size_t i = 1; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.kind != TokenKind::label || !t.lone_pipe_cell || !follows_cells(tokens[i - 1])) continue;
    if (!is_row_opener(tokens, i)) return;  // a row opened without one: no such flattening
    openers.push_back(i - 1);
  }
  if (openers.size() < k_min_rows_for_openers) return;
  std::vector<bool> drop(tokens.size(), false);
  for (std::size_t opener : openers) {
    drop[opener] = true;
    tokens[opener + 1].row_start = true;
  }
  std::size_t kept = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i)
    if (!drop[i]) tokens[kept++] = std::move(tokens[i]);
  tokens.resize(kept);
}

// Column gaps of pdftotext -layout output: two or more spaces, a tab or an ideographic space
// between cells (a single space may sit inside a cell: "商业 企业").
std::vector<std::pair<std::string_view, std::size_t>> split_on_wide_gaps(std::string_view text,
                                                                         std::size_t base) {
  std::vector<std::pair<std::string_view, std::size_t>> pieces;
  std::size_t start = 0;
  std::size_t i = 0;
  auto close_piece = [&](std::size_t end) {
    std::size_t lead = 0;
    const std::string_view piece = trim(text.substr(start, end - start), &lead);
    if (!piece.empty()) pieces.emplace_back(piece, base + start + lead);
  };
  while (i < text.size()) {
    std::size_t gap = 0;
    std::size_t w = 0;
    std::size_t j = i;
    int spaces = 0;
    bool wide = false;
    while (j < text.size() && starts_with_space(text.substr(j), w)) {
      if (text[j] == '\t' || w == 3) wide = true;
      ++spaces;
      j += w;
      gap += w;
    }
    if (gap > 0 && (wide || spaces >= 2)) {
      close_piece(i);
      start = j;
      i = j;
    } else {
      i = gap > 0 ? j : i + 1;
    }
  }
  close_piece(text.size());
  return pieces;
}

// Labels of one physical row, split at column gaps when every piece is short enough to be a
// cell ("三、本年度办理结果   （一）予以公开"); otherwise the line stays one label.
constexpr int k_longest_cell = 40;

void push_labels(LineContext& ctx, std::string_view text, std::size_t offset) {
  const auto pieces = split_on_wide_gaps(text, offset);
  const bool cells =
      pieces.size() > 1 && std::all_of(pieces.begin(), pieces.end(), [](const auto& p) {
        return code_points(p.first) <= k_longest_cell;
      });
  if (!cells) {
    push(ctx, TokenKind::label, text, offset);
    return;
  }
  for (const auto& [piece, at] : pieces) push(ctx, classify_cell_text(piece), piece, at);
}

// A comma outside parentheses marks a sentence; inside them it belongs to a label's note
// ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）").
bool has_comma_outside_parentheses(std::string_view text) {
  int depth = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::string_view rest = text.substr(i);
    if (rest.starts_with("（") || rest.starts_with("(")) ++depth;
    if ((rest.starts_with("）") || rest.starts_with(")")) && depth > 0) --depth;
    if (depth == 0 && (rest.starts_with("，") || rest.starts_with(","))) return true;
  }
  return false;
}

// Splits "label 1 0 0 3 4" or "0 0 0 0" (flipbook and pdftotext -layout rows) into a label and
// value tokens. Returns false when the line is not of that shape.
bool tokenize_spaced_values(LineContext& ctx, std::string_view line) {
  struct Word {
    std::string_view text;
    std::size_t offset;
  };
  std::vector<Word> words;
  std::size_t i = 0;
  while (i < line.size()) {
    std::size_t w = 0;
    if (starts_with_space(line.substr(i), w)) {
      i += w;
      continue;
    }
    std::size_t j = i;
    while (j < line.size() && !starts_with_space(line.substr(j), w)) ++j;
    words.push_back({line.substr(i, j - i), i});
    i = j;
  }
  if (words.size() < 2) return false;
  std::size_t first_value = words.size();
  while (first_value > 0 && norm::looks_like_cell_value(words[first_value - 1].text)) --first_value;
  const std::size_t values = words.size() - first_value;
  if (values == 0) return false;
  if (first_value > 0) {
    // The label part must read as a table label, not a sentence that ends in a number.
    const std::string_view label =
        line.substr(words[0].offset, words[first_value - 1].offset +
                                         words[first_value - 1].text.size() - words[0].offset);
    if (values < 1 || code_points(label) > 60 || label.find("。") != std::string_view::npos ||
        has_comma_outside_parentheses(label))
      return false;
    if (values == 1 && first_value > 2) return false;
    ctx.pending_row_start = true;
    push_labels(ctx, label, words[0].offset);
  } else {
    if (values < 2) return false;
    ctx.pending_row_start = true;
  }
  for (std::size_t k = first_value; k < words.size(); ++k)
    push(ctx, TokenKind::value, words[k].text, words[k].offset);
  return true;
}

void tokenize_line(const model::Paragraph& paragraph, std::vector<Token>& out,
                   bool& pending_row_start, std::vector<Piece>& pieces) {
  LineContext ctx{paragraph, out, pending_row_start, pieces};
  const std::string_view line = paragraph.text;
  if (line.empty()) {
    pending_row_start = true;  // a blank line separates rows in Word copy-paste
    return;
  }
  std::size_t front = 0;
  const std::string_view body = trim(line, &front);
  // A line that starts with a tab is one cell of a Word table copied as text; a tab-only line
  // is an empty cell (a blank value, or a merged cell's continuation).
  if (line.front() == '\t' && line.find('\t', 1) == std::string_view::npos) {
    push(ctx, body.empty() ? TokenKind::empty_cell : classify_cell_text(body), body, front);
    return;
  }
  if (body.empty()) {
    pending_row_start = true;
    return;
  }
  if (is_page_furniture(body)) return;
  if (body.find('|') != std::string_view::npos) {
    tokenize_pipe_line(ctx, line, body, front);
    return;
  }
  if (body.find('\t') != std::string_view::npos) {
    // Tab-separated cells on one line.
    pending_row_start = true;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= line.size(); ++i) {
      if (i == line.size() || line[i] == '\t') {
        std::size_t lead = 0;
        const std::string_view cell = trim(line.substr(start, i - start), &lead);
        if (!(cell.empty() && start == 0))
          push(ctx, cell.empty() ? TokenKind::empty_cell : classify_cell_text(cell), cell,
               start + lead);
        start = i + 1;
      }
    }
    return;
  }
  if (tokenize_spaced_values(ctx, line)) return;
  const TokenKind kind = classify_cell_text(body);
  if (kind == TokenKind::label) {
    push_labels(ctx, body, front);
  } else {
    push(ctx, kind, body, front);
  }
}

void tokenize_table(const model::Document& doc, const model::Table& table, std::vector<Token>& out,
                    int depth) {
  // Layout tables can hold the report's tables; a depth bound keeps hostile nesting harmless.
  constexpr int k_max_depth = 8;
  if (depth > k_max_depth) return;
  std::vector<const model::Cell*> cells;
  cells.reserve(table.cells.size());
  for (const model::Cell& cell : table.cells) cells.push_back(&cell);
  std::stable_sort(cells.begin(), cells.end(), [](const model::Cell* a, const model::Cell* b) {
    return a->row != b->row ? a->row < b->row : a->col < b->col;
  });
  int current_row = -1;
  for (const model::Cell* cell : cells) {
    Token& token = out.emplace_back();
    const std::string_view text = trim(cell->text);
    token.kind = text.empty() ? TokenKind::empty_cell : classify_cell_text(text);
    token.text.assign(text);
    token.locator = cell->locator;
    token.in_grid = true;
    if (token.kind == TokenKind::label) token.key = match_key(text);
    if (cell->row != current_row) {
      token.row_start = true;
      current_row = cell->row;
    }
    // A table inside a cell is read in place, right after the cell's own text.
    for (int nested : cell->nested_tables) {
      if (nested >= 0 && static_cast<std::size_t>(nested) < doc.tables.size() &&
          nested != table.index)
        tokenize_table(doc, doc.tables[static_cast<std::size_t>(nested)], out, depth + 1);
    }
  }
}

// Room for the tokens, so that they (large: four strings each) are not moved as the vector
// grows: one a grid cell, one a line, and one more for each '|' (a table row flattened onto
// one line gives a token a cell), found by memchr.
std::size_t expected_tokens(const model::Document& doc) {
  std::size_t n = doc.blocks.size();
  for (const model::Block& block : doc.blocks) {
    if (block.kind != model::Block::Kind::paragraph) continue;
    const std::string_view text = block.paragraph.text;
    for (std::size_t at = text.find('|'); at != std::string_view::npos; at = text.find('|', at + 1))
      ++n;
  }
  for (const model::Table& table : doc.tables) n += table.cells.size();
  return n;
}

}  // namespace

TokenKind classify_cell_text(std::string_view text) {
  const std::string_view t = trim(text);
  if (t.empty()) return TokenKind::empty_cell;
  return norm::looks_like_cell_value(t) ? TokenKind::value : TokenKind::label;
}

std::vector<Token> tokenize(const model::Document& doc,
                            const std::vector<SectionHeading>& sections) {
  std::vector<Token> out;
  out.reserve(expected_tokens(doc));
  std::size_t next_section = 0;
  bool pending_row_start = true;
  std::vector<Piece> pieces;
  for (std::size_t b = 0; b < doc.blocks.size(); ++b) {
    const model::Block& block = doc.blocks[b];
    if (next_section < sections.size() && sections[next_section].block == b) {
      Token& heading = out.emplace_back();
      heading.kind = TokenKind::heading;
      heading.text = block.paragraph.text;
      heading.locator = block.paragraph.locator;
      heading.section = static_cast<int>(next_section);
      heading.row_start = true;
      ++next_section;
      pending_row_start = true;
      continue;
    }
    if (block.kind == model::Block::Kind::paragraph) {
      tokenize_line(block.paragraph, out, pending_row_start, pieces);
    } else if (block.table >= 0 && static_cast<std::size_t>(block.table) < doc.tables.size()) {
      tokenize_table(doc, doc.tables[static_cast<std::size_t>(block.table)], out, 0);
      pending_row_start = true;
    }
  }
  drop_row_opening_bars(out);
  return out;
}

}  // namespace nianbao::layout
