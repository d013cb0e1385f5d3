#include "extractor/model/record.hpp"

namespace nianbao::model {

const char* to_string(RecordStatus status) {
  switch (status) {
    case RecordStatus::ok:
      return "ok";
    case RecordStatus::partial:
      return "partial";
    case RecordStatus::failed:
      return "failed";
  }
  return "failed";
}

const char* to_string(CheckStatus status) {
  switch (status) {
    case CheckStatus::pass:
      return "pass";
    case CheckStatus::fail:
      return "fail";
    case CheckStatus::not_assessable:
      return "not_assessable";
  }
  return "not_assessable";
}

}  // namespace nianbao::model
