/* SPDX-License-Identifier: MIT */
/*
 * tests/watch/parts.c — the pieces of the watcher without a network:
 * robots.txt rules (groups, longest match, ties, wildcards, Crawl-delay),
 * RSS 2.0 / RSS 1.0 / Atom items (relative links, xml:base, dates, guid,
 * duplicates, non-http links), broken and foreign feeds, and URL helpers.
 */
#include "../test_util.h"
#include "watch/watch_int.h"

static int ok(const char *robots, const char *path)
{
	at_robots *r = at_robots_parse(robots, strlen(robots), "aidtrace");
	assert_non_null(r);
	int a = at_robots_allowed(r, path);
	at_robots_free(r);
	return a;
}

static void robots_rules(void **state)
{
	(void)state;
	const char *t = "User-agent: *\nDisallow: /private/\nAllow: /private/open\n"
			"Disallow: /*.pdf$\nDisallow: /tmp\n\n"
			"User-agent: otherbot\nDisallow: /\n";
	assert_true(ok(t, "/news/a.html"));
	assert_false(ok(t, "/private/x.html"));
	assert_true(ok(t, "/private/open/x.html")); /* the longer rule wins */
	assert_false(ok(t, "/docs/report.pdf"));
	assert_true(ok(t, "/docs/report.pdf?x=1")); /* $ anchors the end */
	assert_false(ok(t, "/tmp"));
	assert_false(ok(t, "/tmpfile"));
	/* our own group replaces the * group; names are case-insensitive */
	const char *own = "User-agent: *\nDisallow: /\n\nUser-agent: AidTrace\nUser-agent: x\n"
			  "Disallow: /secret # comment\n";
	assert_true(ok(own, "/news"));
	assert_false(ok(own, "/secret/a"));
	/* a tie between allow and disallow: allow */
	assert_true(ok("User-agent: *\nDisallow: /a\nAllow: /a\n", "/a/b"));
	/* an empty disallow forbids nothing; no file, no rules */
	assert_true(ok("User-agent: *\nDisallow:\n", "/x"));
	assert_true(ok("", "/x"));
	/* wildcards in the middle, many stars do not blow up */
	assert_false(ok("User-agent: *\nDisallow: /*/print/\n", "/2024/print/a"));
	assert_true(ok("User-agent: *\nDisallow: /*a*a*a*a*a*a*a*a*a*a*b\n",
		       "/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
	const char *cd = "User-agent: aidtrace\nCrawl-delay: 5\n";
	at_robots *r = at_robots_parse(cd, strlen(cd), "aidtrace");
	assert_true(at_robots_delay(r) == 5.0);
	at_robots_free(r);
	r = at_robots_all(1);
	assert_false(at_robots_allowed(r, "/"));
	at_robots_free(r);
}

static void rss_items(void **state)
{
	(void)state;
	const char *x = "<?xml version='1.0'?><rss version='2.0' "
			"xmlns:dc='http://purl.org/dc/elements/1.1/'>"
			"<channel><title>t</title>"
			"<item><link> /news/1.html </link><pubDate>Mon, 04 Mar 2024 09:00:00 "
			"GMT</pubDate></item>"
			"<item><guid>https://example.org/news/2.html</"
			"guid><dc:date>2024-03-05</dc:date></item>"
			"<item><guid isPermaLink='false'>tag:1</guid></item>"
			"<item><link>mailto:someone@example.org</link></item>"
			"<item><link>../news/1.html#comments</link></item>"
			"</channel></rss>";
	at_feed_item *it;
	size_t n;
	char err[256];
	assert_int_equal(at_feed_parse(x, strlen(x), "http://127.0.0.1:8/feeds/main.xml", &it,
				       &n, err, sizeof(err)),
			 0);
	assert_int_equal(n, 2); /* no link, mailto: and a duplicate are left out */
	assert_string_equal(it[0].url, "http://127.0.0.1:8/news/1.html");
	assert_string_equal(it[0].date, "Mon, 04 Mar 2024 09:00:00 GMT");
	assert_string_equal(it[1].url, "https://example.org/news/2.html");
	assert_string_equal(it[1].date, "2024-03-05");
	at_feed_items_free(it, n);
}

static void atom_and_rdf(void **state)
{
	(void)state;
	const char *a = "<feed xmlns='http://www.w3.org/2005/Atom' xml:base='http://h.test/a/'>"
			"<entry><link rel='self' href='/self'/><link href='b.html'/>"
			"<updated>2024-07-08T09:00:00Z</updated></entry>"
			"<entry><link rel='alternate' href='http://other.test/c'/>"
			"<published>2024-01-01</published></entry></feed>";
	at_feed_item *it;
	size_t n;
	char err[256];
	assert_int_equal(at_feed_parse(a, strlen(a), "http://127.0.0.1/f.atom", &it, &n, err,
				       sizeof(err)),
			 0);
	assert_int_equal(n, 2);
	assert_string_equal(it[0].url, "http://h.test/a/b.html");
	assert_string_equal(it[0].date, "2024-07-08T09:00:00Z");
	assert_string_equal(it[1].url, "http://other.test/c");
	assert_string_equal(it[1].date, "2024-01-01");
	at_feed_items_free(it, n);
	const char *r =
		"<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#' "
		"xmlns='http://purl.org/rss/1.0/'><channel/><item><link>http://h.test/x</link>"
		"</item></rdf:RDF>";
	assert_int_equal(at_feed_parse(r, strlen(r), NULL, &it, &n, err, sizeof(err)), 0);
	assert_int_equal(n, 1);
	assert_string_equal(it[0].url, "http://h.test/x");
	assert_null(it[0].date);
	at_feed_items_free(it, n);
}

static void bad_feeds(void **state)
{
	(void)state;
	at_feed_item *it;
	size_t n;
	char err[256];
	const char *cut = "<rss version='2.0'>\n<channel>\n<item><link>/a</link>\n";
	assert_int_equal(
		at_feed_parse(cut, strlen(cut), "http://h.test/", &it, &n, err, sizeof(err)),
		AT_EPARSE);
	assert_non_null(strstr(err, "line"));
	const char *html = "<html><body>not a feed</body></html>";
	assert_int_equal(
		at_feed_parse(html, strlen(html), "http://h.test/", &it, &n, err, sizeof(err)),
		AT_EPARSE);
	assert_non_null(strstr(err, "<html>"));
	/* an external entity is not fetched, nor substituted */
	const char *xxe =
		"<?xml version='1.0'?><!DOCTYPE r [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>"
		"<rss><channel><item><link>http://h.test/&e;</link></item></channel></rss>";
	if (at_feed_parse(xxe, strlen(xxe), NULL, &it, &n, err, sizeof(err)) == 0) {
		for (size_t i = 0; i < n; i++)
			assert_null(strstr(it[i].url, "root"));
		at_feed_items_free(it, n);
	}
	assert_int_equal(at_feed_parse("", 0, NULL, &it, &n, err, sizeof(err)), AT_EPARSE);
}

static void urls(void **state)
{
	(void)state;
	char o[256], p[512];
	assert_int_equal(at_http_origin("HTTP://Example.ORG/a/b?c=1#f", o, sizeof(o)), 0);
	assert_string_equal(o, "http://example.org:80");
	assert_int_equal(at_http_origin("https://127.0.0.1:8443/", o, sizeof(o)), 0);
	assert_string_equal(o, "https://127.0.0.1:8443");
	assert_int_equal(at_http_origin("ftp://h.test/x", o, sizeof(o)), -1);
	assert_int_equal(at_http_origin("not a url", o, sizeof(o)), -1);
	assert_int_equal(at_http_path("http://h.test/a/b?c=1#f", p, sizeof(p)), 0);
	assert_string_equal(p, "/a/b?c=1");
	assert_int_equal(at_http_path("http://h.test", p, sizeof(p)), 0);
	assert_string_equal(p, "/");
	char *u = at_http_resolve("http://h.test/a/b.html", "../c.html#x");
	assert_string_equal(u, "http://h.test/c.html");
	free(u);
	assert_null(at_http_resolve("http://h.test/", "javascript:alert(1)"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(robots_rules), cmocka_unit_test(rss_items),
		cmocka_unit_test(atom_and_rdf), cmocka_unit_test(bad_feeds),
		cmocka_unit_test(urls),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
