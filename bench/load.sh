#!/usr/bin/env bash
# Lazy-load benchmark on the cached MIR-only sysroot: open std's rlib and load one item; decode all
# of core's records. Usage: bench/load.sh [TARGET]   (default x86_64-unknown-linux-gnu)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
target=${1:-x86_64-unknown-linux-gnu}
sysroot=$("$root/bin/mirlink" sysroot --target "$target" 2>/dev/null | tail -1)
exec "${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java" -Xss16m --sun-misc-unsafe-memory-access=allow \
  --enable-native-access=ALL-UNNAMED -cp "$root/linker-driver/target/mirlink.jar" "$root/bench/LoadBench.java" "$sysroot" "$target"
