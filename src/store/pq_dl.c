/* SPDX-License-Identifier: MIT */
/*
 * pq_dl.c — libpq through dlopen, on first use (see pq_dl.h). Exports at_pq
 * and at_pq_load.
 */
#define AT_PQ_DL_IMPL
#include "pq_dl.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

at_pq_api at_pq;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int loaded;
static char why[256];

static void load(void)
{
	void *h = dlopen(AT_LIBPQ_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		const char *e = dlerror();
		snprintf(why, sizeof(why), "cannot load %s: %s", AT_LIBPQ_SONAME, e ? e : "?");
		return;
	}
	void *sym;
#define AT_PQ_SYM(f)                                                                    \
	if ((sym = dlsym(h, #f)) == NULL) {                                             \
		snprintf(why, sizeof(why), "%s has no %s", AT_LIBPQ_SONAME, #f);        \
		return;                                                                 \
	}                                                                               \
	memcpy(&at_pq.f, &sym, sizeof(sym));
	AT_PQ_FUNCS(AT_PQ_SYM)
#undef AT_PQ_SYM
	loaded = 1;
}

int at_pq_load(char *err, size_t errlen)
{
	pthread_once(&once, load);
	if (loaded)
		return 0;
	if (err && errlen)
		snprintf(err, errlen, "%s", why);
	return -1;
}
