# bench-classpath.sh — sourced by the scripts/bench-* wrappers; not run on its own.
# bench_java NAME MAIN_CLASS ARGS... compiles the main and test classes when a source is newer than the
# classpath file (or on the first run), writes target/NAME-logback.xml so the daemon logs to
# target/NAME.log, and replaces the shell with java running MAIN_CLASS from target/test-classes.
# The JVM gets the daemon's options from scripts/postdesk; $BENCH_JAVA_OPTS is added after them (e.g.
# -XX:StartFlightRecording=filename=target/bench.jfr).
# The caller has set -euo pipefail and changed into the repository root.

bench_classpath_file=target/bench.classpath

bench_compile() {
  local name=$1
  if [ ! -d target/test-classes/org/postdesk/bench ] || [ ! -f "$bench_classpath_file" ] \
     || [ -n "$(find pom.xml src templates -newer "$bench_classpath_file" -type f 2>/dev/null | head -n 1)" ]; then
    echo "$name: compiling (sources changed or first run)..." >&2
    mvn -q -B -ntp test-compile
    mvn -q -B -ntp dependency:build-classpath -Dmdep.outputFile="$bench_classpath_file" -Dmdep.includeScope=test
    # The plugin leaves an unchanged file alone; its time marks this compile for the check above.
    touch "$bench_classpath_file"
  fi
}

bench_logback() {
  local name=$1
  mkdir -p target
  cat > "target/$name-logback.xml" <<XML
<configuration>
  <appender name="FILE" class="ch.qos.logback.core.FileAppender">
    <file>target/$name.log</file>
    <append>false</append>
    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{0} [%X{mailbox} %X{ticket}] %msg%n</pattern></encoder>
  </appender>
  <logger name="org.postdesk" level="INFO"/>
  <logger name="com.icegreen.greenmail" level="WARN"/>
  <root level="WARN"><appender-ref ref="FILE"/></root>
</configuration>
XML
}

bench_java() {
  local name=$1 main=$2
  shift 2
  bench_compile "$name"
  bench_logback "$name"
  local java=${JAVA_HOME:+$JAVA_HOME/bin/}java
  # The daemon's JVM options, from the launcher itself (heap, collector, buffer cap, JIT; $POSTDESK_HEAP and
  # $JAVA_OPTS reach it as they reach the daemon), and its malloc arenas: a benchmark measures what `postdesk run`
  # runs with. BENCH_LAUNCHER_OPTIONS=off gives a plain -Xmx256m JVM instead.
  local daemon_options=-Xmx256m
  if [ "${BENCH_LAUNCHER_OPTIONS:-on}" != off ]; then
    daemon_options=$(POSTDESK_JAR=/nonexistent POSTDESK_PRINT_JVM_OPTIONS=1 scripts/postdesk run)
    export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
  fi
  # shellcheck disable=SC2086
  exec "$java" $daemon_options ${BENCH_JAVA_OPTS:-} \
    -Dlogback.configurationFile="target/$name-logback.xml" \
    -Dorg.jooq.no-logo=true -Dorg.jooq.no-tips=true \
    -cp "target/classes:target/test-classes:$(cat "$bench_classpath_file")" \
    "$main" "$@"
}
