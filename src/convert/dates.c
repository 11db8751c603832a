/* SPDX-License-Identifier: MIT */
/*
 * dates.c — calendar expressions in Azerbaijani, Russian and English and
 * their ISO 8601 values (ENCODING.md §3, §5).  One token grammar serves the
 * three languages; the words come from the lexicons (months with their
 * forms, and date words with their roles: year, month-word, century,
 * decade, dated, day, early, mid, late, the seasons, same).
 *
 *   1920-ci ilin iyun ayında / в марте 1918 г. / in March 1920  -> month
 *   1920-ci il 30 sentyabr / 15 сентября 1918 г. / December 23, 1918
 *   1924-cü ilin avqust-sentyabr aylarında, 1918–1920 гг.      -> from/to
 *   XX əsrin 20-ci illərində, 20-е годы, the 1920s              -> decade
 *   dekabrın əvvəllərində, в начале 1919 г., early 1921          -> notBefore/notAfter
 *   fevralın 15-də (no year): the year of the last date in the running
 *   text, the next one when its month lies before that date's; cert="medium".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ents.h"

enum { VAGUE_NONE, VAGUE_EARLY, VAGUE_MID, VAGUE_LATE };
enum { SEASON_NONE, SPRING, SUMMER, AUTUMN, WINTER };

typedef struct {
	int y1, m1, d1; /* start (or the only value) */
	int y2, m2, d2; /* end of a range, 0 if none */
	int vague; /* part of the period */
	int season;
	int decade; /* y1 is the first year of a decade */
	int half; /* 1 first, 2 second half of the period */
	int inherited; /* year taken from the context */
} dval;

typedef struct {
	const tf_lexicons *lx;
	tf_ctr *c;
	tf_date_ctx *ctx;
} dp;

static const char *role(dp *p, size_t i)
{
	if (i >= p->c->n || !p->c->t[i].word)
		return NULL;
	return tf_tok__in(p->lx, "date-words", &p->c->t[i]);
}

static int is_role(dp *p, size_t i, const char *r)
{
	const char *v = role(p, i);
	return v && strcmp(v, r) == 0;
}

static int month_of(dp *p, size_t i)
{
	const char *v;
	const tf_tok *t;

	if (i >= p->c->n)
		return 0;
	t = &p->c->t[i];
	if (!t->word || t->digits)
		return 0;
	v = tf_tok__in(p->lx, "months", &p->c->t[i]);
	return v ? atoi(v) : 0;
}

/* What may follow a year's digits: nothing, or an ordinal ending of the
 * lexicons ("1920-ci", "1918-й"); not a decade's "s"/"х"/"е" (decades are
 * read first, and a bare "1920s" is no year). */
static int year_tail(dp *p, const char *tail)
{
	size_t i;

	if (!*tail)
		return 1;
	if (!strcmp(tail, "s") || !strcmp(tail, "х") || !strcmp(tail, "е") || !strcmp(tail, "'s"))
		return 0;
	for (i = 0; i < tf_lexicons__count(p->lx); i++)
		if (tf_lexicon__has(tf_lexicons__get(p->lx, i), "ordinal-suffixes", tail))
			return 1;
	return 0;
}

static int year_at(dp *p, size_t i)
{
	const tf_tok *t;

	if (i >= p->c->n)
		return 0;
	t = &p->c->t[i];
	if (t->digits != 4 || t->num < 1000 || t->num > 2100 || !year_tail(p, t->tail))
		return 0;
	return (int)t->num;
}

static int day_at(dp *p, size_t i)
{
	const tf_tok *t;

	if (i >= p->c->n)
		return 0;
	t = &p->c->t[i];
	if (t->digits < 1 || t->digits > 2 || t->num < 1 || t->num > 31)
		return 0;
	/* 14-də, 15-də, 10-da, 4-ü; 23rd; 1-го */
	if (*t->tail && strlen(t->tail) > 4)
		return 0;
	return (int)t->num;
}

static int punct(dp *p, size_t i, const char *s)
{
	return i < p->c->n && !p->c->t[i].word && strcmp(p->c->t[i].text, s) == 0;
}

