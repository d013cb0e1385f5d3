# MuPDF from Debian's libmupdf-dev: static archives only (libmupdf.a, libmupdf-third.a), so the
# libraries it was built against are linked too. Their list comes from mupdf.pc's private part
# (--static), plus harfbuzz, which Debian's build uses but the .pc file does not name.
find_package(PkgConfig REQUIRED)
pkg_check_modules(MUPDF_PC QUIET mupdf)
find_path(MuPDF_INCLUDE_DIR mupdf/fitz.h HINTS ${MUPDF_PC_INCLUDE_DIRS})
find_library(MuPDF_LIBRARY NAMES libmupdf.a mupdf HINTS ${MUPDF_PC_LIBRARY_DIRS})
find_library(MuPDF_THIRD_LIBRARY NAMES libmupdf-third.a mupdf-third HINTS ${MUPDF_PC_LIBRARY_DIRS})
pkg_check_modules(MUPDF_DEPS QUIET IMPORTED_TARGET freetype2 harfbuzz libopenjp2 zlib libjpeg)
find_library(MuPDF_MUJS_LIBRARY mujs)
find_library(MuPDF_GUMBO_LIBRARY gumbo)
find_library(MuPDF_JBIG2_LIBRARY jbig2dec)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(MuPDF
  REQUIRED_VARS MuPDF_LIBRARY MuPDF_THIRD_LIBRARY MuPDF_INCLUDE_DIR MUPDF_DEPS_FOUND
                MuPDF_MUJS_LIBRARY MuPDF_GUMBO_LIBRARY MuPDF_JBIG2_LIBRARY
  VERSION_VAR MUPDF_PC_VERSION)

if(MuPDF_FOUND AND NOT TARGET MuPDF::MuPDF)
  add_library(MuPDF::MuPDF INTERFACE IMPORTED)
  # MuPDF's headers are a system library's: their warnings are not ours.
  set_target_properties(MuPDF::MuPDF PROPERTIES INTERFACE_SYSTEM_INCLUDE_DIRECTORIES
                                                "${MuPDF_INCLUDE_DIR}")
  target_include_directories(MuPDF::MuPDF INTERFACE "${MuPDF_INCLUDE_DIR}")
  target_link_libraries(MuPDF::MuPDF INTERFACE
    "${MuPDF_LIBRARY}" "${MuPDF_THIRD_LIBRARY}" "${MuPDF_MUJS_LIBRARY}" "${MuPDF_GUMBO_LIBRARY}"
    "${MuPDF_JBIG2_LIBRARY}" PkgConfig::MUPDF_DEPS m)
endif()
