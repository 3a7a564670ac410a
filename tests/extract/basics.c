/* SPDX-License-Identifier: MIT */
/*
 * tests/extract/basics.c — the whole pipeline through the public API
 * (at_doc_from_text, at_extract_doc, at_events_jsonl) on short sentences
 * written for these tests; the JSON lines are parsed with jansson.
 */
#include <sys/wait.h>
#include <unistd.h>

#include "extract_util.h"

static void handover_of_tanks__one_completed_equipment_aid_event(void **state)
{
	(void)state;
	json_t *arr = extract("Germany handed over 20 Leopard 2 tanks to Lithuania on Friday.",
			      "2022-05-06");
	assert_int_equal(json_array_size(arr), 1);
	json_t *e = json_array_get(arr, 0);
	assert_string_equal(str_at(e, "type", NULL), "aid");
	assert_string_equal(str_at(e, "status", NULL), "completed");
	assert_string_equal(str_at(e, "provider", "code"), "DEU");
	assert_string_equal(str_at(e, "provider", "name"), "Germany");
	assert_string_equal(str_at(e, "recipient", "code"), "LTU");
	json_t *kinds = json_object_get(e, "kinds");
	assert_true(json_array_size(kinds) >= 1);
	assert_string_equal(json_string_value(json_array_get(kinds, 0)), "equipment");
	assert_true(has_item(e, "tank", 20));
	/* "on Friday" before a Friday publication date is that day */
	assert_string_equal(str_at(e, "when", "start"), "2022-05-06");
	json_decref(arr);
}

static void event_sources_point_at_the_sentence(void **state)
{
	(void)state;
	const char *text = "Officials met in the capital. France delivered 10 armoured "
			   "vehicles to Niger on Monday.";
	json_t *arr = extract(text, "2021-03-02");
	assert_int_equal(json_array_size(arr), 1);
	json_t *e = json_array_get(arr, 0);
	assert_string_equal(str_at(e, "provider", "code"), "FRA");
	assert_string_equal(str_at(e, "recipient", "code"), "NER");
	assert_true(has_item(e, "armored_vehicle", 10));
	assert_string_equal(str_at(e, "when", "start"), "2021-03-01");
	json_t *src = json_array_get(json_object_get(e, "sources"), 0);
	json_int_t start = json_integer_value(json_object_get(src, "start"));
	json_int_t end = json_integer_value(json_object_get(src, "end"));
	assert_true(start >= 0 && end > start && (size_t)end <= strlen(text));
	assert_memory_equal(text + start, "France delivered", 16);
	assert_string_equal(str_at(src, "doc", NULL), "t");
	/* the id is stable: e- and 16 hex digits */
	const char *id = str_at(e, "id", NULL);
	assert_int_equal(strlen(id), 18);
	assert_memory_equal(id, "e-", 2);
	json_decref(arr);
}

static void receiving_from_a_provider__roles_follow_the_verb(void **state)
{
	(void)state;
	json_t *arr =
		extract("Poland received 30 tanks from South Korea last week.", "2021-03-03");
	assert_int_equal(json_array_size(arr), 1);
	json_t *e = json_array_get(arr, 0);
	assert_string_equal(str_at(e, "provider", "code"), "KOR");
	assert_string_equal(str_at(e, "recipient", "code"), "POL");
	assert_true(has_item(e, "tank", 30));
	/* last week = Monday to Sunday of the previous calendar week */
	assert_string_equal(str_at(e, "when", "start"), "2021-02-22");
	assert_string_equal(str_at(e, "when", "end"), "2021-02-28");
	json_decref(arr);
}

static void month_at_the_end_of_a_sentence__no_full_stop_in_when(void **state)
{
	(void)state;
	/* "Aug. 10" keeps its dot; "in August." ends the sentence */
	json_t *arr = extract("France delivered 12 howitzers to the Ukrainian army in August.",
			      "2024-09-02");
	assert_int_equal(json_array_size(arr), 1);
	json_t *e = json_array_get(arr, 0);
	assert_string_equal(str_at(e, "when", "text"), "August");
	assert_string_equal(str_at(e, "when", "start"), "2024-08");
	json_decref(arr);
	arr = extract("France delivered 12 howitzers to the Ukrainian army on Aug. 10.",
		      "2024-09-02");
	assert_int_equal(json_array_size(arr), 1);
	assert_string_equal(str_at(json_array_get(arr, 0), "when", "start"), "2024-08-10");
	json_decref(arr);
}

