# Sourced by ./mvnw before anything else: Chorus needs a JDK 21 or newer.
# Keeps JAVA_HOME when it already points at one; otherwise looks for the newest
# JDK 21+ in the usual install folders and uses it, or stops with a clear message.

chorus_jdk_major() {
  # Prints the feature version of the JDK whose home is $1, or nothing.
  [ -x "$1/bin/javac" ] || return 0
  if [ -f "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$1/release" | head -n 1
  fi
}

chorus_find_jdk() {
  current_home="${JAVA_HOME-}"
  if [ -z "$current_home" ] && command -v javac >/dev/null 2>&1; then
    current_home="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
  fi
  current_major="$(chorus_jdk_major "${current_home:-/nonexistent}")"
  if [ -n "$current_major" ] && [ "$current_major" -ge 21 ]; then
    export JAVA_HOME="$current_home"
    return 0
  fi
  best_home="" best_major=0
  set +f # mvnw runs with globbing off
  for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* "${HOME-}"/.sdkman/candidates/java/*; do
    [ -d "$candidate" ] || continue
    major="$(chorus_jdk_major "$candidate")"
    [ -n "$major" ] || continue
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best_home="$candidate" best_major="$major"
    fi
  done
  set -f
  if [ -n "$best_home" ]; then
    [ "${MVNW_VERBOSE-}" != true ] || echo "Chorus: using the JDK $best_major in $best_home" >&2
    export JAVA_HOME="$best_home"
    return 0
  fi
  echo "Chorus needs a JDK 21 or newer to build and run." >&2
  echo "Found: ${current_home:-no JDK} (version ${current_major:-unknown})." >&2
  echo "Install one (for example: apt-get install openjdk-21-jdk-headless) or point JAVA_HOME at it:" >&2
  echo "  export JAVA_HOME=/path/to/jdk-21-or-newer" >&2
  exit 1
}

chorus_find_jdk
