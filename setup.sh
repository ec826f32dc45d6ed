#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine:
#   ./setup.sh app    install what is missing, build, and open NTM Atlas on the demo data
#   ./setup.sh test   install what is missing, build, and run the whole test suite
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(cmake ninja-build pkg-config g++ libgdal-dev libgeos-dev libicu-dev libimgui-dev
          libstb-dev libglfw3-dev libegl-dev python3-glad libgtest-dev
          libbenchmark-dev libfontconfig-dev libpng-dev fonts-dejavu-core libgl1-mesa-dri
          xvfb xauth gdal-bin libcli11-dev nlohmann-json3-dev libxlsxwriter-dev zenity
          tesseract-ocr tesseract-ocr-vie python3-openpyxl python3-xlwt python3-odf)
# zenity: the app's file chooser; OCR reads exports back in tests; python3-openpyxl/-xlwt/-odf write
# the provinces' spreadsheet layouts (XLSX, XLS, ODS) for the import tests (tests/data/tables)
BUILD_DIR=${BUILD_DIR:-build}

install_missing() {
    PACKAGES+=(libsimdjson-dev)  # the fast GeoJSON reader (src/io/geojson_reader.cpp)
    local missing=()
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo=sudo
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
}

build() {
    cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
    cmake --build "$BUILD_DIR" -j "$(nproc)"
}

case "${1:-}" in
    app)
        install_missing
        build
        shift
        if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
            echo "No display: NTM Atlas needs a desktop session (or try: xvfb-run -a $BUILD_DIR/ntm-atlas --screenshot shot.png)." >&2
            echo "Without a display, the command line still works, e.g.: $BUILD_DIR/ntm-atlas summary" >&2
            exit 1
        fi
        exec "$BUILD_DIR/ntm-atlas" "$@"
        ;;
    test)
        install_missing
        build
        ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$(nproc)"
        ;;
    *)
        echo "usage: ./setup.sh app|test" >&2
        exit 2
        ;;
esac
