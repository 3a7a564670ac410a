/* SPDX-License-Identifier: MIT */
/*
 * test_util.h — helpers shared by the cmocka tests: the lexicon folder of the
 * source tree, a once-per-process context, temp files and JSON parsing of
 * the engine's output.
 */
#ifndef AT_TEST_UTIL_H
#define AT_TEST_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#ifndef AT_TEST_DATADIR
#define AT_TEST_DATADIR NULL /* fall back to the library's built-in folder */
#endif

/* A fresh temp directory (mkdtemp under $TMPDIR or /tmp) into buf. */
static inline void at_test_tmpdir(char *buf, size_t n)
{
	const char *t = getenv("TMPDIR");
	snprintf(buf, n, "%s/aidtrace-test-XXXXXX", t && t[0] ? t : "/tmp");
	assert_non_null(mkdtemp(buf));
}

/* Write n bytes to dir/name; the full path goes to path (PATH_MAX-ish). */
static inline void at_test_write(char *path, size_t pathlen, const char *dir, const char *name,
				 const void *bytes, size_t n)
{
	snprintf(path, pathlen, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	if (n)
		assert_int_equal(fwrite(bytes, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

/* rm -r of a flat temp directory. */
static inline void at_test_rmdir(const char *dir)
{
	char cmd[1024];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

/* A cmocka state: a fresh temp folder, and room for a file path in it. */
typedef struct at_test_dir {
	char dir[512];
	char path[1024];
} at_test_dir;

static inline int at_test_dir_setup(void **state)
{
	at_test_dir *f = calloc(1, sizeof(*f));
	assert_non_null(f);
	at_test_tmpdir(f->dir, sizeof(f->dir));
	*state = f;
	return 0;
}

static inline int at_test_dir_teardown(void **state)
{
	at_test_dir *f = *state;
	at_test_rmdir(f->dir);
	free(f);
	return 0;
}

#endif
