#!/usr/bin/env bash
# Fails when a C++ source of the project is not formatted with the repository's .clang-format.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t sources < <(git ls-files '*.cpp' '*.hpp' 2>/dev/null || find . -name '*.[ch]pp' -not -path './build*')
if [ ${#sources[@]} -eq 0 ]; then exit 0; fi
clang-format --dry-run --Werror "${sources[@]}"
echo "format: ${#sources[@]} files clean"
