/* SPDX-License-Identifier: MIT */
/*
 * tests/extract/russian.c — Russian articles through the public pipeline:
 * roles from case and prepositions, items with number words and
 * designations, money with magnitudes and decimal commas, dates resolved
 * against the publication date, status from aspect and modality, negation,
 * furniture. Sentences written for these tests.
 */
#include "extract_util.h"

/* The only event of `text` (asserted). */
static json_t *one(const char *text, const char *published)
{
	json_t *arr = extract(text, published);
	if (json_array_size(arr) != 1)
		fail_msg("expected one event, got %zu: %s", json_array_size(arr), text);
	json_t *e = json_incref(json_array_get(arr, 0));
	json_decref(arr);
	return e;
}

static void handover__dative_recipient_number_word_completed(void **state)
{
	(void)state;
	json_t *e = one("Россия безвозмездно передала Таджикистану двенадцать бронемашин "
			"БТР-80.",
			"2019-05-06");
	assert_string_equal(str_at(e, "type", NULL), "aid");
	assert_string_equal(str_at(e, "lang", NULL), "ru");
	assert_string_equal(str_at(e, "provider", "code"), "RUS");
	assert_string_equal(str_at(e, "provider", "name"), "Russia"); /* names stay English */
	assert_string_equal(str_at(e, "recipient", "code"), "TJK");
	assert_string_equal(str_at(e, "status", NULL), "completed");
	assert_true(has_item(e, "armored_vehicle", 12));
	/* the source keeps the Russian sentence */
	json_t *src = json_array_get(json_object_get(e, "sources"), 0);
	assert_non_null(strstr(str_at(src, "sentence", NULL), "передала Таджикистану"));
	json_decref(e);
}

static void word_order__recipient_first_role_genitive(void **state)
{
	(void)state;
	/* the state after a role takes the role's case: "Вооруженным силам
	 * Киргизии" is the recipient although it comes first */
	json_t *e = one("Вооруженным силам Киргизии Казахстан передал 9 автомобилей ГАЗ-66 и "
			"два вертолета Ми-8МТ.",
			"2012-12-09");
	assert_string_equal(str_at(e, "provider", "code"), "KAZ");
	assert_string_equal(str_at(e, "recipient", "code"), "KGZ");
	assert_true(has_item(e, "vehicle", 9));
	assert_true(has_item(e, "helicopter", 2)); /* Ми-8МТ: the Ми-8 family */
	json_decref(e);
}

static void receiving__from_a_provider(void **state)
{
	(void)state;
	json_t *e = one("Армия Сербии получила от Беларуси четыре истребителя МиГ-29.",
			"2019-02-25");
	assert_string_equal(str_at(e, "provider", "code"), "BLR");
	assert_string_equal(str_at(e, "recipient", "code"), "SRB");
	assert_true(has_item(e, "aircraft", 4));
	json_decref(e);
}

static void conjoined_actors__one_event_each(void **state)
{
	(void)state;
	json_t *arr = extract("Россия и Китай передали Таджикистану и Киргизии бронемашины.",
			      "2024-03-13");
	assert_int_equal(json_array_size(arr), 4);
	assert_int_equal(count_type(arr, "aid"), 4);
	json_decref(arr);
}

static double amount(json_t *e)
{
	json_t *v = json_object_get(json_object_get(e, "value"), "amount");
	assert_true(json_is_number(v));
	return json_number_value(v);
}

