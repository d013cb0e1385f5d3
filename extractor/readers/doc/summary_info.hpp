#pragma once
// The title of a compound file's summary information (\005SummaryInformation, an OLE property
// set: [MS-OLEPS]). Read here rather than by libgsf's metadata parser, which leaks on some
// damaged property sets; the title's bytes are decoded from the set's code page.

#include <string>
#include <string_view>

namespace nianbao::readers::doc {

// The title (PIDSI_TITLE) as UTF-8, trimmed; empty when the stream has none or does not parse.
std::string summary_title(std::string_view stream);

}  // namespace nianbao::readers::doc
