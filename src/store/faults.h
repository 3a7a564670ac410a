/* SPDX-License-Identifier: MIT */
/*
 * faults.h — named crash points for the crash-safety tests (test builds only).
 *
 * AT_FAULT("name") marks a place where a crash would hurt: between the
 * statements of a batch's transaction, inside the merge, between the merge
 * and its commit. In a build configured with -DAT_FAULTS=ON (make test's
 * sanitizer build) the environment variable
 *
 *   AIDTRACE_CRASH_AT=NAME:N     kill the process (SIGKILL: no clean-up, no
 *                                flush, as the OOM killer or a power cut
 *                                would) the Nth time it reaches NAME
 *   AIDTRACE_CRASH_AT=all:0      never crash; at exit print on stderr
 *                                "aidtrace: fault NAME reached K times"
 *                                for every point reached
 *
 * chooses one. The name "write" is not in the code: it counts the writes
 * SQLite makes to the database and WAL files (through a VFS shim that
 * at__fault registers as the default on its first call), so "write:N" kills
 * the process in the middle of a commit or a checkpoint.
 *
 * With AIDTRACE_POWER_CUT=1 as well, the crash is a power cut: every write
 * to a database or WAL file since that file's last fsync is undone first.
 *
 * In every other build AT_FAULT compiles to nothing and the variables are
 * ignored. The points: see tests/e2e/crash.sh.
 */
#ifndef AT_STORE_FAULTS_H
#define AT_STORE_FAULTS_H

#ifdef AT_FAULTS
void at__fault(const char *name);
#define AT_FAULT(name) at__fault(name)
#else
#define AT_FAULT(name) ((void)0)
#endif

#endif