static void money__magnitudes_decimal_commas_and_conversions(void **state)
{
	(void)state;
	json_t *e = one("Китай предоставит Кыргызстану безвозмездную военную помощь на 100 "
			"миллионов юаней.",
			"2021-06-01");
	assert_string_equal(str_at(e, "value", "currency"), "CNY");
	assert_true(amount(e) == 1e8);
	assert_string_equal(str_at(e, "status", NULL), "committed"); /* perfective future */
	json_decref(e);
	e = one("Германия передаст Украине пакет военной помощи на сумму 1,4 млрд евро.",
		"2023-10-10");
	assert_string_equal(str_at(e, "value", "currency"), "EUR");
	assert_true(amount(e) == 1.4e9);
	json_decref(e);
	e = one("Турция выделит Кыргызстану военную помощь на $1 млн. 650 тыс.", "2004-11-09");
	assert_string_equal(str_at(e, "value", "currency"), "USD");
	assert_true(amount(e) == 1.65e6);
	json_decref(e);
	e = one("Россия выделит Белоруссии на перевооружение армии 70 млрд рублей.",
		"2023-10-10");
	assert_string_equal(str_at(e, "value", "currency"), "RUB");
	assert_true(amount(e) == 70e9);
	json_decref(e);
	e = one("США передадут Украине вооружение на $1,2 млрд.", "2023-10-10");
	assert_string_equal(str_at(e, "value", "currency"), "USD");
	assert_true(amount(e) > 1.19e9 && amount(e) < 1.21e9);
	json_decref(e);
	/* the article's own conversion in brackets */
	e = one("Пекин выделит Таджикистану 550 млн сомони ($58 млн) на строительство "
		"пограничных застав.",
		"2020-03-04");
	assert_string_equal(str_at(e, "value", "currency"), "TJS");
	json_t *usd = json_object_get(json_object_get(e, "value"), "usd");
	assert_true(json_is_number(usd) && json_number_value(usd) == 58e6);
	json_decref(e);
	/* yo folded: "трёх" is "трех" */
	e = one("Россия поставит Таджикистану вооружение на сумму около трёх миллионов "
		"долларов.",
		"2020-03-04");
	assert_true(amount(e) == 3e6);
	json_decref(e);
}

static void dates__resolved_against_publication(void **state)
{
	(void)state;
	/* 2024-03-13 is a Wednesday */
	json_t *e = one("Российские и таджикские военные проведут совместные учения 5–10 "
			"августа.",
			"2024-03-13");
	assert_string_equal(str_at(e, "type", NULL), "exercise");
	assert_int_equal(json_array_size(json_object_get(e, "participants")), 2);
	assert_string_equal(str_at(e, "status", NULL), "committed");
	assert_string_equal(str_at(e, "when", "start"), "2024-08-05");
	assert_string_equal(str_at(e, "when", "end"), "2024-08-10");
	json_decref(e);
	e = one("В понедельник Россия передала Киргизии партию бронемашин.", "2024-03-13");
	assert_string_equal(str_at(e, "when", "start"), "2024-03-11");
	json_decref(e);
	e = one("Китай передаст Таджикистану военную технику на следующей неделе.",
		"2024-03-13");
	assert_string_equal(str_at(e, "when", "start"), "2024-03-18");
	assert_string_equal(str_at(e, "when", "end"), "2024-03-24");
	json_decref(e);
	e = one("Германия до конца года передаст Украине системы противовоздушной обороны.",
		"2024-03-13");
	assert_string_equal(str_at(e, "when", "end"), "2024-12-31");
	json_decref(e);
	e = one("Россия передала Таджикистану боевые вертолеты 2 апреля 2015 года.",
		"2015-04-20");
	assert_string_equal(str_at(e, "when", "start"), "2015-04-02");
	json_decref(e);
}

