#include "extractor/bulk/outcome.hpp"

#include <cstdint>

namespace nianbao::bulk {
namespace {

class WireWriter {
 public:
  void byte(std::uint8_t b) { out_.push_back(static_cast<char>(b)); }
  void number(std::uint64_t n) {
    for (int i = 0; i < 8; ++i) out_.push_back(static_cast<char>((n >> (8 * i)) & 0xFFu));
  }
  void text(std::string_view s) {
    number(s.size());
    out_.append(s);
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class WireReader {
 public:
  explicit WireReader(std::string_view in) : in_(in) {}
  bool byte(std::uint8_t& b) {
    if (at_ >= in_.size()) return false;
    b = static_cast<std::uint8_t>(in_[at_++]);
    return true;
  }
  bool number(std::uint64_t& n) {
    if (in_.size() - at_ < 8) return false;
    n = 0;
    for (int i = 0; i < 8; ++i)
      n |= static_cast<std::uint64_t>(
               static_cast<unsigned char>(in_[at_ + static_cast<unsigned>(i)]))
           << (8 * i);
    at_ += 8;
    return true;
  }
  bool text(std::string& s) {
    std::uint64_t n = 0;
    if (!number(n) || n > in_.size() - at_) return false;
    s.assign(in_.substr(at_, n));
    at_ += n;
    return true;
  }
  // A count of items that each take at least `min_bytes`: bounded by what is left, so a bad
  // count cannot make the reader reserve without end.
  bool count(std::uint64_t& n, std::size_t min_bytes) {
    return number(n) && n <= (in_.size() - at_) / min_bytes;
  }
  bool done() const { return at_ == in_.size(); }

 private:
  std::string_view in_;
  std::size_t at_ = 0;
};

void write_report(WireWriter& w, const store::StoredReport& r) {
  w.text(r.key);
  w.text(r.path);
  w.text(r.status);
  w.number(r.tables.size());
  for (const std::vector<store::Row>& rows : r.tables) {
    w.number(rows.size());
    for (const store::Row& row : rows) {
      w.number(row.size());
      for (const store::Field& field : row) {
        w.byte(field ? 1 : 0);
        if (field) w.text(*field);
      }
    }
  }
}

bool read_row(WireReader& r, store::Row& row) {
  std::uint64_t fields = 0;
  if (!r.count(fields, 1)) return false;
  row.resize(fields);
  for (store::Field& field : row) {
    std::uint8_t present = 0;
    if (!r.byte(present) || present > 1) return false;
    if (present == 0) continue;
    field.emplace();
    if (!r.text(*field)) return false;
  }
  return true;
}

bool read_report(WireReader& r, store::StoredReport& report) {
  std::uint64_t tables = 0;
  if (!r.text(report.key) || !r.text(report.path) || !r.text(report.status) || !r.count(tables, 8))
    return false;
  report.tables.resize(tables);
  for (std::vector<store::Row>& rows : report.tables) {
    std::uint64_t n = 0;
    if (!r.count(n, 8)) return false;
    rows.resize(n);
    for (store::Row& row : rows)
      if (!read_row(r, row)) return false;
  }
  return true;
}

}  // namespace

std::string encode_input(const Input& input) {
  WireWriter w;
  w.byte(static_cast<std::uint8_t>(input.kind));
  w.text(input.path);
  w.text(input.bytes);
  w.text(input.code);
  w.text(input.message);
  return w.take();
}

std::optional<Input> decode_input(std::string_view body) {
  WireReader r(body);
  Input in;
  std::uint8_t kind = 0;
  if (!r.byte(kind) || kind > static_cast<std::uint8_t>(Input::Kind::failed)) return std::nullopt;
  in.kind = static_cast<Input::Kind>(kind);
  if (!r.text(in.path) || !r.text(in.bytes) || !r.text(in.code) || !r.text(in.message) || !r.done())
    return std::nullopt;
  return in;
}

std::string encode_outcome(const Outcome& outcome) {
  WireWriter w;
  w.text(outcome.path);
  w.byte(static_cast<std::uint8_t>(outcome.status));
  w.text(outcome.text);
  w.text(outcome.unchanged_key);
  w.byte(outcome.report ? 1 : 0);
  if (outcome.report) write_report(w, *outcome.report);
  return w.take();
}

std::optional<Outcome> decode_outcome(std::string_view body) {
  WireReader r(body);
  Outcome out;
  std::uint8_t status = 0;
  std::uint8_t has_report = 0;
  if (!r.text(out.path) || !r.byte(status) ||
      status > static_cast<std::uint8_t>(model::RecordStatus::failed) || !r.text(out.text) ||
      !r.text(out.unchanged_key) || !r.byte(has_report) || has_report > 1)
    return std::nullopt;
  out.status = static_cast<model::RecordStatus>(status);
  if (has_report == 1) {
    out.report.emplace();
    if (!read_report(r, *out.report)) return std::nullopt;
  }
  if (!r.done()) return std::nullopt;
  return out;
}

std::string frame_header(std::size_t body_size) {
  std::string out;
  for (int i = 0; i < 8; ++i)
    out.push_back(static_cast<char>((static_cast<std::uint64_t>(body_size) >> (8 * i)) & 0xFFu));
  return out;
}

std::size_t frame_body_size(std::string_view data) {
  std::uint64_t n = 0;
  for (int i = 0; i < 8; ++i)
    n |= static_cast<std::uint64_t>(static_cast<unsigned char>(data[static_cast<unsigned>(i)]))
         << (8 * i);
  return static_cast<std::size_t>(n);
}

}  // namespace nianbao::bulk
