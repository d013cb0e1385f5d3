#!/usr/bin/env bash
# Installs everything nianbao needs to build and test, from Debian 12's packages (as root).
# Safe to run again: apt-get only installs what is missing, and the package lists are only
# refreshed when something is missing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config   # toolchain
  libxml2-dev                                    # HTML parsing, docx XML streaming
  libicu-dev                                     # charsets, normalisation, Traditional→Simplified
  libboost-program-options-dev                   # the command line
  libzip-dev zipcmp zipmerge ziptool             # reading .docx packages (libzip's CMake
                                                 # package checks that its tools exist)
  libgsf-1-dev                                   # the OLE2 compound files of .doc/.wps
  nlohmann-json3-dev                             # reading JSON (golden files, records)
  libarchive-dev                                 # zip/tar archives of reports read in place
  libsqlite3-dev                                 # --db out.sqlite
  libpq-dev                                      # --db postgresql://… (libpq, COPY)
  libmimalloc-dev                                # the programs' allocator (see README)
  libssl-dev                                     # SHA-256 content keys (libcrypto, which libpq
                                                 # loads anyway; uses the CPU's SHA instructions)
  libmupdf-dev                                   # the PDF reader (static libmupdf.a and
                                                 # libmupdf-third.a; the package names no
                                                 # dependencies, so the libraries they were
                                                 # built against are listed here)
  libmujs-dev libgumbo-dev libopenjp2-7-dev      # … linked with MuPDF (cmake/FindMuPDF.cmake)
  libjbig2dec0-dev libharfbuzz-dev libfreetype-dev
  libjpeg62-turbo-dev zlib1g-dev
  libtesseract-dev libleptonica-dev              # OCR of scanned pages (Tesseract's C++ API)
  tesseract-ocr-chi-sim tesseract-ocr-eng        # … its Chinese and English (digits) models
  tesseract-ocr-osd                              # … and its page orientation model
  libpng-dev                                     # PNG scans, decoded with errors kept quiet
  postgresql                                     # a real server for the database tests
  libgtest-dev libgmock-dev                      # the test suite
  libbenchmark-dev                               # the benchmarks
  clang-format                                   # the format check in the test suite
  clang-14 libclang-rt-14-dev libfuzzer-14-dev   # the libFuzzer harnesses (tools/fuzz.sh)
  python3                                        # corpus scripts and the scorer
  poppler-utils python3-pdfminer                 # the PDF peers of tools/bench_whole_path.sh
  chromium                                       # the audit page checked in a headless browser
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: these packages are missing and installing them needs root: ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
echo "setup: all build dependencies present"