static void status__modality_and_aspect(void **state)
{
	(void)state;
	json_t *e =
		one("Индия готова предоставить Таджикистану военную технику.", "2020-01-01");
	assert_string_equal(str_at(e, "status", NULL), "intent");
	json_decref(e);
	e = one("Германия намерена передать Украине танки.", "2020-01-01");
	assert_string_equal(str_at(e, "status", NULL), "intent");
	json_decref(e);
	e = one("Киргизии будет передано стрелковое оружие из России.", "2020-01-01");
	assert_string_equal(str_at(e, "status", NULL), "committed");
	assert_string_equal(str_at(e, "provider", "code"), "RUS");
	json_decref(e);
	/* a plan with fixed dates is committed, without them an intent */
	e = one("Россия планирует провести с Таджикистаном военные учения 5–10 августа.",
		"2024-03-13");
	assert_string_equal(str_at(e, "status", NULL), "committed");
	json_decref(e);
	e = one("Россия планирует провести с Таджикистаном военные учения.", "2024-03-13");
	assert_string_equal(str_at(e, "status", NULL), "intent");
	json_decref(e);
	e = one("Казахстан будет передавать Киргизии боеприпасы.", "2024-03-13");
	assert_string_equal(str_at(e, "status", NULL), "committed");
	json_decref(e);
	/* "развернут": they will deploy */
	e = one("США развернут в Польше дополнительную бригаду.", "2024-03-13");
	assert_string_equal(str_at(e, "type", NULL), "deployment");
	assert_string_equal(str_at(e, "status", NULL), "committed");
	json_decref(e);
	e = one("Германия может передать Украине танки.", "2020-01-01");
	assert_string_equal(str_at(e, "status", NULL), "intent"); /* "может": as "may" */
	json_decref(e);
	/* "не только" is no negation */
	e = one("Россия не только передала Таджикистану бронемашины, но и поставила боеприпасы.",
		"2020-01-01");
	assert_string_equal(str_at(e, "status", NULL), "completed");
	json_decref(e);
	e = one("Россия продолжает поставлять Таджикистану боеприпасы.", "2020-01-01");
	assert_string_equal(str_at(e, "status", NULL), "underway");
	json_decref(e);
	e = one("США поставляют Украине боеприпасы.", "2020-01-01");
	assert_string_equal(str_at(e, "status", NULL), "underway"); /* imperfective present */
	json_decref(e);
	e = one("Китаю поставлены зенитные ракетные комплексы из России.", "2020-01-01");
	assert_string_equal(str_at(e, "status", NULL), "completed");
	json_decref(e);
	e = one("В Беларусь прибыли 1,5 тыс. российских военнослужащих.", "2020-01-01");
	assert_string_equal(str_at(e, "type", NULL), "deployment");
	assert_string_equal(str_at(e, "actor", "code"), "RUS");
	assert_string_equal(str_at(e, "status", NULL), "completed");
	assert_int_equal(json_integer_value(json_object_get(e, "personnel")), 1500);
	json_decref(e);
}

static void negation_and_furniture__no_event(void **state)
{
	(void)state;
	json_t *arr =
		extract("Россия не планирует передавать Армении новые танки.", "2020-01-01");
	assert_int_equal(json_array_size(arr), 0);
	json_decref(arr);
	arr = extract("Турция не передала Азербайджану беспилотники.", "2020-01-01");
	assert_int_equal(json_array_size(arr), 0);
	json_decref(arr);
	arr = extract("Погода в Душанбе\n\nВ Душанбе прошел сильный дождь.\n\nЧитайте также: "
		      "Россия передала Таджикистану вертолеты Ми-8.",
		      "2020-01-01");
	assert_int_equal(json_array_size(arr), 0);
	json_decref(arr);
	/* rescuers' drills are not military exercises */
	arr = extract("Спасатели МЧС России и Казахстана провели совместные учения по тушению "
		      "лесных пожаров.",
		      "2020-01-01");
	assert_int_equal(json_array_size(arr), 0);
	json_decref(arr);
	/* hard negatives: a sale abroad, talks, civil goods, an arms show, a sports
	 * team, a purchase, school repairs, civil-defence drills, refusals */
	static const char *const NEG[] = {
		"Российская компания «Ростех» поставила в Индию партию вертолетов Ми-17 по "
		"контракту.",
		"Президент России встретился с президентом Таджикистана и обсудил военное "
		"сотрудничество.",
		"Китай передал Киргизии 100 автобусов для столицы.",
		"На выставке в Абу-Даби Россия представила новые танки Т-90МС.",
		"Сборная России по хоккею прибыла в Минск.",
		"Индия закупила у России зенитные ракетные комплексы С-400 за 5 млрд долларов.",
		"Власти Казахстана выделили 2 млрд тенге на ремонт школ.",
		"Учения по гражданской обороне прошли в школах Бишкека.",
		"США не будут передавать Украине истребители F-16, заявил представитель "
		"Пентагона.",
		"Россия отказалась поставлять Ирану комплексы С-300.",
		NULL};
	for (int i = 0; NEG[i]; i++) {
		arr = extract(NEG[i], "2024-03-13");
		if (json_array_size(arr) != 0)
			fail_msg("an event from: %s", NEG[i]);
		json_decref(arr);
	}
	/* humanitarian aid is not military aid */
	arr = extract("Минобороны России передало Таджикистану гуманитарную помощь: продукты и "
		      "лекарства для военнослужащих.",
		      "2020-01-01");
	assert_int_equal(json_array_size(arr), 0);
	json_decref(arr);
	/* a contract is a sale, not aid */
	arr = extract("Казахстан получил от России по контракту четыре вертолета Ми-35.",
		      "2020-01-01");
	assert_int_equal(json_array_size(arr), 0);
	json_decref(arr);
}

