# Two commands on a fresh machine: `make run` (install, warehouse, demo data, dbt, app) and
# `make test` (install, every test). Everything else here serves those two.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
export DBT_SEND_ANONYMOUS_USAGE_STATS := False

.PHONY: run test install browser lint format demo serve clean bench

run: install
	$(BIN)/tablero demo
	$(BIN)/tablero serve

test: install browser
	$(BIN)/pytest

# Speed figures (docs/rendimiento.md): table on stdout, tests/artifacts/benchmarks.json.
bench: install browser
	$(BIN)/python -m tests.benchmarks

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	touch $(STAMP)

# Browser tests need Debian's Chromium; install it when missing (root on Debian), else say how.
browser:
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	    echo "Instalando Chromium (paquete de Debian) para las pruebas de navegador..."; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-dejavu-core >/dev/null) \
	      || { echo "No se pudo instalar chromium con apt-get." >&2; exit 1; }; \
	  else \
	    echo "Falta $(CHROMIUM): instale los paquetes de Debian 'chromium' y 'chromium-driver' (sudo apt-get install chromium chromium-driver)." >&2; exit 1; \
	  fi; \
	fi

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

demo: install
	$(BIN)/tablero demo

serve: install
	$(BIN)/tablero serve

clean:
	-$(BIN)/tablero db stop
	rm -rf $(VENV) .warehouse dbt_project/target dbt_project/logs
