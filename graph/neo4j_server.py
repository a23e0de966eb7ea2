"""A real Neo4j 5.26 Community server for tests and for users without Docker.

Maven fetches `org.neo4j:neo4j` (GPLv3) into ~/.m2 at run time; nothing is copied into the repo.
The server starts through `org.neo4j.server.CommunityEntryPoint` on Java 17 (5.26 does not run on
Java 25), on 127.0.0.1, with capped heap and page cache, and auth disabled (it is a local test
server: it listens on loopback only).
"""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from parkgraph.settings import setting

POM = Path(__file__).resolve().parent / "neo4j_runtime" / "pom.xml"
NEO4J_VERSION = re.search(r"<neo4j.version>([^<]+)</neo4j.version>", POM.read_text()).group(1)
JVM_FLAGS = [
    "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED", "-Dio.netty.tryReflectionSetAccessible=true",
    "-XX:+UseZGC", "-XX:-OmitStackTraceInFastThrow", "-Dfile.encoding=UTF-8",
]


class Neo4jServerError(RuntimeError):
    pass


class LocalNeo4j:
    def __init__(self, home: str | Path, *, bolt_port: int = 7687, http_port: int = 7474,
                 heap: str = "768m", pagecache: str = "128m", tx_memory: str = "256m"):
        self.home = Path(home)
        self.bolt_port, self.http_port = bolt_port, http_port
        self.heap, self.pagecache = heap, pagecache
        self.tx_memory = tx_memory  # db.memory.transaction.max (tests lower it to prove batching)
        self.pid_file = self.home / "neo4j.pid"
        self.log_file = self.home / "logs" / "console.log"

    @property
    def bolt_uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    # ------------------------------------------------------------------ fetch
    def classpath(self) -> str:
        cp_file = self.home / f"classpath-{NEO4J_VERSION}.txt"
        if not cp_file.exists() or not all(Path(p).exists() for p in cp_file.read_text().split(os.pathsep)[:3]):
            mvn = shutil.which("mvn")
            if not mvn:
                raise Neo4jServerError("Maven (mvn) is needed to fetch Neo4j from Maven Central; install it (apt-get install maven)")
            self.home.mkdir(parents=True, exist_ok=True)
            print(f"fetching Neo4j {NEO4J_VERSION} Community with Maven (cached in ~/.m2) ...", file=sys.stderr)
            proc = subprocess.run([mvn, "-q", "-B", "-f", str(POM), "dependency:build-classpath",
                                   f"-Dmdep.outputFile={cp_file}", "-Dmdep.includeScope=runtime"],
                                  capture_output=True, text=True)
            if proc.returncode != 0:
                raise Neo4jServerError(f"Maven could not fetch Neo4j {NEO4J_VERSION}:\n{proc.stdout[-2000:]}{proc.stderr[-2000:]}")
        return cp_file.read_text().strip()

    # ------------------------------------------------------------------ java
    @staticmethod
    def java() -> str:
        candidates = []
        if setting("java"):
            candidates.append(setting("java"))
        if os.environ.get("JAVA_HOME"):
            candidates.append(str(Path(os.environ["JAVA_HOME"]) / "bin" / "java"))
        candidates += [str(p / "bin" / "java") for p in sorted(Path("/usr/lib/jvm").glob("*17*"))]
        if shutil.which("java"):
            candidates.append(shutil.which("java"))
        for c in candidates:
            if Path(c).exists() and _java_major(c) in (17, 18, 19, 20, 21):
                return c
        raise Neo4jServerError("Neo4j 5.26 needs Java 17 (or 21); none found. Install openjdk-17-jre-headless or set PARKGRAPH_JAVA.")

    # ------------------------------------------------------------------ lifecycle
    def write_config(self) -> None:
        conf = self.home / "conf"
        conf.mkdir(parents=True, exist_ok=True)
        (self.home / "logs").mkdir(exist_ok=True)
        (self.home / "data").mkdir(exist_ok=True)
        (self.home / "import").mkdir(exist_ok=True)
        (conf / "neo4j.conf").write_text("\n".join([
            "server.default_listen_address=127.0.0.1",
            "server.default_advertised_address=127.0.0.1",
            f"server.bolt.listen_address=127.0.0.1:{self.bolt_port}",
            f"server.http.listen_address=127.0.0.1:{self.http_port}",
            "server.https.enabled=false",
            "dbms.security.auth_enabled=false",
            f"server.memory.heap.initial_size={self.heap}",
            f"server.memory.heap.max_size={self.heap}",
            f"server.memory.pagecache.size={self.pagecache}",
            # one console query must not take the whole heap: it fails alone, with a clear message
            f"db.memory.transaction.max={self.tx_memory}",
            "dbms.usage_report.enabled=false",
            "server.directories.import=import",
            "dbms.security.allow_csv_import_from_file_urls=true",
            "db.transaction.timeout=0",
            "server.logs.config=conf/server-logs.xml",
            "",
        ]))
        (conf / "server-logs.xml").write_text(
            '<?xml version="1.0" encoding="UTF-8"?>\n<Configuration status="ERROR"><Appenders>'
            '<RollingRandomAccessFile name="log" fileName="${config:server.directories.logs}/neo4j.log" '
            'filePattern="${config:server.directories.logs}/neo4j.log.%02i"><PatternLayout pattern="%d{yyyy-MM-dd HH:mm:ss.SSSZ}{GMT+0} %-5p %m%n"/>'
            '<Policies><SizeBasedTriggeringPolicy size="20 MB"/></Policies><DefaultRolloverStrategy fileIndex="min" max="3"/>'
            '</RollingRandomAccessFile></Appenders><Loggers><Root level="INFO"><AppenderRef ref="log"/></Root></Loggers></Configuration>\n')

    def pid(self) -> int | None:
        try:
            pid = int(self.pid_file.read_text())
        except (OSError, ValueError):
            return None
        try:
            os.kill(pid, 0)
        except OSError:
            return None
        return pid

    def bolt_answers(self, timeout: float = 3.0) -> bool:
        from neo4j import GraphDatabase
        try:
            with GraphDatabase.driver(self.bolt_uri, auth=None, connection_timeout=timeout) as d:
                d.verify_connectivity()
            return True
        except Exception:
            return False

    def start(self, wait: float = 180.0) -> str:
        if self.pid() and self.bolt_answers():
            return f"Neo4j {NEO4J_VERSION} already running at {self.bolt_uri} (pid {self.pid()})"
        if self.bolt_answers():
            raise Neo4jServerError(f"something else already answers on {self.bolt_uri}; stop it or pick --bolt-port")
        cp = self.classpath()
        java = self.java()
        self.write_config()
        cmd = [java, f"-Xms{self.heap}", f"-Xmx{self.heap}", *JVM_FLAGS, "-cp", cp,
               "org.neo4j.server.CommunityEntryPoint", f"--home-dir={self.home}", f"--config-dir={self.home / 'conf'}"]
        log = open(self.log_file, "ab")
        proc = subprocess.Popen(cmd, cwd=self.home, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                start_new_session=True)
        self.pid_file.write_text(str(proc.pid))
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise Neo4jServerError(f"Neo4j exited with code {proc.returncode} during start-up; last log lines:\n{self.tail()}")
            if self.bolt_answers(2.0):
                return f"Neo4j {NEO4J_VERSION} Community running at {self.bolt_uri} (http://127.0.0.1:{self.http_port}), pid {proc.pid}, home {self.home}"
            time.sleep(1.0)
        self.stop()
        raise Neo4jServerError(f"Neo4j did not answer on {self.bolt_uri} within {wait:.0f} s; last log lines:\n{self.tail()}")

    def stop(self, wait: float = 60.0) -> str:
        pid = self.pid()
        if pid is None:
            self.pid_file.unlink(missing_ok=True)
            return "Neo4j is not running"
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except OSError:
                break
            _reap(pid)
            time.sleep(0.5)
        else:
            os.kill(pid, signal.SIGKILL)
            _reap(pid)
        self.pid_file.unlink(missing_ok=True)
        return f"Neo4j stopped (pid {pid})"

    def kill(self) -> None:
        """Hard kill, for fault-injection tests."""
        pid = self.pid()
        if pid:
            os.kill(pid, signal.SIGKILL)
            time.sleep(0.5)
            _reap(pid)

    def status(self) -> str:
        pid = self.pid()
        answers = self.bolt_answers()
        if pid and answers:
            return f"running: Neo4j {NEO4J_VERSION} at {self.bolt_uri}, pid {pid}, home {self.home}"
        if pid:
            return f"starting or unresponsive: pid {pid}, {self.bolt_uri} does not answer yet"
        if answers:
            return f"a Neo4j not started by parkgraph answers at {self.bolt_uri}"
        return f"stopped (home {self.home})"

    def tail(self, n: int = 30) -> str:
        lines = []
        for f in (self.log_file, self.home / "logs" / "neo4j.log"):
            if f.exists():
                lines += f.read_text(errors="replace").splitlines()[-n:]
        return "\n".join(lines[-n:])


def _reap(pid: int) -> None:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass


def _java_major(java: str) -> int | None:
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=20).stderr
    except (OSError, subprocess.TimeoutExpired):
        return None
    m = re.search(r'version "(\d+)', out)
    return int(m.group(1)) if m else None
