/* SPDX-License-Identifier: MIT */
/*
 * tests/archive/verify.c — `test_archive_verify FILE...`: every record of
 * each .warc.gz checked by warc_verify.h; prints "N files, N records (N
 * responses, N requests), N digests matched" or the first problem (exit 1).
 */
#include "warc_verify.h"

int main(int argc, char **argv)
{
	static wv_result r;
	long files = 0, records = 0, resp = 0, req = 0, digests = 0;
	for (int i = 1; i < argc; i++) {
		if (wv_check(argv[i], &r) != 0) {
			fprintf(stderr, "warc verify: %s\n", r.msg);
			return 1;
		}
		files++;
		records += r.records;
		resp += r.responses;
		req += r.requests;
		digests += r.digests;
	}
	printf("%ld files, %ld records (%ld responses, %ld requests), %ld digests matched\n",
	       files, records, resp, req, digests);
	return files ? 0 : 1;
}
