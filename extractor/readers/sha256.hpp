#pragma once
// SHA-256 of the input bytes: the content key of a report (re-runs and the database key on it).
#include <string>
#include <string_view>

namespace nianbao::readers {

std::string sha256_hex(std::string_view bytes);

}  // namespace nianbao::readers
