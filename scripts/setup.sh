#!/usr/bin/env bash
# Installs what mirlink needs: rustc 1.96 with its sources (Debian's rustc-web, rust-web-src,
# cargo-web), the AArch64 cross toolchain and qemu-user. Idempotent: installs only what is missing.
set -euo pipefail

packages=(rustc-web rust-web-src cargo-web gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]]; then
    echo "setup: installing ${missing[*]}" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "setup: missing packages; run: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

java_home=/usr/lib/jvm/temurin-25-jdk-amd64
[[ -x $java_home/bin/javac ]] || { echo "setup: JDK 25 not found at $java_home" >&2; exit 1; }
command -v mvn >/dev/null || { echo "setup: Maven not found; run: apt-get install -y maven" >&2; exit 1; }
/usr/bin/rustc --version | grep -q '^rustc 1\.96\.' || { echo "setup: /usr/bin/rustc is not 1.96" >&2; exit 1; }