static void organisations_and_adjectives(void **state)
{
	(void)state;
	json_t *e = one("Страны ОДКБ проведут учения с участием российских, казахстанских и "
			"киргизских военных в сентябре.",
			"2021-06-01");
	assert_string_equal(str_at(e, "type", NULL), "exercise");
	assert_true(json_array_size(json_object_get(e, "participants")) >= 3);
	json_decref(e);
	e = one("Минобороны России передало Таджикистану партию средств связи и РЛС.",
		"2021-06-01");
	assert_string_equal(str_at(e, "provider", "code"), "RUS");
	assert_true(has_item(e, "communications", -1));
	assert_true(has_item(e, "radar", -1));
	json_decref(e);
}

static void metonyms_quotes_training_and_sending(void **state)
{
	(void)state;
	/* a military district stands for Russia */
	json_t *e = one("Более 1,5 тыс. военнослужащих ЦВО подняты по тревоге в ходе внезапной "
			"проверки боеготовности.",
			"2024-08-20");
	assert_string_equal(str_at(e, "type", NULL), "exercise");
	assert_string_equal(
		str_at(json_array_get(json_object_get(e, "participants"), 0), "code", NULL),
		"RUS");
	json_decref(e);
	/* a name in quotes does not end the clause: the host after it takes part */
	e = one("Военнослужащие ОДКБ проведут учения «Взаимодействие-2024» на территории "
		"Беларуси со 2 по 6 сентября.",
		"2024-08-20");
	assert_int_equal(json_array_size(json_object_get(e, "participants")), 2);
	assert_string_equal(str_at(e, "when", "start"), "2024-09-02");
	json_decref(e);
	/* training: the accusative is who is trained */
	e = one("Российские военные инструкторы обучили 120 сирийских военнослужащих.",
		"2024-08-20");
	assert_string_equal(str_at(e, "provider", "code"), "RUS");
	assert_string_equal(str_at(e, "recipient", "code"), "SYR");
	assert_string_equal(json_string_value(json_array_get(json_object_get(e, "kinds"), 0)),
			    "training");
	json_decref(e);
	/* sending forces somewhere is a deployment, not aid */
	e = one("Россия направила в Сирию дополнительные самолеты Су-35.", "2024-08-20");
	assert_string_equal(str_at(e, "type", NULL), "deployment");
	assert_string_equal(str_at(e, "actor", "code"), "RUS");
	json_decref(e);
}

static void next_stage__a_verb_without_actors_after_a_pledge(void **state)
{
	(void)state;
	/* the second sentence has no actor: its verb tells another stage of the
	 * flow of the first (the pledge stays apart, the deliveries are underway) */
	json_t *arr = extract("США передадут Казахстану военные вертолеты в следующем году. В "
			      "настоящее время вооруженные силы уже начали получать "
			      "бронеавтомобили «Хаммер».",
			      "2024-08-20");
	assert_int_equal(json_array_size(arr), 2);
	json_t *a = json_array_get(arr, 0), *b = json_array_get(arr, 1);
	assert_string_equal(str_at(a, "status", NULL), "committed");
	assert_string_equal(str_at(b, "status", NULL), "underway");
	assert_string_equal(str_at(b, "provider", "code"), "USA");
	assert_string_equal(str_at(b, "recipient", "code"), "KAZ");
	assert_true(has_item(b, "armored_vehicle", -1));
	json_decref(arr);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(handover__dative_recipient_number_word_completed),
		cmocka_unit_test(word_order__recipient_first_role_genitive),
		cmocka_unit_test(receiving__from_a_provider),
		cmocka_unit_test(conjoined_actors__one_event_each),
		cmocka_unit_test(money__magnitudes_decimal_commas_and_conversions),
		cmocka_unit_test(dates__resolved_against_publication),
		cmocka_unit_test(status__modality_and_aspect),
		cmocka_unit_test(negation_and_furniture__no_event),
		cmocka_unit_test(organisations_and_adjectives),
		cmocka_unit_test(metonyms_quotes_training_and_sending),
		cmocka_unit_test(next_stage__a_verb_without_actors_after_a_pledge),
	};
	return cmocka_run_group_tests(tests, ctx_setup, ctx_teardown);
}
