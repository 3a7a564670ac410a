/* SPDX-License-Identifier: MIT */
/*
 * pq_dl.h — libpq, opened with dlopen on first use (pq_dl.c). Linked at
 * build time, libpq and the thirty libraries it brings (Kerberos, LDAP,
 * TLS...) were loaded and relocated at the start of every aidtrace
 * command, some 5 ms, for the PostgreSQL ledger alone. Include this after
 * <libpq-fe.h>: the PQ* names used by pg.c then call through at_pq, which
 * at_pq_load fills (0, or -1 with a message naming the library).
 */
#ifndef AT_PQ_DL_H
#define AT_PQ_DL_H

#include <libpq-fe.h>
#include <stddef.h>

#ifndef AT_LIBPQ_SONAME
#define AT_LIBPQ_SONAME "libpq.so.5"
#endif

#define AT_PQ_FUNCS(X)                                                                  \
	X(PQclear) X(PQcmdStatus) X(PQconnectdb) X(PQerrorMessage) X(PQexec)            \
	X(PQexecParams) X(PQfinish) X(PQgetResult) X(PQgetisnull) X(PQgetlength)        \
	X(PQgetvalue) X(PQnfields) X(PQntuples) X(PQprepare) X(PQresultErrorField)      \
	X(PQresultStatus) X(PQsendQueryParams) X(PQsendQueryPrepared)                   \
	X(PQsetClientEncoding) X(PQsetNoticeProcessor) X(PQsetSingleRowMode) X(PQstatus)

typedef struct at_pq_api {
#define AT_PQ_FIELD(f) __typeof__(f) *f;
	AT_PQ_FUNCS(AT_PQ_FIELD)
#undef AT_PQ_FIELD
} at_pq_api;

extern at_pq_api at_pq;
int at_pq_load(char *err, size_t errlen);

#ifndef AT_PQ_DL_IMPL
#define PQclear at_pq.PQclear
#define PQcmdStatus at_pq.PQcmdStatus
#define PQconnectdb at_pq.PQconnectdb
#define PQerrorMessage at_pq.PQerrorMessage
#define PQexec at_pq.PQexec
#define PQexecParams at_pq.PQexecParams
#define PQfinish at_pq.PQfinish
#define PQgetResult at_pq.PQgetResult
#define PQgetisnull at_pq.PQgetisnull
#define PQgetlength at_pq.PQgetlength
#define PQgetvalue at_pq.PQgetvalue
#define PQnfields at_pq.PQnfields
#define PQntuples at_pq.PQntuples
#define PQprepare at_pq.PQprepare
#define PQresultErrorField at_pq.PQresultErrorField
#define PQresultStatus at_pq.PQresultStatus
#define PQsendQueryParams at_pq.PQsendQueryParams
#define PQsendQueryPrepared at_pq.PQsendQueryPrepared
#define PQsetClientEncoding at_pq.PQsetClientEncoding
#define PQsetNoticeProcessor at_pq.PQsetNoticeProcessor
#define PQsetSingleRowMode at_pq.PQsetSingleRowMode
#define PQstatus at_pq.PQstatus
#endif

#endif
