#pragma once
// Where something stood in the source document: enough for a person to find a figure again.
// A text input fills line/column/byte; a docx input fills table/row/cell/paragraph; an HTML
// input fills the element path; a PDF fills page and the box of the words on the page; a
// legacy .doc fills the character position; text read by OCR says so, with its confidence and
// its box in the page image. Fields a reader cannot know stay empty and are not written.

#include <cstddef>
#include <optional>
#include <string>

namespace nianbao::model {

// A rectangle on a page in PDF points (1/72 inch), measured from the page's top-left corner
// as the page is displayed (after its /Rotate), y growing downwards: the convention of
// `pdftotext -bbox` and of most PDF viewers' selection tools.
struct PageBox {
  float x0 = 0;
  float y0 = 0;
  float x1 = 0;
  float y1 = 0;
};

// A rectangle in the pixels of a page image (a scan), top-left origin.
struct PixelBox {
  int x0 = 0;
  int y0 = 0;
  int x1 = 0;
  int y1 = 0;
};

struct Locator {
  // Plain text: 1-based line and column (in code points) and the 0-based byte offset of the
  // start of the span in the decoded UTF-8 text.
  std::optional<int> line;
  std::optional<int> column;
  std::optional<std::size_t> byte_offset;
  // Page number (1-based) where a reader can tell it (PDF pages, form feeds, page furniture
  // such as "-3-").
  std::optional<int> page;
  // Word tables: 0-based index of the table in document order, row, grid column of the cell,
  // and the paragraph index (in the body, or inside the cell).
  std::optional<int> table;
  std::optional<int> row;
  std::optional<int> cell;
  std::optional<int> paragraph;
  // HTML: an XPath-like element path, e.g. /html/body/div[3]/table[2]/tr[5]/td[3].
  std::string path;
  // PDF: the box of the words the span came from, on `page`.
  std::optional<PageBox> bbox;
  // Legacy Word (.doc): the 0-based character position (CP) in the document's main text.
  std::optional<std::size_t> char_position;
  // OCR: the text was recognised from an image; `confidence` (0–100) is the recogniser's, and
  // `pixels` the box in the page image it was read from.
  bool ocr = false;
  std::optional<int> confidence;
  std::optional<PixelBox> pixels;

  bool empty() const {
    return !line && !column && !byte_offset && !page && !table && !row && !cell && !paragraph &&
           path.empty() && !bbox && !char_position && !ocr && !confidence && !pixels;
  }
};

}  // namespace nianbao::model
