# SPDX-License-Identifier: MIT
# aidtrace — convenience targets around CMake. `make help` lists them.

BUILD      ?= build
ASAN_BUILD ?= build-asan
TSAN_BUILD ?= build-tsan
FUZZ_BUILD ?= build-fuzz
JOBS       ?= 2
CMAKE_TYPE ?= RelWithDebInfo
FUZZ_SECS  ?= 20
PREFIX     ?= /usr/local

.PHONY: all build deps test demo bench clean format check-style fuzz fuzz-smoke golden \
	golden-update help report-screenshot install uninstall

all: build

help:
	@echo "make            build $(BUILD)/aidtrace ($(CMAKE_TYPE))"
	@echo "make deps       install missing Debian packages (scripts/deps.sh)"
	@echo "make test       sanitizer + plain unit/golden/e2e tests, valgrind, fuzz smoke"
	@echo "make install PREFIX=DIR  install bin/aidtrace, share/aidtrace, the man page, include/aidtrace.h,"
	@echo "                lib/libaidtrace.a and lib/pkgconfig/aidtrace.pc under DIR (default $(PREFIX))"
	@echo "make uninstall PREFIX=DIR  remove them again"
	@echo "make demo       extract examples/*.txt (out/demo.jsonl), ingest them (out/demo.db), print the ledger, write out/report.html"
	@echo "make report-screenshot  render the demo report in chromium into docs/report.png"
	@echo "make bench      time extraction and ingest (SQLite, PostgreSQL; RSS at 1x and 4x) on ../shared/corpus/reuters21578.jsonl"
	@echo "make golden-update  regenerate tests/golden/*.expected.jsonl"
	@echo "make fuzz-smoke run the libFuzzer targets for $(FUZZ_SECS) s each (needs clang)"
	@echo "make format / check-style / clean"

build:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(CMAKE_TYPE)
	cmake --build $(BUILD) -j$(JOBS)

deps:
	@bash scripts/deps.sh

test: deps
	@bash scripts/test.sh

demo: deps build
	@mkdir -p out
	$(BUILD)/aidtrace extract examples/*.txt > out/demo.jsonl
	@echo "per-document events: $$(wc -l < out/demo.jsonl) JSON lines in out/demo.jsonl"
	@rm -f out/demo.db out/demo.db-wal out/demo.db-shm
	$(BUILD)/aidtrace ingest --db out/demo.db examples/*.txt
	@echo "== the ledger (out/demo.db) =="
	$(BUILD)/aidtrace events --db out/demo.db
	$(BUILD)/aidtrace report --db out/demo.db -o out/report.html \
		--title "aidtrace demo: the bundled example articles"
	@echo "HTML report of the ledger written to $(CURDIR)/out/report.html"

# The reference screenshot of the demo report (needs chromium; the browser
# test takes it).
report-screenshot: build
	bash tests/report/browser.sh $(BUILD)/aidtrace . docs/report.png

install: build
	cmake --install $(BUILD) --prefix $(PREFIX)

uninstall:
	bash scripts/uninstall.sh $(PREFIX)

bench: deps build
	@bash scripts/bench.sh $(BUILD)/aidtrace

golden: build
	bash scripts/golden.sh --bin $(BUILD)/aidtrace

golden-update: build
	bash scripts/golden.sh --bin $(BUILD)/aidtrace --update

$(FUZZ_BUILD)/fuzz/fuzz_ingest: FORCE
	CC=clang cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
		-DAT_FUZZ=ON -DAT_SANITIZE=ON
	cmake --build $(FUZZ_BUILD) -j$(JOBS) --target fuzz_ingest fuzz_report fuzz_tables fuzz_warc fuzz_html fuzz_feed

fuzz: $(FUZZ_BUILD)/fuzz/fuzz_ingest

fuzz-smoke: fuzz
	bash scripts/fuzz.sh $(FUZZ_BUILD)/fuzz/fuzz_ingest $(FUZZ_SECS)
	bash scripts/fuzz.sh $(FUZZ_BUILD)/fuzz/fuzz_report $(FUZZ_SECS)
	bash scripts/fuzz.sh $(FUZZ_BUILD)/fuzz/fuzz_tables $(FUZZ_SECS)
	bash scripts/fuzz.sh $(FUZZ_BUILD)/fuzz/fuzz_warc $(FUZZ_SECS)
	bash scripts/fuzz.sh $(FUZZ_BUILD)/fuzz/fuzz_html $(FUZZ_SECS)
	bash scripts/fuzz.sh $(FUZZ_BUILD)/fuzz/fuzz_feed $(FUZZ_SECS)

format:
	clang-format -i $$(git ls-files -co --exclude-standard '*.c' '*.h' | grep -v '^build')

check-style:
	@bash scripts/checksrc.sh

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(TSAN_BUILD) $(FUZZ_BUILD) out

.PHONY: FORCE
FORCE:
