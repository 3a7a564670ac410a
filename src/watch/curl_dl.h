/* SPDX-License-Identifier: MIT */
/*
 * curl_dl.h — libcurl, opened with dlopen on first use (curl_dl.c), as
 * libpq is (src/store/pq_dl.h): only `watch` and feed reading need it, and
 * linked at build time it was loaded, with its TLS and other libraries, at
 * the start of every command. Include this after <curl/curl.h>: the curl_*
 * names used by http.c then call through at_curl (curl's type-checking
 * macros for curl_easy_setopt and curl_easy_getinfo are replaced), which
 * at_curl_load fills (0, or -1 with a message naming the library).
 */
#ifndef AT_CURL_DL_H
#define AT_CURL_DL_H

#include <curl/curl.h>
#include <stddef.h>

#ifndef AT_LIBCURL_SONAME
#define AT_LIBCURL_SONAME "libcurl.so.4"
#endif

#define AT_CURL_FUNCS(X)                                                                \
	X(curl_easy_cleanup) X(curl_easy_getinfo) X(curl_easy_init) X(curl_easy_perform) \
	X(curl_easy_reset) X(curl_easy_setopt) X(curl_easy_strerror) X(curl_free)       \
	X(curl_global_init) X(curl_slist_append) X(curl_slist_free_all) X(curl_url)     \
	X(curl_url_cleanup) X(curl_url_get) X(curl_url_set)

typedef struct at_curl_api {
#define AT_CURL_FIELD(f) __typeof__(f) *f;
	AT_CURL_FUNCS(AT_CURL_FIELD)
#undef AT_CURL_FIELD
} at_curl_api;

extern at_curl_api at_curl;
int at_curl_load(char *err, size_t errlen);

#ifndef AT_CURL_DL_IMPL
#undef curl_easy_setopt
#undef curl_easy_getinfo
#define curl_easy_cleanup at_curl.curl_easy_cleanup
#define curl_easy_getinfo at_curl.curl_easy_getinfo
#define curl_easy_init at_curl.curl_easy_init
#define curl_easy_perform at_curl.curl_easy_perform
#define curl_easy_reset at_curl.curl_easy_reset
#define curl_easy_setopt at_curl.curl_easy_setopt
#define curl_easy_strerror at_curl.curl_easy_strerror
#define curl_free at_curl.curl_free
#define curl_global_init at_curl.curl_global_init
#define curl_slist_append at_curl.curl_slist_append
#define curl_slist_free_all at_curl.curl_slist_free_all
#define curl_url at_curl.curl_url
#define curl_url_cleanup at_curl.curl_url_cleanup
#define curl_url_get at_curl.curl_url_get
#define curl_url_set at_curl.curl_url_set
#endif

#endif
