#!/usr/bin/env bash
# README command 2: install what is needed, build everything with AddressSanitizer and
# UndefinedBehaviorSanitizer (warnings are errors), run the whole test suite, build the Release
# programs and check they write the same records, fuzz every harness briefly, and check the
# formatting of the sources.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DNIANBAO_SANITIZE=ON -DNIANBAO_WERROR=ON
cmake --build build-asan -j"$(nproc)"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir build-asan --output-on-failure -j"$(nproc)"
# The Release build (what users run: -O3, mimalloc, no sanitizers) must build without warnings,
# benchmarks included, and write the same records as the checked build above.
cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DNIANBAO_BUILD_TESTS=OFF \
  -DNIANBAO_BUILD_BENCH=ON -DNIANBAO_WERROR=ON
cmake --build build-release -j"$(nproc)"
mapfile -t samples < <(find corpus -type f \( -name '*.txt' -o -name '*.docx' -o -name '*.html' \
  -o -name '*.doc' -o -name '*.wps' -o -name '*.pdf' \) \
  ! -name '*.source.txt' | sort)
if ! cmp -s <(./build-asan/extractor/cli/nianbao extract -q --ndjson "${samples[@]}") \
  <(./build-release/extractor/cli/nianbao extract -q --ndjson "${samples[@]}"); then
  echo "test: the Release build's records differ from the checked build's" >&2
  exit 1
fi
echo "test: Release build gives the same ${#samples[@]} records as the checked build"
# Every fuzz harness for 15 s from its seeds, in a clang build of its own (tools/fuzz.sh): a
# crash, leak, hang or UB found in that time fails the test. Longer campaigns: README, Fuzzing.
NIANBAO_FUZZ_JOBS="$(nproc)" bash tools/fuzz.sh --all 15
bash tools/check-format.sh
