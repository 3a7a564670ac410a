# SPDX-License-Identifier: MIT
# pg_lib.sh — a throwaway PostgreSQL cluster for the end-to-end tests
# (sourced): pg_start DIR runs initdb and pg_ctl on DIR, listening only on a
# Unix socket in DIR, as the postgres user when the test runs as root; it sets
# PG_URI (the database "aidtrace", superuser postgres) and pg_psql runs psql
# against it. pg_stop stops the cluster (the caller's trap). pg_available
# says why there is no server when there is none: the caller skips, unless
# CI=true, where a missing server is a failure. PG_FSYNC=on for a durable
# server (benchmarks); tests run with fsync=off.

pg_bindir() {
	local d
	d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
	[[ -n "$d" && -x "$d/initdb" && -x "$d/pg_ctl" ]] && echo "$d"
}

# 0 when a cluster can be started; else prints the reason.
pg_available() {
	if [[ -z "$(pg_bindir)" ]]; then
		echo "PostgreSQL server binaries not installed (apt-get install postgresql)"
		return 1
	fi
	if [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
		echo "running as root and there is no postgres user to run the server"
		return 1
	fi
	command -v psql >/dev/null || {
		echo "psql not installed"
		return 1
	}
}

# Skip (exit 77) with the reason, or fail under CI=true.
pg_require() {
	local why
	if ! why=$(pg_available); then
		if [[ "${CI:-}" == true ]]; then
			echo "FAIL PostgreSQL is required under CI=true: $why"
			exit 1
		fi
		echo "skip: $why"
		exit 77
	fi
}

pg_as() { # run a command as the cluster's owner
	if [[ $(id -u) -eq 0 ]]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

pg_start() {
	PG_DIR=$1
	local bin
	bin=$(pg_bindir)
	mkdir -p "$PG_DIR/data" "$PG_DIR/sock"
	if [[ $(id -u) -eq 0 ]]; then # the server runs as postgres: let it in
		chmod a+x "$(dirname "$PG_DIR")"
		chown -R postgres "$PG_DIR"
		chmod 755 "$PG_DIR"
	fi
	pg_as "$bin/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 \
		--locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 || {
		cat "$PG_DIR/initdb.log"
		return 1
	}
	pg_as "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
		-o "-c listen_addresses='' -c unix_socket_directories=$PG_DIR/sock -c fsync=${PG_FSYNC:-off} -c max_connections=40" \
		start >/dev/null || {
		cat "$PG_DIR/server.log"
		return 1
	}
	PG_HOST="$PG_DIR/sock"
	PG_URI="postgresql:///aidtrace?host=$PG_HOST&user=postgres"
	pg_psql postgres -c "CREATE DATABASE aidtrace" >/dev/null
}

# pg_psql DB ARGS...: psql as the superuser, quiet, stop on error.
pg_psql() {
	local db=$1
	shift
	psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -U postgres -d "$db" "$@"
}

# An empty ledger database again.
pg_reset() {
	pg_psql postgres -c "DROP DATABASE IF EXISTS aidtrace WITH (FORCE)" \
		-c "CREATE DATABASE aidtrace" >/dev/null
}

pg_stop() { # safe to call twice, and under set -e
	if [[ -n "${PG_DIR:-}" && -f "$PG_DIR/data/postmaster.pid" ]]; then
		pg_as "$(pg_bindir)/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
	fi
	return 0
}
