#!/usr/bin/env bash
# README command 2: install what is needed, build everything with AddressSanitizer and
# UndefinedBehaviorSanitizer (warnings are errors), run the whole test suite, and check the
# formatting of the sources.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DNIANBAO_SANITIZE=ON -DNIANBAO_WERROR=ON
cmake --build build-asan -j"$(nproc)"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir build-asan --output-on-failure -j"$(nproc)"
bash tools/check-format.sh
