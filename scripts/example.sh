#!/usr/bin/env bash
# The built-in example: a three-crate workspace built under the mirlink wrapper, then a program
# over it collected whole by the link step.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh"
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"   # Maven's own guava on JDK 25
(cd "$root" && mvn -q -B -ntp -DskipTests package)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "== cargo build with RUSTC_WRAPPER=bin/mirlink"
(cd "$root/examples/workspace" && RUSTC_WRAPPER="$root/bin/mirlink" RUSTC=/usr/bin/rustc \
  /usr/bin/cargo build --offline --target-dir "$work/target")
deps=$work/target/debug/deps
for rlib in "$deps"/lib{geometry,stats,report}-*.rlib; do
  echo; echo "== ar t $(basename "$rlib")"; ar t "$rlib"
  echo "== bin/mirlink inspect $(basename "$rlib")"; "$root/bin/mirlink" inspect "$rlib"
done
echo; echo "== plain rustc compiles a dependent crate against the MIR-only rlibs"
report=$(ls "$deps"/libreport-*.rlib)
/usr/bin/rustc --edition 2021 --crate-type lib --crate-name consumer -L "dependency=$deps" \
  --extern report="$report" --extern geometry="$(ls "$deps"/libgeometry-*.rlib)" --out-dir "$work" "$root/examples/consumer.rs"
ls -l "$work"/libconsumer.rlib

echo; echo "== the link step collects a program over the workspace (instances, in rustc's -Zprint-mono-items form)"
"$root/bin/mirlink" /usr/bin/rustc --edition 2021 -C panic=abort --crate-type bin --crate-name app -L "dependency=$deps" \
  --extern report="$report" --extern geometry="$(ls "$deps"/libgeometry-*.rlib)" "$root/examples/app.rs" \
  -Zprint-mono-items=yes -Zno-codegen > "$work/mono-items.txt"
MIRLINK_REPORT="$work/report.json" "$root/bin/mirlink" /usr/bin/rustc --edition 2021 -C panic=abort --crate-type bin \
  --crate-name app -L "dependency=$deps" --extern report="$report" --extern geometry="$(ls "$deps"/libgeometry-*.rlib)" \
  "$root/examples/app.rs" -Zno-codegen
grep -m 20 -E 'geometry|report|app::' "$work/mono-items.txt"
python3 - "$work/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"{len(r['instances'])} instances ({r['dropGlue']} drop glue, {len(r['vtables'])} vtables), "
      f"{r['requests']} requests of which {r['merged']} named an instance already collected")
PY
