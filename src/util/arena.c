/* SPDX-License-Identifier: MIT */
/*
 * arena.c — the per-document bump allocator (see arena.h).
 */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK_SIZE (64u * 1024u)
#define ALIGN 16u

struct at_arena_block {
	at_arena_block *next;
	size_t size, off;
	_Alignas(16) unsigned char mem[];
};

void at_arena_init(at_arena *a, size_t cap)
{
	a->head = NULL;
	a->spare = NULL;
	a->used = 0;
	a->cap = cap;
	a->failed = 0;
}

static void *alloc(at_arena *a, size_t n, int zero);

void *at_arena_alloc(at_arena *a, size_t n) { return alloc(a, n, 1); }

void *at_arena_alloc_raw(at_arena *a, size_t n) { return alloc(a, n, 0); }

static void *alloc(at_arena *a, size_t n, int zero)
{
	if (n == 0)
		n = 1;
	if (a->cap && (n > a->cap || a->used > a->cap - n)) {
		a->failed = 1;
		return NULL;
	}
#ifdef AT_ARENA_MALLOC
	at_arena_block *b = calloc(1, sizeof(*b) + n);
	if (!b) {
		a->failed = 1;
		return NULL;
	}
	b->size = n;
	b->off = n;
	b->next = a->head;
	a->head = b;
	a->used += n;
	(void)zero;
	return b->mem;
#else
	size_t need = (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	at_arena_block *b = a->head;
	if (!b || b->size - b->off < need) {
		/* a spare block kept by at_arena_reset, if one is large enough */
		at_arena_block **sp = &a->spare;
		while (*sp && (*sp)->size < need)
			sp = &(*sp)->next;
		if (*sp) {
			b = *sp;
			*sp = b->next;
		} else {
			size_t size = need > BLOCK_SIZE ? need : BLOCK_SIZE;
			b = malloc(sizeof(*b) + size);
			if (!b) {
				a->failed = 1;
				return NULL;
			}
			b->size = size;
		}
		b->off = 0;
		b->next = a->head;
		a->head = b;
	}
	void *p = b->mem + b->off;
	b->off += need;
	a->used += need;
	if (zero)
		memset(p, 0, n);
	return p;
#endif
}

char *at_arena_strndup(at_arena *a, const char *s, size_t n)
{
	char *p = at_arena_alloc(a, n + 1);
	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

int at_arena_grow(at_arena *a, void **arr, size_t n, size_t *cap, size_t size, size_t first)
{
	if (n < *cap)
		return 0;
	size_t nc = *cap ? *cap * 2 : first;
	void *p = alloc(a, nc * size, 0);
	if (!p)
		return -1;
	if (n)
		memcpy(p, *arr, n * size);
	*arr = p;
	*cap = nc;
	return 0;
}

void at_arena_reset(at_arena *a, size_t keep)
{
	at_arena_block *b = a->head;
#ifndef AT_ARENA_MALLOC
	size_t kept = 0;
	for (at_arena_block *s = a->spare; s; s = s->next)
		kept += s->size;
#endif
	while (b) {
		at_arena_block *next = b->next;
#ifdef AT_ARENA_MALLOC
		free(b);
#else
		if (kept + b->size <= keep) {
			kept += b->size;
			b->next = a->spare;
			a->spare = b;
		} else {
			free(b);
		}
#endif
		b = next;
	}
	(void)keep;
	a->head = NULL;
	a->used = 0;
	a->failed = 0;
}

void at_arena_free(at_arena *a)
{
	at_arena_reset(a, 0);
	at_arena_block *b = a->spare;
	while (b) {
		at_arena_block *next = b->next;
		free(b);
		b = next;
	}
	a->spare = NULL;
}
