/* SPDX-License-Identifier: MIT */
/*
 * tests/report/render.c — the HTML report (the files of src/report): escaping of
 * hostile text, the URL check, the timeline's date scale (partial dates
 * cover their period; unknown dates are never placed on the axis), the flow
 * view's sizing (area by known USD, else by count, never a filled square for
 * an unknown value), and whole pages rendered from small JSON lines.
 */
#include "../test_util.h"
#include "aidtrace.h"
#include "report/report.h"
#include "util/date.h"

static char *esc_str(const char *s, size_t n)
{
	at_buf b;
	at_buf_init(&b, 0);
	assert_int_equal(at_report__esc(&b, s, n), 0);
	return at_buf_take(&b, NULL);
}

static void esc__markup_and_quotes_become_entities(void **state)
{
	(void)state;
	const char *in = "<script>alert('x')</script> & \"q\"";
	char *out = esc_str(in, strlen(in));
	assert_string_equal(out, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; "
				 "&quot;q&quot;");
	free(out);
}

static void esc__bidi_overrides_are_replaced_and_marks_kept(void **state)
{
	(void)state;
	/* U+202E RIGHT-TO-LEFT OVERRIDE, U+2066 LRI, U+200F RLM, Arabic alef */
	const char *in = "a\xE2\x80\xAE"
			 "b\xE2\x81\xA6"
			 "c\xE2\x80\x8F"
			 "d\xD8\xA7";
	char *out = esc_str(in, strlen(in));
	assert_string_equal(out, "a\xEF\xBF\xBD"
				 "b\xEF\xBF\xBD"
				 "c\xE2\x80\x8F"
				 "d\xD8\xA7");
	free(out);
}

static void esc__controls_dropped_invalid_utf8_replaced(void **state)
{
	(void)state;
	const char in[] = "x\x01y\tz\n\x7F\xC2\x85w\xFF\xC3\xA9";
	char *out = esc_str(in, sizeof(in) - 1);
	/* \x01 and DEL and the C1 NEL (U+0085) dropped; tab and newline become
	 * spaces; 0xFF is not UTF-8; é stays. */
	assert_string_equal(out, "xy z w\xEF\xBF\xBD\xC3\xA9");
	free(out);
}

static void esc__a_nul_byte_inside_the_length_is_dropped(void **state)
{
	(void)state;
	const char in[] = "a\0<b";
	char *out = esc_str(in, 4);
	assert_string_equal(out, "a&lt;b");
	free(out);
}

static void url__only_http_and_https_are_links(void **state)
{
	(void)state;
	assert_true(at_report__url_ok("https://example.org/a?b=1&c=2"));
	assert_true(at_report__url_ok("HTTP://example.org/"));
	assert_false(at_report__url_ok("javascript:alert(1)"));
	assert_false(at_report__url_ok("JavaScript:alert(1)"));
	assert_false(at_report__url_ok("data:text/html,<script>"));
	assert_false(at_report__url_ok(" https://example.org/"));
	assert_false(at_report__url_ok("https://exa mple.org/"));
	assert_false(at_report__url_ok("https://example.org/\x01"));
	assert_false(at_report__url_ok("https://"));
	assert_false(at_report__url_ok("//example.org/"));
	assert_false(at_report__url_ok(NULL));
}

static void days__partial_dates_cover_their_period(void **state)
{
	(void)state;
	int64_t a = -1, z = -1;
	assert_int_equal(at_report__days("2014", &a, &z), 0);
	assert_int_equal(a, at_days_from_civil(2014, 1, 1));
	assert_int_equal(z, at_days_from_civil(2014, 12, 31));
	assert_int_equal(at_report__days("2024-02", &a, &z), 0);
	assert_int_equal(a, at_days_from_civil(2024, 2, 1));
	assert_int_equal(z, at_days_from_civil(2024, 2, 29));
	assert_int_equal(at_report__days("2021-09-11", &a, &z), 0);
	assert_int_equal(a, z);
	assert_int_equal(a, at_days_from_civil(2021, 9, 11));
}

