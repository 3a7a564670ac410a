/* SPDX-License-Identifier: MIT */
/*
 * tests/merge/cluster.c — cross-document merging on per-document events
 * written as JSON here: what joins, what stays apart, lifecycles, conflicts,
 * order independence, and the SimHash of near-duplicate texts.
 */
#include <jansson.h>

#include "../test_util.h"
#include "aidtrace.h"
#include "merge/merge.h"

typedef struct block {
	at_member m[8];
	json_t *ev[8];
	size_t n;
	at_cluster *c;
	size_t nc;
} block;

/* An aid event RUS->TJK reported on `date`, with the given status and extra fields. */
static json_t *aid(const char *status, const char *extra)
{
	char buf[1024];
	snprintf(
		buf, sizeof(buf),
		"{\"id\":\"e-%s\",\"type\":\"aid\",\"kinds\":[\"equipment\"],\"status\":\"%s\","
		"\"provider\":{\"name\":\"Russia\",\"code\":\"RUS\"},"
		"\"recipient\":{\"name\":\"Tajikistan\",\"code\":\"TJK\"},"
		"\"participants\":[],\"actor\":null,\"items\":[],\"value\":null,"
		"\"personnel\":null,\"when\":null,\"place\":null,\"reported\":null,"
		"\"sources\":[{\"doc\":\"d\",\"start\":0,\"end\":5,\"sentence\":\"x\"}],"
		"\"conflicts\":[],\"confidence\":0.8,\"why\":\"aid:test\"}",
		status, status);
	json_t *e = json_loads(buf, 0, NULL);
	assert_non_null(e);
	if (extra) {
		json_t *x = json_loads(extra, 0, NULL);
		assert_non_null(x);
		json_object_update(e, x);
		json_decref(x);
	}
	return e;
}

static void add(block *b, const char *doc, const char *reported, json_t *ev)
{
	size_t i = b->n++;
	b->ev[i] = ev;
	b->m[i] = (at_member){
		.ev = ev, .doc = doc, .reported = reported, .row = (int64_t)i + 1, .ord = 0};
}

static void run(block *b) { assert_int_equal(at_merge_block(b->m, b->n, &b->c, &b->nc), 0); }

static void done(block *b)
{
	at_merge_free(b->c, b->nc);
	for (size_t i = 0; i < b->n; i++)
		json_decref(b->ev[i]);
}

static void same_value_in_two_outlets__one_cluster(void **state)
{
	(void)state;
	block b = {0};
	add(&b, "a", "2015-04-03",
	    aid("intent", "{\"value\":{\"amount\":7e10,\"currency\":\"RUB\",\"usd\":1.2e9}}"));
	add(&b, "b", "2015-04-04",
	    aid("intent", "{\"value\":{\"amount\":7e10,\"currency\":\"RUB\",\"usd\":1.23e9}}"));
	run(&b);
	assert_int_equal(b.nc, 1);
	assert_int_equal(b.c[0].n, 2);
	json_t *ev = at_merge_event(b.m, b.c, b.nc, 0);
	assert_int_equal(json_array_size(json_object_get(ev, "sources")), 2);
	assert_int_equal(json_array_size(json_object_get(ev, "conflicts")), 0);
	assert_string_equal(json_string_value(json_object_get(ev, "reported")), "2015-04-03");
	json_decref(ev);
	done(&b);
}

static void two_events_of_one_document__never_merged(void **state)
{
	(void)state;
	block b = {0};
	add(&b, "a", "2015-04-03", aid("intent", NULL));
	add(&b, "a", "2015-04-03", aid("intent", NULL));
	b.m[1].ord = 1;
	run(&b);
	assert_int_equal(b.nc, 2);
	done(&b);
}

static void reports_months_apart__separate_acts(void **state)
{
	(void)state;
	block b = {0};
	add(&b, "a", "2015-04-03", aid("committed", NULL));
	add(&b, "b", "2015-11-20", aid("committed", NULL));
	run(&b);
	assert_int_equal(b.nc, 2);
	done(&b);
}

