#!/usr/bin/env bash
# The libFuzzer harnesses of tests/fuzz (listed in tests/fuzz/harnesses.tsv), in a clang build
# of their own (build-fuzz: -fsanitize=fuzzer,address,undefined; the g++ builds are untouched).
#
#   tools/fuzz.sh --list              the harnesses
#   tools/fuzz.sh --build             only build them
#   tools/fuzz.sh HARNESS SECONDS     build, then fuzz one harness for SECONDS from its seeds
#   tools/fuzz.sh --all SECONDS       build, then fuzz every harness for SECONDS each, in turn
#
# The seeds (tests/fuzz/make_seeds.py, from corpus/) are copied into a working corpus that the
# fuzzer grows and keeps between runs: $NIANBAO_FUZZ_CORPORA/<harness> (default
# build-fuzz/corpus; never in git). Saved reproducers in tests/fuzz/regressions/<harness>/ are
# run first as extra inputs. A crash, leak, timeout (10 s) or more than 2 GiB of memory stops
# the run with a non-zero exit; the input is written to build-fuzz/artifacts/<harness>/ and
# belongs, once fixed, in tests/fuzz/regressions/<harness>/. Logs: build-fuzz/logs/<harness>.log.
# Environment: NIANBAO_FUZZ_BUILD (build dir), NIANBAO_FUZZ_CORPORA, NIANBAO_FUZZ_JOBS (build
# jobs, default 2), CXX_FUZZ (default clang++-14).
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${NIANBAO_FUZZ_BUILD:-build-fuzz}
corpora=${NIANBAO_FUZZ_CORPORA:-$build_dir/corpus}
jobs=${NIANBAO_FUZZ_JOBS:-2}
compiler=${CXX_FUZZ:-clang++-14}
table=tests/fuzz/harnesses.tsv

harnesses() { grep -v '^#' "$table" | cut -f1; }

usage() {
  sed -n '5,8p' "$0" | sed 's/^# *//' >&2
  exit 2
}

build() {
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_CXX_COMPILER="$compiler" \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
    -DNIANBAO_FUZZ=ON -DNIANBAO_BUILD_TESTS=OFF -DNIANBAO_BUILD_BENCH=OFF -DNIANBAO_WERROR=OFF \
    >/dev/null
  local targets=()
  for name in $(harnesses); do targets+=("fuzz_$name"); done
  cmake --build "$build_dir" -j"$jobs" --target "${targets[@]}"
}

# Fuzzes one harness; prints one summary line; returns libFuzzer's exit code.
run_one() {
  local name=$1 seconds=$2
  harnesses | grep -qx "$name" || { echo "fuzz: no harness named $name (--list)" >&2; return 2; }
  local seeds=$build_dir/seeds corpus=$corpora/$name artifacts=$build_dir/artifacts/$name
  local log=$build_dir/logs/$name.log
  python3 tests/fuzz/make_seeds.py --out "$seeds" --only "$name" --quiet
  mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
  cp -n "$seeds/$name"/* "$corpus"/
  local extra=()
  [ -d "tests/fuzz/regressions/$name" ] && extra+=("tests/fuzz/regressions/$name")
  local options=(-max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10
    -artifact_prefix="$artifacts/" -print_final_stats=1)
  [ -f "tests/fuzz/dicts/$name.dict" ] && options+=(-dict="tests/fuzz/dicts/$name.dict")
  local rc=0 started=$SECONDS
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$build_dir/tests/fuzz/fuzz_$name" "${options[@]}" "$corpus" "${extra[@]}" >"$log" 2>&1 || rc=$?
  # Wall-clock time of the run: libFuzzer prints its own only when it ran to the end.
  local executions elapsed=$((SECONDS - started))
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  printf 'fuzz: %-10s %12s executions in %4s s, corpus %5d files, exit %d\n' "$name" \
    "${executions:-?}" "$elapsed" "$(find "$corpus" -type f | wc -l)" "$rc"
  if [ "$rc" -ne 0 ]; then
    echo "fuzz: $name failed; the end of $log:" >&2
    grep -E 'ERROR|SUMMARY|fuzz check failed|Test unit written' "$log" | head -20 >&2 || true
    tail -40 "$log" >&2
  fi
  return "$rc"
}

case "${1:-}" in
  --list)
    harnesses
    ;;
  --build)
    build
    ;;
  --all)
    [ $# -eq 2 ] || usage
    build
    failed=()
    for name in $(harnesses); do run_one "$name" "$2" || failed+=("$name"); done
    if [ ${#failed[@]} -gt 0 ]; then
      echo "fuzz: failed: ${failed[*]}" >&2
      exit 1
    fi
    echo "fuzz: every harness ran $2 s without a crash"
    ;;
  -*|"")
    usage
    ;;
  *)
    [ $# -eq 2 ] || usage
    build
    run_one "$1" "$2"
    ;;
esac