static void days__unknown_dates_are_not_placed(void **state)
{
	(void)state;
	int64_t a = 7, z = 7;
	const char *bad[] = {NULL, "", "soon", "2021-13-01", "2021-02-30", "0000"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(at_report__days(bad[i], &a, &z), -1);
		assert_int_equal(a, 7); /* left alone: never a day zero */
		assert_int_equal(z, 7);
	}
}

static void flow__area_is_proportional_to_known_usd(void **state)
{
	(void)state;
	int by_usd = -1;
	assert_true(at_report__flow_side(400, 400, 1, 3, 40, &by_usd) == 40);
	assert_int_equal(by_usd, 1);
	/* a quarter of the value: a quarter of the area, half the side */
	double s = at_report__flow_side(100, 400, 3, 3, 40, &by_usd);
	assert_true(s > 19.999 && s < 20.001);
	assert_int_equal(by_usd, 1);
	/* tiny but known: still visible */
	assert_true(at_report__flow_side(1, 1e12, 1, 1, 40, &by_usd) == 3);
	assert_int_equal(by_usd, 1);
}

static void flow__unknown_value_is_sized_by_count_never_as_usd(void **state)
{
	(void)state;
	int by_usd = -1;
	double s = at_report__flow_side(0, 400, 1, 4, 40, &by_usd);
	assert_int_equal(by_usd, 0);
	assert_true(s > 19.999 && s < 20.001); /* 1 of 4 events: half the side */
	/* no value anywhere: counts */
	s = at_report__flow_side(0, 0, 4, 4, 40, &by_usd);
	assert_int_equal(by_usd, 0);
	assert_true(s == 40);
	/* an empty cell has no square */
	assert_true(at_report__flow_side(0, 400, 0, 4, 40, &by_usd) == 0);
}

/* ---- whole pages -------------------------------------------------------- */

static char *render(const char *jsonl, int *bad, char *err, size_t errlen)
{
	at_buf b;
	at_buf_init(&b, 0);
	at_report_opts opts = {"Test <page>", "2026-01-01 00:00 UTC", NULL};
	assert_int_equal(at_report__render(&b, jsonl, strlen(jsonl), &opts, bad, err, errlen),
			 0);
	return at_buf_take(&b, NULL);
}

/* The text between `open` (searched from `from`) and the next `close`. */
static char *between(const char *from, const char *open, const char *close)
{
	const char *a = strstr(from, open);
	assert_non_null(a);
	a += strlen(open);
	const char *z = strstr(a, close);
	assert_non_null(z);
	char *s = malloc((size_t)(z - a) + 1);
	assert_non_null(s);
	memcpy(s, a, (size_t)(z - a));
	s[z - a] = '\0';
	return s;
}

static const char two_events[] =
	"{\"id\":\"e-dated\",\"type\":\"aid\",\"status\":\"completed\","
	"\"provider\":{\"name\":\"Russia\",\"code\":\"RUS\"},"
	"\"recipient\":{\"name\":\"Tajikistan\",\"code\":\"TJK\"},"
	"\"items\":[],\"value\":{\"amount\":5,\"currency\":\"USD\",\"text\":\"$5 million\","
	"\"usd\":5000000},\"when\":{\"start\":\"2020-03-01\",\"end\":\"2020-03-01\"},"
	"\"sources\":[{\"doc\":\"a.txt\",\"start\":0,\"end\":9,\"sentence\":\"Russia gave "
	"$5 million.\"}],\"conflicts\":[]}\n"
	"{\"id\":\"e-undated\",\"type\":\"aid\",\"status\":\"committed\","
	"\"provider\":{\"name\":\"Russia\",\"code\":\"RUS\"},"
	"\"recipient\":{\"name\":\"Kyrgyzstan\",\"code\":\"KGZ\"},"
	"\"items\":[],\"value\":null,\"when\":null,"
	"\"sources\":[{\"doc\":\"b.txt\",\"start\":0,\"end\":9,\"sentence\":\"Russia will "
	"help.\"}],\"conflicts\":[]}\n";

