#!/usr/bin/env bash
# Confer's one entry point on a Debian 12 machine.
#   ./build.sh run          install what is missing, build, start Confer on its default store
#   ./build.sh test         the same set-up, then every test through ctest (private D-Bus session,
#                           unlocked gnome-keyring, offscreen display)
#   ./build.sh faults       the same set-up, then only the fault tests with every fault point tried
#                           (CONFER_FULL_FAULT_SWEEP=1; `test` runs a reduced sweep)
#   ./build.sh screenshots  render every main screen under Xvfb to build/screenshots/*.png
#   ./build.sh bench        run the benchmarks and print their ratios
#   ./build.sh package      build the .deb with CPack
#   ./build.sh deps|build   only install packages / only build
# BUILD_DIR and BUILD_TYPE may be set in the environment (defaults: build/release, RelWithDebInfo).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$here"
build_dir=${BUILD_DIR:-$here/build/release}
build_type=${BUILD_TYPE:-RelWithDebInfo}
jobs=${JOBS:-2}

packages=(
    build-essential cmake ninja-build pkg-config ccache git
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-svg-dev qt6-charts-dev qt6-qpa-plugins libgl-dev
    libsqlcipher-dev sqlcipher libsodium-dev qtkeychain-qt6-dev
    libpoppler-qt6-dev poppler-utils
    libgtest-dev libgmock-dev googletest libbenchmark-dev
    xvfb xauth dbus dbus-bin gnome-keyring libsecret-tools
    libqt6opengl6-dev
    fonts-dejavu-core fonts-noto-core clang-format dpkg-dev file
)

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

install_deps() {
    local missing=()
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi
    log "Installing Debian packages: ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "Need root or sudo to install: ${missing[*]}" >&2; exit 1; }
        sudo=(sudo)
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

configure_and_build() {
    # Paths relative to the checkout and no working directory in the hash, so clones and worktrees
    # share one compiler cache.
    export CCACHE_BASEDIR="$here" CCACHE_NOHASHDIR=1
    local launcher=()
    command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    if [ ! -f "$build_dir/CMakeCache.txt" ]; then
        log "Configuring ($build_type) in $build_dir"
        cmake -S "$here" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" "${launcher[@]}"
    fi
    log "Building"
    cmake --build "$build_dir" -j "$jobs"
}

# Runs "$@" inside a private D-Bus session with an unlocked gnome-keyring (a real Secret Service),
# a private HOME so nothing touches the user's keyring or settings, and the offscreen platform.
with_test_session() {
    local home="$build_dir/test-home"
    rm -rf "$home"
    mkdir -p "$home/run" "$home/tmp"
    chmod 700 "$home/run"
    HOME="$home" XDG_RUNTIME_DIR="$home/run" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" \
        XDG_CACHE_HOME="$home/cache" TMPDIR="$home/tmp" QT_QPA_PLATFORM=offscreen \
        dbus-run-session -- "$here/build.sh" __in-session "$@"
}

in_session() {
    # gnome-keyring creates and unlocks a login keyring with this throwaway password.
    local out
    out=$(printf 'confer-test-keyring' | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null) || {
        echo "gnome-keyring-daemon did not start: the keychain tests cannot run" >&2
        exit 1
    }
    eval "$(printf '%s\n' "$out" | grep -E '^[A-Z_]+=' | sed 's/^/export /')"
    # The daemon registers org.freedesktop.secrets asynchronously; wait until it answers.
    local ready=
    for _ in $(seq 1 100); do
        if dbus-send --session --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.NameHasOwner \
            string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; then
            ready=1
            break
        fi
        sleep 0.1
    done
    [ -n "$ready" ] || { echo "no Secret Service answered in the test session" >&2; exit 1; }
    # This session has a real Secret Service, so keychain tests must run here, never skip.
    export CONFER_KEYCHAIN_SESSION=1 CONFER_REQUIRE_KEYCHAIN=1
    "$@"
}

run_tests() {
    log "Running tests"
    with_test_session ctest --test-dir "$build_dir" --output-on-failure -j "$jobs" --timeout 900
}

# The fault-injection tests: the product's operations swept over every write, sync and SafeFile step
# (tests/faults), the store's own fault and power-loss tests, and SafeFile's.
run_faults() {
    log "Running the full fault sweep"
    with_test_session env CONFER_FULL_FAULT_SWEEP=1 ctest --test-dir "$build_dir" --verbose -j "$jobs" \
        --timeout 3600 -R '^(FaultSweep|FullDiskSweep|StoreUnderFaults|StorePowerLoss|FaultVfsSafeFile|SafeFile)'
}

# Runs every benchmark CMake lists (tests/bench/confer_benchmarks.txt), each in the test session, and
# fails when the list is empty, a binary is missing, or any benchmark exits non-zero (a failed
# operation or an invalid measurement). A figure that misses its target prints FAIL but is not an error.
run_benchmarks() {
    local list="$build_dir/tests/bench/confer_benchmarks.txt"
    [ -s "$list" ] || { echo "no benchmarks listed in $list" >&2; exit 1; }
    local started=$SECONDS ran=0 failed=() b
    while IFS= read -r b; do
        [ -n "$b" ] || continue
        if [ ! -x "$b" ]; then
            echo "benchmark missing: $b" >&2
            failed+=("$(basename "$b") (missing)")
            continue
        fi
        log "Benchmark $(basename "$b")"
        if with_test_session "$b" --benchmark_counters_tabular=true; then
            ran=$((ran + 1))
        else
            failed+=("$(basename "$b")")
        fi
    done <"$list"
    log "Benchmarks: $ran passed, ${#failed[@]} failed, $((SECONDS - started)) s"
    if [ ${#failed[@]} -gt 0 ]; then
        printf 'failed: %s\n' "${failed[@]}" >&2
        exit 1
    fi
    [ "$ran" -gt 0 ] || { echo "no benchmark ran" >&2; exit 1; }
}

run_screenshots() {
    local out="$here/build/screenshots"
    mkdir -p "$out"
    log "Rendering screenshots to $out"
    with_screenshot_display "$build_dir/tests/screenshots/confer_screenshots" "$out"
    ls -1 "$out"
}

with_screenshot_display() {
    local home="$build_dir/screenshot-home"
    rm -rf "$home"
    mkdir -p "$home/run" "$home/tmp"
    chmod 700 "$home/run"
    HOME="$home" XDG_RUNTIME_DIR="$home/run" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" \
        XDG_CACHE_HOME="$home/cache" TMPDIR="$home/tmp" QT_QPA_PLATFORM=xcb \
        xvfb-run -a -s "-screen 0 1920x1080x24 -dpi 96" dbus-run-session -- "$here/build.sh" __in-session "$@"
}

cmd=${1:-build}
shift || true
case "$cmd" in
    __in-session) in_session "$@" ;;
    deps) install_deps ;;
    build) install_deps; configure_and_build ;;
    run)
        install_deps
        configure_and_build
        exec "$build_dir/app/confer" "$@"
        ;;
    test)
        install_deps
        configure_and_build
        run_tests
        ;;
    faults)
        install_deps
        configure_and_build
        run_faults
        ;;
    screenshots)
        install_deps
        configure_and_build
        run_screenshots
        ;;
    bench)
        install_deps
        configure_and_build
        run_benchmarks
        ;;
    package)
        install_deps
        configure_and_build
        (cd "$build_dir" && cpack -G DEB)
        ;;
    format)
        git ls-files '*.cpp' '*.h' | xargs clang-format -i
        ;;
    *)
        sed -n '2,14p' "$0" >&2
        exit 2
        ;;
esac
