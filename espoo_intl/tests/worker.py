"""Fault-test harness: a real redis-server, real Celery worker processes and a real SMTP
server, all on loopback, for tests that kill, stop and restart them.

A test module starts with `require_worker()` (skips the module when there is no
redis-server or the worker could not open the test database, fails it in CI instead); the
fixtures come through `pytest_plugins` in conftest.py:

- `redis_server`: its own redis-server (no persistence, as in production) on a spare
  loopback port (FAULTS_REDIS_PORT if set); this process's Celery app publishes to it for
  the test. `.stop()`, `.start()`, `.restart()`, `.queued()`.
- `smtp_server`: an SMTP server that keeps what it receives (`.messages`); `.hold()` makes
  it accept the next connection and answer nothing until released, as a hung mail server.
- `start_worker(beat=False, **env)`: `celery -A espoo_intl worker` in its own process
  group, with the test's database, the Redis above and the SMTP server above; `.kill()`
  (SIGKILL to the whole worker), `.kill_pool_process()`, `.stop()` (warm shutdown).
- `wait_until(predicate, what, timeout=...)`: waits, bounded; the tests never assert on
  how long anything took.

The worker is a separate process, so the test must commit what it should see:
`django_db(transaction=True, serialized_rollback=True)`.
"""

import email
import email.header
import os
import shutil
import signal
import socketserver
import subprocess
import sys
import threading
import time
import uuid
from contextlib import contextmanager, suppress
from pathlib import Path
from urllib.parse import quote

import pytest

from espoo_intl.testing import fresh_broker_connections, spare_port

__all__ = [
    "REDIS_SERVER",
    "require_worker",
    "wait_until",
    "RedisServer",
    "SmtpServer",
    "Worker",
    "redis_server",
    "smtp_server",
    "start_worker",
    "worker_database",
]

BASE_DIR = Path(__file__).resolve().parents[2]
REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
LIMIT = 60  # seconds: the longest any step of a fault test may wait


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def require_worker():
    """Skip the calling module unless redis-server is installed (fail instead in CI, where
    .ci/run provides it)."""
    if not Path(REDIS_SERVER).exists():
        missing = "fault tests need redis-server (apt-get install redis-server)"
        if _in_ci():
            pytest.fail(f"CI=true: {missing}", pytrace=False)
        pytest.skip(missing, allow_module_level=True)


def wait_until(predicate, what: str, *, timeout: float = 30, interval: float = 0.1):
    """Call `predicate` until it returns something true and return that; fail the test
    naming `what` if it has not within `timeout` seconds."""
    assert timeout <= LIMIT
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"gave up after {timeout} s waiting for {what}", pytrace=False)
        time.sleep(interval)


def _database_url() -> str:
    """The URL of the database this test runs on (the test database, not the configured
    one), for the worker process; skips when a second process cannot open it."""
    from django.db import connection

    db = connection.settings_dict
    if connection.vendor == "sqlite":
        if connection.is_in_memory_db():
            reason = (
                "fault tests run a worker process, which cannot open the in-memory SQLite "
                "test database: run them with SQLITE_TEST_FILE=var/test.sqlite3 (a file "
                "test database) or DATABASE_URL=postgres://... (as CI does)"
            )
            if _in_ci():
                pytest.fail(f"CI=true: {reason}", pytrace=False)
            pytest.skip(reason)
        return f"sqlite:///{Path(db['NAME']).resolve()}"
    if connection.vendor != "postgresql":
        pytest.skip(f"fault tests know PostgreSQL and SQLite, not {connection.vendor}")
    user = quote(db.get("USER") or "", safe="")
    password = quote(db.get("PASSWORD") or "", safe="")
    auth = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = db.get("HOST") or "127.0.0.1"
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgres://{auth}{host}{port}/{quote(db['NAME'], safe='')}"


# --- Redis -----------------------------------------------------------------------------------


