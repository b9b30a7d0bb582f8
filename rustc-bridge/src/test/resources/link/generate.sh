#!/bin/sh
# Regenerates fixture.json (rustdoc JSON, format 57) and fixture.mir from fixture.rs with the
# pinned rustc 1.96, run from this directory so that spans are relative to it.
set -e
cd "$(dirname "$0")"
RUSTC=${RUSTC:-/usr/bin/rustc}
RUSTDOC=${RUSTDOC:-/usr/bin/rustdoc}
export RUSTC_BOOTSTRAP=1
for crate in fixture; do
  "$RUSTC" --edition=2024 --crate-type lib --crate-name "$crate" "$crate.rs" \
    --emit=metadata,mir=$crate.mir -Ztrim-diagnostic-paths=no -Zspan-free-formats \
    -C opt-level=3 -C panic=abort --out-dir /tmp/mirlink-fixture-$$
  "$RUSTDOC" --edition=2024 --crate-type lib --crate-name "$crate" "$crate.rs" \
    -Zunstable-options --output-format json --document-private-items --document-hidden-items \
    -o /tmp/mirlink-fixture-$$
  cp /tmp/mirlink-fixture-$$/$crate.json .
done
rm -rf /tmp/mirlink-fixture-$$