static int dash(dp *p, size_t i)
{
	return punct(p, i, "-") || punct(p, i, "\xE2\x80\x93") || punct(p, i, "\xE2\x80\x94");
}

static int vague_of(dp *p, size_t i)
{
	const char *r = role(p, i);

	if (!r)
		return VAGUE_NONE;
	if (!strcmp(r, "early"))
		return VAGUE_EARLY;
	if (!strcmp(r, "mid"))
		return VAGUE_MID;
	if (!strcmp(r, "late"))
		return VAGUE_LATE;
	return VAGUE_NONE;
}

static int season_of(dp *p, size_t i)
{
	const char *r = role(p, i);

	if (!r)
		return SEASON_NONE;
	if (!strcmp(r, "spring"))
		return SPRING;
	if (!strcmp(r, "summer"))
		return SUMMER;
	if (!strcmp(r, "autumn"))
		return AUTUMN;
	if (!strcmp(r, "winter"))
		return WINTER;
	return SEASON_NONE;
}

/* Skips a year word ("il", "ilin", "г", "гг", "года") and a full stop glued
 * to an abbreviated one. */
static size_t year_word(dp *p, size_t i)
{
	if (is_role(p, i, "year")) {
		const tf_tok *t = &p->c->t[i];
		i++;
		if ((!strcmp(t->fold, "г") || !strcmp(t->fold, "гг")) && punct(p, i, ".") &&
		    !p->c->t[i].space_before)
			i++;
	}
	return i;
}

/* The end of a word for "century" at i, 0 if none: век, əsrin, century,
 * or an abbreviation of the lexicon with its full stop glued (XX в.). */
static size_t century_word(dp *p, size_t i)
{
	char buf[32];
	const char *r;

	if (is_role(p, i, "century"))
		return i + 1;
	/* (an abbreviation is short: в, вв, c) */
	if (i + 1 >= p->c->n || !p->c->t[i].word || strlen(p->c->t[i].fold) > 4 ||
	    !punct(p, i + 1, ".") || p->c->t[i + 1].space_before)
		return 0;
	snprintf(buf, sizeof buf, "%s.", p->c->t[i].fold);
	r = tf_ents__stem(p->lx, "date-words", buf, NULL);
	return r && !strcmp(r, "century") ? i + 2 : 0;
}

static int days_in(int y, int m)
{
	static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return m >= 1 && m <= 12 ? d[m - 1] : 31;
}

/* "and" at i joining the two ends of a range that begins at first, after
 * "between" (between March and May, между 1918 и 1920 гг.) */
static int range_and(dp *p, size_t i, size_t first)
{
	return first > 0 && is_role(p, i, "range-and") && is_role(p, first - 1, "range-from");
}

/* A month, a month range "avqust-sentyabr", or a day and month, with
 * their month words and vague parts, starting at i; returns the end. */
static size_t month_part(dp *p, size_t i, dval *v)
{
	const tf_tok *t = i < p->c->n ? &p->c->t[i] : NULL;
	int m, d;

	if (!t)
		return i;
	/* "avqust-sentyabr" is one token */
	if (t->word && !t->digits && strchr(t->fold, '-')) {
		char *a = strdup(t->fold), *dashp = a ? strchr(a, '-') : NULL;
		const char *m1 = NULL, *m2 = NULL;
		if (dashp) {
			*dashp = '\0';
			m1 = tf_ents__stem(p->lx, "months", a, NULL);
			m2 = tf_ents__stem(p->lx, "months", dashp + 1, NULL);
		}
		if (m1 && m2) {
			v->m1 = atoi(m1);
			v->m2 = atoi(m2);
			v->y2 = v->y1;
			free(a);
			i++;
			if (is_role(p, i, "month-word"))
				i++;
			return i;
		}
		free(a);
	}
	d = day_at(p, i);
	if (d && (m = month_of(p, i + 1)) != 0) { /* 30 sentyabr, 15 сентября */
		int d2, m2;
		v->m1 = m;
		v->d1 = d;
		/* 30 sentyabr – 2 oktyabr, 30 сентября – 2 октября */
		if (dash(p, i + 2) && (d2 = day_at(p, i + 3)) != 0 &&
		    (m2 = month_of(p, i + 4)) != 0 && m2 != m) {
			v->m2 = m2;
			v->d2 = d2;
			return i + 5;
		}
		return i + 2;
	}
	/* 15–20 April, 20–25 августа: days of one month */
	if (d && dash(p, i + 1) && day_at(p, i + 2) > d && (m = month_of(p, i + 3)) != 0) {
		v->m1 = v->m2 = m;
		v->d1 = d;
		v->d2 = day_at(p, i + 2);
		return i + 4;
	}
	m = month_of(p, i);
	if (!m)
		return i;
	v->m1 = m;
	i++;
	if ((dash(p, i) || is_role(p, i, "range-to") || range_and(p, i, i - 1)) &&
	    month_of(p, i + 1)) {
		/* avqust – sentyabr, April to May, апреля по май */
		v->m2 = month_of(p, i + 1);
		v->y2 = v->y1;
		i += 2;
	}
	if (is_role(p, i, "month-word"))
		i++;
	if ((d = day_at(p, i)) != 0 && p->c->t[i].tail[0]) { /* noyabrın 14-də */
		v->d1 = d;
		i++;
	} else if (day_at(p, i) && !year_at(p, i)) { /* December 23 */
		v->d1 = day_at(p, i);
		i++;
	}
	if (!v->d1 && vague_of(p, i)) {
		v->vague = vague_of(p, i);
		i++;
	}
	return i;
}

static size_t decade_phrase(dp *p, size_t i, dval *v);

/* YEAR [year word] [month part | vague | season] [dated] */
static size_t year_phrase(dp *p, size_t i, dval *v)
{
	size_t j;
	int y = year_at(p, i), y2;

	if (!y)
		return i;
	v->y1 = y;
	j = i + 1;
	/* 1918–1920 гг., 1905–1907-ci illərdə; from 1909 to 1911, с 1922 по
	 * 1924 г., between 1918 and 1920 */
	if ((dash(p, j) || is_role(p, j, "range-to") || range_and(p, j, i)) &&
	    (y2 = year_at(p, j + 1)) > y) {
		v->y2 = y2;
		if (is_role(p, j + 2, "decade"))
			return j + 3;
		return year_word(p, j + 2);
	}
	/* 1920–1930-е годы, 1920–1930s: to the end of the decade */
	if (dash(p, j) && j + 1 < p->c->n) {
		dval d;
		size_t k;
		memset(&d, 0, sizeof d);
		k = decade_phrase(p, j + 1, &d);
		if (k > j + 1 && d.y1 > y && !d.vague && d.y2 - d.y1 == 9) {
			v->y2 = d.y2;
			v->decade = 1;
			return k;
		}
	}
	/* 1906–11, 1918–20 гг.: the second year's last two digits */
	if (dash(p, j) && !p->c->t[j].space_before && j + 1 < p->c->n &&
	    p->c->t[j + 1].digits == 2 && !p->c->t[j + 1].space_before &&
	    year_tail(p, p->c->t[j + 1].tail) &&
	    (y2 = y / 100 * 100 + (int)p->c->t[j + 1].num) > y) {
		v->y2 = y2;
		if (is_role(p, j + 2, "decade"))
			return j + 3;
		return year_word(p, j + 2);
	}
	j = year_word(p, j);
	if (punct(p, j, ",") && day_at(p, j + 1) && month_of(p, j + 2)) {
		/* 1920, 19 iyun */
		v->d1 = day_at(p, j + 1);
		v->m1 = month_of(p, j + 2);
		return j + 3;
	}
	{
		size_t k = month_part(p, j, v);
		if (k > j)
			j = k;
		else if (vague_of(p, j)) {
			v->vague = vague_of(p, j);
			j++;
		} else if (season_of(p, j)) {
			v->season = season_of(p, j);
			j++;
		}
	}
	if (is_role(p, j, "dated"))
		j++;
	return j;
}

/* "1920-1925" written as one token */
static size_t joined_range(dp *p, size_t i, dval *v)
{
	const tf_tok *t = &p->c->t[i];
	long y2;
	char *end;

	if (t->digits != 4 || t->num < 1000 || t->num > 2100 || strlen(t->tail) < 4)
		return i;
	y2 = strtol(t->tail, &end, 10);
	if (end != t->tail + 4 || y2 <= t->num || y2 > 2100)
		return i;
	/* 1918-1920-ci illərdə: the second year's ordinal ending, then a
	 * word for years */
	if (*end && !(*end == '-' && year_tail(p, end + 1)))
		return i;
	v->y1 = (int)t->num;
	v->y2 = (int)y2;
	if (is_role(p, i + 1, "decade"))
		return i + 2;
	return year_word(p, i + 1);
}

/* XX əsrin 20-ci illərində; 20-е годы (прошлого века); the 1920s; 1920-х годов */
static size_t decade_phrase(dp *p, size_t i, dval *v)
{
	size_t j = i;
	int century = 0;
	const tf_tok *t;

	if (j < p->c->n && p->c->t[j].roman >= 1 && p->c->t[j].roman <= 21 &&
	    century_word(p, j + 1)) {
		century = p->c->t[j].roman;
		j = century_word(p, j + 1);
	}
	if (j >= p->c->n)
		return i;
	t = &p->c->t[j];
	if (t->digits == 2 && t->num % 10 == 0 && *t->tail && is_role(p, j + 1, "decade")) {
		v->y1 = (century ? (century - 1) * 100 : 1900) + (int)t->num;
		j += 2;
	} else if (t->digits == 2 && t->num % 10 == 0 && *t->tail && is_role(p, j + 1, "year")) {
		v->y1 = (century ? (century - 1) * 100 : 1900) + (int)t->num;
		j += 2;
	} else if (!century && t->digits == 4 && t->num % 10 == 0 && t->num >= 1000 &&
		   t->num <= 2100 && *t->tail && year_tail(p, t->tail) &&
		   is_role(p, j + 1, "decade")) {
		v->y1 = (int)t->num; /* 1920-ci illərdə */
		j += 2;
	} else if (!century && t->digits == 4 && t->num % 10 == 0 && t->num >= 1000 &&
		   t->num <= 2100 &&
		   (!strcmp(t->tail, "s") || !strcmp(t->tail, "х") || !strcmp(t->tail, "е"))) {
		v->y1 = (int)t->num;
		j++;
		if (is_role(p, j, "year"))
			j = year_word(p, j); /* 1920-х гг. with its full stop */
		else if (is_role(p, j, "decade"))
			j++;
	} else {
		return i;
	}
	/* "прошлого века", "XX века" after a decade stay inside */
	if (j + 1 < p->c->n && p->c->t[j].word && century_word(p, j + 1))
		j = century_word(p, j + 1);
	/* the part after it, where the language puts it: 1920-ci illərin
	 * sonlarında */
	if (!v->vague && vague_of(p, j)) {
		v->vague = vague_of(p, j);
		j++;
	}
	v->decade = 1;
	v->y2 = v->y1 + 9;
	return j;
}

/* XX əsrin əvvəllərində, начале XX века: a third of a century, years
 * 00–33 / 34–66 / 67–99 (the decade rule scaled up) */
/* The number of a century: XX, 20th, twentieth (ordinal-words); 0 if none. */
static int century_number(dp *p, size_t i)
{
	const tf_tok *t;
	const char *v;

	if (i >= p->c->n)
		return 0;
	t = &p->c->t[i];
	if (t->roman >= 1 && t->roman <= 21)
		return t->roman;
	if (t->digits >= 1 && t->digits <= 2 && t->num >= 1 && t->num <= 21 && *t->tail &&
	    year_tail(p, t->tail))
		return (int)t->num;
	if (!t->word || t->digits)
		return 0;
	v = tf_tok__in(p->lx, "ordinal-words", &p->c->t[i]);
	return v && atoi(v) >= 1 && atoi(v) <= 21 ? atoi(v) : 0;
}

static size_t century_part(dp *p, size_t i, dval *v)
{
	int vg, c;
	size_t w;

	if ((w = century_word(p, i + 1)) != 0 && (c = century_number(p, i)) != 0 &&
	    (vg = vague_of(p, w)) != VAGUE_NONE) {
		i = w + 1; /* XX əsrin əvvəllərində */
	} else if ((vg = vague_of(p, i)) != VAGUE_NONE && (c = century_number(p, i + 1)) != 0 &&
		   (w = century_word(p, i + 2)) != 0) {
		i = w; /* начале XX века, начале XX в. */
	} else {
		return i;
	}
	v->y1 = (c - 1) * 100 + (vg == VAGUE_EARLY ? 0 : vg == VAGUE_MID ? 34 : 67);
	v->y2 = (c - 1) * 100 + (vg == VAGUE_EARLY ? 33 : vg == VAGUE_MID ? 66 : 99);
	v->decade = 1; /* from/to over whole years */
	return i;
}

/* A century as a period: XX əsrin, XIX века, the 19th century. */
static size_t century_period(dp *p, size_t i, dval *v)
{
	size_t w = century_word(p, i + 1);
	int c = w ? century_number(p, i) : 0, c1, c2;
	size_t w2;

	/* XIX–XX вв., XIII–XX əsrlər: centuries from the first to the last */
	if (!c && i + 3 < p->c->n && p->c->t[i].roman && dash(p, i + 1) &&
	    !p->c->t[i + 1].space_before && (c1 = century_number(p, i)) != 0 &&
	    (c2 = century_number(p, i + 2)) > c1 && (w2 = century_word(p, i + 3)) != 0) {
		v->y1 = (c1 - 1) * 100;
		v->y2 = c2 * 100 - 1;
		v->decade = 1;
		return w2;
	}
	if (!c)
		return i;
	v->y1 = (c - 1) * 100;
	v->y2 = v->y1 + 99;
	v->decade = 1;
	return w;
}

/* A decade, a century or a year, as the period a half is taken of. */
static size_t half_period(dp *p, size_t i, dval *v)
{
	size_t k = century_period(p, i, v);

	if (k == i)
		k = decade_phrase(p, i, v);
	if (k == i) {
		k = year_phrase(p, i, v);
		if (k > i && (v->y2 || v->m1 || v->vague || v->season))
			return i; /* a year only */
	}
	return k;
}

/* Halves: второй половине XIX века, the first half of 1920 (ordinal, half,
 * period); XIX əsrin ikinci yarısında (period, ordinal, half). */
static size_t half_phrase(dp *p, size_t i, dval *v)
{
	const char *r = role(p, i);
	size_t j, k;
	dval w;

	memset(&w, 0, sizeof w);
	if (r && (!strcmp(r, "first") || !strcmp(r, "second")) && is_role(p, i + 1, "half")) {
		j = i + 2;
		if (j < p->c->n && p->c->t[j].word && !strcmp(p->c->t[j].fold, "of"))
			j++;
		if (j < p->c->n && p->c->t[j].word && !strcmp(p->c->t[j].fold, "the"))
			j++;
		k = half_period(p, j, &w);
		if (k == j)
			return i;
		w.half = !strcmp(r, "first") ? 1 : 2;
		*v = w;
		return k;
	}
	/* (a period opening the phrase starts with a number: XIX, 1920, 20-ci) */
	if (i >= p->c->n || (!p->c->t[i].roman && !p->c->t[i].digits))
		return i;
	k = half_period(p, i, &w);
	if (k == i || k + 1 >= p->c->n || !(r = role(p, k)) ||
	    (strcmp(r, "first") != 0 && strcmp(r, "second") != 0) || !is_role(p, k + 1, "half"))
		return i;
	w.half = !strcmp(r, "first") ? 1 : 2;
	*v = w;
	return k + 2;
}

static void fmt(char *buf, size_t n, int y, int m, int d)
{
	if (d)
		snprintf(buf, n, "%04d-%02d-%02d", y, m, d);
	else if (m)
		snprintf(buf, n, "%04d-%02d", y, m);
	else
		snprintf(buf, n, "%04d", y);
}

static void set_date(tf_span *s, const char *attr, int y, int m, int d)
{
	char buf[48];

	fmt(buf, sizeof buf, y, m, d);
	tf_span__set(s, attr, buf);
}

/* Writes the normalised attributes of v on s. */
static void normalise(tf_span *s, const dval *v)
{
	if (!v->y1)
		return;
	if (v->half && v->decade && v->y2 - v->y1 == 99) { /* of a century */
		set_date(s, "from", v->y1 + (v->half == 1 ? 0 : 50), 0, 0);
		set_date(s, "to", v->y1 + (v->half == 1 ? 49 : 99), 0, 0);
	} else if (v->half && v->decade) { /* of a decade: years, as parts are */
		set_date(s, "from", v->y1 + (v->half == 1 ? 0 : 5), 0, 0);
		set_date(s, "to", v->y1 + (v->half == 1 ? 4 : 9), 0, 0);
	} else if (v->half) { /* of a year */
		set_date(s, "notBefore", v->y1, v->half == 1 ? 1 : 7, 0);
		set_date(s, "notAfter", v->y1, v->half == 1 ? 6 : 12, 0);
	} else if (v->vague && v->decade) {
		/* a part of a decade is a stretch of whole years, from/to like a
		 * part of a century (середине 1920-х годов -> 1924-1926) */
		int a = v->vague == VAGUE_EARLY ? 0 : v->vague == VAGUE_MID ? 4 : 7;
		int b = v->vague == VAGUE_EARLY ? 3 : v->vague == VAGUE_MID ? 6 : 9;
		set_date(s, "from", v->y1 + a, 0, 0);
		set_date(s, "to", v->y1 + b, 0, 0);
	} else if (v->decade || (v->y2 && !v->m1)) {
		set_date(s, "from", v->y1, 0, 0);
		set_date(s, "to", v->y2, 0, 0);
	} else if (v->m2) {
		set_date(s, "from", v->y1, v->m1, v->d2 ? v->d1 : 0);
		set_date(s, "to", v->y2 ? v->y2 : v->y1, v->m2, v->d2);
	} else if (v->vague && v->m1) {
		int a = v->vague == VAGUE_EARLY ? 1 : v->vague == VAGUE_MID ? 11 : 21;
		int b = v->vague == VAGUE_EARLY ? 10
			: v->vague == VAGUE_MID ? 20
						: days_in(v->y1, v->m1);
		set_date(s, "notBefore", v->y1, v->m1, a);
		set_date(s, "notAfter", v->y1, v->m1, b);
	} else if (v->vague) {
		int a = v->vague == VAGUE_EARLY ? 1 : v->vague == VAGUE_MID ? 5 : 9;
		set_date(s, "notBefore", v->y1, a, 0);
		set_date(s, "notAfter", v->y1, a + 3, 0);
	} else if (v->season) {
		static const int first[] = {0, 3, 6, 9, 12};
		int a = first[v->season];
		set_date(s, "notBefore", v->y1, a, 0);
		if (v->season == WINTER)
			set_date(s, "notAfter", v->y1 + 1, 2, 0);
		else
			set_date(s, "notAfter", v->y1, a + 2, 0);
	} else {
		set_date(s, "when", v->y1, v->m1, v->d1);
	}
	if (v->inherited)
		tf_span__set(s, "cert", "medium");
}

/* A date without its year: month (and day), or a back-reference. */
static size_t yearless(dp *p, size_t i, dval *v)
{
	size_t j = month_part(p, i, v);
	const tf_tok *t;

	if (j > i) {
		/* a month with a year after it: марте 1918 г., December 23, 1918 */
		size_t k = j;
		if (punct(p, k, ","))
			k++;
		/* (or with its ordinal ending and a word for year: 28 may
		 * 1918-ci il tarixində) */
		if (year_at(p, k) && (!p->c->t[k].tail[0] || is_role(p, k + 1, "year"))) {
			size_t e;
			v->y1 = year_at(p, k);
			if (v->y2)
				v->y2 = v->y1;
			e = year_word(p, k + 1);
			if (p->c->t[k].tail[0] && is_role(p, e, "dated"))
				e++;
			return e;
		}
		/* мае того же года: the year of the context */
		if (is_role(p, k, "same")) {
			size_t m = k + 1;
			if (is_role(p, m, "same"))
				m++;
			if (is_role(p, m, "year") && p->ctx->year) {
				v->y1 = p->ctx->year;
				v->inherited = 1;
				return year_word(p, m);
			}
		}
		/* a bare month name is a date only with a day or a vague part,
		 * or after a word that takes a time (in September, в сентябре) */
		if (!v->d1 && !v->vague && !v->m2 && !is_role(p, j - 1, "month-word") &&
		    !(i > 0 && is_role(p, i - 1, "month-prep")))
			return i;
		v->inherited = 1;
		return j;
	}
	/* həmin gün, того же года, the same day */
	t = &p->c->t[i];
	if (!t->fold)
		return i;
	if (is_role(p, i, "same")) {
		size_t k = i + 1;
		if (k < p->c->n && is_role(p, k, "same"))
			k++; /* "того же" */
		else if ((unsigned char)t->fold[0] >= 0xD0 && !is_role(p, k, "year"))
			return i; /* Russian says "тот же день" ("в том числе" is no
				   * date); but "этого года" */
		if (is_role(p, k, "day") && p->ctx->day) {
			v->y1 = p->ctx->year;
			v->m1 = p->ctx->month;
			v->d1 = p->ctx->day;
			v->inherited = 1;
			return k + 1;
		}
		if (is_role(p, k, "year") && p->ctx->year) {
			v->y1 = p->ctx->year;
			v->inherited = 1;
			k++;
			{
				size_t m = month_part(p, k, v);
				if (m > k) {
					k = m;
				} else if (vague_of(p, k)) { /* həmin ilin sonunda */
					v->vague = vague_of(p, k);
					k++;
				} else if (season_of(p, k)) { /* həmin ilin payızında */
					v->season = season_of(p, k);
					k++;
				}
			}
			return k;
		}
	}
	(void)t;
	return i;
}

static int inherit_year(dp *p, dval *v);

/* vague or season word, then a year or a month and year:
 * начале 1919 г., early 1921, the spring of 1919, осенью 1918 г. */
static size_t vague_first(dp *p, size_t i, dval *v)
{
	size_t j = i;
	int vg = vague_of(p, j), se = season_of(p, j);

	if (!vg && !se)
		return i;
	j++;
	if (j < p->c->n && p->c->t[j].word && (!strcmp(p->c->t[j].fold, "of")))
		j++;
	{
		dval w;
		size_t k;
		memset(&w, 0, sizeof w);
		k = decade_phrase(p, j, &w);
		if (k == j)
			k = year_phrase(p, j, &w);
		if (k == j) {
			/* конце августа, весной этого года: a month or the same year */
			w.vague = 1; /* lets a bare month through yearless() */
			k = yearless(p, j, &w);
			w.vague = 0;
			if (k > j && !w.y1 && w.m1 && !inherit_year(p, &w))
				return i;
			if (k > j && !w.y1)
				return i;
			/* (yearless() says itself whether the year came from
			 * the context: конце мая 1918 г. has its own) */
		}
		if (k == j || !w.y1)
			return i;
		*v = w;
		if (vg)
			v->vague = vg;
		else
			v->season = se;
		/* the winter of 1908–09 is the one winter across the years */
		if (se == WINTER && v->y2 == v->y1 + 1 && !v->m1)
			v->y2 = 0;
		return k;
	}
}

/* "mid-1919", "mid-July 1920", "early-1921": the part and the period in
 * one hyphenated token */
static size_t mid_joined(dp *p, size_t i, dval *v)
{
	static const struct {
		const char *prefix;
		int vague;
	} parts[] = {{"mid-", VAGUE_MID}, {"early-", VAGUE_EARLY}, {"late-", VAGUE_LATE}};
	const tf_tok *t = &p->c->t[i];
	size_t k, l;

	for (k = 0; k < sizeof parts / sizeof parts[0]; k++) {
		const char *rest;
		const char *m;
		l = strlen(parts[k].prefix);
		if (strncmp(t->fold, parts[k].prefix, l) != 0)
			continue;
		rest = t->fold + l;
		memset(v, 0, sizeof *v);
		v->vague = parts[k].vague;
		if (strlen(rest) == 4 && rest[0] >= '1' && rest[0] <= '2') {
			v->y1 = atoi(rest);
			return i + 1;
		}
		/* mid-1920s: a part of a decade */
		if (strlen(rest) == 5 && rest[0] >= '1' && rest[0] <= '2' && rest[3] == '0' &&
		    rest[4] == 's') {
			v->y1 = atoi(rest);
			v->y2 = v->y1 + 9;
			v->decade = 1;
			return i + 1;
		}
		m = tf_ents__stem(p->lx, "months", rest, NULL);
		if (m && year_at(p, i + 1)) {
			v->m1 = atoi(m);
			v->y1 = year_at(p, i + 1);
			return year_word(p, i + 2);
		}
		return i;
	}
	return i;
}

static void update_ctx(dp *p, const dval *v)
{
	if (p->c->in_note || !v->y1)
		return;
	p->ctx->year = v->y2 && !v->m1 ? v->y2 : v->y1;
	p->ctx->month = v->m2 ? v->m2 : v->m1;
	p->ctx->day = v->m2 ? 0 : v->d1;
}

static int inherit_year(dp *p, dval *v)
{
	if (!p->ctx->year)
		return 0;
	v->y1 = p->ctx->year;
	if (v->m1 && p->ctx->month && v->m1 < p->ctx->month)
		v->y1++;
	if (v->y2)
		v->y2 = v->y1;
	return 1;
}

void tf_dates__find(const tf_lexicons *lx, tf_ctr *c, tf_date_ctx *ctx)
{
	dp p = {lx, c, ctx};
	size_t i = 0;

	while (i < c->n) {
		dval v;
		size_t end, first = i;
		const tf_tok *t = &c->t[i];

		memset(&v, 0, sizeof v);
		if (!t->word) {
			i++;
			continue;
		}
		/* a word that can open no date (most of them): no rule asked */
		if (!t->digits && !t->roman && !role(&p, i) && !month_of(&p, i) &&
		    !century_number(&p, i) && strcmp(t->fold, "the") != 0 &&
		    strncmp(t->fold, "mid-", 4) != 0 && strncmp(t->fold, "early-", 6) != 0 &&
		    strncmp(t->fold, "late-", 5) != 0) {
			i++;
			continue;
		}
		/* "the 1920s", "the spring of 1919": the article belongs */
		if (!strcmp(t->fold, "the") && i + 1 < c->n) {
			dval w;
			memset(&w, 0, sizeof w);
			end = half_phrase(&p, i + 1, &w); /* the second half of … */
			if (end == i + 1)
				end = decade_phrase(&p, i + 1, &w);
			if (end == i + 1)
				end = century_part(&p, i + 1, &w); /* the early 20th century */
			if (end == i + 1)
				end = century_period(&p, i + 1, &w); /* the 19th century */
			if (end == i + 1)
				end = vague_first(&p, i + 1, &w);
			if (end == i + 1 && is_role(&p, i + 1, "same"))
				end = yearless(&p, i + 1, &w);
			if (end > i + 1) {
				v = w;
				goto found;
			}
		}
		end = half_phrase(&p, i, &v);
		if (end == i)
			end = century_part(&p, i, &v);
		if (end == i)
			end = decade_phrase(&p, i, &v);
		if (end == i)
			end = century_period(&p, i, &v); /* XIX əsrdə, в XIX веке */
		if (end == i)
			end = mid_joined(&p, i, &v);
		if (end == i)
			end = vague_first(&p, i, &v);
		if (end == i)
			end = joined_range(&p, i, &v);
		if (end == i)
			end = year_phrase(&p, i, &v);
		if (end == i) {
			end = yearless(&p, i, &v);
			if (end > i && !v.y1 && v.m1)
				inherit_year(&p, &v);
		}
		if (end <= i) { /* (no rule may go back) */
			i++;
			continue;
		}
	found : {
		tf_span *s = tf_ctr__add_span(c, "date", first, end - 1);
		if (s) {
			s->rule = v.inherited ? "date-inherited" : "date";
			normalise(s, &v);
		}
	}
		update_ctx(&p, &v);
		i = end;
	}
}
