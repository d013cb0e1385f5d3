#include "extractor/readers/pdf/pdf_source.hpp"

#include "normalizers/radicals.hpp"

// MuPDF reports errors by longjmp (fz_try/fz_catch). Every function here that opens an fz_try
// keeps only trivially destructible locals alive across it, and every callback MuPDF calls
// into catches C++ exceptions itself, so neither mechanism ever crosses the other.
#include <mupdf/fitz.h>
#include <mupdf/pdf.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <map>

namespace nianbao::readers::pdf {
namespace {

// ---------------------------------------------------------------------------------------------
// A memory budget for everything the library allocates for one file: a hostile file meets a
// failed allocation (which MuPDF turns into an error) instead of taking the machine.

struct Budget {
  std::size_t used = 0;
  std::size_t limit = 0;
  bool exceeded = false;
};

constexpr std::size_t k_header = alignof(std::max_align_t);

void* budget_malloc(void* opaque, std::size_t size) {
  auto* budget = static_cast<Budget*>(opaque);
  if (size > budget->limit - budget->used) {
    budget->exceeded = true;
    return nullptr;
  }
  auto* base = static_cast<unsigned char*>(std::malloc(size + k_header));
  if (base == nullptr) return nullptr;
  std::memcpy(base, &size, sizeof size);
  budget->used += size;
  return base + k_header;
}

void* budget_realloc(void* opaque, void* old, std::size_t size) {
  if (old == nullptr) return budget_malloc(opaque, size);
  auto* budget = static_cast<Budget*>(opaque);
  unsigned char* base = static_cast<unsigned char*>(old) - k_header;
  std::size_t old_size = 0;
  std::memcpy(&old_size, base, sizeof old_size);
  if (size > old_size && size - old_size > budget->limit - budget->used) {
    budget->exceeded = true;
    return nullptr;
  }
  auto* moved = static_cast<unsigned char*>(std::realloc(base, size + k_header));
  if (moved == nullptr) return nullptr;
  std::memcpy(moved, &size, sizeof size);
  budget->used = budget->used - old_size + size;
  return moved + k_header;
}

void budget_free(void* opaque, void* ptr) {
  if (ptr == nullptr) return;
  auto* budget = static_cast<Budget*>(opaque);
  unsigned char* base = static_cast<unsigned char*>(ptr) - k_header;
  std::size_t size = 0;
  std::memcpy(&size, base, sizeof size);
  budget->used -= size;
  std::free(base);
}

// ---------------------------------------------------------------------------------------------
// The library's warnings and errors are collected, never printed: they become diagnostics.

struct Messages {
  std::vector<std::string> lines;
  std::size_t count = 0;
};

void collect_message(void* user, const char* message) noexcept {
  auto* messages = static_cast<Messages*>(user);
  ++messages->count;
  try {
    if (messages->lines.size() < 8) messages->lines.emplace_back(message);
  } catch (...) {  // out of memory while noting a message: the count still says it happened
  }
}

// ---------------------------------------------------------------------------------------------
// The capture device: text goes on to MuPDF's structured-text device (which knows each glyph's
// box), and the paths that can be table ruling are kept as rules.

struct PageCapture {
  std::vector<Rule> rules;
  int images = 0;
  int image_dpi = 0;  // the finest resolution an image is drawn at on the page
  std::size_t text_glyphs = 0, invisible_glyphs = 0;  // on this page
  std::size_t segments = 0;
  std::size_t max_segments = 0;
  std::size_t* glyphs = nullptr;  // the document's running total
  std::size_t max_glyphs = 0;
  bool over_limit = false;
  fz_cookie* cookie = nullptr;
};

void stop_page(PageCapture& capture) {
  capture.over_limit = true;
  capture.cookie->abort = 1;  // the interpreter stops at its next operator
}

// Straight segments within half a point of horizontal or vertical are ruling candidates.
constexpr float k_axis_tolerance = 0.5f;
// A filled rectangle at most this thick is drawn as a line (many producers draw borders so).
constexpr float k_thin_fill = 2.5f;

void add_segment(PageCapture& capture, fz_point a, fz_point b) noexcept {
  try {
    if (std::fabs(a.y - b.y) <= k_axis_tolerance && std::fabs(a.x - b.x) > 1.0f) {
      const float y = (a.y + b.y) / 2;
      capture.rules.push_back({std::fmin(a.x, b.x), y, std::fmax(a.x, b.x), y});
    } else if (std::fabs(a.x - b.x) <= k_axis_tolerance && std::fabs(a.y - b.y) > 1.0f) {
      const float x = (a.x + b.x) / 2;
      capture.rules.push_back({x, std::fmin(a.y, b.y), x, std::fmax(a.y, b.y)});
    }
  } catch (...) {
    stop_page(capture);
  }
}

// A filled axis-aligned rectangle: a line when it is thin, nothing otherwise (cell shading and
// page backgrounds are not ruling).
void add_filled_rect(PageCapture& capture, fz_rect r) noexcept {
  const float w = r.x1 - r.x0, h = r.y1 - r.y0;
  if (h <= k_thin_fill && w > 2 * h) {
    const float y = (r.y0 + r.y1) / 2;
    add_segment(capture, {r.x0, y}, {r.x1, y});
  } else if (w <= k_thin_fill && h > 2 * w) {
    const float x = (r.x0 + r.x1) / 2;
    add_segment(capture, {x, r.y0}, {x, r.y1});
  }
}

struct PathWalk {
  PageCapture* capture = nullptr;
  fz_matrix ctm{};
  bool fill = false;
  fz_point start{}, current{};
  // The current subpath's corners while it can still be an axis-aligned rectangle.
  fz_point corners[6]{};
  int corner_count = 0;
  bool straight = true;
};

fz_point page_point(const PathWalk& walk, float x, float y) {
  return fz_transform_point(fz_make_point(x, y), walk.ctm);
}

bool count_segment(PathWalk& walk) {
  PageCapture& capture = *walk.capture;
  if (capture.over_limit) return false;
  if (++capture.segments > capture.max_segments) {
    stop_page(capture);
    return false;
  }
  return true;
}

// A closed subpath of four corners is a rectangle, or a border's piece when its box is thin:
// Chromium fills each border of a cell as a trapezoid, mitred where two borders meet, so its
// sides are not all axis-parallel. add_filled_rect keeps only thin boxes.
void finish_fill_subpath(PathWalk& walk) {
  if (!walk.fill || !walk.straight) return;
  int n = walk.corner_count;
  if (n == 5 && std::fabs(walk.corners[4].x - walk.corners[0].x) < k_axis_tolerance &&
      std::fabs(walk.corners[4].y - walk.corners[0].y) < k_axis_tolerance)
    n = 4;
  if (n != 4) return;
  fz_rect box = fz_empty_rect;
  for (int i = 0; i < 4; ++i) box = fz_include_point_in_rect(box, walk.corners[i]);
  add_filled_rect(*walk.capture, box);
}

void walk_moveto(fz_context*, void* arg, float x, float y) {
  auto& walk = *static_cast<PathWalk*>(arg);
  finish_fill_subpath(walk);
  walk.start = walk.current = page_point(walk, x, y);
  walk.corners[0] = walk.current;
  walk.corner_count = 1;
  walk.straight = true;
}

void walk_lineto(fz_context*, void* arg, float x, float y) {
  auto& walk = *static_cast<PathWalk*>(arg);
  if (!count_segment(walk)) return;
  const fz_point to = page_point(walk, x, y);
  if (!walk.fill) add_segment(*walk.capture, walk.current, to);
  if (walk.corner_count < 6)
    walk.corners[walk.corner_count++] = to;
  else
    walk.straight = false;
  walk.current = to;
}

void walk_curveto(fz_context*, void* arg, float, float, float, float, float x3, float y3) {
  auto& walk = *static_cast<PathWalk*>(arg);
  if (!count_segment(walk)) return;
  walk.straight = false;
  walk.current = page_point(walk, x3, y3);
}

void walk_closepath(fz_context*, void* arg) {
  auto& walk = *static_cast<PathWalk*>(arg);
  if (!count_segment(walk)) return;
  if (!walk.fill) add_segment(*walk.capture, walk.current, walk.start);
  finish_fill_subpath(walk);
  walk.corner_count = 0;
  walk.current = walk.start;
}

void walk_rectto(fz_context*, void* arg, float x0, float y0, float x1, float y1) {
  auto& walk = *static_cast<PathWalk*>(arg);
  if (!count_segment(walk)) return;
  finish_fill_subpath(walk);
  walk.corner_count = 0;
  const fz_point a = page_point(walk, x0, y0), b = page_point(walk, x1, y0),
                 c = page_point(walk, x1, y1), d = page_point(walk, x0, y1);
  if (walk.fill) {
    fz_rect box = fz_empty_rect;
    for (fz_point p : {a, b, c, d}) box = fz_include_point_in_rect(box, p);
    if (std::fabs(a.y - b.y) < k_axis_tolerance || std::fabs(a.x - b.x) < k_axis_tolerance)
      add_filled_rect(*walk.capture, box);
  } else {
    add_segment(*walk.capture, a, b);
    add_segment(*walk.capture, b, c);
    add_segment(*walk.capture, c, d);
    add_segment(*walk.capture, d, a);
  }
  walk.start = walk.current = a;
}

const fz_path_walker k_rule_walker = {walk_moveto, walk_lineto, walk_curveto, walk_closepath,
                                      nullptr,     nullptr,     nullptr,      walk_rectto};

// White lines and rectangles separate nothing a reader sees.
bool is_white(fz_context* ctx, fz_colorspace* cs, const float* color) {
  if (cs == nullptr || color == nullptr) return false;
  const int n = fz_colorspace_n(ctx, cs);
  if (n == 4) return color[0] < 0.05f && color[1] < 0.05f && color[2] < 0.05f && color[3] < 0.05f;
  if (n != 1 && n != 3) return false;
  for (int i = 0; i < n; ++i)
    if (color[i] < 0.95f) return false;
  return true;
}

struct CaptureDevice {
  fz_device super;
  fz_device* text;
  PageCapture* capture;
};

CaptureDevice& self(fz_device* dev) { return *reinterpret_cast<CaptureDevice*>(dev); }

void walk_path(fz_context* ctx, CaptureDevice& dev, const fz_path* path, fz_matrix ctm, bool fill) {
  PathWalk walk;
  walk.capture = dev.capture;
  walk.ctm = ctm;
  walk.fill = fill;
  fz_walk_path(ctx, path, &k_rule_walker, &walk);
  finish_fill_subpath(walk);
}

void capture_fill_path(fz_context* ctx, fz_device* dev, const fz_path* path, int, fz_matrix ctm,
                       fz_colorspace* cs, const float* color, float alpha, fz_color_params) {
  if (alpha < 0.1f || is_white(ctx, cs, color)) return;
  walk_path(ctx, self(dev), path, ctm, true);
}

void capture_stroke_path(fz_context* ctx, fz_device* dev, const fz_path* path,
                         const fz_stroke_state*, fz_matrix ctm, fz_colorspace* cs,
                         const float* color, float alpha, fz_color_params) {
  if (alpha < 0.1f || is_white(ctx, cs, color)) return;
  walk_path(ctx, self(dev), path, ctm, false);
}

// Counts the glyphs about to be drawn against the document's limit.
bool admit_text(PageCapture& capture, const fz_text* text, bool invisible = false) {
  if (capture.over_limit) return false;
  std::size_t n = 0;
  for (const fz_text_span* span = text->head; span != nullptr; span = span->next)
    n += static_cast<std::size_t>(span->len);
  capture.text_glyphs += n;
  if (invisible) capture.invisible_glyphs += n;
  *capture.glyphs += n;
  if (*capture.glyphs > capture.max_glyphs) {
    stop_page(capture);
    return false;
  }
  return true;
}

void capture_fill_text(fz_context* ctx, fz_device* dev, const fz_text* text, fz_matrix ctm,
                       fz_colorspace* cs, const float* color, float alpha, fz_color_params params) {
  CaptureDevice& d = self(dev);
  if (!admit_text(*d.capture, text)) return;
  d.text->fill_text(ctx, d.text, text, ctm, cs, color, alpha, params);
}

void capture_stroke_text(fz_context* ctx, fz_device* dev, const fz_text* text,
                         const fz_stroke_state* stroke, fz_matrix ctm, fz_colorspace* cs,
                         const float* color, float alpha, fz_color_params params) {
  CaptureDevice& d = self(dev);
  if (!admit_text(*d.capture, text)) return;
  d.text->stroke_text(ctx, d.text, text, stroke, ctm, cs, color, alpha, params);
}

void capture_clip_text(fz_context* ctx, fz_device* dev, const fz_text* text, fz_matrix ctm,
                       fz_rect scissor) {
  CaptureDevice& d = self(dev);
  if (!admit_text(*d.capture, text)) return;
  d.text->clip_text(ctx, d.text, text, ctm, scissor);
}

void capture_clip_stroke_text(fz_context* ctx, fz_device* dev, const fz_text* text,
                              const fz_stroke_state* stroke, fz_matrix ctm, fz_rect scissor) {
  CaptureDevice& d = self(dev);
  if (!admit_text(*d.capture, text)) return;
  d.text->clip_stroke_text(ctx, d.text, text, stroke, ctm, scissor);
}

// Invisible text (render mode 3: the text layer of an OCR'd scan) is read like any other, and
// counted: the reader says when a page's text is such a layer over an image.
void capture_ignore_text(fz_context* ctx, fz_device* dev, const fz_text* text, fz_matrix ctm) {
  CaptureDevice& d = self(dev);
  if (!admit_text(*d.capture, text, true)) return;
  d.text->ignore_text(ctx, d.text, text, ctm);
}

// An image is drawn from the unit square through `ctm`: its width on the page is the length of
// the transformed x axis, and its pixels across that give its resolution.
int drawn_dpi(const fz_image* image, fz_matrix ctm) {
  const float width_points = std::sqrt(ctm.a * ctm.a + ctm.b * ctm.b);
  if (image == nullptr || width_points < 1.0f) return 0;
  return static_cast<int>(static_cast<float>(image->w) * 72.0f / width_points + 0.5f);
}

void capture_fill_image(fz_context*, fz_device* dev, fz_image* image, fz_matrix ctm, float,
                        fz_color_params) {
  PageCapture& capture = *self(dev).capture;
  ++capture.images;
  capture.image_dpi = std::max(capture.image_dpi, drawn_dpi(image, ctm));
}

void capture_fill_image_mask(fz_context*, fz_device* dev, fz_image*, fz_matrix, fz_colorspace*,
                             const float*, float, fz_color_params) {
  ++self(dev).capture->images;
}

fz_device* new_capture_device(fz_context* ctx, fz_device* text, PageCapture* capture) {
  auto* dev = fz_new_derived_device(ctx, CaptureDevice);
  dev->text = text;
  dev->capture = capture;
  dev->super.fill_path = capture_fill_path;
  dev->super.stroke_path = capture_stroke_path;
  dev->super.fill_text = capture_fill_text;
  dev->super.stroke_text = capture_stroke_text;
  dev->super.clip_text = capture_clip_text;
  dev->super.clip_stroke_text = capture_clip_stroke_text;
  dev->super.ignore_text = capture_ignore_text;
  dev->super.fill_image = capture_fill_image;
  dev->super.fill_image_mask = capture_fill_image_mask;
  return &dev->super;
}

// ---------------------------------------------------------------------------------------------
// From the structured text to glyphs.

bool is_blank(int c) {
  return c == ' ' || c == '\t' || c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200B);
}

struct FontTable {
  std::map<std::string, int> index;
  int of(fz_context* ctx, fz_font* font) {
    const char* name = font != nullptr ? fz_font_name(ctx, font) : "";
    return index.emplace(name != nullptr ? name : "", static_cast<int>(index.size())).first->second;
  }
};

// Where the baseline divides an em: the share above it (CJK fonts put the ideographic em box
// 0.88 above and 0.12 below).
constexpr float k_ascent = 0.88f;

void collect_glyphs(fz_context* ctx, fz_stext_page* text, fz_rect bounds, FontTable& fonts,
                    int& run, Page& page) {
  for (fz_stext_block* block = text->first_block; block != nullptr; block = block->next) {
    if (block->type != FZ_STEXT_BLOCK_TEXT) continue;
    for (fz_stext_line* line = block->u.t.first_line; line != nullptr; line = line->next) {
      ++run;
      const bool upright =
          line->wmode == 0 && std::fabs(line->dir.x - 1) < 0.05f && std::fabs(line->dir.y) < 0.05f;
      for (fz_stext_char* ch = line->first_char; ch != nullptr; ch = ch->next) {
        if (is_blank(ch->c)) continue;
        const fz_rect box = fz_rect_from_quad(ch->quad);
        Glyph glyph;
        glyph.c = norm::ideograph_for_radical(static_cast<char32_t>(ch->c));
        glyph.x0 = box.x0 - bounds.x0;
        glyph.y0 = box.y0 - bounds.y0;
        glyph.x1 = box.x1 - bounds.x0;
        glyph.y1 = box.y1 - bounds.y0;
        glyph.size = ch->size;
        if (upright && ch->size > 0) {
          // The library's quad runs from the font's ascent to its descent, and some embedded
          // fonts claim three times their size (LibreOffice's Noto CJK subsets: 30 pt boxes for
          // 10.5 pt text), so that lines a line apart overlap. The em box on the baseline is
          // what the glyph occupies.
          glyph.y0 = ch->origin.y - k_ascent * ch->size - bounds.y0;
          glyph.y1 = ch->origin.y + (1 - k_ascent) * ch->size - bounds.y0;
        }
        glyph.run = run;
        glyph.upright = upright;
        glyph.font = fonts.of(ctx, ch->font);
        page.glyphs.push_back(glyph);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The document.

struct Reading {
  fz_context* ctx = nullptr;
  pdf_document* doc = nullptr;
  const Limits* limits = nullptr;
  Source* source = nullptr;
  Budget* budget = nullptr;
  FontTable fonts;
  std::size_t glyphs = 0;
  int run = 0;
};

void note(Source& source, const char* code, std::string message, bool fatal = false) {
  source.problems.push_back({code, std::move(message), fatal});
}

pdf_document* open_document(fz_context* ctx, std::string_view bytes, std::string& error) {
  fz_stream* volatile stream = nullptr;
  pdf_document* volatile doc = nullptr;
  fz_try(ctx) {
    stream =
        fz_open_memory(ctx, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    doc = pdf_open_document_with_stream(ctx, stream);
  }
  fz_always(ctx) { fz_drop_stream(ctx, stream); }
  fz_catch(ctx) {
    error = fz_caught_message(ctx);
    return nullptr;
  }
  return doc;
}

// 0: no password needed or the empty user password opens it (owner-password-only files are
// read as viewers read them); 1: a user password is needed; -1: the check itself failed.
int password_state(fz_context* ctx, pdf_document* doc) {
  volatile int state = 0;
  fz_try(ctx) {
    if (pdf_needs_password(ctx, doc) && !pdf_authenticate_password(ctx, doc, "")) state = 1;
  }
  fz_catch(ctx) { state = -1; }
  return state;
}

int count_pages(fz_context* ctx, pdf_document* doc) {
  volatile int n = -1;
  fz_try(ctx) { n = pdf_count_pages(ctx, doc); }
  fz_catch(ctx) { n = -1; }
  return n;
}

bool was_repaired(fz_context* ctx, pdf_document* doc) {
  volatile int repaired = 0;
  fz_try(ctx) { repaired = pdf_was_repaired(ctx, doc); }
  fz_catch(ctx) { repaired = 0; }
  return repaired != 0;
}

std::string metadata(fz_context* ctx, pdf_document* doc, const char* key) {
  char buffer[512];
  buffer[0] = '\0';
  volatile int n = -1;
  fz_try(ctx) { n = pdf_lookup_metadata(ctx, doc, key, buffer, sizeof buffer); }
  fz_catch(ctx) { n = -1; }
  if (n <= 0) return {};
  return std::string(buffer, strnlen(buffer, sizeof buffer));
}

// The size of the page's content streams once decompressed, counted up to just past `limit`.
// -1 when they cannot be read at all.
long long content_size(fz_context* ctx, pdf_document* doc, pdf_page* page, std::size_t limit) {
  fz_stream* volatile stream = nullptr;
  volatile long long size = 0;
  fz_try(ctx) {
    pdf_obj* contents = pdf_page_contents(ctx, page);
    if (contents != nullptr) {
      stream = pdf_open_contents_stream(ctx, doc, contents);
      size = static_cast<long long>(fz_skip(ctx, stream, limit + 1));
    }
  }
  fz_always(ctx) { fz_drop_stream(ctx, stream); }
  fz_catch(ctx) { size = -1; }
  return size;
}

enum class PageOutcome { read, unreadable, too_large };

// Interprets one page into `text` and `capture`. Only MuPDF calls inside the fz_try.
PageOutcome run_page(fz_context* ctx, pdf_page* page, fz_matrix ctm, fz_stext_page* text,
                     PageCapture* capture, fz_cookie* cookie) {
  fz_device* volatile text_device = nullptr;
  fz_device* volatile device = nullptr;
  volatile PageOutcome outcome = PageOutcome::read;
  fz_try(ctx) {
    fz_stext_options options{};
    options.flags = FZ_STEXT_INHIBIT_SPACES | FZ_STEXT_MEDIABOX_CLIP;
    text_device = fz_new_stext_device(ctx, text, &options);
    device = new_capture_device(ctx, text_device, capture);
    fz_run_page(ctx, &page->super, device, ctm, cookie);
    fz_close_device(ctx, device);
    fz_close_device(ctx, text_device);
  }
  fz_always(ctx) {
    fz_drop_device(ctx, device);
    fz_drop_device(ctx, text_device);
  }
  fz_catch(ctx) { outcome = PageOutcome::unreadable; }
  if (capture->over_limit) return PageOutcome::too_large;
  return outcome;
}

fz_stext_page* new_text_page(fz_context* ctx, fz_rect bounds) {
  fz_stext_page* volatile text = nullptr;
  fz_try(ctx) { text = fz_new_stext_page(ctx, bounds); }
  fz_catch(ctx) { text = nullptr; }
  return text;
}

struct LoadedPage {
  pdf_page* page = nullptr;
  fz_stext_page* text = nullptr;
  fz_rect bounds{};
};

bool load_page(fz_context* ctx, pdf_document* doc, int index, LoadedPage& loaded) {
  pdf_page* volatile page = nullptr;
  fz_stext_page* volatile text = nullptr;
  fz_rect bounds{};
  fz_try(ctx) {
    page = pdf_load_page(ctx, doc, index);
    bounds = fz_bound_page(ctx, &page->super);
    text = fz_new_stext_page(ctx, bounds);
  }
  fz_catch(ctx) {
    if (page != nullptr) fz_drop_page(ctx, &page->super);
    return false;
  }
  loaded.page = page;
  loaded.text = text;
  loaded.bounds = bounds;
  return true;
}

// The quarter turn (0, 90, 180 or 270 degrees) that makes most of the page's text run left to
// right: a landscape table on a page turned by /Rotate, or printed sideways on a portrait page,
// reads like any other once turned back.
int turn_to_upright(const fz_stext_page* text) {
  int by_direction[4] = {0, 0, 0, 0};  // text running right, down, left, up (y down)
  for (fz_stext_block* block = text->first_block; block != nullptr; block = block->next) {
    if (block->type != FZ_STEXT_BLOCK_TEXT) continue;
    for (fz_stext_line* line = block->u.t.first_line; line != nullptr; line = line->next) {
      int chars = 0;
      for (fz_stext_char* ch = line->first_char; ch != nullptr; ch = ch->next) ++chars;
      const fz_point d = line->dir;
      const int direction =
          std::fabs(d.x) >= std::fabs(d.y) ? (d.x >= 0 ? 0 : 2) : (d.y >= 0 ? 1 : 3);
      by_direction[direction] += chars;
    }
  }
  const int total = by_direction[0] + by_direction[1] + by_direction[2] + by_direction[3];
  for (int direction = 1; direction < 4; ++direction)
    if (2 * by_direction[direction] > total) return (4 - direction) % 4 * 90;
  return 0;
}

// The page turned by `degrees` clockwise, moved so that it starts at the origin again.
fz_matrix turned(fz_rect bounds, int degrees, fz_rect& turned_bounds) {
  const fz_matrix rotate = fz_rotate(static_cast<float>(degrees));
  const fz_rect r = fz_transform_rect(bounds, rotate);
  turned_bounds = {0, 0, r.x1 - r.x0, r.y1 - r.y0};
  return fz_concat(rotate, fz_translate(-r.x0, -r.y0));
}

// A capture for one run of a page, under the document's limits.
PageCapture new_capture(Reading& reading, fz_cookie& cookie) {
  PageCapture capture;
  capture.max_segments = reading.limits->max_path_segments;
  capture.glyphs = &reading.glyphs;
  capture.max_glyphs = reading.limits->max_glyphs;
  capture.cookie = &cookie;
  return capture;
}

void read_page(Reading& reading, int index) {
  fz_context* ctx = reading.ctx;
  Page page;
  page.number = index + 1;
  LoadedPage loaded;
  if (!load_page(ctx, reading.doc, index, loaded)) {
    note(*reading.source, "pdf_page_unreadable",
         "page " + std::to_string(page.number) + " could not be loaded");
    reading.source->pages.push_back(std::move(page));
    return;
  }
  page.width = page.displayed_width = loaded.bounds.x1 - loaded.bounds.x0;
  page.height = page.displayed_height = loaded.bounds.y1 - loaded.bounds.y0;
  const long long content =
      content_size(ctx, reading.doc, loaded.page, reading.limits->max_content_bytes);
  PageOutcome outcome = PageOutcome::unreadable;
  PageCapture capture;
  fz_cookie cookie{};
  const std::size_t glyphs_before = reading.glyphs;
  if (content > static_cast<long long>(reading.limits->max_content_bytes)) {
    outcome = PageOutcome::too_large;
  } else {
    capture = new_capture(reading, cookie);
    outcome = run_page(ctx, loaded.page, fz_identity, loaded.text, &capture, &cookie);
  }
  if (outcome == PageOutcome::read) {
    if (const int degrees = turn_to_upright(loaded.text); degrees != 0) {
      // Read again in the turned frame, so that lines, columns and rules are horizontal and
      // vertical as the geometry expects.
      fz_rect bounds{};
      const fz_matrix ctm = turned(loaded.bounds, degrees, bounds);
      fz_stext_page* text = new_text_page(ctx, bounds);
      if (text != nullptr) {
        fz_drop_stext_page(ctx, loaded.text);
        loaded.text = text;
        loaded.bounds = bounds;
        capture = new_capture(reading, cookie);
        reading.glyphs = glyphs_before;
        outcome = run_page(ctx, loaded.page, ctm, loaded.text, &capture, &cookie);
        page.turned = degrees;
        page.width = bounds.x1;
        page.height = bounds.y1;
      }
    }
  }
  if (outcome == PageOutcome::read) {
    collect_glyphs(ctx, loaded.text, loaded.bounds, reading.fonts, reading.run, page);
    for (Rule& rule : capture.rules) {
      rule.x0 -= loaded.bounds.x0;
      rule.x1 -= loaded.bounds.x0;
      rule.y0 -= loaded.bounds.y0;
      rule.y1 -= loaded.bounds.y0;
    }
    page.rules = std::move(capture.rules);
    page.images = capture.images;
    page.image_dpi = capture.image_dpi;
    page.invisible_text =
        capture.text_glyphs > 0 && capture.invisible_glyphs * 10 >= capture.text_glyphs * 9;
    page.read = true;
  } else if (outcome == PageOutcome::too_large) {
    note(*reading.source, "pdf_stream_too_large",
         "page " + std::to_string(page.number) +
             " draws more than the reader's limits allow (content streams over " +
             std::to_string(reading.limits->max_content_bytes >> 20) + " MiB, or too many " +
             "glyphs or path segments); its text is not read");
  } else {
    note(*reading.source, "pdf_page_unreadable",
         "page " + std::to_string(page.number) + " could not be interpreted");
  }
  fz_drop_stext_page(ctx, loaded.text);
  fz_drop_page(ctx, &loaded.page->super);
  reading.source->pages.push_back(std::move(page));
}

// PDF dates are written D:YYYYMMDDHHmmSS…; the date part as YYYY-MM-DD.
std::string pdf_date(const std::string& raw) {
  std::string digits;
  for (char c : raw) {
    if (c >= '0' && c <= '9') digits.push_back(c);
    if (digits.size() == 8) break;
  }
  if (digits.size() < 8) return {};
  return digits.substr(0, 4) + "-" + digits.substr(4, 2) + "-" + digits.substr(6, 2);
}

// Chromium embeds its fonts as Type 3 fonts of up to 256 glyphs each, and MuPDF, loading such
// a font, runs every glyph's drawing procedure into a display list: 19,098 procedures, 87 % of
// the time, for one five-page report. Text needs only the fonts' widths, encodings and ToUnicode
// maps, so the procedures are set aside (in memory; the file is not changed) before any page is
// read. Nothing here draws a glyph.
void skip_type3_procedures_of(fz_context* ctx, pdf_document* doc, int object) {
  pdf_obj* volatile obj = nullptr;
  fz_try(ctx) {
    obj = pdf_load_object(ctx, doc, object);
    if (pdf_is_dict(ctx, obj) &&
        pdf_name_eq(ctx, pdf_dict_get(ctx, obj, PDF_NAME(Subtype)), PDF_NAME(Type3)) &&
        pdf_is_dict(ctx, pdf_dict_get(ctx, obj, PDF_NAME(CharProcs))))
      pdf_dict_put_drop(ctx, obj, PDF_NAME(CharProcs), pdf_new_dict(ctx, doc, 0));
  }
  fz_always(ctx) { pdf_drop_obj(ctx, obj); }
  fz_catch(ctx) {}  // a damaged object: the page that uses it says so when it is read
}

int object_count(fz_context* ctx, pdf_document* doc) {
  volatile int count = 0;
  fz_try(ctx) { count = pdf_xref_len(ctx, doc); }
  fz_catch(ctx) { count = 0; }
  return count;
}

void skip_type3_glyph_procedures(fz_context* ctx, pdf_document* doc) {
  const int objects = object_count(ctx, doc);
  for (int i = 1; i < objects; ++i) skip_type3_procedures_of(ctx, doc, i);
}

void read_document(Reading& reading, std::string_view bytes) {
  fz_context* ctx = reading.ctx;
  Source& source = *reading.source;
  std::string error;
  reading.doc = open_document(ctx, bytes, error);
  if (reading.doc == nullptr) {
    note(source, "pdf_damaged", "the PDF cannot be opened: " + error, true);
    return;
  }
  const int password = password_state(ctx, reading.doc);
  if (password != 0) {
    note(source, password > 0 ? "pdf_encrypted" : "pdf_damaged",
         password > 0 ? "the PDF is encrypted with a user password"
                      : "the PDF's encryption cannot be read",
         true);
    return;
  }
  source.page_count = count_pages(ctx, reading.doc);
  if (source.page_count < 0) {
    note(source, "pdf_damaged", "the PDF's page tree cannot be read", true);
    return;
  }
  skip_type3_glyph_procedures(ctx, reading.doc);
  source.title = metadata(ctx, reading.doc, FZ_META_INFO_TITLE);
  source.author = metadata(ctx, reading.doc, FZ_META_INFO_AUTHOR);
  source.creator = metadata(ctx, reading.doc, FZ_META_INFO_CREATOR);
  source.producer = metadata(ctx, reading.doc, FZ_META_INFO_PRODUCER);
  source.created = pdf_date(metadata(ctx, reading.doc, FZ_META_INFO_CREATIONDATE));
  const bool repaired = was_repaired(ctx, reading.doc);
  const int limit = repaired ? reading.limits->max_pages_repaired : reading.limits->max_pages;
  const int pages = std::min(source.page_count, limit);
  if (pages < source.page_count)
    note(source, "pdf_pages_truncated",
         "the PDF has " + std::to_string(source.page_count) + " pages; only the first " +
             std::to_string(pages) + " are read" +
             (repaired ? " (its cross-reference table had to be rebuilt)" : ""));
  for (int i = 0; i < pages && !reading.budget->exceeded; ++i) read_page(reading, i);
  if (was_repaired(ctx, reading.doc))
    note(source, "pdf_repaired",
         "the PDF's cross-reference table was broken and has been rebuilt; what it says may be "
         "incomplete");
}

// ---- Scanned pages -----------------------------------------------------------------------

constexpr int k_least_scan_dpi = 72;

bool is_scan(const Source& source) {
  bool images = false;
  for (const Page& page : source.pages) {
    if (!page.glyphs.empty()) return false;
    images = images || (page.read && page.images > 0);
  }
  return images;
}

// The page drawn as RGB pixels at `dpi`, as the page is displayed (its /Rotate applied); empty
// when it cannot be drawn.
image::Raster draw_page(fz_context* ctx, pdf_document* doc, int index, int dpi) {
  image::Raster raster;
  pdf_page* volatile page = nullptr;
  fz_pixmap* volatile pixmap = nullptr;
  fz_try(ctx) {
    page = pdf_load_page(ctx, doc, index);
    const float scale = static_cast<float>(dpi) / 72.0f;
    pixmap =
        fz_new_pixmap_from_page(ctx, &page->super, fz_scale(scale, scale), fz_device_rgb(ctx), 0);
  }
  fz_catch(ctx) { pixmap = nullptr; }
  if (pixmap != nullptr && fz_pixmap_components(ctx, pixmap) == 3) {
    raster.width = fz_pixmap_width(ctx, pixmap);
    raster.height = fz_pixmap_height(ctx, pixmap);
    raster.channels = 3;
    raster.dpi = dpi;
    const auto row_bytes = static_cast<std::size_t>(raster.width) * 3;
    const auto stride = static_cast<std::size_t>(fz_pixmap_stride(ctx, pixmap));
    const unsigned char* samples = fz_pixmap_samples(ctx, pixmap);
    raster.pixels.resize(row_bytes * static_cast<std::size_t>(raster.height));
    for (int y = 0; y < raster.height; ++y)
      std::memcpy(raster.pixels.data() + row_bytes * static_cast<std::size_t>(y),
                  samples + stride * static_cast<std::size_t>(y), row_bytes);
  }
  if (pixmap != nullptr) fz_drop_pixmap(ctx, pixmap);
  if (page != nullptr) fz_drop_page(ctx, &page->super);
  return raster;
}

void hand_over_scanned_pages(Reading& reading, const ScanPages& scans) {
  if (!scans.on_page || !is_scan(*reading.source)) return;
  for (const Page& page : reading.source->pages) {
    if (!page.read || page.images == 0 || reading.budget->exceeded) continue;
    // Drawn at the scan's own resolution where it is known (up to `dpi`): OCR scales a coarse
    // scan up smoothly, where drawing it larger would repeat its pixels in blocks.
    const int dpi =
        page.image_dpi >= k_least_scan_dpi ? std::min(page.image_dpi, scans.dpi) : scans.dpi;
    const image::Raster raster = draw_page(reading.ctx, reading.doc, page.number - 1, dpi);
    if (raster.width > 0) {
      scans.on_page(page.number, raster);
    } else {
      note(*reading.source, "pdf_page_unreadable",
           "scanned page " + std::to_string(page.number) + " could not be drawn for OCR");
    }
  }
}

void close_document(fz_context* ctx, pdf_document* doc) {
  if (doc != nullptr) fz_drop_document(ctx, &doc->super);
}

}  // namespace

Source load_pdf(std::string_view bytes, const Limits& limits, const ScanPages* scans) {
  Source source;
  Budget budget;
  budget.limit = limits.memory_bytes;
  fz_alloc_context alloc{&budget, budget_malloc, budget_realloc, budget_free};
  // A small resource store: fonts and images are kept only while their page is read.
  fz_context* ctx = fz_new_context(&alloc, nullptr, 32u << 20);
  if (ctx == nullptr) {
    note(source, "pdf_memory_limit", "the PDF library could not start within its memory budget",
         true);
    return source;
  }
  Messages messages;
  fz_set_warning_callback(ctx, collect_message, &messages);
  fz_set_error_callback(ctx, collect_message, &messages);
  Reading reading;
  reading.ctx = ctx;
  reading.limits = &limits;
  reading.source = &source;
  reading.budget = &budget;
  try {
    read_document(reading, bytes);
    if (scans != nullptr && reading.doc != nullptr) hand_over_scanned_pages(reading, *scans);
  } catch (...) {  // out of memory in our own containers
    budget.exceeded = true;
  }
  close_document(ctx, reading.doc);
  fz_flush_warnings(ctx);
  fz_drop_context(ctx);
  if (budget.exceeded)
    note(source, "pdf_memory_limit",
         "reading the PDF needed more than " + std::to_string(limits.memory_bytes >> 20) +
             " MiB; what was read before is kept",
         source.pages.empty());
  if (messages.count > 0) {
    std::string text = std::to_string(messages.count) + " message(s) from the PDF library: ";
    for (std::size_t i = 0; i < messages.lines.size(); ++i)
      text += (i ? "; " : "") + messages.lines[i];
    note(source, "pdf_library_message", text);
  }
  return source;
}

}  // namespace nianbao::readers::pdf
