#!/usr/bin/env bash
# Loads a corpus into SQLite and into a throwaway PostgreSQL server (Debian's packages, started
# here in a scratch directory on a unix socket only), twice each, and prints the times and the
# row counts: the second run must write nothing and change no count.
#
# Usage: tools/bulk_db_check.sh CORPUS_DIR [NIANBAO]
#   CORPUS_DIR  e.g. the docx folder made by tools/gen_corpus.py (golden files are excluded)
set -euo pipefail
corpus=${1:?usage: tools/bulk_db_check.sh CORPUS_DIR [NIANBAO]}
nianbao=${2:-$(dirname "$0")/../build-release/extractor/cli/nianbao}
work=$(mktemp -d /tmp/nianbao-db-XXXXXX)
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_user=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$work"
  as_user=(runuser -u postgres --)
fi
cleanup() {
  "${as_user[@]}" "$bin/pg_ctl" -D "$work/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
"${as_user[@]}" "$bin/initdb" -D "$work/data" -A trust -U nianbao -E UTF8 --locale=C >/dev/null
"${as_user[@]}" "$bin/pg_ctl" -D "$work/data" -o "-k $work -c listen_addresses=" \
  -l "$work/log" -w start >/dev/null
pg="postgresql:///postgres?host=$work&user=nianbao"
sqlite="$work/out.sqlite"

counts() {  # target
  local q="SELECT (SELECT count(*) FROM reports) || ' reports, ' || (SELECT count(*) FROM paths)
    || ' paths, ' || (SELECT count(*) FROM figures) || ' figures, ' || (SELECT count(*) FROM checks)
    || ' checks, ' || (SELECT count(*) FROM reports WHERE status = 'failed') || ' failed'"
  if [ "$1" = "$pg" ]; then
    "$bin/psql" -qAt "$pg" -c "$q"
  else
    python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])" "$1" "$q"
  fi
}

for target in "$sqlite" "$pg"; do
  name=$([ "$target" = "$pg" ] && echo PostgreSQL || echo SQLite)
  for pass in first second; do
    start=$(date +%s.%N)
    "$nianbao" extract --exclude '*.golden.json' --db "$target" "$corpus" 2>"$work/summary.txt" || true
    end=$(date +%s.%N)
    printf '%-10s %-6s run: %6.1f s  %s | %s\n' "$name" "$pass" "$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')" \
      "$(counts "$target")" "$(tail -1 "$work/summary.txt")"
  done
done
