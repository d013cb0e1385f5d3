# Turns a data file (templates, identity rules, vocabularies) into a C++ source that holds its
# bytes, so the program never reads its own data from disk at run time.
#   nianbao_embed_data(TARGET <lib> SYMBOL <name> FILE <path>)
# defines `std::string_view nianbao::data::<name>()`. The source is written at configure time,
# and editing the data file re-runs the configure step.
function(nianbao_embed_data)
  cmake_parse_arguments(ARG "" "TARGET;SYMBOL;FILE" "" ${ARGN})
  set(out "${CMAKE_CURRENT_BINARY_DIR}/embedded_${ARG_SYMBOL}.cpp")
  set(IN "${ARG_FILE}")
  set(OUT "${out}")
  set(SYMBOL "${ARG_SYMBOL}")
  include("${PROJECT_SOURCE_DIR}/cmake/EmbedFile.cmake")
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${ARG_FILE}")
  target_sources(${ARG_TARGET} PRIVATE "${out}")
endfunction()
