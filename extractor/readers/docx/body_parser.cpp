#include "extractor/readers/docx/body_parser.hpp"

#include <algorithm>
#include <optional>
#include <string_view>

#include "extractor/readers/docx/numbering.hpp"
#include "extractor/readers/docx/values.hpp"
#include "extractor/readers/docx/xml_stream.hpp"

namespace nianbao::readers::docx {

namespace {

// w:sym names a character of a symbol font. Symbol-font codes are stored as U+F0xx; their
// ASCII range (digits, + - ( ) . %) shows the ASCII character, other codes stay as written.
std::string symbol_text(std::string_view hex) {
  std::optional<int> code = parse_int(hex, 16);
  if (!code || *code <= 0) return {};
  int cp = *code;
  if (cp >= 0xF020 && cp < 0xF07F) cp -= 0xF000;
  if (cp >= 0xD800 && cp <= 0xDFFF) return {};  // a lone surrogate is no character
  std::string out;
  append_utf8(out, static_cast<char32_t>(cp));
  return out;
}

// Elements whose whole content is not visible text of the document.
bool is_invisible_subtree(std::string_view name) {
  return name == "del" || name == "moveFrom" || name == "delText" || name == "instrText" ||
         name == "delInstrText" || name == "sdtEndPr" || name == "pPrChange" ||
         name == "rPrChange" || name == "tblPrChange" || name == "trPrChange" ||
         name == "tcPrChange" || name == "sectPrChange" || name == "numberingChange" ||
         name == "tblPr" || name == "tblPrEx" || name == "customXmlPr" || name == "smartTagPr" ||
         name == "footnoteReference" || name == "endnoteReference" || name == "commentReference" ||
         name == "fldData" || name == "ffData" || name == "rt";  // rt: ruby (pinyin) text
}

enum class ContainerKind { body, cell, text_box };

// Where finished paragraphs and new tables go. A paragraph is "active" (receives runs) only
// when it was opened inside the innermost container: a text box inside a paragraph starts a
// new container whose paragraphs are separate from the anchoring one.
struct Container {
  ContainerKind kind = ContainerKind::body;
  int table = -1;  // for a cell: raw table id; the cell is the last one of its last row
  std::size_t paragraph_base = 0;         // paragraphs_.size() when the container opened
  std::vector<RawBlock> text_box_blocks;  // for a text box: its content, delivered later
};

struct ParagraphState {
  RawParagraph paragraph;
  std::optional<int> num_id;
  std::optional<int> ilvl;
  std::string style;
  std::vector<RawBlock> after;  // text box content anchored in this paragraph
  int ppr_depth = 0;            // >0 while inside this paragraph's w:pPr
  int run_depth = 0;            // >0 while inside a w:r
  bool run_hidden = false;      // w:vanish in the current run's properties
  std::string run_style;        // w:rStyle of the current run
  int rpr_depth = 0;            // >0 while inside a run's w:rPr
};

struct Field {
  bool in_code = true;  // between fldChar begin and separate: the field code, not shown
};

class BodyParser {
 public:
  BodyParser(XmlStream& xml, Numbering& numbering, RawBody& body, long max_items)
      : xml_(xml), numbering_(numbering), body_(body), max_items_(max_items) {}

  void run() {
    containers_.push_back(Container{});
    for (XmlEvent ev = xml_.next(); ev != XmlEvent::done && !body_.too_large; ev = xml_.next()) {
      if (ev == XmlEvent::start) {
        on_start();
      } else if (ev == XmlEvent::end) {
        on_end();
      } else {
        on_text();
      }
    }
  }

 private:
  ParagraphState* active_paragraph() {
    if (paragraphs_.size() <= containers_.back().paragraph_base) return nullptr;
    return &paragraphs_.back();
  }

  // Text of the current run is shown unless the run is hidden or inside a field code.
  bool showing_run() {
    ParagraphState* p = active_paragraph();
    if (p == nullptr || p->run_depth == 0 || p->run_hidden) return false;
    for (const Field& f : fields_) {
      if (f.in_code) return false;
    }
    return !is_placeholder_prompt(*p);
  }

  // A content control that shows its placeholder (w:showingPlcHdr) is empty: the grey prompt
  // Word and WPS show in it ("单击或点击此处输入文字。") is no content, and in a table it would
  // stand where a blank cell is. Only runs in the Placeholder Text style are the prompt: a
  // control filled by a program that left the flag set still shows its real text. The
  // control's cells and paragraphs are kept either way.
  bool is_placeholder_prompt(const ParagraphState& p) const {
    const bool in_placeholder =
        std::find(sdt_placeholder_.begin(), sdt_placeholder_.end(), true) != sdt_placeholder_.end();
    return in_placeholder && numbering_.is_placeholder_style(p.run_style);
  }