static void page__undated_event_sits_in_the_no_date_column(void **state)
{
	(void)state;
	int bad;
	char err[128];
	char *html = render(two_events, &bad, err, sizeof(err));
	assert_int_equal(bad, 0);
	char *dated = between(html, "<g class=\"dated\">", "</g>");
	char *undated = between(html, "<g class=\"undated\">", "</g>");
	assert_non_null(strstr(dated, "#ev-e-dated\""));
	assert_null(strstr(dated, "#ev-e-undated\""));
	assert_non_null(strstr(undated, "#ev-e-undated\""));
	assert_null(strstr(undated, "#ev-e-dated\""));
	assert_non_null(strstr(html, "1 event has no known date"));
	free(dated);
	free(undated);
	free(html);
}

static void page__event_without_act_date_sits_at_its_report_date(void **state)
{
	(void)state;
	static const char in[] =
		"{\"id\":\"e-rep\",\"type\":\"aid\",\"status\":\"committed\","
		"\"provider\":{\"name\":\"Norway\",\"code\":\"NOR\"},"
		"\"recipient\":{\"name\":\"Estonia\",\"code\":\"EST\"},"
		"\"when\":null,\"reported\":\"2020-05-04\",\"sources\":[]}\n"
		"{\"id\":\"e-none\",\"type\":\"aid\",\"status\":\"committed\","
		"\"provider\":{\"name\":\"Norway\",\"code\":\"NOR\"},"
		"\"recipient\":{\"name\":\"Latvia\",\"code\":\"LVA\"},"
		"\"when\":null,\"reported\":null,\"sources\":[]}\n";
	int bad;
	char err[128];
	char *html = render(in, &bad, err, sizeof(err));
	char *dated = between(html, "<g class=\"dated\">", "</g>");
	char *undated = between(html, "<g class=\"undated\">", "</g>");
	/* on the axis at its report date, marked so, and saying so */
	char *mark = between(dated, "#ev-e-rep\"", "</a>");
	assert_non_null(strstr(mark, "by-report"));
	assert_non_null(strstr(mark, "<title>reported 2020-05-04 (the date of the act is "
				     "not known"));
	assert_non_null(strstr(mark, "stroke-dasharray"));
	assert_null(strstr(undated, "#ev-e-rep\""));
	/* only an event with neither date goes to the "no date" column */
	assert_non_null(strstr(undated, "#ev-e-none\""));
	assert_null(strstr(dated, "#ev-e-none\""));
	assert_non_null(strstr(html, "1 event has no date of the act and is shown at its "
				     "report date"));
	assert_non_null(strstr(html, "1 event has no known date"));
	free(mark);
	free(dated);
	free(undated);
	free(html);
}

static void page__flow_others_name_whom_they_sum(void **state)
{
	(void)state;
	/* 14 providers: the 12 largest get rows, the two smallest are "others" */
	at_buf in;
	at_buf_init(&in, 0);
	for (int k = 1; k <= 14; k++)
		at_buf_printf(&in,
			      "{\"id\":\"e-%d\",\"type\":\"aid\",\"status\":\"completed\","
			      "\"provider\":{\"name\":\"Land %02d\",\"code\":\"L%02d\"},"
			      "\"recipient\":{\"name\":\"Kenya\",\"code\":\"KEN\"},"
			      "\"value\":{\"amount\":%d,\"currency\":\"USD\",\"usd\":%d},"
			      "\"sources\":[]}\n",
			      k, k, k, 1000 * (20 - k), 1000 * (20 - k));
	int bad;
	char err[128];
	char *html = render(in.data, &bad, err, sizeof(err));
	char *title = between(html, "<title>2 other providers: ", "</title>");
	assert_string_equal(title, "Land 13, Land 14");
	free(title);
	free(html);
	at_buf_free(&in);
}

