/* SPDX-License-Identifier: MIT */
/*
 * curl_dl.c — libcurl through dlopen, on first use (see curl_dl.h). Exports
 * at_curl and at_curl_load.
 */
#define AT_CURL_DL_IMPL
#include "curl_dl.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

at_curl_api at_curl;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int loaded;
static char why[256];

static void load(void)
{
	void *h = dlopen(AT_LIBCURL_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		const char *e = dlerror();
		snprintf(why, sizeof(why), "cannot load %s: %s", AT_LIBCURL_SONAME, e ? e : "?");
		return;
	}
	void *sym;
#define AT_CURL_SYM(f)                                                                  \
	if ((sym = dlsym(h, #f)) == NULL) {                                             \
		snprintf(why, sizeof(why), "%s has no %s", AT_LIBCURL_SONAME, #f);      \
		return;                                                                 \
	}                                                                               \
	memcpy(&at_curl.f, &sym, sizeof(sym));
	AT_CURL_FUNCS(AT_CURL_SYM)
#undef AT_CURL_SYM
	loaded = 1;
}

int at_curl_load(char *err, size_t errlen)
{
	pthread_once(&once, load);
	if (loaded)
		return 0;
	if (err && errlen)
		snprintf(err, errlen, "%s", why);
	return -1;
}