  void append_visible(std::string_view s) {
    if (showing_run()) active_paragraph()->paragraph.text.append(s);
  }

  RawTable* current_table() {
    return tables_open_.empty() ? nullptr
                                : &body_.tables[static_cast<std::size_t>(tables_open_.back())];
  }
  RawRow* current_row() {
    RawTable* t = current_table();
    return t == nullptr || t->rows.empty() ? nullptr : &t->rows.back();
  }
  RawCell* current_cell() {
    RawRow* r = current_row();
    return r == nullptr || r->cells.empty() ? nullptr : &r->cells.back();
  }

  void on_start() {
    const std::string_view name = xml_.local_name();
    if (!xml_.in_word_namespace()) {
      // Markup compatibility: the Choice holds the modern form (e.g. a DrawingML text box),
      // the Fallback the same content again for old readers; read it once.
      if (xml_.namespace_uri() == k_markup_compat_ns && name == "Fallback") xml_.skip_element();
      return;
    }
    if (sdt_pr_depth_ > 0) return on_content_control_property(name);
    if (name == "sdt") sdt_placeholder_.push_back(false);
    if (name == "sdtPr") {
      ++sdt_pr_depth_;
      return;
    }
    if (name == "document") body_.saw_document_root = true;
    if (name == "altChunk") ++body_.alt_chunks;
    if (name == "del" && in_row_properties()) current_row()->deleted = true;
    if (is_invisible_subtree(name)) {
      xml_.skip_element();
      return;
    }
    if (name == "txbxContent") {
      containers_.push_back(Container{ContainerKind::text_box, -1, paragraphs_.size(), {}});
      return;
    }
    if (active_paragraph() != nullptr && on_paragraph_content_start(name)) return;
    if (name == "tbl") return open_table();
    if (name == "gridCol") return add_grid_column();
    if (name == "tr") return open_row();
    if (name == "tc") return open_cell();
    if (name == "p") return open_paragraph();
    on_table_property(name);
  }

  // Inside w:sdtPr only whether the control shows its placeholder matters; its other
  // properties (alias, tag, list items, run properties) are no content.
  void on_content_control_property(std::string_view name) {
    if (name == "sdtPr") ++sdt_pr_depth_;
    if (name == "showingPlcHdr" && !sdt_placeholder_.empty()) {
      sdt_placeholder_.back() = on_off(xml_);
    }
  }

  // Elements inside a paragraph; returns true when handled.
  bool on_paragraph_content_start(std::string_view name) {
    ParagraphState& p = paragraphs_.back();
    if (name == "pPr" && p.run_depth == 0) {
      ++p.ppr_depth;
      return true;
    }
    if (p.ppr_depth > 0) {
      on_paragraph_property(name);
      return true;
    }
    if (name == "r") {
      ++p.run_depth;
      p.run_hidden = false;
      p.run_style.clear();
      return true;
    }
    if (p.run_depth == 0) return true;  // hyperlinks, w:ins, bookmarks: their runs follow
    if (name == "rPr") {
      ++p.rpr_depth;
      return true;
    }
    if (p.rpr_depth > 0) {
      if (name == "vanish") p.run_hidden = on_off(xml_);
      if (name == "rStyle") p.run_style = xml_.attribute("val");
      return true;
    }
    on_run_content(name);
    return true;
  }

  void on_paragraph_property(std::string_view name) {
    ParagraphState& p = paragraphs_.back();
    if (name == "numId") p.num_id = parse_int(xml_.attribute("val"));
    if (name == "ilvl") p.ilvl = parse_int(xml_.attribute("val"));
    if (name == "pStyle") p.style = xml_.attribute("val");
    if (name == "pageBreakBefore" && on_off(xml_)) p.paragraph.page_break = true;
    if (name == "rPr") xml_.skip_element();  // the paragraph mark's formatting
    if (name == "sectPr") {
      p.paragraph.section_break = true;
      xml_.skip_element();
    }
  }

