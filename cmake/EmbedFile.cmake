# Writes OUT, a C++ file defining nianbao::data::SYMBOL() over the bytes of IN. Only rewrites
# OUT when its content changes, so unchanged data does not trigger a rebuild.
file(READ "${IN}" hex HEX)
string(LENGTH "${hex}" hex_len)
math(EXPR byte_count "${hex_len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
set(content "// Generated from ${IN}; do not edit.\n#include <string_view>\nnamespace nianbao::data {\nnamespace {\nconstexpr char k_bytes[] = {${bytes} '\\0'};\n}\nstd::string_view ${SYMBOL}() { return {k_bytes, ${byte_count}}; }\n}  // namespace nianbao::data\n")
file(CONFIGURE OUTPUT "${OUT}" CONTENT "${content}" @ONLY)