class RedisServer:
    """One redis-server of the test's own: no RDB snapshots and no append-only file unless
    `persistent`, so a restart forgets every queued task, as the production Redis would."""

    def __init__(self, port: int, folder: Path, *, persistent: bool = False):
        self.port = port
        self.folder = folder
        self.persistent = persistent
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def client(self):
        import redis

        return redis.Redis(host="127.0.0.1", port=self.port, socket_connect_timeout=1)

    def ping(self) -> bool:
        try:
            return bool(self.client().ping())
        except OSError:
            return False
        except Exception as error:  # redis.ConnectionError is not an OSError
            import redis

            if isinstance(error, redis.RedisError):
                return False
            raise

    def start(self) -> "RedisServer":
        assert self.process is None, "already running"
        command = [
            REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1",
            "--dir", str(self.folder), "--save", "",
            "--appendonly", "yes" if self.persistent else "no",
            "--daemonize", "no", "--loglevel", "warning",
        ]  # fmt: skip
        self.process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        wait_until(
            lambda: self.ping() or self.process.poll() is not None,
            f"redis-server on port {self.port}",
            timeout=20,
        )
        if self.process.poll() is not None:
            self.process = None
            pytest.fail(f"redis-server did not start on port {self.port} (in use?)")
        return self

    def stop(self) -> None:
        """Shut it down (SIGTERM: with no persistence everything queued is gone)."""
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        self.process = None

    def restart(self) -> None:
        self.stop()
        self.start()

    def queued(self, queue: str = "celery") -> int:
        """Tasks waiting in a queue plus those taken by a worker and not acknowledged."""
        client = self.client()
        return client.llen(queue) + client.hlen("unacked")


def _point_celery_at(url: str | None) -> tuple:
    """Make this process's Celery app publish to `url` for real (not eagerly); returns what
    to give back to restore it."""
    from espoo_intl import celery_app

    conf = celery_app.conf
    saved = (conf.broker_url, conf.broker_transport_options, conf.task_always_eager)
    conf.broker_url = url
    conf.broker_transport_options = {}
    conf.task_always_eager = False
    fresh_broker_connections(celery_app)
    return saved


def _restore_celery(saved: tuple) -> None:
    from espoo_intl import celery_app

    conf = celery_app.conf
    conf.broker_url, conf.broker_transport_options, conf.task_always_eager = saved
    fresh_broker_connections(celery_app)


@pytest.fixture
def redis_server(request, tmp_path):
    """A running RedisServer; parametrize it indirectly with True for an append-only file."""
    port = int(os.environ.get("FAULTS_REDIS_PORT") or spare_port())
    folder = tmp_path / "redis"
    folder.mkdir()
    server = RedisServer(port, folder, persistent=getattr(request, "param", False)).start()
    saved = _point_celery_at(server.url)
    yield server
    _restore_celery(saved)
    server.stop()


# --- SMTP ------------------------------------------------------------------------------------


class _SmtpHandler(socketserver.StreamRequestHandler):
    timeout = LIMIT

    def reply(self, line: str) -> None:
        self.wfile.write(f"{line}\r\n".encode())

    def handle(self):
        server = self.server.owner
        if server.take_held():
            server.released.wait(LIMIT)  # say nothing, as a hung server; then hang up
            return
        self.reply("220 faults.test ESMTP")
        sender, recipients = None, []
        while line := self.rfile.readline():
            verb = line.decode("ascii", "replace").strip().split(" ", 1)[0].upper()
            if verb in ("EHLO", "HELO"):
                self.reply("250 faults.test")
            elif verb == "MAIL":
                sender, recipients = line, []
                self.reply("250 OK")
            elif verb == "RCPT":
                recipients.append(line.decode().split(":", 1)[1].strip().strip("<>"))
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 end with .")
                data = []
                while (chunk := self.rfile.readline()) not in (b".\r\n", b".\n", b""):
                    data.append(chunk[1:] if chunk.startswith(b"..") else chunk)
                server.received(recipients, b"".join(data))
                self.reply("250 OK queued")
            elif verb in ("RSET", "NOOP"):
                self.reply("250 OK")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("502 not implemented")
        del sender


