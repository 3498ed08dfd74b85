#!/usr/bin/env bash
# Builds .devkit/ (git-ignored), what the OpenCL checks need on a bare GPU machine that has neither Java nor Maven,
# sized for the device tool's `carry` (64 MiB in all): a jlink'ed Java 17 runtime, the core module's classes and test
# classes with their jars (Tribuo and its libraries left out: the MD code does not use them), JUnit's console
# launcher, the OpenCL ICD loader as a Debian package, MdClBench, LAMMPS' GPU package build when there is one
# (build-lammps-gpu.sh; LMP_GPU=<path>), and gpu-check.sh, which runs there.
# Usage: bench/md-opencl/device-kit.sh; then, with the device tool: command "bash .devkit/gpu-check.sh", carry
# [".devkit"] (see gpu-check.sh for what it runs and its time). Run the same script here first (it falls back to
# the machine's own OpenCL devices, PoCL here) to check the kit before spending device time.
set -euo pipefail
cd "$(dirname "$0")/../.."
K=.devkit
rm -rf "$K"
mkdir -p "$K/lib" "$K/deb"
./mvnw -B -o -q -pl core test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/$K/deps.txt" -Dmdep.includeScope=test
junit=$(sed -n 's:.*<junit.version>5\.\([0-9]*\)\.\([0-9]*\)</junit.version>.*:1.\1.\2:p' pom.xml)
./mvnw -B -q dependency:get -Dartifact="org.junit.platform:junit-platform-console-standalone:$junit"
for j in $(tr ':' '\n' < "$K/deps.txt"); do
  case "$(basename "$j")" in
    tribuo-*|olcut-*|protobuf-*|junit-*|opentest4j-*|apiguardian-*) ;;
    *) cp "$j" "$K/lib/" ;;
  esac
done
rm "$K/deps.txt"
cp "$HOME/.m2/repository/org/junit/platform/junit-platform-console-standalone/$junit/junit-platform-console-standalone-$junit.jar" "$K/lib/"
cp -r core/target/classes "$K/classes"
cp -r core/target/test-classes "$K/test-classes"
mkdir -p "$K/bench"
javac -nowarn -d "$K/bench" -cp "$K/classes:$K/lib/*" bench/md-opencl/MdClBench.java
# jdeps: java.base and jdk.management for the engine and tests; JOCL and Commons Math add java.logging
jlink --add-modules java.base,java.logging,java.management,jdk.management,jdk.unsupported --strip-debug \
  --no-man-pages --no-header-files --compress=2 --output "$K/jre"
(cd "$K/deb" && apt-get download ocl-icd-libopencl1 >/dev/null 2>&1)
cp bench/md-opencl/gpu-check.sh "$K/"
# LAMMPS' GPU package (OpenCL), xz-compressed, when built (bench/md-opencl/build-lammps-gpu.sh)
LMP_GPU=${LMP_GPU:-/tmp/lammps-gpu/build/lmp_gpu}
if [ -x "$LMP_GPU" ]; then xz -9 -T0 -c "$LMP_GPU" > "$K/lmp_gpu.xz"; else echo "no $LMP_GPU: the kit runs without LAMMPS-GPU"; fi
echo "device kit: $(du -sh "$K" | cut -f1) in $K (the device tool carries at most 64 MiB)"
