# The two commands the README promises: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test install migrate lint messages bench bench-venv bench-server bench-load bench-report bench-report-pages clean

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): requirements.txt | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $(STAMP)

install: $(STAMP)

migrate: install
	DEBUG=true $(PY) manage.py migrate --noinput

# Set up everything, load the demo data, run the web server and a Celery worker (with beat).
demo: migrate
	DEBUG=true $(PY) manage.py load_demo
	@echo "Starting the Celery worker (log: var/celery.log) and the web server on http://127.0.0.1:8000"
	@DEBUG=true $(VENV)/bin/celery -A espoo_intl worker --beat --loglevel=INFO --concurrency=2 \
		--schedule=var/celerybeat-schedule > var/celery.log 2>&1 & echo $$! > var/celery.pid; \
	trap 'kill $$(cat var/celery.pid) 2>/dev/null' EXIT INT TERM; \
	DEBUG=true $(PY) manage.py runserver 127.0.0.1:8000

# The whole suite. DATABASE_URL / REDIS_URL select PostgreSQL and Redis (CI); SQLite otherwise.
test: install
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

# Re-extract and compile the fi/en/sv catalogues after changing UI strings.
messages: install
	DEBUG=true $(PY) manage.py makemessages -l fi -l en -l sv --ignore=.venv --ignore=var
	DEBUG=true $(PY) manage.py compilemessages --ignore=.venv

bench: install
	DEBUG=true $(PY) bench/run.py

# The server benchmark (bench/README.md): PostgreSQL database "perfbench" on 127.0.0.1,
# gunicorn and locust; locust lives in its own virtualenv (bench/requirements.txt).
BENCH_VENV := var/bench-venv
BENCH_ARGS ?= --scale 0.25

$(BENCH_VENV)/.installed: bench/requirements.txt
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install --quiet -r bench/requirements.txt
	touch $@

bench-venv: $(BENCH_VENV)/.installed

bench-server: install bench-venv
	$(PY) bench/serve.py $(BENCH_ARGS)

# Only issue 8's load run (50 users, 2 minutes): make bench-load BENCH_ARGS="--load-duration 60"
bench-load: install bench-venv
	$(PY) bench/serve.py --no-pages $(BENCH_ARGS)

# The annual report benchmark (bench/report.py, issues 11 and 12): the report compiled on the
# demo data, about 4x and 16x its volume and scale 1 (PostgreSQL databases reportbench*).
REPORT_ARGS ?=
bench-report: install
	$(PY) bench/report.py $(REPORT_ARGS)

# Web pages' p95 with and without a report compiling alongside (scale 1; gunicorn + locust).
bench-report-pages: install bench-venv
	$(PY) bench/report.py --pages $(REPORT_ARGS)

clean:
	rm -rf $(VENV) var
