#pragma once
// Where something stood in the source document: enough for a person to find a figure again.
// A text input fills line/column/byte; a docx input fills table/row/cell/paragraph; an HTML
// input fills the element path. Fields a reader cannot know stay empty and are not written.

#include <cstddef>
#include <optional>
#include <string>

namespace nianbao::model {

struct Locator {
  // Plain text: 1-based line and column (in code points) and the 0-based byte offset of the
  // start of the span in the decoded UTF-8 text.
  std::optional<int> line;
  std::optional<int> column;
  std::optional<std::size_t> byte_offset;
  // Page number where a reader can tell it (form feeds, page furniture such as "-3-").
  std::optional<int> page;
  // Word tables: 0-based index of the table in document order, row, grid column of the cell,
  // and the paragraph index (in the body, or inside the cell).
  std::optional<int> table;
  std::optional<int> row;
  std::optional<int> cell;
  std::optional<int> paragraph;
  // HTML: an XPath-like element path, e.g. /html/body/div[3]/table[2]/tr[5]/td[3].
  std::string path;

  bool empty() const {
    return !line && !column && !byte_offset && !page && !table && !row && !cell && !paragraph &&
           path.empty();
  }
};

}  // namespace nianbao::model