static void months_between__one_range(void **state)
{
	(void)state;
	/* "between February and April": one period, both ends */
	json_t *arr = extract("Britain will train 400 Ukrainian soldiers between February and April.",
			      "2024-01-15");
	assert_int_equal(json_array_size(arr), 1);
	json_t *e = json_array_get(arr, 0);
	assert_string_equal(str_at(e, "when", "start"), "2024-02");
	assert_string_equal(str_at(e, "when", "end"), "2024-04");
	json_decref(arr);
	arr = extract("Norway delivered 20 trucks to the Ukrainian army from March to May 2023.",
		      "2024-01-15");
	assert_int_equal(json_array_size(arr), 1);
	e = json_array_get(arr, 0);
	assert_string_equal(str_at(e, "when", "start"), "2023-03");
	assert_string_equal(str_at(e, "when", "end"), "2023-05");
	json_decref(arr);
}

static void number_words_ago__a_date(void **state)
{
	(void)state;
	json_t *arr = extract("India delivered two helicopters to the Nepalese army three days ago.",
			      "2024-03-13");
	assert_int_equal(json_array_size(arr), 1);
	const char *w = str_at(json_array_get(arr, 0), "when", "start");
	assert_non_null(w);
	assert_string_equal(w, "2024-03-10");
	json_decref(arr);
}

static void counts_after_and__each_move_its_own_place(void **state)
{
	(void)state;
	json_t *arr = extract("The Pentagon will deploy 2,000 troops to Poland, 1,000 to Romania "
			      "and 500 to Lithuania.",
			      "2024-09-02");
	assert_int_equal(json_array_size(arr), 3);
	static const char *const PLACE[] = {"Poland", "Romania", "Lithuania"};
	static const long long COUNT[] = {2000, 1000, 500};
	for (size_t i = 0; i < 3; i++) {
		json_t *e = json_array_get(arr, i);
		assert_string_equal(str_at(e, "place", "name"), PLACE[i]);
		assert_int_equal(json_integer_value(json_object_get(e, "personnel")), COUNT[i]);
	}
	json_decref(arr);
	arr = extract("Canada will send 120 troops to Latvia and 40 to Lithuania.", "2024-09-02");
	assert_int_equal(json_array_size(arr), 2);
	assert_string_equal(str_at(json_array_get(arr, 0), "place", "name"), "Latvia");
	assert_string_equal(str_at(json_array_get(arr, 1), "place", "name"), "Lithuania");
	json_decref(arr);
	/* another count with another date */
	arr = extract("Germany deployed 200 soldiers to Lithuania in April and a further 300 in "
		      "September.",
		      "2024-10-13");
	assert_int_equal(json_array_size(arr), 2);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(arr, 1), "personnel")),
			 300);
	json_decref(arr);
}

static void pronoun_clause_after_and__its_own_act_and_kinds(void **state)
{
	(void)state;
	json_t *arr = extract("Spain has been training Mauritanian soldiers since 2019, and it "
			      "delivered 20 armoured vehicles to the army in 2023.",
			      "2024-03-13");
	assert_int_equal(json_array_size(arr), 2);
	json_t *k0 = json_object_get(json_array_get(arr, 0), "kinds");
	assert_int_equal(json_array_size(k0), 1);
	assert_string_equal(json_string_value(json_array_get(k0, 0)), "training");
	assert_true(has_item(json_array_get(arr, 1), "armored_vehicle", 20));
	json_decref(arr);
}

static void headline_items__the_body_names_them(void **state)
{
	(void)state;
	json_t *arr = extract("Spain hands over patrol boats to Senegal\n\nSpain on Tuesday handed "
			      "over two 60-metre patrol vessels to the Senegalese navy in Dakar.",
			      "2024-03-13");
	assert_int_equal(json_array_size(arr), 1);
	json_t *items = json_object_get(json_array_get(arr, 0), "items");
	assert_int_equal(json_array_size(items), 1);
	assert_true(has_item(json_array_get(arr, 0), "ship", 2));
	json_decref(arr);
	/* and a shorter body mention does not yield to the headline's */
	arr = extract("Spain gives military equipment to Senegal\n\nSpain gave equipment to the "
		      "Senegalese army on Monday.",
		      "2024-03-13");
	assert_int_equal(json_array_size(arr), 1);
	assert_int_equal(json_array_size(json_object_get(json_array_get(arr, 0), "items")), 1);
	json_decref(arr);
}

