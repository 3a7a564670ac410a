/* SPDX-License-Identifier: MIT */
/*
 * utf8.h — small UTF-8 helpers: validation of one sequence and of a buffer.
 */
#ifndef AT_UTIL_UTF8_H
#define AT_UTIL_UTF8_H

#include <stddef.h>

/* Length (1-4) of the valid UTF-8 sequence at s, or 0 if invalid/truncated. */
size_t at_utf8_valid_len(const char *s, size_t n);
/* Offset of the first invalid byte, or n if the buffer is valid UTF-8. */
size_t at_utf8_check(const char *s, size_t n);

#endif
