# Warnings on for the project's own targets; sanitizers as one switch.
function(nianbao_target_defaults target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
    -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
    -Wimplicit-fallthrough)
  # GCC 12 at -O2/-O3 reports -Wrestrict and -Wmaybe-uninitialized inside libstdc++'s string
  # and std::optional code that is correct (GCC bugs 105329, 105545); the Debug builds, where
  # the test suite runs, keep both warnings.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(${target} PRIVATE
      $<$<NOT:$<CONFIG:Debug>>:-Wno-restrict -Wno-maybe-uninitialized>)
  endif()
  if(NIANBAO_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(NIANBAO_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
  # Coverage for libFuzzer in every project target; the harness programs add -fsanitize=fuzzer
  # at link time (tests/fuzz/CMakeLists.txt).
  if(NIANBAO_FUZZ)
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link,address,undefined
      -fno-omit-frame-pointer -fno-sanitize-recover=all)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()

# A program (not a library) gets mimalloc as its allocator, unless sanitizing: the shared
# library exports malloc/free/new/delete, so linking it replaces glibc's for the whole process.
function(nianbao_program_allocator target)
  if(NIANBAO_MIMALLOC AND NOT NIANBAO_SANITIZE AND NOT NIANBAO_FUZZ)
    target_link_libraries(${target} PRIVATE mimalloc)
    target_compile_definitions(${target} PRIVATE NIANBAO_WITH_MIMALLOC=1)
  endif()
endfunction()
