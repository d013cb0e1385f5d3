#pragma once
// List labels from numbering.xml. The official report template and many WPS documents put the
// visible "一、" or "（一）" of a section heading into automatic numbering, so the label is only
// in numbering.xml, never in the paragraph's text; we render it the way Word would.

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace nianbao::readers::docx {

class XmlStream;

// One numbering format value (w:numFmt) applied to a counter, e.g. ("chineseCounting", 12)
// gives "十二". Unknown formats fall back to decimal; "none" gives "".
std::string format_number(std::string_view num_fmt, int value);

struct NumberingLevel {
  int start = 1;
  std::string num_fmt = "decimal";
  std::string lvl_text;        // e.g. "%1、", "（%1）", "%1.%2"
  std::string suffix = "tab";  // w:suff: tab, space or nothing
  bool legal = false;          // w:isLgl: every placeholder in decimal
  std::optional<int> restart;  // w:lvlRestart: 0 = never restart
  bool defined = false;
};

// A paragraph's numbering reference: w:numPr, possibly inherited from its style.
struct NumberingRef {
  int num_id = 0;
  int ilvl = 0;
};

class Numbering {
 public:
  // Reads numbering.xml from `xml`; returns false (keeping what it has) on a parse error.
  bool load(XmlStream& xml);
  // Reads the numbering references of paragraph styles (w:style/w:pPr/w:numPr, w:basedOn)
  // from styles.xml, and the id of the Placeholder Text character style.
  bool load_styles(XmlStream& xml);

  // The numbering of a style, following basedOn; nullopt when the style has none.
  std::optional<NumberingRef> style_numbering(const std::string& style_id) const;
  // The ilvl a style sets, for a paragraph that names numId but no ilvl.
  std::optional<int> style_level(const std::string& style_id) const;
  // The character style of a content control's placeholder prompt: Word's built-in
  // "Placeholder Text" (its id is localised in some Word versions, its name is not).
  bool is_placeholder_style(const std::string& style_id) const {
    return !style_id.empty() &&
           (style_id == "PlaceholderText" || style_id == placeholder_style_id_);
  }

  // Lists given by a reader that has no numbering.xml (the .doc reader's LSTF and LFO
  // records): a level of an abstract list, and an instance of it with its start overrides.
  void define_level(int abstract_id, int ilvl, const NumberingLevel& level);
  void define_instance(int num_id, int abstract_id, const std::map<int, int>& start_override);

  // Advances the list counter for a numbered paragraph and returns its label with the
  // suffix (e.g. "一、", "1.\t"); "" when the reference names no list.
  std::string next_label(const NumberingRef& ref);

 private:
  struct Abstract {
    std::array<NumberingLevel, 9> levels;
  };
  struct Instance {
    int abstract_id = -1;
    std::map<int, int> start_override;
    std::map<int, NumberingLevel> level_override;
    bool used = false;
  };
  struct Counters {
    std::array<int, 9> value{};
    std::array<bool, 9> started{};
  };
  struct StyleNumbering {
    std::optional<int> num_id;
    std::optional<int> ilvl;
    std::string based_on;
  };

  const NumberingLevel* level_of(const Instance& instance, int ilvl) const;

  std::map<int, Abstract> abstracts_;
  std::map<int, Instance> instances_;
  std::map<int, Counters> counters_;  // by abstract id: instances of one list continue it
  std::map<std::string, StyleNumbering> styles_;
  std::string placeholder_style_id_;
};

}  // namespace nianbao::readers::docx