static void page__unknown_value_is_unknown_not_zero(void **state)
{
	(void)state;
	int bad;
	char err[128];
	char *html = render(two_events, &bad, err, sizeof(err));
	char *row = between(html, "<tr id=\"ev-e-undated\"", "</tr>");
	assert_non_null(strstr(row, "<span class=\"unknown\">unknown</span>"));
	assert_null(strstr(row, "$0"));
	/* the pledged total counts only known values and says how many */
	char *pledged = between(html, "<tr class=\"grp pledged\">", "</tr>");
	assert_non_null(strstr(pledged, "unknown"));
	assert_non_null(strstr(pledged, "0 of 1"));
	char *lead = between(html, "<p class=\"lead\">", "</p>");
	assert_string_equal(lead,
			    "<b>2</b> aid events, 1 provider to 2 recipients: pledged "
			    "<span class=\"unknown\">unknown</span>, <b>$5 m</b> delivered "
			    "(the known values of 1 event; 1 has none).");
	free(lead);
	char *done = between(html, "<tr class=\"grp delivered\">", "</tr>");
	assert_non_null(strstr(done, "$5 m"));
	/* flows: a filled square for the known value, a dashed one for the other */
	char *flows = between(html, "<svg id=\"flow-svg\"", "</svg>");
	assert_non_null(strstr(flows, "class=\"usd\""));
	assert_non_null(strstr(flows, "class=\"count\""));
	free(row);
	free(pledged);
	free(done);
	free(flows);
	free(html);
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

static void page__hostile_strings_stay_text(void **state)
{
	(void)state;
	const char *jsonl =
		"{\"id\":\"x\\\"><script>a()</script>\",\"type\":\"aid\",\"status\":\"intent\","
		"\"provider\":{\"name\":\"<img src=x onerror=a()>\"},"
		"\"recipient\":{\"name\":\"\\u202Eevil\"},\"items\":[{\"text\":\"</td><script>"
		"</script>\"}],\"when\":{\"start\":\"2020\",\"text\":\"'><svg onload=a()>\"},"
		"\"sources\":[{\"doc\":\"<b>d</b>\",\"url\":\"javascript:a()\",\"sentence\":"
		"\"<script>a()</script> in 2020\"},{\"doc\":\"e\",\"url\":\"https://ok.example/"
		"?a=1&b=\\\"2\\\"\",\"sentence\":\"s\"}],\"conflicts\":[{\"field\":\"<i>f</"
		"i>\","
		"\"values\":[\"<script>\",\"b\"],\"docs\":[\"<b>\",\"e\"]}]}\n";
	int bad;
	char err[128];
	char *html = render(jsonl, &bad, err, sizeof(err));
	assert_int_equal(count(html, "<script"), 1); /* ours, at the end */
	assert_int_equal(count(html, "<img"), 0);
	assert_int_equal(count(html, "<svg onload"), 0);
	assert_int_equal(count(html, "<i>"), 0);
	assert_int_equal(count(html, "javascript:"), 0); /* not even as text */
	assert_int_equal(count(html, "\xE2\x80\xAE"), 0);
	assert_non_null(strstr(html, "href=\"https://ok.example/?a=1&amp;b=&quot;2&quot;\""));
	assert_non_null(strstr(html, "<title>Test &lt;page&gt;</title>"));
	free(html);
}

static void page__bad_lines_are_skipped_and_named(void **state)
{
	(void)state;
	char jsonl[sizeof(two_events) + 64];
	snprintf(jsonl, sizeof(jsonl), "%s\n{oops\n[1,2]\n", two_events);
	int bad;
	char err[128];
	char *html = render(jsonl, &bad, err, sizeof(err));
	assert_int_equal(bad, 2);
	assert_non_null(strstr(err, "line 4"));
	assert_non_null(strstr(html, "2 input lines were skipped"));
	assert_non_null(strstr(html, "id=\"ev-e-dated\""));
	free(html);
}

static void page__evidence_marks_fields_as_whole_words(void **state)
{
	(void)state;
	const char *jsonl =
		"{\"id\":\"m\",\"type\":\"aid\",\"status\":\"completed\","
		"\"provider\":{\"name\":\"Russia\"},\"recipient\":{\"name\":\"Laos\"},"
		"\"items\":[{\"text\":\"4 tanks\"}],\"sources\":[{\"doc\":\"d\",\"sentence\":"
		"\"Russian officers said Russia gave Laos 4 tanks & more.\"}]}\n";
	int bad;
	char err[128];
	char *html = render(jsonl, &bad, err, sizeof(err));
	char *ev = between(html, "<ol class=\"ev\">", "</ol>");
	assert_string_equal(ev, "<li><q><bdi>Russian officers said <mark>Russia</mark> gave "
				"<mark>Laos</mark> <mark>4 tanks</mark> &amp; more.</bdi></q> "
				"<span class=\"sub\"><bdi>d</bdi></span></li>");
	/* the hover text of the provider is that sentence */
	assert_non_null(strstr(html, "title=\"Russian officers said Russia gave Laos 4 tanks "
				     "&amp; more.\">Russia</td>"));
	free(ev);
	free(html);
}

static void page__same_input_same_bytes(void **state)
{
	(void)state;
	int bad;
	char err[128];
	char *a = render(two_events, &bad, err, sizeof(err));
	char *b = render(two_events, &bad, err, sizeof(err));
	assert_string_equal(a, b);
	free(a);
	free(b);
}

static void page__empty_input_is_a_page(void **state)
{
	(void)state;
	int bad;
	char err[128];
	char *html = render("", &bad, err, sizeof(err));
	assert_int_equal(bad, 0);
	assert_non_null(strstr(html, "No events."));
	assert_non_null(strstr(html, "No aid events."));
	assert_non_null(strstr(html, "</html>"));
	free(html);
}

static void page__public_function_writes_the_page(void **state)
{
	(void)state;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	char err[128];
	assert_int_equal(
		at_report_html(f, two_events, strlen(two_events), NULL, err, sizeof(err)), 0);
	assert_int_equal(fclose(f), 0);
	assert_non_null(strstr(buf, "<title>aidtrace report</title>"));
	assert_non_null(strstr(buf, "id=\"event-table\""));
	free(buf);

	f = open_memstream(&buf, &len);
	assert_int_equal(at_report_html(f, "nope\n", 5, NULL, err, sizeof(err)), AT_EPARSE);
	assert_int_equal(fclose(f), 0);
	assert_non_null(strstr(err, "line 1"));
	assert_non_null(strstr(buf, "</html>"));
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(esc__markup_and_quotes_become_entities),
		cmocka_unit_test(esc__bidi_overrides_are_replaced_and_marks_kept),
		cmocka_unit_test(esc__controls_dropped_invalid_utf8_replaced),
		cmocka_unit_test(esc__a_nul_byte_inside_the_length_is_dropped),
		cmocka_unit_test(url__only_http_and_https_are_links),
		cmocka_unit_test(days__partial_dates_cover_their_period),
		cmocka_unit_test(days__unknown_dates_are_not_placed),
		cmocka_unit_test(flow__area_is_proportional_to_known_usd),
		cmocka_unit_test(flow__unknown_value_is_sized_by_count_never_as_usd),
		cmocka_unit_test(page__undated_event_sits_in_the_no_date_column),
		cmocka_unit_test(page__event_without_act_date_sits_at_its_report_date),
		cmocka_unit_test(page__flow_others_name_whom_they_sum),
		cmocka_unit_test(page__unknown_value_is_unknown_not_zero),
		cmocka_unit_test(page__hostile_strings_stay_text),
		cmocka_unit_test(page__bad_lines_are_skipped_and_named),
		cmocka_unit_test(page__evidence_marks_fields_as_whole_words),
		cmocka_unit_test(page__same_input_same_bytes),
		cmocka_unit_test(page__empty_input_is_a_page),
		cmocka_unit_test(page__public_function_writes_the_page),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
