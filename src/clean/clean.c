/* SPDX-License-Identifier: MIT */
/*
 * clean.c — paragraph segmentation and roles (see clean.h).
 *
 * Segmentation: blank lines always end a paragraph; a single line break ends
 * one when the next line is indented or bulleted, when the line ends a
 * sentence, or when the line is short and does not run on (a title, a
 * caption line). Hard-wrapped newswire lines join back into paragraphs.
 *
 * Roles come from cues: appeal phrases ("donate today", "support us",
 * "newsletter", "privacy policy"), second-person appeals ("we need your
 * help"), end markers ("Read more", "Related") after which nothing is body,
 * photo credits, bylines, and title-like lines (no closing stop) which are
 * the headline before the body and teasers after it.
 */
#include <pthread.h>
#include <string.h>

#include "clean.h"

const char *at_role_name(int role)
{
	static const char *const N[] = {"body", "headline", "meta", "caption", "teaser",
					"furniture"};
	return role >= 0 && role <= AT_ROLE_FURNITURE ? N[role] : "?";
}

/* Phrases that mark a paragraph as site furniture wherever they stand. */
static const char *const APPEAL[] = {
	"donate today", "donate now", "make a donation", "making a donation",
	"charitable donation", "support us", "support our", "support independent",
	"your support", "contribute today", "contribute now", "become a member",
	"become a patron", "subscribe", "subscription", "subscriber", "newsletter",
	"sign up", "signup", "mailing list", "cookie", "privacy policy", "privacy notice",
	"terms of use", "terms of service", "terms and conditions", "all rights reserved",
	"copyright", "\xC2\xA9", "advertisement", "ad-free", "share this", "follow us",
	"click here", "remind me later", "dear readers", "dear reader", "we need your help",
	"comments on this article", "leave a comment", "post a comment",
	"view photos", "view gallery", "translated by",
	"submitted by", "payment methods", "paiment methods", "download the app",
	"download our app", "whatsapp", "telegram channel", "read more:", "also read:",
	"read also:", "see also:", "related:", "recommended:", "watch:", "listen:",
	"listen to this article", "not ready to support", "journalism isn't dead",
	"independent journalism", "free weekly newsletter", "email us", "contact us",
	"this report by", "was first published", "reporting by", "editing by",
	"writing by", "for reprint", "news agency contributed", NULL};

/* Whole-paragraph markers after which nothing is body. */
static const char *const END_MARK[] = {
	"read more", "related", "r e l a t e d", "related stories", "related articles",
	"related news", "related posts", "related content", "more coming",
	"more on this", "more on this story", "you may also like", "you might also like",
	"recommended", "recommended stories", "more from", "most read", "most popular",
	"latest news", "latest", "also read", "see also", "more stories", "top stories",
	"comments", "popular", "trending", "tags", "share", "share this article",
	"read next", "what to read next", "more in this category", "advertisement", NULL};

static const char *const CREDIT[] = {"tass", "reuters", "afp", "ap", "epa", "getty images",
				     "ria novosti", "sputnik", "xinhua", "anadolu",
				     "anadolu agency", "photo", "file photo", "dpa",
				     "shutterstock", "handout", NULL};

