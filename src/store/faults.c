/*
 * faults.c — the crash points of faults.h (compiled only with -DAT_FAULTS=ON).
 *
 * AIDTRACE_CRASH_AT=NAME:N is read once. at__fault(NAME) counts the calls for
 * that name and raises SIGKILL on the Nth; with N = 0 it counts every point
 * and prints the counts at exit. The first call also registers a
 * VFS shim in front of SQLite's default VFS, counting xWrite calls as the
 * point "write" (the crash comes before the Nth write is made).
 */
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "faults.h"

static struct {
	int ready;
	char name[64];
	long at;    /* crash on this call of `name`; 0: only count */
	long count; /* calls of `name` so far */
	sqlite3_vfs *real;
	/* with N = 0, the calls of every point, printed at exit */
	struct {
		const char *name;
		long n;
	} seen[32];
	int nseen;
} F;

static void report(void)
{
	for (int i = 0; i < F.nseen; i++)
		fprintf(stderr, "aidtrace: fault %s reached %ld times\n", F.seen[i].name,
			F.seen[i].n);
}

static void hit(const char *name)
{
	if (F.at == 0) {
		int i = 0;
		while (i < F.nseen && strcmp(F.seen[i].name, name))
			i++;
		if (i == F.nseen && F.nseen < 32)
			F.seen[F.nseen++].name = name; /* a literal, or "write" */
		if (i < F.nseen)
			F.seen[i].n++;
		return;
	}
	if (!F.name[0] || strcmp(name, F.name) != 0)
		return;
	F.count++;
	if (F.count == F.at) {
		fprintf(stderr, "aidtrace: crashing at fault %s:%ld\n", name, F.at);
		raise(SIGKILL);
	}
}

/* ---- the VFS shim: every method forwards; xWrite counts ----------------- */

typedef struct shim_file {
	sqlite3_file base;
	sqlite3_file *real; /* allocated right after this struct */
} shim_file;

#define REAL(f) (((shim_file *)(f))->real)

static int s_close(sqlite3_file *f)
{
	int rc = REAL(f)->pMethods ? REAL(f)->pMethods->xClose(REAL(f)) : SQLITE_OK;
	return rc;
}
static int s_read(sqlite3_file *f, void *p, int n, sqlite3_int64 o)
{
	return REAL(f)->pMethods->xRead(REAL(f), p, n, o);
}
static int s_write(sqlite3_file *f, const void *p, int n, sqlite3_int64 o)
{
	hit("write");
	return REAL(f)->pMethods->xWrite(REAL(f), p, n, o);
}
static int s_truncate(sqlite3_file *f, sqlite3_int64 n)
{
	return REAL(f)->pMethods->xTruncate(REAL(f), n);
}
static int s_sync(sqlite3_file *f, int flags)
{
	return REAL(f)->pMethods->xSync(REAL(f), flags);
}
static int s_size(sqlite3_file *f, sqlite3_int64 *n)
{
	return REAL(f)->pMethods->xFileSize(REAL(f), n);
}
static int s_lock(sqlite3_file *f, int l)
{
	return REAL(f)->pMethods->xLock(REAL(f), l);
}
static int s_unlock(sqlite3_file *f, int l)
{
	return REAL(f)->pMethods->xUnlock(REAL(f), l);
}
static int s_check(sqlite3_file *f, int *out)
{
	return REAL(f)->pMethods->xCheckReservedLock(REAL(f), out);
}
static int s_fcntl(sqlite3_file *f, int op, void *arg)
{
	return REAL(f)->pMethods->xFileControl(REAL(f), op, arg);
}
static int s_sector(sqlite3_file *f)
{
	return REAL(f)->pMethods->xSectorSize(REAL(f));
}
static int s_dev(sqlite3_file *f)
{
	return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f));
}
static int s_shm_map(sqlite3_file *f, int pg, int sz, int ext, void volatile **pp)
{
	return REAL(f)->pMethods->xShmMap(REAL(f), pg, sz, ext, pp);
}
static int s_shm_lock(sqlite3_file *f, int off, int n, int flags)
{
	return REAL(f)->pMethods->xShmLock(REAL(f), off, n, flags);
}
static void s_shm_barrier(sqlite3_file *f)
{
	REAL(f)->pMethods->xShmBarrier(REAL(f));
}
static int s_shm_unmap(sqlite3_file *f, int del)
{
	return REAL(f)->pMethods->xShmUnmap(REAL(f), del);
}
static int s_fetch(sqlite3_file *f, sqlite3_int64 o, int n, void **pp)
{
	return REAL(f)->pMethods->xFetch(REAL(f), o, n, pp);
}
static int s_unfetch(sqlite3_file *f, sqlite3_int64 o, void *p)
{
	return REAL(f)->pMethods->xUnfetch(REAL(f), o, p);
}

static const sqlite3_io_methods shim_io = {
	3,	   s_close,	  s_read,      s_write,	      s_truncate,    s_sync,
	s_size,	   s_lock,	  s_unlock,    s_check,	      s_fcntl,	     s_sector,
	s_dev,	   s_shm_map,	  s_shm_lock,  s_shm_barrier, s_shm_unmap,   s_fetch,
	s_unfetch,
};

static sqlite3_vfs shim_vfs;

static int s_open(sqlite3_vfs *v, const char *name, sqlite3_file *f, int flags, int *out)
{
	(void)v;
	shim_file *sf = (shim_file *)f;
	sf->real = (sqlite3_file *)(sf + 1);
	int rc = F.real->xOpen(F.real, name, sf->real, flags, out);
	/* the shim's methods only when the real file is open (SQLite calls
	 * xClose only on files with methods) */
	sf->base.pMethods = sf->real->pMethods ? &shim_io : NULL;
	return rc;
}

static void install_vfs(void)
{
	F.real = sqlite3_vfs_find(NULL);
	if (!F.real)
		return;
	shim_vfs = *F.real;
	shim_vfs.zName = "aidtrace-faults";
	shim_vfs.szOsFile = (int)sizeof(shim_file) + F.real->szOsFile;
	shim_vfs.xOpen = s_open;
	sqlite3_vfs_register(&shim_vfs, 1);
}

/* ---- the crash point ------------------------------------------------------ */

void at__fault(const char *name)
{
	if (!F.ready) {
		F.ready = 1;
		const char *v = getenv("AIDTRACE_CRASH_AT");
		const char *colon = v ? strrchr(v, ':') : NULL;
		if (colon && (size_t)(colon - v) < sizeof(F.name) && colon > v) {
			memcpy(F.name, v, (size_t)(colon - v));
			F.name[colon - v] = 0;
			F.at = strtol(colon + 1, NULL, 10);
			if (F.at <= 0) {
				F.at = 0;
				atexit(report);
			}
			if (!F.at || !strcmp(F.name, "write"))
				install_vfs();
		} else if (v && *v) {
			fprintf(stderr, "aidtrace: AIDTRACE_CRASH_AT=%s: not NAME:N\n", v);
		}
	}
	hit(name);
}
