/* SPDX-License-Identifier: MIT */
/*
 * clean.h — telling the article from the site around it. Exports at_clean:
 * the document's bytes are cut into paragraphs, each with a role.
 *
 * Roles: body text, headline (title-like lines before the body), meta lines
 * (datelines, bylines), and furniture — donation and subscription appeals,
 * newsletter boxes, cookie and privacy lines, "Read more" / "Related" markers
 * and everything after them, teaser headlines of other stories, photo
 * captions, share-button residue. Only body and headline paragraphs are read
 * for events.
 */
#ifndef AT_CLEAN_H
#define AT_CLEAN_H

#include <stddef.h>
#include <stdint.h>

#include "../util/arena.h"

enum at_role {
	AT_ROLE_BODY = 0,
	AT_ROLE_HEADLINE,
	AT_ROLE_META,      /* dateline, byline, outlet name */
	AT_ROLE_CAPTION,
	AT_ROLE_TEASER,    /* other stories' headlines */
	AT_ROLE_FURNITURE  /* appeals, newsletter boxes, cookie lines, markers */
};

typedef struct at_para {
	uint32_t start, end; /* bytes, trimmed */
	uint8_t role;
	uint8_t why;         /* index of the rule that set the role (debugging) */
} at_para;

/* Cut bytes [off, len) of `s` into paragraphs with roles. 0 or AT_ENOMEM. */
int at_clean(at_arena *a, const char *s, size_t off, size_t len, at_para **out,
	     size_t *n);

const char *at_role_name(int role);

#endif
