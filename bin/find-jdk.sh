# Sourced by ./mvnw and ./wpfoods: makes JAVA_HOME point at a JDK 21 or newer.
# Order: an existing JAVA_HOME that is new enough, then the newest JDK under /usr/lib/jvm
# (Debian/Ubuntu), /usr/java and ~/.sdkman, then `java` on the PATH.

wpf_java_major() {
  # prints the feature version of the java binary given, e.g. 25
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1
}

wpf_find_jdk() {
  wpf_min=21
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    v=$(wpf_java_major "$JAVA_HOME/bin/java")
    if [ -n "$v" ] && [ "$v" -ge "$wpf_min" ]; then return 0; fi
  fi
  best=""; bestv=0
  case $- in *f*) wpf_noglob=1; set +f ;; *) wpf_noglob=0 ;; esac
  for d in /usr/lib/jvm/* /usr/java/* "$HOME"/.sdkman/candidates/java/*; do
    [ -x "$d/bin/javac" ] || continue
    v=$(wpf_java_major "$d/bin/java")
    [ -n "$v" ] || continue
    if [ "$v" -ge "$wpf_min" ] && [ "$v" -gt "$bestv" ]; then best=$d; bestv=$v; fi
  done
  [ "$wpf_noglob" = 1 ] && set -f
  if [ -z "$best" ] && command -v javac >/dev/null 2>&1; then
    d=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    v=$(wpf_java_major "$d/bin/java")
    if [ -n "$v" ] && [ "$v" -ge "$wpf_min" ]; then best=$d; fi
  fi
  if [ -z "$best" ]; then
    echo "WPFoods needs a JDK 21 or newer (25 recommended) and found none." >&2
    echo "Install one (e.g. 'apt-get install temurin-25-jdk' or 'apt-get install openjdk-21-jdk') or set JAVA_HOME to it." >&2
    return 1
  fi
  JAVA_HOME=$best
  export JAVA_HOME
}

wpf_find_jdk || exit 1