static int lower(int c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

/* [ru] Russian site furniture: a paragraph that starts with one of these
 * (as written; Cyrillic is not folded here) is not body text. */
static const char *const RU_FURNITURE[] = {
	"Читайте также", "читайте также", "ЧИТАЙТЕ ТАКЖЕ", "Читайте нас", "Смотрите также",
	"Подписывайтесь", "подписывайтесь", "ПОДПИСЫВАЙТЕСЬ", "Подпишитесь", "Реклама",
	"РЕКЛАМА", "Новости партнеров", "Новости партнёров", "НОВОСТИ ПАРТНЕРОВ",
	"Поделиться", "Комментарии", "Материалы по теме", "Читать также", "Читать далее",
	"Подробнее:", "Все новости", "Последние новости", "Следите за новостями",
	"Нашли ошибку", "Фото:", "Фото ", NULL};

static int ru_furniture(const char *s, size_t n)
{
	if (n < 2 || (unsigned char)s[0] < 0xD0)
		return 0;
	for (int i = 0; RU_FURNITURE[i]; i++) {
		size_t l = strlen(RU_FURNITURE[i]);
		if (l <= n && memcmp(s, RU_FURNITURE[i], l) == 0)
			return 1;
	}
	return 0;
}

/*
 * Case-insensitive search for an ASCII needle in [s, s+n). Paragraphs are
 * lower-cased once into `low` (at most LOW_CAP bytes are searched: cues sit
 * in short paragraphs, and long ones are body text) and searched with strstr.
 */
#define LOW_CAP 2048


/* Bigrams present in a paragraph: a needle whose first bigram is absent
 * cannot occur, which spares most strstr calls. */
typedef struct bigrams {
	uint8_t bits[4096 / 8]; /* hashed: a set bit means "maybe present" */
} bigrams;

static unsigned bigram_key(const char *p)
{
	return (((unsigned char)p[0] * 31u) ^ ((unsigned char)p[1] * 131u)) & 4095u;
}

/* Lower-case s into low (NUL-terminated, at most LOW_CAP - 1 bytes) and
 * note its bigrams, in one pass. */
static void lower_bigrams(const char *s, size_t n, char *low, bigrams *bg)
{
	if (n >= LOW_CAP)
		n = LOW_CAP - 1;
	memset(bg->bits, 0, sizeof(bg->bits));
	if (n == 0) {
		low[0] = '\0';
		return;
	}
	/* bigram_key(low + i - 1), with the previous byte's part kept */
	unsigned prev = (unsigned)lower((unsigned char)s[0]);
	low[0] = (char)prev;
	for (size_t i = 1; i < n; i++) {
		unsigned c = (unsigned)lower((unsigned char)s[i]);
		low[i] = (char)c;
		unsigned k = ((prev * 31u) ^ (c * 131u)) & 4095u;
		bg->bits[k >> 3] |= (uint8_t)(1u << (k & 7));
		prev = c;
	}
	low[n] = '\0';
}

static int bit(const bigrams *bg, unsigned k) { return (bg->bits[k >> 3] >> (k & 7)) & 1; }

/* Four bigram keys of a needle (first, last and two between), computed
 * once (needles_init). */
typedef struct needle {
	const char *s;
	unsigned key[4];
} needle;

static void needles_of(const char *const *list, needle *out)
{
	for (int i = 0; list[i]; i++) {
		size_t n = strlen(list[i]);
		size_t last = n >= 2 ? n - 2 : 0;
		out[i].s = list[i];
		out[i].key[0] = bigram_key(list[i]);
		out[i].key[1] = bigram_key(list[i] + last);
		out[i].key[2] = bigram_key(list[i] + last / 3);
		out[i].key[3] = bigram_key(list[i] + 2 * last / 3);
	}
}

/* The needle's four bigrams must all be present: long paragraphs set many
 * bits, and two bigrams alone let too many needles through to strstr. */
static inline int has_bigram(const bigrams *bg, const needle *nd)
{
	return bit(bg, nd->key[0]) && bit(bg, nd->key[1]) && bit(bg, nd->key[2]) &&
	       bit(bg, nd->key[3]);
}

static int has_ci(const char *low, const char *what) { return strstr(low, what) != NULL; }

/* Count whole words (ASCII, case-insensitive) from a list. */
static int count_words(const char *s, size_t n, const char *const *words)
{
	/* the first letters the list uses, to skip other words at once */
	unsigned char first[32] = {0};
	for (int w = 0; words[w]; w++)
		first[(unsigned char)words[w][0] >> 3] |= (unsigned char)(1u << (words[w][0] & 7));
	int count = 0;
	size_t i = 0;
	while (i < n) {
		while (i < n && !((s[i] | 32) >= 'a' && (s[i] | 32) <= 'z'))
			i++;
		size_t j = i;
		while (j < n && (((s[j] | 32) >= 'a' && (s[j] | 32) <= 'z') || s[j] == '\''))
			j++;
		unsigned char c0 = (unsigned char)lower((unsigned char)s[i]);
		if (j > i && (first[c0 >> 3] >> (c0 & 7) & 1)) {
			for (int w = 0; words[w]; w++) {
				if (lower((unsigned char)s[i]) != words[w][0])
					continue;
				size_t m = strlen(words[w]);
				if (m == j - i) {
					size_t k = 0;
					while (k < m && lower((unsigned char)s[i + k]) == words[w][k])
						k++;
					if (k == m) {
						count++;
						break;
					}
				}
			}
		}
		i = j;
	}
	return count;
}

/* Normalised short text: lower case letters and single spaces, no punctuation. */
static void squash(const char *s, size_t n, char *out, size_t cap)
{
	size_t k = 0;
	int space = 0;
	for (size_t i = 0; i < n && k + 1 < cap; i++) {
		int c = lower((unsigned char)s[i]);
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (space && k)
				out[k++] = ' ';
			space = 0;
			out[k++] = (char)c;
		} else {
			space = 1;
		}
	}
	out[k] = '\0';
}

