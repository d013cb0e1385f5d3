#pragma once
// Leptonica's images and boxes, owned by unique_ptr, and the two geometric helpers the OCR room
// shares. Only extractor/readers/image/ sees Leptonica.

#include <leptonica/allheaders.h>

#include <memory>
#include <vector>

namespace nianbao::readers::image {

struct PixDeleter {
  void operator()(PIX* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<PIX, PixDeleter>;
struct BoxaDeleter {
  void operator()(BOXA* b) const { boxaDestroy(&b); }
};
using BoxaPtr = std::unique_ptr<BOXA, BoxaDeleter>;
struct BoxDeleter {
  void operator()(BOX* b) const { boxDestroy(&b); }
};
using BoxPtr = std::unique_ptr<BOX, BoxDeleter>;

struct Rect {
  int x = 0, y = 0, w = 0, h = 0;
};

inline std::vector<Rect> component_boxes(PIX* binary) {
  std::vector<Rect> out;
  BoxaPtr boxes(pixConnCompBB(binary, 8));
  if (!boxes) return out;
  const int n = boxaGetCount(boxes.get());
  for (int i = 0; i < n; ++i) {
    Rect r;
    boxaGetBoxGeometry(boxes.get(), i, &r.x, &r.y, &r.w, &r.h);
    out.push_back(r);
  }
  return out;
}

// The part of `pix` inside `r` (null where `r` lies outside).
inline PixPtr crop(PIX* pix, const Rect& r) {
  BoxPtr box(boxCreate(r.x, r.y, r.w, r.h));
  return PixPtr(pixClipRectangle(pix, box.get(), nullptr));
}

}  // namespace nianbao::readers::image
