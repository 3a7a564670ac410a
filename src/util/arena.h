/*
 * arena.h — one arena per document: a bump allocator whose memory dies in one
 * call. Exports at_arena_init/alloc/strndup/free.
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
	size_t used;   /* bytes handed out, for the cap */
	size_t cap;    /* 0 = no cap */
	int failed;    /* set once an allocation failed */
} at_arena;

void at_arena_init(at_arena *a, size_t cap);
/* Zeroed memory aligned for any type, or NULL (and a->failed) past the cap. */
void *at_arena_alloc(at_arena *a, size_t n);
char *at_arena_strndup(at_arena *a, const char *s, size_t n);
void at_arena_free(at_arena *a);

#endif
