/* SPDX-License-Identifier: MIT */
/*
 * tests/score/score.c — at_score on small gold files written for these
 * tests: pairing by type and actors, optional lines, slots (status_alt,
 * kinds, items, value within 1%, partial dates), documents in scope, merge
 * links, bad lines named with file and line, the JSON keys.
 */
#include <jansson.h>

#include "aidtrace.h"
#include "../test_util.h"

typedef struct diags {
	int n;
	at_diag first;
} diags;

static void on_diag(void *user, const at_diag *d)
{
	diags *g = user;
	if (!g->n++)
		g->first = *d;
}

/* Score gold/pred (and docs, may be NULL) as JSON; *rc gets at_score's. */
static json_t *score(const char *gold, const char *pred, const char *docs, int *rc, diags *dg)
{
	at_text g = {"gold.jsonl", gold, strlen(gold)}, p = {"pred.jsonl", pred, strlen(pred)},
		d = {"docs.jsonl", docs, docs ? strlen(docs) : 0};
	char *out = NULL;
	size_t len = 0;
	diags local = {0};
	*rc = at_score(&g, &p, docs ? &d : NULL, AT_SCORE_JSON | AT_SCORE_ERRORS, &out, &len,
		       on_diag, dg ? dg : &local);
	assert_non_null(out);
	assert_int_equal(strlen(out), len);
	json_error_t je;
	json_t *j = json_loads(out, 0, &je);
	free(out);
	assert_non_null(j);
	return j;
}

static long long ival(json_t *r, const char *sect, const char *key)
{
	json_t *v = json_object_get(json_object_get(r, sect), key);
	assert_true(json_is_integer(v));
	return (long long)json_integer_value(v);
}

static double fval(json_t *r, const char *sect, const char *key)
{
	json_t *v = json_object_get(json_object_get(r, sect), key);
	assert_true(json_is_number(v));
	return json_number_value(v);
}

#define AID(doc, prov, rec, extra)                                                          \
	"{\"doc\":\"" doc "\",\"type\":\"aid\",\"provider\":{\"code\":\"" prov "\"},"       \
	"\"recipient\":{\"code\":\"" rec "\"}" extra "}\n"
#define PAID(doc, prov, rec, extra)                                                         \
	"{\"type\":\"aid\",\"provider\":{\"code\":\"" prov "\"},\"recipient\":{\"code\":\"" \
	rec "\"},\"sources\":[{\"doc\":\"" doc "\",\"sentence\":\"s\"}]" extra "}\n"

static void events__tp_fp_fn_and_optional_lines(void **state)
{
	(void)state;
	const char *gold = AID("a.txt", "NOR", "EST", ",\"group\":\"g1\"")
		AID("a.txt", "NOR", "LVA", ",\"group\":\"g2\"")
		AID("a.txt", "NOR", "LTU", ",\"group\":\"g3\",\"optional\":true")
		AID("b.txt", "DNK", "GEO", ",\"group\":\"g4\",\"optional\":true");
	/* EST found, LVA missed, LTU (optional) found: neither tp nor fp; POL
	 * false; GEO optional not found: no fn */
	const char *pred = PAID("a.txt", "NOR", "EST", "") PAID("a.txt", "NOR", "LTU", "")
		PAID("a.txt", "NOR", "POL", "");
	int rc;
	json_t *r = score(gold, pred, NULL, &rc, NULL);
	assert_int_equal(rc, 0);
	assert_int_equal(ival(r, "events", "tp"), 1);
	assert_int_equal(ival(r, "events", "fp"), 1);
	assert_int_equal(ival(r, "events", "fn"), 1);
	assert_true(fval(r, "events", "precision") == 0.5);
	assert_true(fval(r, "events", "recall") == 0.5);
	assert_true(fval(r, "events", "f1") == 0.5);
	json_t *errs = json_object_get(r, "errors");
	assert_int_equal(json_array_size(errs), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(errs, 0), "kind")),
			    "missed");
	assert_string_equal(json_string_value(json_object_get(json_array_get(errs, 0), "who")),
			    "NOR>LVA");
	assert_string_equal(json_string_value(json_object_get(json_array_get(errs, 1), "kind")),
			    "false");
	json_decref(r);
}

static void pairing__by_type_and_actors(void **state)
{
	(void)state;
	const char *gold =
		"{\"doc\":\"x.txt\",\"type\":\"exercise\",\"group\":\"e\",\"participants\":"
		"[{\"code\":\"FRA\"},{\"code\":\"SEN\"},{\"code\":\"CIV\"}]}\n"
		"{\"doc\":\"x.txt\",\"type\":\"deployment\",\"group\":\"d\",\"actor\":{\"code\":\"FRA\"}}\n";
	/* one shared participant is enough; a deployment of another actor and
	 * an aid event of the same countries do not pair */
	const char *pred =
		"{\"type\":\"exercise\",\"participants\":[{\"code\":\"SEN\"},{\"code\":\"MLI\"}],"
		"\"sources\":[{\"doc\":\"x.txt\"}]}\n"
		"{\"type\":\"deployment\",\"actor\":{\"code\":\"SEN\"},\"sources\":[{\"doc\":\"x.txt\"}]}\n"
		"{\"type\":\"aid\",\"provider\":{\"code\":\"FRA\"},\"recipient\":{\"code\":\"SEN\"},"
		"\"sources\":[{\"doc\":\"x.txt\"}]}\n";
	int rc;
	json_t *r = score(gold, pred, NULL, &rc, NULL);
	assert_int_equal(ival(r, "events", "tp"), 1);
	assert_int_equal(ival(r, "events", "fp"), 2);
	assert_int_equal(ival(r, "events", "fn"), 1);
	/* participants: set F1 of {FRA,SEN,CIV} and {SEN,MLI} = 2*1/5 */
	assert_true(fval(r, "slots", "participants") == 0.4);
	json_decref(r);
}

static void slots__rules(void **state)
{
	(void)state;
	const char *gold = AID("s.txt", "JPN", "PHL",
			       ",\"group\":\"a\",\"status\":\"committed\",\"status_alt\":[\"intent\"],"
			       "\"kinds\":[\"equipment\",\"training\"],"
			       "\"items\":[{\"category\":\"radar\",\"quantity\":4},"
			       "{\"category\":\"ship\",\"quantity\":2}],"
			       "\"value\":{\"amount\":1000000,\"currency\":\"JPY\"},"
			       "\"when\":{\"start\":\"2024\",\"end\":null},\"personnel\":30")
		AID("t.txt", "JPN", "PHL",
		    ",\"group\":\"b\",\"value\":{\"amount\":1000000,\"currency\":\"JPY\"},"
		    "\"when\":{\"start\":\"2024-03\"}");
	const char *pred =
		PAID("s.txt", "JPN", "PHL",
		     ",\"status\":\"intent\",\"kinds\":[\"equipment\"],"
		     "\"items\":[{\"category\":\"radar\",\"quantity\":4.0},{\"category\":\"ship\","
		     "\"quantity\":3}],\"value\":{\"amount\":1009000,\"currency\":\"JPY\"},"
		     "\"when\":{\"start\":\"2024-06-01\",\"end\":\"2024-06-01\"},\"personnel\":30")
			PAID("t.txt", "JPN", "PHL",
			     ",\"value\":{\"amount\":1020000,\"currency\":\"JPY\"},"
			     "\"when\":{\"start\":\"2024-04-01\"}");
	int rc;
	json_t *r = score(gold, pred, NULL, &rc, NULL);
	assert_int_equal(ival(r, "events", "tp"), 2);
	assert_true(fval(r, "slots", "status") == 1.0);          /* a status_alt */
	assert_true(fval(r, "slots", "kinds") == 0.667);         /* 2*1/3, rounded */
	assert_true(fval(r, "slots", "item_categories") == 1.0);
	assert_true(fval(r, "slots", "item_quantities") == 0.5); /* 4 = 4.0, 2 != 3 */
	assert_true(fval(r, "slots", "value") == 0.5);           /* 0.9% yes, 2% no */
	assert_true(fval(r, "slots", "when") == 0.5);            /* 2024 yes, 2024-03 no */
	assert_true(fval(r, "slots", "personnel") == 1.0);
	json_decref(r);
}

static void pairing__best_slot_score_first(void **state)
{
	(void)state;
	/* two gold events of one pair of countries: each prediction goes to the
	 * gold line it fits best, whatever the order of the lines */
	const char *gold =
		AID("p.txt", "USA", "UKR", ",\"group\":\"1\",\"status\":\"committed\"")
			AID("p.txt", "USA", "UKR", ",\"group\":\"2\",\"status\":\"completed\"");
	const char *pred = PAID("p.txt", "USA", "UKR", ",\"status\":\"completed\"")
		PAID("p.txt", "USA", "UKR", ",\"status\":\"committed\"");
	int rc;
	json_t *r = score(gold, pred, NULL, &rc, NULL);
	assert_int_equal(ival(r, "events", "tp"), 2);
	assert_true(fval(r, "slots", "status") == 1.0);
	json_decref(r);
}

static void scope__docs_file_and_documents_out_of_scope(void **state)
{
	(void)state;
	const char *gold = AID("in.txt", "GBR", "KEN", ",\"group\":\"k\"");
	const char *pred = PAID("in.txt", "GBR", "KEN", "") PAID("neg.txt", "GBR", "KEN", "")
		PAID("other.txt", "GBR", "KEN", "");
	int rc;
	/* without a docs file only in.txt counts */
	json_t *r = score(gold, pred, NULL, &rc, NULL);
	assert_int_equal(ival(r, "events", "fp"), 0);
	json_decref(r);
	/* neg.txt is in scope with no gold line: its event is false */
	r = score(gold, pred, "{\"doc\":\"in.txt\"}\n{\"doc\":\"neg.txt\",\"published\":null}\n",
		  &rc, NULL);
	assert_int_equal(rc, 0);
	assert_int_equal(ival(r, "events", "tp"), 1);
	assert_int_equal(ival(r, "events", "fp"), 1);
	json_decref(r);
}

static void merge__links_between_documents(void **state)
{
	(void)state;
	const char *gold = AID("m1.txt", "TUR", "SOM", ",\"group\":\"same\"")
		AID("m2.txt", "TUR", "SOM", ",\"group\":\"same\"")
		AID("m3.txt", "TUR", "SOM", ",\"group\":\"other\"");
	/* one merged event cites m1, m2 and m3: the m1-m2 link is right, the
	 * links to m3 are wrong */
	const char *pred = "{\"type\":\"aid\",\"provider\":{\"code\":\"TUR\"},\"recipient\":"
			   "{\"code\":\"SOM\"},\"sources\":[{\"doc\":\"m1.txt\"},{\"doc\":"
			   "\"m2.txt\"},{\"doc\":\"m3.txt\"},{\"doc\":\"m1.txt\"}]}\n";
	int rc;
	json_t *r = score(gold, pred, NULL, &rc, NULL);
	assert_int_equal(ival(r, "events", "tp"), 3);
	assert_int_equal(ival(r, "events", "fp"), 0);
	assert_int_equal(ival(r, "merge", "gold_links"), 1);
	assert_int_equal(ival(r, "merge", "found"), 1);
	assert_int_equal(ival(r, "merge", "predicted_links"), 3);
	assert_int_equal(ival(r, "merge", "correct"), 1);
	assert_true(fval(r, "merge", "recall") == 1.0);
	assert_true(fval(r, "merge", "precision") == 0.333);
	json_decref(r);
	/* no links at all: recall and precision are null */
	r = score(AID("m1.txt", "TUR", "SOM", ",\"group\":\"same\""), "", NULL, &rc, NULL);
	assert_true(json_is_null(json_object_get(json_object_get(r, "merge"), "recall")));
	assert_true(json_is_null(json_object_get(json_object_get(r, "merge"), "precision")));
	assert_true(fval(r, "events", "precision") == 0.0);
	json_decref(r);
}

static void input__bad_lines_named_and_skipped(void **state)
{
	(void)state;
	const char *gold = AID("a.txt", "NOR", "EST", ",\"group\":\"g\"") "{\"doc\": oops}\n"
		"{\"type\":\"aid\"}\n";
	const char *pred = "\n" PAID("a.txt", "NOR", "EST", "");
	int rc;
	diags dg = {0};
	json_t *r = score(gold, pred, NULL, &rc, &dg);
	assert_int_equal(rc, AT_EPARSE);
	assert_int_equal(dg.n, 2);
	assert_string_equal(dg.first.file, "gold.jsonl");
	assert_int_equal(dg.first.line, 2);
	assert_int_equal(ival(r, "events", "tp"), 1);
	/* the JSON object has the three sections, and errors when asked */
	assert_non_null(json_object_get(r, "events"));
	assert_non_null(json_object_get(r, "slots"));
	assert_non_null(json_object_get(r, "merge"));
	json_decref(r);
}

static void table__figures_for_people(void **state)
{
	(void)state;
	const char *gold = AID("a.txt", "NOR", "EST", ",\"group\":\"g\",\"evidence\":\"Norway "
						      "will send Estonia boats.\"");
	at_text g = {"g", gold, strlen(gold)}, p = {"p", "", 0};
	char *out = NULL;
	size_t len;
	assert_int_equal(at_score(&g, &p, NULL, AT_SCORE_ERRORS, &out, &len, NULL, NULL), 0);
	assert_non_null(strstr(out, "events  precision 0.000  recall 0.000"));
	assert_non_null(strstr(out, "(tp 0, fp 0, fn 1)"));
	assert_non_null(strstr(out, "missed a.txt: aid NOR>EST g"));
	assert_non_null(strstr(out, "Norway will send Estonia boats."));
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(events__tp_fp_fn_and_optional_lines),
		cmocka_unit_test(pairing__by_type_and_actors),
		cmocka_unit_test(slots__rules),
		cmocka_unit_test(pairing__best_slot_score_first),
		cmocka_unit_test(scope__docs_file_and_documents_out_of_scope),
		cmocka_unit_test(merge__links_between_documents),
		cmocka_unit_test(input__bad_lines_named_and_skipped),
		cmocka_unit_test(table__figures_for_people),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
