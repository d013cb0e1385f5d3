#pragma once
// Text boxes of the main document. Their text is a story of its own after the main text
// (FIB ccpTxbx), cut into boxes by PlcftxbxTxt; each box names its shape (FTXBXS.lid), and the
// shape's anchor in the main text is the CP of a drawn-object character (PlcSpaMom: CPs and
// Spa records whose lid is the shape's). Like the docx reader, a box's paragraphs and tables
// are read after the paragraph that anchors it.

#include <vector>

#include "extractor/readers/doc/bytes.hpp"
#include "extractor/readers/doc/fib.hpp"
#include "extractor/readers/doc/story_reader.hpp"

namespace nianbao::readers::doc {

struct TextBoxes {
  AnchoredBlocks anchored;
  std::vector<docx::RawBlock> unanchored;  // boxes whose shape has no anchor in the main text
};

TextBoxes read_text_boxes(const StoryContext& context, const Fib& fib, const Bytes& table_stream);

}  // namespace nianbao::readers::doc
