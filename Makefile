# aidtrace — convenience targets around CMake. `make help` lists them.

BUILD      ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
JOBS       ?= 2
CMAKE_TYPE ?= RelWithDebInfo
FUZZ_SECS  ?= 20

.PHONY: all build deps test demo bench clean format check-style fuzz fuzz-smoke golden \
	golden-update help

all: build

help:
	@echo "make            build $(BUILD)/aidtrace ($(CMAKE_TYPE))"
	@echo "make deps       install missing Debian packages (scripts/deps.sh)"
	@echo "make test       sanitizer + plain unit/golden/e2e tests, valgrind, fuzz smoke"
	@echo "make demo       run the CLI on examples/*.txt (table, then out/demo.jsonl)"
	@echo "make bench      time extraction on ../shared/corpus/reuters21578.jsonl"
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
	@echo "== table =="
	$(BUILD)/aidtrace extract --format table examples/*.txt
	@mkdir -p out
	$(BUILD)/aidtrace extract examples/*.txt > out/demo.jsonl
	@echo "JSON lines ($$(wc -l < out/demo.jsonl) events) written to out/demo.jsonl"

bench: deps build
	@bash scripts/bench.sh $(BUILD)/aidtrace

golden: build
	bash scripts/golden.sh --bin $(BUILD)/aidtrace

golden-update: build
	bash scripts/golden.sh --bin $(BUILD)/aidtrace --update

$(FUZZ_BUILD)/fuzz/fuzz_ingest: FORCE
	CC=clang cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
		-DAT_FUZZ=ON -DAT_SANITIZE=ON
	cmake --build $(FUZZ_BUILD) -j$(JOBS) --target fuzz_ingest fuzz_tables

fuzz: $(FUZZ_BUILD)/fuzz/fuzz_ingest

fuzz-smoke: fuzz
	bash scripts/fuzz.sh $(FUZZ_BUILD)/fuzz/fuzz_ingest $(FUZZ_SECS)
	bash scripts/fuzz.sh $(FUZZ_BUILD)/fuzz/fuzz_tables $(FUZZ_SECS)

format:
	clang-format -i $$(git ls-files -co --exclude-standard '*.c' '*.h' | grep -v '^build')

check-style:
	@bash scripts/checksrc.sh

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD) out

.PHONY: FORCE
FORCE:
