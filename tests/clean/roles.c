/* SPDX-License-Identifier: MIT */
/*
 * tests/clean/roles.c — paragraphs and their roles (src/clean/clean.c):
 * headline, body, byline, caption, and site furniture (appeals, newsletter
 * boxes, "Read more" and everything after it, share residue); hard-wrapped
 * newswire lines join back into one paragraph.
 */
#include "../test_util.h"
#include "clean/clean.h"
#include "util/arena.h"

typedef struct paras {
	at_arena arena;
	at_para *p;
	size_t n;
	const char *s;
} paras;

static void clean(paras *c, const char *s)
{
	memset(c, 0, sizeof(*c));
	at_arena_init(&c->arena, 0);
	c->s = s;
	assert_int_equal(at_clean(&c->arena, s, 0, strlen(s), &c->p, &c->n), 0);
	for (size_t i = 0; i < c->n; i++) {
		assert_true(c->p[i].start <= c->p[i].end);
		assert_true(c->p[i].end <= strlen(s));
	}
}

static void done(paras *c) { at_arena_free(&c->arena); }

/* The role of the paragraph that starts with `prefix` (fails if none). */
static const char *role_of(const paras *c, const char *prefix)
{
	for (size_t i = 0; i < c->n; i++)
		if (strncmp(c->s + c->p[i].start, prefix, strlen(prefix)) == 0)
			return at_role_name(c->p[i].role);
	fail_msg("no paragraph starts with \"%s\"", prefix);
	return NULL;
}

static const char ARTICLE[] =
	"Coastal Patrol Boats Handed Over to Island Navy\n"
	"\n"
	"By Maria Example\n"
	"\n"
	"The navy of a small island state took delivery of four patrol boats on Tuesday,\n"
	"the defence ministry said in a statement.\n"
	"\n"
	"The boats will be used to guard fishing grounds. A second batch is due next year.\n"
	"\n"
	"The new boats moored at the harbour / Reuters\n"
	"\n"
	", , , ,\n"
	"\n"
	"Sign up for our free weekly newsletter and never miss a story.\n"
	"\n"
	"We rely on readers like you. Please support our journalism with a donation.\n"
	"\n"
	"Read more\n"
	"\n"
	"Another Country Sends Helicopters to Its Neighbour\n"
	"\n"
	"A long paragraph after the marker that reads like a body paragraph does.\n";

static void roles__headline_before_the_body(void **state)
{
	(void)state;
	paras c;
	clean(&c, ARTICLE);
	assert_string_equal(role_of(&c, "Coastal Patrol Boats"), "headline");
	done(&c);
}

static void roles__byline_is_meta(void **state)
{
	(void)state;
	paras c;
	clean(&c, ARTICLE);
	assert_string_equal(role_of(&c, "By Maria"), "meta");
	done(&c);
}

static void roles__body_paragraphs(void **state)
{
	(void)state;
	paras c;
	clean(&c, ARTICLE);
	assert_string_equal(role_of(&c, "The navy of"), "body");
	assert_string_equal(role_of(&c, "The boats will"), "body");
	done(&c);
}

static void roles__hard_wrapped_lines_join_into_one_paragraph(void **state)
{
	(void)state;
	paras c;
	clean(&c, ARTICLE);
	for (size_t i = 0; i < c.n; i++)
		if (strncmp(c.s + c.p[i].start, "The navy of", 11) == 0) {
			const char *end = c.s + c.p[i].end;
			assert_memory_equal(end - 10, "statement.", 10);
			done(&c);
			return;
		}
	fail_msg("paragraph not found");
}

static void roles__newswire_wrapped_at_sixty_columns_joins(void **state)
{
	(void)state;
	paras c;
	const char *s = "The ministry said on Monday that twenty armoured trucks,\n"
			"ten ambulances and a field hospital had been shipped to\n"
			"the port, where the army will collect them next week.\n";
	clean(&c, s);
	assert_int_equal(c.n, 1);
	assert_int_equal(c.p[0].start, 0);
	assert_int_equal(c.p[0].end, strlen(s) - 1);
	assert_string_equal(at_role_name(c.p[0].role), "body");
	done(&c);
}

static void roles__photo_caption(void **state)
{
	(void)state;
	paras c;
	clean(&c, ARTICLE);
	assert_string_equal(role_of(&c, "The new boats moored"), "caption");
	done(&c);
}

static void roles__share_residue_is_furniture(void **state)
{
	(void)state;
	paras c;
	clean(&c, ARTICLE);
	assert_string_equal(role_of(&c, ", , , ,"), "furniture");
	done(&c);
}

static void roles__newsletter_box_is_furniture(void **state)
{
	(void)state;
	paras c;
	clean(&c, ARTICLE);
	assert_string_equal(role_of(&c, "Sign up for"), "furniture");
	done(&c);
}

static void roles__donation_appeal_is_furniture(void **state)
{
	(void)state;
	paras c;
	clean(&c, ARTICLE);
	assert_string_equal(role_of(&c, "We rely on readers"), "furniture");
	done(&c);
	clean(&c, "Officials met on Friday to sign the deal.\n\n"
		  "Donate today to keep this site running.\n");
	assert_string_equal(role_of(&c, "Donate today"), "furniture");
	done(&c);
}

/* A long paragraph of an article that says "US" and "support" (an appeal's
 * words) is body: appeals to the reader are short. */
static void roles__long_paragraph_with_us_and_support_is_body(void **state)
{
	(void)state;
	paras c;
	clean(&c, "The drills will be the largest the region has seen in a decade. About 9,000 "
		  "troops, 60 aircraft and 20 ships will take part, the ministry said on Monday, "
		  "and the US has been invited to send observers. Officials told us the event "
		  "would run for two weeks along the coast. Neighbouring states have voiced "
		  "support for the plan, though some called on the organisers to publish the full "
		  "schedule. The navy said its newest frigate would lead the sea phase, while the "
		  "air force would fly patrols over the training areas. Analysts said the scale "
		  "of the drills reflected growing concern about the security of shipping lanes "
		  "in the area, which carry much of the region's trade.\n");
	assert_string_equal(role_of(&c, "The drills will be"), "body");
	done(&c);
}

static void roles__read_more_and_everything_after_it_is_furniture(void **state)
{
	(void)state;
	paras c;
	clean(&c, ARTICLE);
	assert_string_equal(role_of(&c, "Read more"), "furniture");
	assert_string_equal(role_of(&c, "Another Country Sends"), "furniture");
	assert_string_equal(role_of(&c, "A long paragraph after"), "furniture");
	done(&c);
}

static void roles__teaser_headlines_after_the_body(void **state)
{
	(void)state;
	paras c;
	clean(&c, "Troops arrived at the base on Monday for the drills.\n\n"
		  "Navy Chief Visits Shipyard In The North\n");
	assert_string_equal(role_of(&c, "Navy Chief"), "teaser");
	done(&c);
}

static void roles__starting_offset_is_respected(void **state)
{
	(void)state;
	paras c;
	memset(&c, 0, sizeof(c));
	at_arena_init(&c.arena, 0);
	const char *s = " date 2021-07-22\nThe army received ten trucks on Monday.\n";
	c.s = s;
	assert_int_equal(at_clean(&c.arena, s, 17, strlen(s), &c.p, &c.n), 0);
	assert_int_equal(c.n, 1);
	assert_int_equal(c.p[0].start, 17);
	done(&c);
}

static void roles__empty_and_blank_text_has_no_paragraphs(void **state)
{
	(void)state;
	paras c;
	clean(&c, "");
	assert_int_equal(c.n, 0);
	done(&c);
	clean(&c, "\n \n\t\n\n");
	assert_int_equal(c.n, 0);
	done(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(roles__headline_before_the_body),
		cmocka_unit_test(roles__byline_is_meta),
		cmocka_unit_test(roles__body_paragraphs),
		cmocka_unit_test(roles__hard_wrapped_lines_join_into_one_paragraph),
		cmocka_unit_test(roles__newswire_wrapped_at_sixty_columns_joins),
		cmocka_unit_test(roles__photo_caption),
		cmocka_unit_test(roles__share_residue_is_furniture),
		cmocka_unit_test(roles__newsletter_box_is_furniture),
		cmocka_unit_test(roles__donation_appeal_is_furniture),
		cmocka_unit_test(roles__long_paragraph_with_us_and_support_is_body),
		cmocka_unit_test(roles__read_more_and_everything_after_it_is_furniture),
		cmocka_unit_test(roles__teaser_headlines_after_the_body),
		cmocka_unit_test(roles__starting_offset_is_respected),
		cmocka_unit_test(roles__empty_and_blank_text_has_no_paragraphs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