static int is_end_mark(const char *s, size_t n)
{
	if (n > 60)
		return 0;
	char sq[64];
	squash(s, n, sq, sizeof(sq));
	for (int i = 0; END_MARK[i]; i++)
		if (strcmp(sq, END_MARK[i]) == 0)
			return 1;
	/* "Read more about: X, Y" and "Related: X" lines */
	return strncmp(sq, "read more", 9) == 0 || strncmp(sq, "related ", 8) == 0;
}

/* Words and letters, counted up to 32 words (all the roles need to know). */
static int word_count(const char *s, size_t n, int *letters)
{
	int words = 0, in = 0;
	*letters = 0;
	for (size_t i = 0; i < n && words <= 32; i++) {
		unsigned char c = (unsigned char)s[i];
		int w = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80 ||
			(c >= '0' && c <= '9');
		if (w && c != 0xC2)
			(*letters)++;
		if (w && !in)
			words++;
		in = w;
	}
	return words;
}

/* Does the paragraph end like a sentence (., !, ?, or a closing quote)? */
static int ends_sentence(const char *s, size_t n)
{
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (!n)
		return 0;
	unsigned char c = (unsigned char)s[n - 1];
	if (c == '.' || c == '!' || c == '?' || c == '"' || c == '\'')
		return 1;
	/* ” (E2 80 9D) or ’ (E2 80 99) */
	if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
	    (c == 0x9D || c == 0x99))
		return 1;
	return 0;
}

/* Phrases that make a paragraph a caption wherever they stand. */
static const char *const CAPTION[] = {"(ap photo", "photo:", "image:", "file photo",
				      "photo credit", NULL};

static int is_caption(const char *s, size_t n, const char *low, const bigrams *bg,
		      const needle *caption_nd)
{
	for (int c = 0; CAPTION[c]; c++)
		if (has_bigram(bg, &caption_nd[c]) && has_ci(low, caption_nd[c].s))
			return 1;
	/* ends with a credit: "... / TASS", "... TASS", "(Reuters)" */
	size_t e = n;
	while (e && (s[e - 1] == ' ' || s[e - 1] == ')' || s[e - 1] == '.'))
		e--;
	for (int i = 0; CREDIT[i]; i++) {
		size_t m = strlen(CREDIT[i]);
		if (e < m + 2)
			continue;
		size_t b = e - m;
		size_t k = 0;
		while (k < m && lower((unsigned char)s[b + k]) == CREDIT[i][k])
			k++;
		if (k != m)
			continue;
		char before = s[b - 1];
		if (before == '/' || before == '|' || before == '(' ||
		    (before == ' ' && (s[b - 2] == '/' || s[b - 2] == '|' ||
				       s[b - 2] == '.' || s[b - 2] == ' ')))
			return 1;
	}
	return 0;
}

