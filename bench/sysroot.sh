#!/usr/bin/env bash
# Sysroot benchmark, in one run on the same machine:
#  1. `mirlink sysroot` from an empty cache, against cargo + plain rustc --emit=metadata,mir on the
#     same crates with the same flags (time ratio);
#  2. the size of the MIR-only rlibs against rustc's normal rlibs built with the same flags.
# Usage: bench/sysroot.sh [TARGET]   (default x86_64-unknown-linux-gnu)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
target=${1:-x86_64-unknown-linux-gnu}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
src=$(/usr/bin/rustc --print sysroot)/lib/rustlib/src/rust/library
(cd "$root" && JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 mvn -q -B -ntp -DskipTests package)

# A wrapper that does what mirlink's frontend asks of rustc, and nothing else (the rmeta goes into
# an ar archive, as rustc wants of an .rlib).
cat > "$work/plain-mir.sh" <<'SH'
#!/usr/bin/env bash
rustc=$1; shift
lib=0; for a in "$@"; do [[ $a == lib || $a == rlib ]] && lib=1; done
if [[ " $* " != *" --out-dir "* || $lib == 0 ]]; then
  args=(); for a in "$@"; do p=${a#*=}; [[ $a == *=*.so && ! -e $p && -e ${p%.so}.rlib ]] && a=${a%.so}.rlib; args+=("$a"); done
  exec "$rustc" "${args[@]}"
fi
args=()
for a in "$@"; do
  p=${a#*=}   # an --extern to std's dylib, which is never written, points at its rlib (as in mirlink)
  if [[ $a == *=*.so && ! -e $p && -e ${p%.so}.rlib ]]; then a=${a%.so}.rlib; fi
  case $a in --emit=*) args+=(--emit=dep-info,metadata,mir);; dylib) args+=(rlib);; -Cprefer-dynamic) ;; *) args+=("$a");; esac
done
"$rustc" "${args[@]}" -Ztrim-diagnostic-paths=no -Zspan-free-formats || exit
out=; name=; extra=; prev=
for a in "${args[@]}"; do case $prev in --out-dir) out=$a;; --crate-name) name=$a;; esac; [[ $a == extra-filename=* ]] && extra=${a#extra-filename=}; prev=$a; done
d=$(mktemp -d); cp "$out/lib$name$extra.rmeta" "$d/lib.rmeta"; (cd "$d" && ar crs "$out/lib$name$extra.rlib" lib.rmeta); rm -rf "$d"
SH
chmod +x "$work/plain-mir.sh"

cargo_build() { # target-dir wrapper
  RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 RUSTC_WRAPPER=$2 RUSTFLAGS="-Cpanic=abort -Zforce-unstable-if-unmarked" \
    /usr/bin/cargo build --release --offline -Zavoid-dev-deps -q --manifest-path "$src/sysroot/Cargo.toml" \
    --target-dir "$1" --target "$target" --no-default-features \
    --config 'source.crates-io.replace-with="v"' --config "source.v.directory=\"$src/vendor\"" 2>"$work/cargo.err" \
    || { tail -20 "$work/cargo.err" >&2; return 1; }
}
now() { date +%s.%N; }

t0=$(now); cargo_build "$work/plain" "$work/plain-mir.sh"; t1=$(now)
XDG_CACHE_HOME=$work/cache "$root/bin/mirlink" sysroot --target "$target" >"$work/sysroot.out" 2>"$work/sysroot.err"; t2=$(now)
cargo_build "$work/normal" ""
sysroot=$(tail -1 "$work/sysroot.out")

plain=$(echo "$t1 - $t0" | bc); mirlink=$(echo "$t2 - $t1" | bc)
echo "target: $target"
printf 'plain rustc --emit=metadata,mir (cargo): %6.1f s\n' "$plain"
printf 'mirlink sysroot (rustc + rustdoc + parse + link + write): %6.1f s\n' "$mirlink"
printf 'ratio mirlink / plain: %.2f\n' "$(echo "$mirlink / $plain" | bc -l)"
mir_only=$(du -cb "$sysroot"/lib/rustlib/"$target"/lib/*.rlib | tail -1 | cut -f1)
normal=$(du -cb "$work"/normal/"$target"/release/deps/*.rlib | tail -1 | cut -f1)
rmeta=$(for f in "$sysroot"/lib/rustlib/"$target"/lib/*.rlib; do ar p "$f" lib.rmeta | wc -c; done | paste -sd+ | bc)
printf 'MIR-only rlibs: %d bytes (of which lib.rmeta %d, mirlink members %d)\n' "$mir_only" "$rmeta" "$((mir_only - rmeta))"
printf 'normal rlibs:   %d bytes\n' "$normal"
printf 'size ratio MIR-only / normal: %.2f\n' "$(echo "$mir_only / $normal" | bc -l)"
