# opsplan — build, run, test, bench.
# `make run` and `make test` first install the Debian packages they lack (src/sh/deps.sh).

PKGS    := libxml-2.0 libxslt sqlite3 libcurl libcrypto
CC      ?= cc
WARN    := -Wall -Wextra -Werror -Wshadow -Wformat=2 -Wno-format-nonliteral
HARDEN  := -fstack-protector-strong -D_FORTIFY_SOURCE=2 -fPIE
CFLAGS  := -std=c11 -D_GNU_SOURCE -O2 -g $(WARN) $(shell pkg-config --cflags $(PKGS) 2>/dev/null) -iquote src
LDFLAGS := -pie -Wl,-z,relro -Wl,-z,now
LIBS    := -lfcgi $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lm
SAN     := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

# src/<layer>/*.c: core (the platform), engine (pure engines), format (files in and out), plan
# and change (the models of each wing), cmd (the subcommands); cgi-bin/ the page families.
# Includes name the layer: #include "core/db.h" (-iquote src). -MMD -MP writes each object's
# header dependencies beside it (build/**/*.d), so no header list is kept here.
SRC     := $(wildcard src/*/*.c) $(wildcard cgi-bin/*.c)
LIBSRC  := $(filter-out src/cmd/main.c,$(SRC))
SCHEMA  := $(sort $(wildcard src/schema/*.sql))
UNIT    := $(wildcard tests/unit/test_*.c)
DEPFLAGS := -MMD -MP

OBJ     := $(patsubst %.c,build/obj/%.o,$(LIBSRC)) build/obj/schema.o
AOBJ    := $(patsubst %.c,build/asan/obj/%.o,$(LIBSRC)) build/asan/obj/schema.o

PORT ?= 8080
DB   ?= var/opsplan.db
export PORT DB

.PHONY: all asan test unit bench soak run lint install clean deps
all: build/opsplan

build/schema.c: $(SCHEMA) src/sh/embed.sh
	@mkdir -p build
	sh src/sh/embed.sh $(SCHEMA) > $@

build/obj/schema.o: build/schema.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(HARDEN) $(DEPFLAGS) -c $< -o $@
build/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(HARDEN) $(DEPFLAGS) -c $< -o $@
build/libopsplan.a: $(OBJ)
	ar rcs $@ $^
build/opsplan: build/obj/src/cmd/main.o build/libopsplan.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

build/asan/obj/schema.o: build/schema.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(SAN) $(DEPFLAGS) -c $< -o $@
build/asan/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(SAN) $(DEPFLAGS) -c $< -o $@
build/asan/libopsplan.a: $(AOBJ)
	ar rcs $@ $^
build/asan/opsplan: build/asan/obj/src/cmd/main.o build/asan/libopsplan.a
	$(CC) $(SAN) -o $@ $^ $(LIBS)
asan: build/asan/opsplan $(patsubst tests/unit/%.c,build/asan/unit/%,$(UNIT))

build/unit/%: tests/unit/%.c build/libopsplan.a
	@mkdir -p $(dir $@) build/deps/unit
	$(CC) $(CFLAGS) $(DEPFLAGS) -MF build/deps/unit/$*.d -iquote tests/unit -o $@ $< build/libopsplan.a $(LIBS)
build/asan/unit/%: tests/unit/%.c build/asan/libopsplan.a
	@mkdir -p $(dir $@) build/deps/asan-unit
	$(CC) $(CFLAGS) $(SAN) $(DEPFLAGS) -MF build/deps/asan-unit/$*.d -iquote tests/unit -o $@ $< build/asan/libopsplan.a $(LIBS)
unit: $(patsubst tests/unit/%.c,build/unit/%,$(UNIT))

-include $(shell find build -name '*.d' 2>/dev/null)

deps:
	bash src/sh/deps.sh test

test: deps
	$(MAKE) all unit asan
	bash tests/run.sh

build/bench_sched: tests/bench_sched.c tests/unit/holidays_fixture.h build/libopsplan.a
	$(CC) $(CFLAGS) -iquote tests/unit -o $@ $< build/libopsplan.a $(LIBS)

bench: deps
	$(MAKE) all build/bench_sched
	bash tests/bench.sh

# the differential test against TaskJuggler over many seeds (make test runs ten):
# SOAK_SEEDS=N SOAK_FIRST=K make soak
soak: deps
	$(MAKE) all
	python3 tests/sched/soak.py --seeds $${SOAK_SEEDS:-200} --first $${SOAK_FIRST:-1}

run:
	bash src/sh/deps.sh run
	$(MAKE) all
	bash src/sh/run.sh

lint:
	bash tests/lint.sh

install: all
	install -D -m 0755 build/opsplan $(DESTDIR)/usr/lib/cgi-bin/opsplan
	install -d $(DESTDIR)/usr/share/opsplan/xslt/i18n $(DESTDIR)/usr/share/opsplan/xslt/pages $(DESTDIR)/usr/share/opsplan/static $(DESTDIR)/var/lib/opsplan $(DESTDIR)/etc/opsplan
	install -m 0644 xslt/*.xsl $(DESTDIR)/usr/share/opsplan/xslt/
	install -m 0644 xslt/pages/*.xsl $(DESTDIR)/usr/share/opsplan/xslt/pages/
	install -m 0644 xslt/i18n/*.xml $(DESTDIR)/usr/share/opsplan/xslt/i18n/
	cp -r static/. $(DESTDIR)/usr/share/opsplan/static/
	install -m 0644 src/sh/fastcgi_params $(DESTDIR)/etc/opsplan/fastcgi_params
	test -e $(DESTDIR)/etc/opsplan/opsplan.conf || install -m 0640 src/sh/opsplan.conf $(DESTDIR)/etc/opsplan/opsplan.conf

clean:
	rm -rf build