static int is_byline(const char *s, size_t n, int words)
{
	if (words > 12)
		return 0;
	char sq[128];
	squash(s, n < 120 ? n : 120, sq, sizeof(sq));
	return strncmp(sq, "by ", 3) == 0 || strncmp(sq, "published", 9) == 0 ||
	       strncmp(sq, "updated", 7) == 0 || strncmp(sq, "posted", 6) == 0 ||
	       strncmp(sq, "last updated", 12) == 0;
}

static const char *const SECOND[] = {"you", "your", "we", "our", "us", "please", NULL};
/* substrings of appeal words: support, help, contribute, donate... */
static const char *const ASK[] = {"support", "help", "contribut", "donat", "subscri",
				  "journalis", "readers", "reporting", " ads", NULL};

static int push(at_arena *a, at_para **out, size_t *n, size_t *cap, uint32_t s, uint32_t e)
{
	if (at_arena_grow(a, (void **)out, *n, cap, sizeof(**out), 32) != 0)
		return -1;
	at_para *p = &(*out)[(*n)++];
	memset(p, 0, sizeof(*p));
	p->start = s;
	p->end = e;
	return 0;
}

static int blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\f')
			return 0;
	return 1;
}

/* Does a line break between line [a0,a1) and the next line end a paragraph? */
static int line_breaks(const char *s, size_t a0, size_t a1, size_t b0, size_t b1)
{
	if (b0 < b1 && (s[b0] == ' ' || s[b0] == '\t'))
		return 1; /* indented */
	if (b0 < b1 && (s[b0] == '*' || s[b0] == '-' ||
			(b0 + 2 < b1 && (unsigned char)s[b0] == 0xE2 &&
			 (unsigned char)s[b0 + 1] == 0x80 && (unsigned char)s[b0 + 2] == 0xA2)))
		return 1; /* bullet */
	size_t e = a1;
	while (e > a0 && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r'))
		e--;
	if (e == a0)
		return 1;
	if (ends_sentence(s + a0, e - a0) || s[e - 1] == ':')
		return 1;
	char last = s[e - 1];
	if (e - a0 < 45 && last != ',' && last != ';' && last != '(' && last != '-')
		return 1;
	/* a dateline opens the next line: "VILNIUS - ...", "KATHMANDU- ..." */
	size_t k = b0, caps = 0;
	while (k < b1 && s[k] >= 'A' && s[k] <= 'Z')
		k++, caps++;
	if (caps >= 3 && k < b1 && (s[k] == '-' || s[k] == ',' || s[k] == ' ' || s[k] == '(')) {
		size_t q = k;
		while (q < b1 && s[q] == ' ')
			q++;
		if (q < b1 && (s[q] == '-' || s[q] == '(' || s[q] == ',' ||
			       (unsigned char)s[q] == 0xE2))
			return 1;
	}
	return 0;
}

/* The cue lists' needles, computed once. */
static needle appeal_nd[sizeof(APPEAL) / sizeof(APPEAL[0])], ask_nd[sizeof(ASK) / sizeof(ASK[0])];
static needle caption_nd[sizeof(CAPTION) / sizeof(CAPTION[0])];
static pthread_once_t needles_once = PTHREAD_ONCE_INIT;

static void needles_init(void)
{
	needles_of(APPEAL, appeal_nd);
	needles_of(ASK, ask_nd);
	needles_of(CAPTION, caption_nd);
}

int at_clean(at_arena *a, const char *s, size_t off, size_t len, at_para **out, size_t *n)
{
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	/* 1. segmentation */
	size_t i = off, para_start = (size_t)-1, prev0 = 0, prev1 = 0;
	while (i < len) {
		const char *nl = memchr(s + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - s) : len;
		if (blank(s + i, e - i)) {
			if (para_start != (size_t)-1) {
				if (push(a, out, n, &cap, (uint32_t)para_start, (uint32_t)prev1))
					return -1;
				para_start = (size_t)-1;
			}
		} else {
			if (para_start != (size_t)-1 && line_breaks(s, prev0, prev1, i, e)) {
				if (push(a, out, n, &cap, (uint32_t)para_start, (uint32_t)prev1))
					return -1;
				para_start = (size_t)-1;
			}
			if (para_start == (size_t)-1)
				para_start = i;
			prev0 = i;
			prev1 = e;
		}
		i = e + 1;
	}
	if (para_start != (size_t)-1 && push(a, out, n, &cap, (uint32_t)para_start,
					     (uint32_t)prev1))
		return -1;
	/* trim */
	for (size_t k = 0; k < *n; k++) {
		at_para *p = &(*out)[k];
		while (p->start < p->end && (s[p->start] == ' ' || s[p->start] == '\t'))
			p->start++;
		while (p->end > p->start && (s[p->end - 1] == ' ' || s[p->end - 1] == '\r' ||
					     s[p->end - 1] == '\t'))
			p->end--;
	}
	/* 2. roles */
	int body_seen = 0, ended = 0;
	bigrams *bg = at_arena_alloc_raw(a, sizeof(*bg));
	if (!bg)
		return -1;
	int n_appeal = (int)(sizeof(APPEAL) / sizeof(APPEAL[0])) - 1;
	int n_ask = (int)(sizeof(ASK) / sizeof(ASK[0])) - 1;
	pthread_once(&needles_once, needles_init);
	for (size_t k = 0; k < *n; k++) {
		at_para *p = &(*out)[k];
		const char *t = s + p->start;
		size_t m = p->end - p->start;
		int letters;
		int words = word_count(t, m, &letters);
		if (ended) {
			p->role = AT_ROLE_FURNITURE;
			p->why = 1;
			continue;
		}
		if (letters < 3 || words == 0) {
			p->role = AT_ROLE_FURNITURE; /* ", , , ," residue, numbers */
			p->why = 2;
			continue;
		}
		if (is_end_mark(t, m)) {
			p->role = AT_ROLE_FURNITURE;
			p->why = 3;
			if (body_seen)
				ended = 1;
			continue;
		}
		if (ru_furniture(t, m)) { /* [ru] */
			p->role = AT_ROLE_FURNITURE;
			p->why = 4;
			continue;
		}
		char low[LOW_CAP];
		lower_bigrams(t, m, low, bg);
		if (is_caption(t, m, low, bg, caption_nd)) {
			p->role = AT_ROLE_CAPTION;
			p->why = 5;
			continue;
		}
		int appeal = 0;
		for (int c = 0; c < n_appeal && !appeal; c++)
			if (has_bigram(bg, &appeal_nd[c]) && has_ci(low, appeal_nd[c].s))
				appeal = 1;
		int ask = 0;
		for (int c = 0; c < n_ask && !ask && !appeal; c++)
			if (has_bigram(bg, &ask_nd[c]) && has_ci(low, ask_nd[c].s))
				ask = 1;
		/* "we need your support": a short appeal to the reader; a long
		 * paragraph (over 600 bytes, some 100 words) that says "US" and
		 * "support" is an article's text */
		if (ask && m <= 600 && count_words(t, m, SECOND) >= 2)
			appeal = 1;
		if (appeal) {
			p->role = AT_ROLE_FURNITURE;
			p->why = 4;
			continue;
		}
		if (is_byline(t, m, words)) {
			p->role = AT_ROLE_META;
			p->why = 6;
			continue;
		}
		int title_like = !ends_sentence(t, m) && words <= 25;
		if (title_like) {
			if (body_seen) {
				p->role = AT_ROLE_TEASER;
				p->why = 7;
			} else {
				p->role = words >= 3 ? AT_ROLE_HEADLINE : AT_ROLE_META;
				p->why = 8;
			}
			continue;
		}
		p->role = AT_ROLE_BODY;
		body_seen = 1;
	}
	return 0;
}