  void on_run_content(std::string_view name) {
    if (name == "t") {
      ++in_text_;
    } else if (name == "tab" || name == "ptab") {
      append_visible("\t");
    } else if (name == "br" || name == "cr") {
      const std::string type = xml_.attribute("type");
      if (type == "page") {
        paragraphs_.back().paragraph.page_break = true;
      } else if (type != "column") {
        append_visible("\n");
      }
    } else if (name == "sym") {
      append_visible(symbol_text(xml_.attribute("char")));
    } else if (name == "noBreakHyphen") {
      append_visible("-");
    } else if (name == "fldChar") {
      on_field_char(xml_.attribute("fldCharType"));
    }
  }

  // Complex fields: begin, code, separate, result, end. Only the result is visible; fields
  // nest (a PAGE inside an IF), so each level keeps its own state.
  void on_field_char(std::string_view type) {
    if (type == "begin") {
      fields_.push_back(Field{});
    } else if (type == "separate" && !fields_.empty()) {
      fields_.back().in_code = false;
    } else if (type == "end" && !fields_.empty()) {
      fields_.pop_back();
    }
  }

  void on_table_property(std::string_view name) {
    if (in_row_properties()) {
      RawRow* row = current_row();
      if (name == "gridBefore") row->grid_before = parse_int(xml_.attribute("val")).value_or(0);
      if (name == "gridAfter") row->grid_after = parse_int(xml_.attribute("val")).value_or(0);
      if (name == "tblHeader") row->header = on_off(xml_);
      return;
    }
    RawCell* cell = current_cell();
    if (cell == nullptr) return;
    if (name == "gridSpan") cell->grid_span = parse_int(xml_.attribute("val")).value_or(1);
    if (name == "vMerge") {
      cell->vmerge = xml_.attribute("val") == "restart" ? VMerge::restart : VMerge::continue_;
    }
    if (name == "hMerge") cell->hmerge_continue = xml_.attribute("val") != "restart";
    if (name == "cellDel") cell->deleted = true;
  }

  // Inside w:trPr of the current row: the row is open and none of its cells is.
  bool in_row_properties() {
    return current_row() != nullptr && row_depth_ > 0 && cells_open_ == 0 &&
           active_paragraph() == nullptr;
  }

  // Counts one more paragraph, table, row or cell against the budget.
  void count_item() {
    if (++items_ > max_items_) body_.too_large = true;
  }

  void open_table() {
    count_item();
    const int id = static_cast<int>(body_.tables.size());
    body_.tables.emplace_back();
    RawBlock block;
    block.is_table = true;
    block.table = id;
    deliver(block);
    tables_open_.push_back(id);
    table_row_depths_.push_back(row_depth_);
    table_cell_depths_.push_back(cells_open_);
    row_depth_ = 0;
    cells_open_ = 0;
  }

  void add_grid_column() {
    if (RawTable* t = current_table())
      t->grid.push_back(parse_int(xml_.attribute("w")).value_or(0));
  }

  void open_row() {
    if (RawTable* t = current_table()) {
      count_item();
      t->rows.emplace_back();
      row_depth_ = 1;
      cells_open_ = 0;
    }
  }

  void open_cell() {
    RawRow* row = current_row();
    if (row == nullptr) return;
    count_item();
    row->cells.emplace_back();
    cells_open_ = 1;
    containers_.push_back(
        Container{ContainerKind::cell, tables_open_.back(), paragraphs_.size(), {}});
  }

  void open_paragraph() {
    count_item();
    paragraphs_.emplace_back();
  }

  void on_end() {
    if (!xml_.in_word_namespace()) return;
    const std::string_view name = xml_.local_name();
    if (sdt_pr_depth_ > 0) {
      if (name == "sdtPr") --sdt_pr_depth_;
      return;
    }
    if (name == "sdt" && !sdt_placeholder_.empty()) sdt_placeholder_.pop_back();
    if (name == "txbxContent") return close_text_box();
    if (active_paragraph() != nullptr && on_paragraph_content_end(name)) return;
    if (name == "p") return close_paragraph();
    if (name == "tc") return close_cell();
    if (name == "tr") {
      row_depth_ = 0;
      cells_open_ = 0;
      return;
    }
    if (name == "tbl") return close_table();
  }

  bool on_paragraph_content_end(std::string_view name) {
    ParagraphState& p = paragraphs_.back();
    if (name == "p") return false;
    if (name == "pPr" && p.ppr_depth > 0) {
      --p.ppr_depth;
      return true;
    }
    if (name == "rPr" && p.rpr_depth > 0) {
      --p.rpr_depth;
      return true;
    }
    if (name == "r" && p.run_depth > 0) {
      --p.run_depth;
      p.run_hidden = false;
      p.run_style.clear();
      return true;
    }
    if (name == "t" && in_text_ > 0) --in_text_;
    return true;
  }