static void delivery_follows_a_shipment__each_its_own_items(void **state)
{
	(void)state;
	json_t *arr = extract("Qatar has delivered 40 armoured vehicles to the Somali army. The "
			      "delivery follows a shipment of ambulances and trucks in January.",
			      "2024-03-13");
	assert_int_equal(json_array_size(arr), 2);
	assert_int_equal(json_array_size(json_object_get(json_array_get(arr, 0), "items")), 1);
	assert_true(has_item(json_array_get(arr, 0), "armored_vehicle", 40));
	json_decref(arr);
}

static void forces_sent_to_drills__a_deployment(void **state)
{
	(void)state;
	/* deploying ships "with" drills stays inside them; sending a count of
	 * troops to them is a move */
	json_t *arr = extract("Indian units will also take part in the drills in Russia, with the "
			      "army sending 200 troops and four helicopters.",
			      "2024-03-13");
	size_t dep = 0;
	for (size_t i = 0; i < json_array_size(arr); i++) {
		json_t *e = json_array_get(arr, i);
		if (!strcmp(str_at(e, "type", NULL), "deployment")) {
			dep++;
			assert_string_equal(str_at(e, "actor", "code"), "IND");
			assert_int_equal(json_integer_value(json_object_get(e, "personnel")), 200);
		}
	}
	assert_int_equal(dep, 1);
	json_decref(arr);
}

static void lump_sum_for_several_recipients__on_none(void **state)
{
	(void)state;
	json_t *arr = extract("The EU approved 40 million euros for the armed forces of Georgia and "
			      "Moldova.",
			      "2024-03-13");
	assert_int_equal(json_array_size(arr), 2);
	for (size_t i = 0; i < 2; i++)
		assert_true(json_is_null(json_object_get(json_array_get(arr, i), "value")));
	json_decref(arr);
	arr = extract("The EU approved 40 million euros for the armed forces of Georgia.",
		      "2024-03-13");
	assert_int_equal(json_array_size(arr), 1);
	assert_false(json_is_null(json_object_get(json_array_get(arr, 0), "value")));
	json_decref(arr);
}

static void arriving_for_drills__the_drills_keep_their_own_stage(void **state)
{
	(void)state;
	json_t *arr = extract("About 1,200 US Marines have arrived in Norway to take part in Arctic "
			      "Shield, a winter exercise scheduled for next month.",
			      "2024-02-15");
	int ex = 0;
	for (size_t i = 0; i < json_array_size(arr); i++) {
		json_t *e = json_array_get(arr, i);
		if (strcmp(str_at(e, "type", NULL), "exercise"))
			continue;
		ex++;
		assert_string_equal(str_at(e, "status", NULL), "committed");
	}
	assert_int_equal(ex, 1);
	json_decref(arr);
}

static void pledge_of_money__committed_funding(void **state)
{
	(void)state;
	json_t *arr = extract("Washington pledged $200 million in weapons for Ukraine.",
			      "2022-05-06");
	assert_int_equal(json_array_size(arr), 1);
	json_t *e = json_array_get(arr, 0);
	assert_string_equal(str_at(e, "status", NULL), "committed");
	assert_string_equal(str_at(e, "provider", "code"), "USA");
	assert_string_equal(str_at(e, "recipient", "code"), "UKR");
	json_t *value = json_object_get(e, "value");
	assert_int_equal(json_integer_value(json_object_get(value, "amount")), 200000000);
	assert_string_equal(str_at(value, "currency", NULL), "USD");
	json_decref(arr);
}

static void negated_pledge__no_event(void **state)
{
	(void)state;
	static const char *const TEXTS[] = {
		"Germany did not pledge any tanks to Lithuania.",
		"Germany will not send tanks to Lithuania.",
	};
	for (size_t i = 0; i < sizeof(TEXTS) / sizeof(TEXTS[0]); i++) {
		json_t *arr = extract(TEXTS[i], "2022-05-06");
		if (json_array_size(arr) != 0)
			fail_msg("\"%s\" gave %zu events", TEXTS[i], json_array_size(arr));
		json_decref(arr);
	}
}