class SmtpServer:
    """An SMTP server on a spare loopback port that keeps every message it accepts:
    `.messages` is a list of (recipient, subject) pairs, one per recipient."""

    def __init__(self):
        self.messages: list[tuple[str, str]] = []
        self.held = 0  # connections held so far
        self._to_hold = 0
        self.released = threading.Event()
        self._lock = threading.Lock()
        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _SmtpHandler)
        self._server.daemon_threads = True
        self._server.owner = self
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def received(self, recipients: list[str], data: bytes) -> None:
        subject = str(email.message_from_bytes(data).get("Subject", ""))
        subject = str(email.header.make_header(email.header.decode_header(subject)))
        with self._lock:
            self.messages.extend((recipient, subject) for recipient in recipients)

    def take_held(self) -> bool:
        with self._lock:
            if self._to_hold <= 0:
                return False
            self._to_hold -= 1
            self.held += 1
            return True

    @contextmanager
    def hold(self, connections: int = 1):
        """The next `connections` connections made inside the block are accepted and never
        answered, as by a hung mail server, until the block ends; later ones are served."""
        self.released.clear()
        with self._lock:
            self._to_hold = connections
        try:
            yield
        finally:
            with self._lock:
                self._to_hold = 0
            self.released.set()

    def close(self) -> None:
        self.released.set()
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def smtp_server():
    server = SmtpServer()
    yield server
    server.close()


# --- the worker ------------------------------------------------------------------------------


class Worker:
    """`celery -A espoo_intl worker` (prefork, one pool process, as configured for
    production otherwise) in its own process group; its log is kept in `log_path`."""

    def __init__(self, env: dict, folder: Path, *, beat: bool = False):
        self.env = env
        self.name = f"faults-{uuid.uuid4().hex[:8]}@%h"
        self.log_path = folder / f"{self.name.split('@')[0]}.log"
        self.beat = beat
        self.folder = folder
        self.process = None

    def start(self) -> "Worker":
        command = [
            sys.executable, "-m", "celery", "-A", "espoo_intl", "worker",
            "--pool=prefork", "--concurrency=1", "--loglevel=INFO", "-n", self.name,
            "--without-gossip", "--without-mingle", "--without-heartbeat",
        ]  # fmt: skip
        if self.beat:
            command += ["--beat", "--schedule", str(self.folder / "beat-schedule")]
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                command,
                cwd=BASE_DIR,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        wait_until(
            lambda: " ready." in self.log() or self.process.poll() is not None,
            "the worker to start",
            timeout=LIMIT,
        )
        if self.process.poll() is not None:
            pytest.fail(f"the worker exited at start:\n{self.log()[-3000:]}", pytrace=False)
        return self

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def pool_processes(self) -> list[int]:
        """The pids of the worker's pool processes (children that run the tasks)."""
        children = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.process.pid:
                children.append(int(stat.parent.name))
        return children

    def kill_pool_process(self) -> None:
        """SIGKILL the process running the task, as the kernel's out-of-memory killer would;
        the worker itself lives on and starts a new pool process."""
        [child] = self.pool_processes()
        os.kill(child, signal.SIGKILL)

    def kill(self) -> None:
        """SIGKILL the whole worker (main process, pool, beat): nothing is acknowledged,
        nothing is given back to the broker."""
        if self.process is None:
            return
        with suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=LIMIT)
        self.process = None

    def stop(self) -> None:
        """Warm shutdown (SIGTERM): the task in hand finishes first; SIGKILL after LIMIT."""
        if self.process is None:
            return
        try:
            self.process.terminate()
            self.process.wait(timeout=LIMIT)
        except subprocess.TimeoutExpired:
            pass
        self.kill()


@pytest.fixture
def worker_database(django_db_blocker) -> str:
    """The URL a worker process opens the test database by; skips the test when it cannot
    (in-memory SQLite). A module can ask for it first (`usefixtures`) to skip early."""
    with django_db_blocker.unblock():
        return _database_url()


@pytest.fixture
def start_worker(worker_database, redis_server, smtp_server, tmp_path):
    """start_worker(beat=False, **env) -> a running Worker on the test's database, Redis
    and SMTP server; extra keyword arguments are environment variables for its settings.
    Every worker started is stopped before the test's database is emptied."""
    database_url = worker_database
    workers = []

    def start(*, beat: bool = False, **overrides) -> Worker:
        env = dict(os.environ)
        env.update(
            DATABASE_URL=database_url,
            REDIS_URL=redis_server.url,
            REDIS_CACHE_URL=redis_server.url.rsplit("/", 1)[0] + "/1",
            CELERY_TASK_ALWAYS_EAGER="false",
            EMAIL_URL=smtp_server.url,
            CONN_MAX_AGE="0",
            PYTHONUNBUFFERED="1",
        )
        env.update({name: str(value) for name, value in overrides.items()})
        worker = Worker(env, tmp_path, beat=beat)
        workers.append(worker)
        return worker.start()

    yield start
    for worker in workers:
        worker.stop()
