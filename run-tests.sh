#!/usr/bin/env bash
# Runs every test of the project on a Debian machine: installs the system packages the tests need when they are
# missing, then runs the whole Maven build (`./mvnw -B verify`: unit tests, the plugin/feature/update-site packaging
# and the check of the p2 repository).
#
# Needs: Debian/Ubuntu with apt, network access to the Debian mirror (only when something is missing) and to Maven
# Central. Runs as root directly, otherwise through sudo. An install that fails stops the script: the tests that
# need LAMMPS or OpenCL must not be skipped silently on a machine meant to run them.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

# Debian packages the tests use: OpenCL loader + a CPU OpenCL driver (JOCL tests), LAMMPS (`lmp`, the reference
# the readers and the MD are checked against), NumPy and scikit-learn (peers of the benchmarks and some checks).
packages=(ocl-icd-opencl-dev pocl-opencl-icd lammps python3-numpy python3-sklearn)

# The build needs a Java 17+ JDK (javac); install one when there is none.
java_ok() {
  command -v javac >/dev/null 2>&1 || return 1
  local v
  v="$(javac -version 2>&1 | sed -n 's/^javac \([0-9][0-9]*\).*/\1/p')"
  [ -n "$v" ] && [ "$v" -ge 17 ]
}
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
  PATH="$JAVA_HOME/bin:$PATH"
fi
if ! java_ok; then
  packages+=(openjdk-17-jdk-headless)
fi

installed() {
  [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" = "install ok installed" ]
}

missing=()
for p in "${packages[@]}"; do
  installed "$p" || missing+=("$p")
done

if [ "${#missing[@]}" -gt 0 ]; then
  echo "run-tests.sh: installing missing Debian packages: ${missing[*]}" >&2
  if [ "$(id -u)" -eq 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  else
    echo "run-tests.sh: packages missing (${missing[*]}) and not root, and sudo is not available." >&2
    echo "run-tests.sh: install them yourself: apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "run-tests.sh: apt-get not found; install these yourself: ${missing[*]}" >&2
    exit 1
  fi
  # Wait for a dpkg lock held by another apt run instead of failing at once.
  apt_opts=(-o DPkg::Lock::Timeout=900)
  # `apt-get update` does not wait for the lists lock of a concurrent apt run: retry a few times, then fail.
  for attempt in 1 2 3 4 5 6; do
    if "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" update; then
      break
    fi
    if [ "$attempt" -eq 6 ]; then
      echo "run-tests.sh: apt-get update failed" >&2
      exit 1
    fi
    echo "run-tests.sh: apt-get update failed (attempt $attempt), retrying in 20 s" >&2
    sleep 20
  done
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" install -y --no-install-recommends \
    "${missing[@]}"
  for p in "${missing[@]}"; do
    if ! installed "$p"; then
      echo "run-tests.sh: package $p is still not installed after apt-get install" >&2
      exit 1
    fi
  done
fi

if [ -x /usr/lib/jvm/java-17-openjdk-amd64/bin/javac ] && ! java_ok; then
  export JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
  PATH="$JAVA_HOME/bin:$PATH"
fi

exec ./mvnw -B verify "$@"