static void lookalike_words__no_event(void **state)
{
	(void)state;
	static const char *const TEXTS[] = {
		"The clinic handed out first aid kits to residents of the town.",
		"Workers replaced the fuel tanks at the depot on Monday.",
		"Donors pledged $5 million for AIDS relief in Kenya.",
		"The oil company delivered drilling equipment to the rig.",
	};
	for (size_t i = 0; i < sizeof(TEXTS) / sizeof(TEXTS[0]); i++) {
		json_t *arr = extract(TEXTS[i], "2022-05-06");
		if (json_array_size(arr) != 0)
			fail_msg("\"%s\" gave %zu events", TEXTS[i], json_array_size(arr));
		json_decref(arr);
	}
}

static void joint_exercise__participants(void **state)
{
	(void)state;
	json_t *arr = extract("Chinese and Cambodian troops held a joint military exercise "
			      "near Phnom Penh last month.",
			      "2023-06-10");
	assert_int_equal(count_type(arr, "exercise"), 1);
	json_t *e = NULL;
	size_t i;
	json_t *v;
	json_array_foreach (arr, i, v)
		if (!strcmp(str_at(v, "type", NULL), "exercise"))
			e = v;
	/* both states, each once, and no one else (no provider or recipient) */
	json_t *parts = json_object_get(e, "participants");
	assert_int_equal(json_array_size(parts), 2);
	int chn = 0, khm = 0;
	json_array_foreach (parts, i, v) {
		const char *code = str_at(v, "code", NULL);
		assert_non_null(code);
		chn += !strcmp(code, "CHN");
		khm += !strcmp(code, "KHM");
	}
	assert_int_equal(chn, 1);
	assert_int_equal(khm, 1);
	assert_true(json_is_null(json_object_get(e, "provider")));
	assert_true(json_is_null(json_object_get(e, "recipient")));
	json_decref(arr);
}

static void empty_and_junk_text__no_events_and_no_crash(void **state)
{
	(void)state;
	static const char *const TEXTS[] = {"",
					    " ",
					    ".",
					    "\n\n\n",
					    ", , , ,",
					    "$ 1,000,000",
					    "\xFF\xFE\xFD",
					    "tanks tanks tanks 20 20 20"};
	for (size_t i = 0; i < sizeof(TEXTS) / sizeof(TEXTS[0]); i++) {
		json_t *arr = extract(TEXTS[i], NULL);
		assert_int_equal(json_array_size(arr), 0);
		json_decref(arr);
	}
}

static void extraction_is_deterministic(void **state)
{
	(void)state;
	const char *text = "Germany handed over 20 Leopard 2 tanks to Lithuania on Friday. "
			   "France delivered 10 armoured vehicles to Niger on Monday.";
	json_t *a = extract(text, "2022-05-06");
	json_t *b = extract(text, "2022-05-06");
	assert_true(json_equal(a, b));
	json_decref(a);
	json_decref(b);
}

static void table_output__has_a_header_and_one_row_per_event(void **state)
{
	(void)state;
	const char *text = "France delivered 10 armoured vehicles to Niger on Monday.";
	at_doc *doc;
	assert_int_equal(at_doc_from_text(&doc, "t", text, strlen(text), "2021-03-02"), 0);
	at_events *ev;
	assert_int_equal(at_extract_doc(&ev, g_ctx, doc), 0);
	size_t len;
	char *tab = at_events_table(ev, 100, 1, &len);
	assert_non_null(tab);
	size_t lines = 0;
	for (char *p = tab; *p; p++)
		lines += *p == '\n';
	assert_int_equal(lines, 1 + at_events_count(ev));
	assert_non_null(strstr(tab, "FRA"));
	free(tab);
	at_events_free(ev);
	at_doc_free(doc);
}

/* Every _free (and at_store_close) takes NULL: run in a child, so that a
 * crash is seen as its exit status, and count what ran. */