static void disjoint_kinds__separate_acts(void **state)
{
	(void)state;
	block b = {0};
	add(&b, "a", "2021-07-22", aid("committed", "{\"kinds\":[\"construction\"]}"));
	add(&b, "b", "2021-07-28",
	    aid("committed", "{\"kinds\":[\"equipment\",\"training\"]}"));
	run(&b);
	assert_int_equal(b.nc, 2);
	done(&b);
}

static void pledge_then_delivery__two_events_one_lifecycle(void **state)
{
	(void)state;
	block b = {0};
	add(&b, "a", "2023-01-11",
	    aid("committed",
		"{\"items\":[{\"category\":\"tank\",\"quantity\":14,\"text\":\"t\"}]}"));
	add(&b, "b", "2023-02-24",
	    aid("completed",
		"{\"items\":[{\"category\":\"tank\",\"quantity\":14,\"text\":\"t\"}]}"));
	run(&b);
	assert_int_equal(b.nc, 2);
	size_t pledge = b.c[0].stage == 0 ? 0 : 1, delivery = 1 - pledge;
	assert_int_equal(b.c[delivery].lifecycle, (long)pledge);
	json_t *ev = at_merge_event(b.m, b.c, b.nc, delivery);
	json_t *lc = json_object_get(ev, "lifecycle");
	assert_true(json_is_object(lc));
	assert_string_equal(json_string_value(json_object_get(lc, "id")), b.c[pledge].id);
	assert_int_equal(json_array_size(json_object_get(lc, "history")), 2);
	json_decref(ev);
	done(&b);
}

static void different_counts_and_currency_mixup__conflicts(void **state)
{
	(void)state;
	block b = {0};
	add(&b, "a", "2023-02-24",
	    aid("completed", "{\"items\":[{\"category\":\"tank\",\"quantity\":14,\"text\":\"14 "
			     "tanks\"}]}"));
	add(&b, "b", "2023-02-25",
	    aid("completed", "{\"items\":[{\"category\":\"tank\",\"quantity\":12,\"text\":\"12 "
			     "tanks\"}]}"));
	run(&b);
	assert_int_equal(b.nc, 1);
	json_t *ev = at_merge_event(b.m, b.c, b.nc, 0);
	json_t *conf = json_object_get(ev, "conflicts");
	assert_int_equal(json_array_size(conf), 1);
	json_t *c0 = json_array_get(conf, 0);
	assert_string_equal(json_string_value(json_object_get(c0, "field")), "items");
	assert_int_equal(json_array_size(json_object_get(c0, "docs")), 2);
	json_decref(ev);
	done(&b);

	block v = {0};
	add(&v, "a", "2015-04-03",
	    aid("intent",
		"{\"value\":{\"amount\":7e10,\"currency\":\"RUB\",\"text\":\"70 billion "
		"rubles\"}}"));
	add(&v, "b", "2015-04-03",
	    aid("intent", "{\"value\":{\"amount\":7e10,\"currency\":\"USD\",\"text\":\"$70 "
			  "billion\"}}"));
	run(&v);
	assert_int_equal(v.nc, 1);
	ev = at_merge_event(v.m, v.c, v.nc, 0);
	conf = json_object_get(ev, "conflicts");
	assert_int_equal(json_array_size(conf), 1);
	assert_string_equal(
		json_string_value(json_object_get(json_array_get(conf, 0), "field")), "value");
	json_decref(ev);
	done(&v);
}

