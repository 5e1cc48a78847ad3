# dmaudit: build, test, demo, install.
#   make            build ./dmaudit
#   make test       install missing packages, build, run every test
#   make demo       install missing packages, build, audit the bundled sample into demo-out/
#   make asan       build with AddressSanitizer and UBSan and run the tests with it
#   make install PREFIX=/usr/local

PREFIX  ?= /usr/local
CC      ?= cc
# C++ only for src/analyze/pii/phonelib.cc (libphonenumber); clang's with clang
ifeq ($(origin CXX),default)
CXX     := $(if $(findstring clang,$(CC)),clang++,g++)
endif
PKGS    := jansson sqlite3 libarchive libutf8proc nettle
BUILD   ?= build
WERROR  ?= $(if $(CI),-Werror,)
OPT     ?= -O2
SAN     ?=

PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)

# clang 14 writes DWARF 5 by default, which Debian 12's valgrind cannot read
DEBUG   ?= $(if $(findstring clang,$(CC)),-gdwarf-4,-g)
CFLAGS  ?= $(OPT) $(DEBUG)
CFLAGS  += -std=c11 -D_GNU_SOURCE -Wall -Wextra -Wshadow -Wstrict-prototypes \
	   -Wno-unused-parameter -Wformat=2 -Wno-format-nonliteral $(WERROR) $(SAN) \
	   -Iinclude -I$(BUILD)/gen $(PKG_CFLAGS) -include include/banned.h \
	   -DDMAUDIT_SHARE='"$(PREFIX)/share/dmaudit"'
# libphonenumber ships no pkg-config file; it is C++, hence libstdc++
LDLIBS  += $(PKG_LIBS) -lphonenumber -lstdc++ -lpthread -lm
# banned.h is for C: the C++ standard headers declare the calls it bans
CXXFLAGS ?= $(OPT) $(DEBUG)
CXXFLAGS += -std=c++17 -Wall -Wextra -Wshadow -Wno-unused-parameter $(WERROR) $(SAN) -Iinclude
LDFLAGS += $(SAN)

SRCS    := $(shell find src -name '*.c' | sort)
CXXSRCS := $(shell find src -name '*.cc' | sort)
OBJS    := $(SRCS:%.c=$(BUILD)/%.o) $(CXXSRCS:%.cc=$(BUILD)/%.o)
LIBOBJS := $(filter-out $(BUILD)/src/main.o,$(OBJS))
LEXICON := $(sort $(wildcard src/analyze/lexicon/*.tsv))
GEN     := $(BUILD)/gen/schema_sql.h $(BUILD)/gen/indexes_sql.h $(BUILD)/gen/lexicon_data.h
UNIT    := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(wildcard tests/unit/test_*.c))
BIN     := $(if $(filter build,$(BUILD)),dmaudit,$(BUILD)/dmaudit)

.PHONY: all test units e2e demo asan install clean deps bench fuzz
.SECONDARY:
all: $(BIN)

$(BIN): $(OBJS)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# -MMD -MP: each object depends on every header it includes, wherever it lives
$(BUILD)/%.o: %.c $(GEN)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/%.o: %.cc
	@mkdir -p $(dir $@)
	$(CXX) $(CXXFLAGS) -MMD -MP -c -o $@ $<

-include $(OBJS:.o=.d)

# What bakes $(PREFIX) in is built again when it changes, so that
# `make install PREFIX=/opt` after `make` finds its scripts (git's GIT-PREFIX).
.PHONY: FORCE
$(BUILD)/PREFIX: FORCE
	@mkdir -p $(BUILD)
	@echo '$(PREFIX)' | cmp -s - $@ || echo '$(PREFIX)' > $@
$(BUILD)/src/report/chart_draw.o $(BUILD)/src/cmd_charts.o: $(BUILD)/PREFIX

# The SQL files become C string literals.
$(BUILD)/gen/%_sql.h: src/store/%.sql
	@mkdir -p $(dir $@)
	sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' $< > $@

$(BUILD)/tests/%: tests/unit/%.c $(LIBOBJS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(shell pkg-config --cflags cmocka 2>/dev/null) $(LDFLAGS) -o $@ $< \
		$(LIBOBJS) $(LDLIBS) $(shell pkg-config --libs cmocka 2>/dev/null)

# The phrase lists become one C table: { "family", "lang", "phrase" } a line.
# The list of the files is a prerequisite too, so that removing one builds
# the table again (a removed file is no newer than the table).
$(BUILD)/LEXICON: FORCE
	@mkdir -p $(BUILD)
	@echo '$(LEXICON)' | cmp -s - $@ || echo '$(LEXICON)' > $@
$(BUILD)/gen/lexicon_data.h: $(LEXICON) scripts/lexicon-table $(BUILD)/LEXICON
	@mkdir -p $(dir $@)
	scripts/lexicon-table $(LEXICON) > $@

deps:
	@scripts/install-deps

# deps first, then the build (a second make sees the packages' pkg-config).
test: deps
	@$(MAKE) --no-print-directory $(BIN) units
	@tests/run $(BIN) $(UNIT)

units: $(UNIT)

demo: deps
	@$(MAKE) --no-print-directory $(BIN)
	@scripts/demo ./$(BIN) sample-data/sample.zip demo-out

asan: deps
	@$(MAKE) --no-print-directory BUILD=build/asan OPT=-O1 \
		SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
		build/asan/dmaudit build-asan-units
	@ASAN_OPTIONS=detect_leaks=1 DMAUDIT_SANITIZED=1 tests/run build/asan/dmaudit \
		$(patsubst $(BUILD)/tests/%,build/asan/tests/%,$(UNIT))

build-asan-units: $(UNIT)

install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/dmaudit
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/dmaudit
	install -m 644 dmaudit.1 $(DESTDIR)$(PREFIX)/share/man/man1/dmaudit.1
	for f in scripts/*.gp; do [ -e "$$f" ] && install -m 644 "$$f" \
		$(DESTDIR)$(PREFIX)/share/dmaudit/ || true; done

clean:
	rm -rf build dmaudit demo-out

# ---- benchmarks and long fuzzing (outside CI) ----
#   make fuzz FUZZ_SECONDS=3600
fuzz:
	@scripts/fuzz $(or $(FUZZ_SECONDS),600)

$(BUILD)/json_floor: tests/bench/json_floor.c
	@mkdir -p $(dir $@)
	$(CC) $(OPT) -o $@ $< $(shell pkg-config --cflags --libs jansson)

bench: deps
	@$(MAKE) --no-print-directory $(BIN) $(BUILD)/json_floor
	@scripts/bench ./$(BIN) $(BUILD)/json_floor
	@$(MAKE) --no-print-directory -s bench-pii

# Throughput of the personal-data scanner (a benchmark, not a test):
#   make bench-pii
.PHONY: bench-pii
bench-pii: $(LIBOBJS)
	@mkdir -p $(BUILD)/bench
	@$(CC) $(CFLAGS) $(LDFLAGS) -o $(BUILD)/bench/pii_bench tests/bench/pii_bench.c $(LIBOBJS) $(LDLIBS)
	@$(BUILD)/bench/pii_bench