static void null_frees_are_no_ops(void **state)
{
	(void)state;
	fflush(NULL);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int done = 0;
		at_events_free(NULL), done++;
		at_ctx_free(NULL), done++;
		at_doc_free(NULL), done++;
		at_reader_free(NULL), done++;
		at_worker_free(NULL), done++;
		at_offset_map_free(NULL), done++;
		at_store_close(NULL), done++;
		_exit(done == 7 ? 42 : 1);
	}
	int status = 0;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 42);
}

static void ctx_new__missing_folder_is_an_error_with_a_message(void **state)
{
	(void)state;
	at_ctx *ctx = (at_ctx *)1;
	char err[512] = "";
	assert_true(at_ctx_new(&ctx, "/nonexistent/aidtrace-data", err, sizeof(err)) < 0);
	assert_null(ctx);
	assert_true(strlen(err) > 0);
}

/* "Leopard 2" is a model name: its 2 is not a quantity of a second item. */
static void leopard_2_model_number_is_not_a_second_item(void **state)
{
	(void)state;
	json_t *arr = extract("Germany handed over 20 Leopard 2 tanks to Lithuania on Friday.",
			      "2022-05-06");
	assert_int_equal(json_array_size(arr), 1);
	json_t *e = json_array_get(arr, 0);
	assert_true(has_item(e, "tank", 20));
	assert_false(has_item(e, "tank", 2));
	json_decref(arr);
}

/* "has no plans to deliver" negates the delivery. */
static void no_plans_to_deliver_is_negated(void **state)
{
	(void)state;
	json_t *arr =
		extract("Germany has no plans to deliver tanks to Lithuania.", "2022-05-06");
	assert_int_equal(json_array_size(arr), 0);
	json_decref(arr);
}

/* "didn't" negates like "did not" ("'t" is a neg cue in data/cues.tsv). */
static void nt_contraction_is_negated(void **state)
{
	(void)state;
	json_t *arr = extract("Germany didn't deliver tanks to Lithuania.", "2022-05-06");
	assert_int_equal(json_array_size(arr), 0);
	json_decref(arr);
}

/* ... and so does "didn\u2019t" with a typographic apostrophe. */
static void nt_contraction_with_a_curly_apostrophe_is_negated(void **state)
{
	(void)state;
	json_t *arr =
		extract("Germany didn\xE2\x80\x99t deliver tanks to Lithuania.", "2022-05-06");
	assert_int_equal(json_array_size(arr), 0);
	json_decref(arr);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(handover_of_tanks__one_completed_equipment_aid_event),
		cmocka_unit_test(event_sources_point_at_the_sentence),
		cmocka_unit_test(receiving_from_a_provider__roles_follow_the_verb),
		cmocka_unit_test(month_at_the_end_of_a_sentence__no_full_stop_in_when),
		cmocka_unit_test(months_between__one_range),
		cmocka_unit_test(number_words_ago__a_date),
		cmocka_unit_test(counts_after_and__each_move_its_own_place),
		cmocka_unit_test(pronoun_clause_after_and__its_own_act_and_kinds),
		cmocka_unit_test(headline_items__the_body_names_them),
		cmocka_unit_test(delivery_follows_a_shipment__each_its_own_items),
		cmocka_unit_test(forces_sent_to_drills__a_deployment),
		cmocka_unit_test(lump_sum_for_several_recipients__on_none),
		cmocka_unit_test(arriving_for_drills__the_drills_keep_their_own_stage),
		cmocka_unit_test(pledge_of_money__committed_funding),
		cmocka_unit_test(negated_pledge__no_event),
		cmocka_unit_test(lookalike_words__no_event),
		cmocka_unit_test(joint_exercise__participants),
		cmocka_unit_test(empty_and_junk_text__no_events_and_no_crash),
		cmocka_unit_test(extraction_is_deterministic),
		cmocka_unit_test(table_output__has_a_header_and_one_row_per_event),
		cmocka_unit_test(null_frees_are_no_ops),
		cmocka_unit_test(ctx_new__missing_folder_is_an_error_with_a_message),
		cmocka_unit_test(leopard_2_model_number_is_not_a_second_item),
		cmocka_unit_test(no_plans_to_deliver_is_negated),
		cmocka_unit_test(nt_contraction_is_negated),
		cmocka_unit_test(nt_contraction_with_a_curly_apostrophe_is_negated),
	};
	return cmocka_run_group_tests(tests, ctx_setup, ctx_teardown);
}
