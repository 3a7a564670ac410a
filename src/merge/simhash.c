/* SPDX-License-Identifier: MIT */
/*
 * simhash.c — Charikar's SimHash of a text: each word 3-shingle is hashed to
 * 64 bits and votes +1/-1 on every bit; the sign of each bit's total is the
 * fingerprint. Texts that share most shingles (syndicated copies of a story
 * with different furniture) get fingerprints a few bits apart.
 * Exports at_simhash.
 */
#include <ctype.h>
#include <string.h>

#include "merge.h"

static uint64_t mix(uint64_t h)
{
	/* a 64-bit finaliser, so that nearby FNV values spread over all bits */
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ull;
	h ^= h >> 33;
	return h;
}

static int word_byte(unsigned char c) { return isalnum(c) || c >= 0x80; }

uint64_t at_simhash(const char *s, size_t n)
{
	int32_t votes[64] = {0};
	uint64_t w[3] = {0, 0, 0}; /* hashes of the last three words */
	size_t nwords = 0, i = 0;
	while (i < n) {
		while (i < n && !word_byte((unsigned char)s[i]))
			i++;
		if (i >= n)
			break;
		uint64_t h = 1469598103934665603ull;
		while (i < n && word_byte((unsigned char)s[i])) {
			h ^= (unsigned char)tolower((unsigned char)s[i]);
			h *= 1099511628211ull;
			i++;
		}
		w[0] = w[1];
		w[1] = w[2];
		w[2] = h;
		if (++nwords < 3)
			continue;
		uint64_t sh = mix(w[0] ^ mix(w[1] ^ mix(w[2])));
		for (int b = 0; b < 64; b++)
			votes[b] += (sh >> b) & 1 ? 1 : -1;
	}
	if (nwords && nwords < 3) { /* a very short text: its words as one shingle */
		uint64_t sh = mix(w[0] ^ mix(w[1] ^ mix(w[2])));
		for (int b = 0; b < 64; b++)
			votes[b] += (sh >> b) & 1 ? 1 : -1;
	}
	uint64_t out = 0;
	for (int b = 0; b < 64; b++)
		if (votes[b] > 0)
			out |= 1ull << b;
	return out;
}
