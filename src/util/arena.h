/* SPDX-License-Identifier: MIT */
/*
 * arena.h — one arena per document: a bump allocator whose memory dies in one
 * call. Exports at_arena_init/alloc/alloc_raw/strndup/grow/reset/free.
 *
 * Built with -DAT_ARENA_MALLOC (the sanitizer and valgrind builds), every
 * allocation goes straight to malloc and is kept on a list, so ASan and
 * valgrind see each one and its bounds.
 */
#ifndef AT_UTIL_ARENA_H
#define AT_UTIL_ARENA_H

#include <stddef.h>

typedef struct at_arena_block at_arena_block;

typedef struct at_arena {
	at_arena_block *head;
	at_arena_block *spare; /* blocks kept by at_arena_reset */
	size_t used;   /* bytes handed out, for the cap */
	size_t cap;    /* 0 = no cap */
	int failed;    /* set once an allocation failed */
} at_arena;

void at_arena_init(at_arena *a, size_t cap);
/* Zeroed memory aligned for any type, or NULL (and a->failed) past the cap. */
void *at_arena_alloc(at_arena *a, size_t n);
/* The same without zeroing, for arrays the caller fills. */
void *at_arena_alloc_raw(at_arena *a, size_t n);
/* Forget every allocation but keep up to `keep` bytes of blocks for reuse,
 * so that a worker reading many documents does not go back to malloc. */
void at_arena_reset(at_arena *a, size_t keep);
char *at_arena_strndup(at_arena *a, const char *s, size_t n);
/*
 * Make room for one more element in an arena-grown array *arr of n elements
 * of `size` bytes and capacity *cap (doubling from `first`). The old array is
 * left to the arena. 0, or -1 when memory runs out.
 */
int at_arena_grow(at_arena *a, void **arr, size_t n, size_t *cap, size_t size, size_t first);
void at_arena_free(at_arena *a);

#endif