static void exercises_join_on_overlapping_participants_and_dates(void **state)
{
	(void)state;
	const char *ex = "{\"id\":\"x\",\"type\":\"exercise\",\"status\":\"committed\","
			 "\"participants\":[%s],\"when\":{\"start\":\"%s\",\"end\":\"%s\"},"
			 "\"sources\":[],\"conflicts\":[],\"confidence\":0.9}";
	char buf[512];
	block b = {0};
	const char *rtu = "{\"code\":\"RUS\"},{\"code\":\"TJK\"},{\"code\":\"UZB\"}";
	snprintf(buf, sizeof(buf), ex, rtu, "2021-08-02", "2021-08-08");
	add(&b, "a", "2021-07-28", json_loads(buf, 0, NULL));
	snprintf(buf, sizeof(buf), ex, rtu, "2021-08-05", "2021-08-10");
	add(&b, "b", "2021-07-22", json_loads(buf, 0, NULL));
	snprintf(buf, sizeof(buf), ex, "{\"code\":\"IND\"},{\"code\":\"THA\"}", "2021-08-05",
		 "2021-08-10");
	add(&b, "c", "2021-07-23", json_loads(buf, 0, NULL));
	snprintf(buf, sizeof(buf), ex, rtu, "2021-10-01", "2021-10-03");
	add(&b, "d", "2021-07-30", json_loads(buf, 0, NULL));
	run(&b);
	/* a+b one; c other states; d other dates */
	assert_int_equal(b.nc, 3);
	size_t two = 0;
	for (size_t i = 0; i < b.nc; i++)
		two += b.c[i].n == 2;
	assert_int_equal(two, 1);
	done(&b);
}

static void any_input_order__same_clusters_and_ids(void **state)
{
	(void)state;
	char ids[2][4][19];
	for (int round = 0; round < 2; round++) {
		block b = {0};
		const char *docs[] = {"a", "b", "c", "d"};
		const char *dates[] = {"2023-01-11", "2023-02-24", "2023-02-25", "2023-06-01"};
		const char *st[] = {"committed", "completed", "completed", "intent"};
		for (int k = 0; k < 4; k++) {
			int i = round ? 3 - k : k;
			add(&b, docs[i], dates[i], aid(st[i], NULL));
		}
		run(&b);
		assert_int_equal(b.nc, 3);
		for (size_t i = 0; i < b.nc; i++)
			memcpy(ids[round][i], b.c[i].id, sizeof(ids[round][i]));
		done(&b);
	}
	for (int i = 0; i < 3; i++)
		assert_string_equal(ids[0][i], ids[1][i]);
}

static int bits(uint64_t x)
{
	int n = 0;
	for (; x; x &= x - 1)
		n++;
	return n;
}

static void simhash__copies_close_other_stories_far(void **state)
{
	(void)state;
#define STORY                                                                                  \
	"Poland delivered fourteen Leopard tanks to Ukraine on Friday, the first Western "     \
	"main "                                                                                \
	"battle tanks to reach the country, the defence minister said in Kyiv after a "        \
	"ceremony "                                                                            \
	"at a training ground in the west of the country. The crews had trained for five "     \
	"weeks in Poland before the handover. Spare parts and ammunition for the tanks will "  \
	"follow in the spring, and a repair workshop is to open near the border in the "       \
	"summer, "                                                                             \
	"the minister added. Officials in Warsaw said further vehicles could be sent once "    \
	"other members of the coalition had made their own deliveries, and that training for " \
	"a second battalion would begin within weeks at the same ground."
	const char *a = STORY;
	const char *b = STORY " Share this article.";
	const char *c =
		"The central bank left its key interest rate unchanged on Thursday and "
		"said inflation would slow in the second half of the year as food and "
		"energy prices eased, according to a statement released after the meeting.";
	uint64_t ha = at_simhash(a, strlen(a)), hb = at_simhash(b, strlen(b)),
		 hc = at_simhash(c, strlen(c));
	assert_true(bits(ha ^ hb) <= AT_NEAR_DUP_BITS);
	assert_true(bits(ha ^ hc) > 12);
	assert_int_equal(at_simhash("", 0), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(same_value_in_two_outlets__one_cluster),
		cmocka_unit_test(two_events_of_one_document__never_merged),
		cmocka_unit_test(reports_months_apart__separate_acts),
		cmocka_unit_test(disjoint_kinds__separate_acts),
		cmocka_unit_test(pledge_then_delivery__two_events_one_lifecycle),
		cmocka_unit_test(different_counts_and_currency_mixup__conflicts),
		cmocka_unit_test(exercises_join_on_overlapping_participants_and_dates),
		cmocka_unit_test(any_input_order__same_clusters_and_ids),
		cmocka_unit_test(simhash__copies_close_other_stories_far),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
