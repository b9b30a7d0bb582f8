#!/usr/bin/env bash
# Collection benchmark: for each program, rustc's own collection (-Zprint-mono-items, --emit=obj) and
# mirlink's whole-program collection, timed in one run, plus mirlink's peak memory and, for a
# multi-crate program, rustc's instances summed over its crates against mirlink's deduplicated set.
# Usage: bench/collect.sh [TARGET]   (default x86_64-unknown-linux-gnu)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
target=${1:-x86_64-unknown-linux-gnu}
rustc=/usr/bin/rustc
sysroot=$("$root/bin/mirlink" sysroot --target "$target" 2>/dev/null | tail -1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
flags=(--edition 2021 -C panic=abort --target "$target" --sysroot "$sysroot" -Awarnings)
mono=(-Zprint-mono-items=yes -Zshare-generics=no -Zspan-free-formats)
export RUSTC_BOOTSTRAP=1

seconds() { python3 -c "import sys; print(f'{float(sys.argv[1]):.2f}')" "$1"; }

# one program: $1 label, $2 source dir (main.rs and lib_*.rs), $3 main file
bench() {
  local label=$1 dir=$2 main=$3 out="$work/$1"
  mkdir -p "$out/rustc" "$out/mirlink"
  local externs_r=() externs_m=() rustc_sum=0
  for lib in $(cd "$dir" && ls lib_*.rs 2>/dev/null | sort); do
    local name=${lib%.rs}
    local deps=$(sed -n 's#^// deps: ##p' "$dir/$lib" | tr ',' ' ')
    local lr=() lm=()
    for d in $deps; do lr+=(--extern "$d=$out/rustc/lib$d.rlib"); lm+=(--extern "$d=$out/mirlink/lib$d.rlib"); done
    n=$($rustc "${flags[@]}" "${mono[@]}" --crate-type rlib --crate-name "$name" "$dir/$lib" -o "$out/rustc/lib$name.rlib" \
        "${lr[@]}" -L "$out/rustc" | { grep '^MONO_ITEM' || true; } | sed 's/ @@.*//' | tee -a "$out/all.txt" | wc -l)
    rustc_sum=$((rustc_sum + n))
    "$root/bin/mirlink" $rustc "${flags[@]}" --crate-type rlib --crate-name "$name" "$dir/$lib" -o "$out/mirlink/lib$name.rlib" \
        "${lm[@]}" -L "$out/mirlink" >/dev/null
    externs_r+=(--extern "$name=$out/rustc/lib$name.rlib"); externs_m+=(--extern "$name=$out/mirlink/lib$name.rlib")
  done
  local t0=$(date +%s.%N)
  n=$($rustc "${flags[@]}" "${mono[@]}" --crate-type bin --crate-name main "$dir/$main" --emit=obj -o "$out/main.o" \
      "${externs_r[@]}" -L "$out/rustc" | { grep '^MONO_ITEM' || true; } | sed 's/ @@.*//' | tee -a "$out/all.txt" | wc -l)
  local t1=$(date +%s.%N)
  rustc_sum=$((rustc_sum + n))
  MIRLINK_REPORT="$out/report.json" /usr/bin/time -f '%M' -o "$out/rss" "$root/bin/mirlink" $rustc "${flags[@]}" -Zprint-mono-items=yes \
      -Zno-codegen --crate-type bin --crate-name main "$dir/$main" "${externs_m[@]}" -L "$out/mirlink" > "$out/mirlink.txt"
  local t2=$(date +%s.%N)
  local distinct=$(sort -u "$out/all.txt" | wc -l)
  python3 - "$out/report.json" "$label" "$n" "$rustc_sum $distinct" "$(seconds "$(echo "$t1 - $t0" | bc)")" \
      "$(seconds "$(echo "$t2 - $t1" | bc)")" "$(cat "$out/rss")" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
label, rustc_bin, rustc_sum, t_rustc, t_mirlink, rss_kb = sys.argv[2:]
n = len(r["instances"])
total, distinct = rustc_sum.split()
print(f"{label:28} rustc: {rustc_bin:>5} instances in the binary crate, {total:>5} summed over crates ({distinct} distinct),"
      f" {t_rustc:>6} s (collect+codegen -O0)"
      f" | mirlink: {n:>5} instances, {r['requests']:>6} requests ({r['merged']} merged), load {r['timingsMs']['load']} ms,"
      f" collect {r['timingsMs']['collect']} ms, wall {t_mirlink} s (incl. rustc frontend), peak RSS {int(rss_kb)//1024} MiB")
PY
}

single() { mkdir -p "$work/src/$1" && cp "$2" "$work/src/$1/main.rs" && bench "$1" "$work/src/$1" main.rs; }

single collections "$root/tests/src/test/resources/mono/07_collections/main.rs"
single big_std "$root/bench/programs/big.rs"
bench shared_generic_3crates "$root/tests/src/test/resources/mono/24_mc_shared_generic" main.rs
bench closures_3crates "$root/tests/src/test/resources/mono/28_mc_closures" main.rs
