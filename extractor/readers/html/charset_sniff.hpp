#pragma once
// Finds the charset a page declares, before any parsing: the bytes are not yet text, so the
// scan works on ASCII only, as a browser's pre-scan does.

#include <string>
#include <string_view>

namespace nianbao::readers::html {

// How far into the page the pre-scan looks. Browsers use 1024 bytes; Chinese government pages
// often carry long <head> sections with inline scripts before the <meta>, so look further.
inline constexpr std::size_t k_charset_scan_bytes = 8192;

// The charset label from <meta charset=…>, <meta http-equiv="Content-Type" content="…;
// charset=…"> or an XML declaration's encoding="…", whichever comes first outside comments;
// "" when the page declares none.
std::string find_declared_charset(std::string_view bytes);

}  // namespace nianbao::readers::html
