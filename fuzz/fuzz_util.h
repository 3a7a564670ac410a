/* SPDX-License-Identifier: MIT */
/*
 * fuzz_util.h — what the libFuzzer targets that read files share: the
 * lexicons loaded once (AIDTRACE_DATA, else the source tree's data/), and a
 * per-process temp file name.
 */
#ifndef AT_FUZZ_UTIL_H
#define AT_FUZZ_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "aidtrace.h"

#ifndef AT_FUZZ_DATADIR
#define AT_FUZZ_DATADIR NULL
#endif

/* The context, or abort() naming the target. */
static inline at_ctx *fuzz_ctx(const char *target)
{
	at_ctx *ctx = NULL;
	char err[512];
	const char *dir = getenv("AIDTRACE_DATA");
	if (!dir)
		dir = AT_FUZZ_DATADIR ? AT_FUZZ_DATADIR : at_default_datadir();
	if (at_ctx_new(&ctx, dir, err, sizeof(err)) != 0) {
		fprintf(stderr, "%s: cannot load lexicons: %s\n", target, err);
		abort();
	}
	return ctx;
}

/* "$TMPDIR/<target>.<pid><ext>" into buf. */
static inline void fuzz_tmp_path(char *buf, size_t n, const char *target, const char *ext)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(buf, n, "%s/%s.%ld%s", tmp && tmp[0] ? tmp : "/tmp", target, (long)getpid(), ext);
}

/* Write n bytes to path; 0, or -1 when it cannot be written. */
static inline int fuzz_write(const char *path, const void *data, size_t n)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return -1;
	if (n)
		fwrite(data, 1, n, f);
	return fclose(f) == 0 ? 0 : -1;
}

#endif
