#!/usr/bin/env bash
# README command 1: install what is needed, build nianbao (Release), and extract the bundled
# sample reports, printing one JSON record per report (NDJSON).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh >&2
cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DNIANBAO_BUILD_TESTS=OFF \
  -DNIANBAO_BUILD_BENCH=OFF >&2
cmake --build build-release -j"$(nproc)" >&2
mapfile -t samples < <(find corpus -type f \( -name '*.txt' -o -name '*.docx' -o -name '*.html' -o -name '*.htm' \
  -o -name '*.doc' -o -name '*.wps' -o -name '*.pdf' \) \
  ! -name '*.source.txt' | sort)
# Exit 1 means some input failed and its record says why: the bundled scan
# (a damaged or unreadable sample) is such an input on purpose.
status=0
./build-release/extractor/cli/nianbao extract --ndjson "${samples[@]}" || status=$?
[ "$status" -le 1 ]
