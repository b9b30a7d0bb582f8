#!/usr/bin/env bash
# The README's test command: setup, build, then the whole test suite (sysroot suites included).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"   # Maven's own guava on JDK 25
exec mvn -B -ntp verify "$@"