  void on_text() {
    if (in_text_ > 0) append_visible(xml_.text());
  }

  void close_paragraph() {
    if (active_paragraph() == nullptr) return;
    ParagraphState state = std::move(paragraphs_.back());
    paragraphs_.pop_back();
    in_text_ = 0;
    // Field results may run over several paragraphs (a table of contents), field codes do
    // not: a code still open here has lost its separator, and would hide everything after it.
    std::erase_if(fields_, [](const Field& f) { return f.in_code; });
    if (auto ref = numbering_ref(state)) {
      state.paragraph.text.insert(0, numbering_.next_label(*ref));
    }
    RawBlock block;
    block.paragraph = std::move(state.paragraph);
    deliver(block);
    for (RawBlock& after : state.after) deliver(after);
  }

  // Direct numPr wins over the style's; numId 0 switches numbering off.
  std::optional<NumberingRef> numbering_ref(const ParagraphState& p) const {
    if (p.num_id) {
      if (*p.num_id == 0) return std::nullopt;
      int ilvl = p.ilvl.value_or(numbering_.style_level(p.style).value_or(0));
      return NumberingRef{*p.num_id, ilvl};
    }
    if (p.style.empty()) return std::nullopt;
    std::optional<NumberingRef> ref = numbering_.style_numbering(p.style);
    if (ref && p.ilvl) ref->ilvl = *p.ilvl;
    return ref;
  }

  void close_text_box() {
    if (containers_.size() < 2 || containers_.back().kind != ContainerKind::text_box) return;
    std::vector<RawBlock> blocks = std::move(containers_.back().text_box_blocks);
    containers_.pop_back();
    if (active_paragraph() == nullptr) {  // a text box outside any paragraph: keep it in place
      for (RawBlock& b : blocks) deliver(b);
      return;
    }
    std::vector<RawBlock>& after = paragraphs_.back().after;
    for (RawBlock& b : blocks) after.push_back(std::move(b));
  }

  void close_cell() {
    if (containers_.size() > 1 && containers_.back().kind == ContainerKind::cell) {
      containers_.pop_back();
    }
    cells_open_ = 0;
  }

  void close_table() {
    if (tables_open_.empty()) return;
    tables_open_.pop_back();
    row_depth_ = table_row_depths_.back();
    cells_open_ = table_cell_depths_.back();
    table_row_depths_.pop_back();
    table_cell_depths_.pop_back();
  }

  // Hands a finished paragraph or a new table to the innermost container.
  void deliver(RawBlock& block) {
    Container& c = containers_.back();
    switch (c.kind) {
      case ContainerKind::body:
        if (block.is_table) body_.tables[static_cast<std::size_t>(block.table)].top_level = true;
        body_.blocks.push_back(std::move(block));
        break;
      case ContainerKind::text_box:
        c.text_box_blocks.push_back(std::move(block));
        break;
      case ContainerKind::cell: {
        RawTable& t = body_.tables[static_cast<std::size_t>(c.table)];
        if (t.rows.empty() || t.rows.back().cells.empty()) break;
        RawCell& cell = t.rows.back().cells.back();
        if (block.is_table) {
          cell.nested.push_back(block.table);
          cell.nested_after.push_back(cell.paragraphs.size());
        } else {
          cell.paragraphs.push_back(std::move(block.paragraph.text));
        }
        break;
      }
    }
  }

  XmlStream& xml_;
  Numbering& numbering_;
  RawBody& body_;
  std::vector<Container> containers_;
  std::vector<ParagraphState> paragraphs_;
  std::vector<Field> fields_;
  std::vector<int> tables_open_;
  // Whether the current table's row / cell is open, saved across nested tables.
  int row_depth_ = 0;
  int cells_open_ = 0;
  std::vector<int> table_row_depths_;
  std::vector<int> table_cell_depths_;
  int in_text_ = 0;
  int sdt_pr_depth_ = 0;               // >0 while inside a content control's w:sdtPr
  std::vector<bool> sdt_placeholder_;  // per open w:sdt: it shows its placeholder text
  long max_items_;
  long items_ = 0;
};

}  // namespace

void parse_body(XmlStream& xml, Numbering& numbering, RawBody& body, long max_items) {
  BodyParser parser(xml, numbering, body, max_items);
  parser.run();
}

}  // namespace nianbao::readers::docx
