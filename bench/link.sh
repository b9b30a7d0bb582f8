#!/usr/bin/env bash
# Link-step benchmark (issue 4): one run-suite program built by plain rustc and by mirlink, at
# opt-level 0 and 2, mirlink with 1 and 2 codegen jobs. The binary crate's build is timed: for mirlink
# that is the whole-program link step (load, collect, codegen, link; the phases come from its report),
# for rustc the crate's own compile and link. Also peak RSS, the text size of both executables, and
# whether jobs 1 and 2 gave the same bytes. rustc builds against the panic=abort reference sysroot
# that the run suite caches (run `mvn -o -pl tests test -Dtest=RunSuiteTest` once to make it).
# Usage: bench/link.sh [PROGRAM]   (default 47_mc_compiler_pipeline, the largest program that builds)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
program=${1:-47_mc_compiler_pipeline}
dir=$root/tests/src/test/resources/run/$program
target=x86_64-unknown-linux-gnu
reference=$HOME/.cache/mirlink/reference-sysroot/1.96.0-$target-panic-abort
[[ -d $dir ]] || { echo "bench/link.sh: error: no run-suite program $program" >&2; exit 2; }
[[ -d $reference ]] || { echo "bench/link.sh: error: no reference sysroot at $reference (run the run suite once)" >&2; exit 2; }
rustc=/usr/bin/rustc
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
flags=(--edition 2021 -C panic=abort -Awarnings)
link=(-l c)
export RUSTC_BOOTSTRAP=1

deps() { sed -n 's#^// deps: ##p' "$dir/$1" | tr ',' ' '; }

# the libraries, each after the ones its `// deps:` line names
ordered() {
  local done=" " left
  left=$(cd "$dir" && ls lib_*.rs 2>/dev/null | sort)
  while [[ -n $left ]]; do
    local next=""
    for lib in $left; do
      local ready=1
      for d in $(deps "$lib"); do [[ $done == *" $d "* ]] || ready=0; done
      if ((ready)); then echo "$lib"; done="$done${lib%.rs} "; else next="$next $lib"; fi
    done
    [[ $next != "$left" ]] || { echo "bench/link.sh: error: cyclic // deps: in $dir" >&2; exit 2; }
    left=$(echo $next)
  done
}

# $1 side (rustc|mirlink), $2 opt level: the libraries, in dependency order
libs() {
  local side=$1 opt=$2 out=$work/$1-O$2
  mkdir -p "$out"
  for lib in $(ordered); do
    local name=${lib%.rs} ext=()
    for d in $(deps "$lib"); do ext+=(--extern "$d=$out/lib$d.rlib"); done
    if [[ $side == rustc ]]; then
      $rustc "${flags[@]}" --sysroot "$reference" -C opt-level="$opt" --crate-type rlib --crate-name "$name" "$dir/$lib" \
          -o "$out/lib$name.rlib" "${ext[@]}" -L "$out"
    else
      "$root/bin/mirlink" $rustc "${flags[@]}" -C opt-level="$opt" --crate-type rlib --crate-name "$name" "$dir/$lib" \
          -o "$out/lib$name.rlib" "${ext[@]}" -L "$out"
    fi
  done
}

externs() {
  local out=$1
  for lib in $(cd "$dir" && ls lib_*.rs 2>/dev/null | sort); do printf -- '--extern %s=%s ' "${lib%.rs}" "$out/lib${lib%.rs}.rlib"; done
}

text() { size -A "$1" | awk '$1 == ".text" { print $2 }'; }

printf '%-8s %-5s %8s %9s %s\n' side opt wall peakRSS "text / phases"
for opt in 0 2; do
  libs rustc "$opt"
  out=$work/rustc-O$opt
  /usr/bin/time -f '%e %M' -o "$out/time" $rustc "${flags[@]}" "${link[@]}" --sysroot "$reference" -C opt-level="$opt" --crate-type bin \
      --crate-name main "$dir/main.rs" -o "$out/main" $(externs "$out") -L "$out"
  read -r rwall rrss < "$out/time"
  printf '%-8s O%-4s %7ss %6s MiB  text %s B\n' rustc "$opt" "$rwall" $((rrss / 1024)) "$(text "$out/main")"
  libs mirlink "$opt"
  out=$work/mirlink-O$opt
  for jobs in 1 2; do
    MIRLINK_JOBS=$jobs MIRLINK_REPORT=$out/report$jobs.json /usr/bin/time -f '%e %M' -o "$out/time$jobs" \
        "$root/bin/mirlink" $rustc "${flags[@]}" "${link[@]}" -C opt-level="$opt" --crate-type bin --crate-name main "$dir/main.rs" \
        -o "$out/main$jobs" $(externs "$out") -L "$out"
    read -r wall rss < "$out/time$jobs"
    phases=$(python3 -c "import json,sys; t=json.load(open(sys.argv[1]))['timingsMs']; print(', '.join(f'{k} {v} ms' for k, v in t.items()))" "$out/report$jobs.json")
    printf '%-8s O%-4s %7ss %6s MiB  text %s B, jobs %s (%.1fx rustc): %s\n' mirlink "$opt" "$wall" $((rss / 1024)) \
        "$(text "$out/main$jobs")" "$jobs" "$(echo "$wall / $rwall" | bc -l)" "$phases"
  done
  if cmp -s "$out/main1" "$out/main2"; then echo "mirlink  O$opt   jobs 1 and 2: byte-identical executables"
  else echo "mirlink  O$opt   jobs 1 and 2: executables DIFFER"; fi
done
