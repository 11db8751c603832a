/* SPDX-License-Identifier: MIT */
/*
 * names.c — persons, organisations and places in a container's tokens,
 * found from cues and the lexicons, never from a list of one article's
 * names (ENCODING.md §3, §5):
 *
 *   - a run of capitalised words ending in (or followed by) an organisation
 *     head word is an orgName (Gürcüstanın Menşevik hökuməti, Milli
 *     Qvardiya, Rusiya Dövlət Hərbi Arxivi); with a state head word a
 *     placeName (Dağlı Respublikası); with a place classifier a placeName
 *     (Laqodexi rayonu);
 *   - gazetteer names (tei/gazetteer) with case suffixes stripped;
 *   - abbreviations in capitals are organisations, and one in brackets
 *     after a full name joins its record;
 *   - persons from initials (P.P.Lebedev, Jupikova E.F.), honorifics
 *     (Heydər bəy, Cavadbəy), a preceding office or rank (general
 *     Drasenko: the office stays outside), surname endings (-ov, -dze,
 *     -şvili, -zadə), given names, surnames seen before, and a capitalised
 *     word inside a sentence that is nothing else;
 *   - a capitalised generic head word alone (Komitə) stands for the body
 *     last named with that head.
 * Suffixes stay inside the element (whole words); the @ref groups
 * mentions by their suffix-stripped, case-folded form.
 */
#include <stdlib.h>
#include <string.h>
#include "ents.h"

typedef struct {
	tf_ents *e;
	tf_ctr *c;
	const tf_lexicons *lx;
	const tf_lexicon *own;  /* lexicon of the container's language */
	char *taken;
	int running;            /* running text (not a note) */
} nx;

static const tf_tok *T(nx *x, size_t i)
{
	return i < x->c->n ? &x->c->t[i] : NULL;
}

static int word(nx *x, size_t i)
{
	return i < x->c->n && x->c->t[i].word && !x->taken[i];
}

static int cap(nx *x, size_t i)
{
	return word(x, i) && x->c->t[i].upper && !x->c->t[i].digits;
}

static int is_punct(nx *x, size_t i, const char *s)
{
	return i < x->c->n && !x->c->t[i].word && !strcmp(x->c->t[i].text, s);
}

static const char *in_list(nx *x, const char *type, size_t i)
{
	if (!word(x, i))
		return NULL;
	return tf_ents__stem(x->lx, type, x->c->t[i].fold, NULL);
}

static int stopword(nx *x, size_t i)
{
	size_t k;

	if (!word(x, i))
		return 0;
	for (k = 0; k < tf_lexicons__count(x->lx); k++)
		if (tf_lexicon__has(tf_lexicons__get(x->lx, k), "stopwords", x->c->t[i].fold))
			return 1;
	return 0;
}

/* Longest suffix chain stripped off fold, leaving at least 3 characters;
 * "SSR-də" -> "ssr".  New string. */
static char *strip(nx *x, const char *fold)
{
	const char *h = strrchr(fold, '-');
	size_t n = strlen(fold), k, i;

	if (h && h > fold) {
		size_t dummy;
		if (tf_ents__stem(x->lx, "suffixes", h + 1, &dummy) || strlen(h + 1) <= 4)
			return strndup(fold, (size_t)(h - fold));
	}
	for (k = 0; k < n; k++) {
		if (((unsigned char)fold[k] & 0xC0) == 0x80)
			continue;
		if (tf_layout__chars(fold, k) < 3)
			continue;
		for (i = 0; i < tf_lexicons__count(x->lx); i++) {
			const tf_lexicon *l = tf_lexicons__get(x->lx, i);
			const char *rest = fold + k;
			/* whole rest made of suffixes of this lexicon */
			size_t r = strlen(rest), a, b;
			int ok = 0;
			char buf[64];
			for (a = r; a > 0 && !ok; a--) {
				memcpy(buf, rest, a);
				buf[a] = '\0';
				if (!tf_lexicon__has(l, "suffixes", buf))
					continue;
				if (a == r) {
					ok = 1;
					break;
				}
				for (b = r - a; b > 0; b--) {
					char buf2[64];
					memcpy(buf2, rest + a, b);
					buf2[b] = '\0';
					if (b == r - a && tf_lexicon__has(l, "suffixes", buf2)) {
						ok = 1;
						break;
					}
				}
			}
			if (ok && r < sizeof buf)
				return strndup(fold, k);
		}
	}
	return strdup(fold);
}

/* Key of tokens first..last: stripped folds joined by spaces, leaving out
 * initials, punctuation and honorifics. */
static char *key_of(nx *x, size_t first, size_t last, int drop_honorifics)
{
	tf_buf b = TF_BUF_INIT;
	size_t i;

	for (i = first; i <= last; i++) {
		const tf_tok *t = T(x, i);
		char *s;
		if (!t->word || (tf_layout__chars(t->text, strlen(t->text)) == 1 && t->upper))
			continue;
		if (drop_honorifics && tf_ents__stem(x->lx, "honorifics", t->fold, NULL))
			continue;
		s = strip(x, t->fold);
		if (s) {
			if (b.len)
				tf_buf__putc(&b, ' ');
			tf_buf__puts(&b, s);
		}
		free(s);
	}
	return tf_buf__detach(&b);
}

static char *text_of(nx *x, size_t first, size_t last)
{
	return strndup(x->c->flat + T(x, first)->start, T(x, last)->end - T(x, first)->start);
}

static void take(nx *x, size_t first, size_t last)
{
	size_t i;

	for (i = first; i <= last && i < x->c->n; i++)
		x->taken[i] = 1;
}

static tf_span *add(nx *x, const char *elem, const char *kind, size_t first, size_t last,
                    const char *ref, const char *rule)
{
	tf_span *s = tf_ctr__add_span(x->c, elem, first, last);

	if (!s)
		return NULL;
	s->kind = kind;
	s->rule = rule;
	s->ref = ref ? strdup(ref) : NULL;
	take(x, first, last);
	return s;
}

/* ---- places and organisations from the gazetteer ---- */

/* Longest gazetteer name starting at i (up to 4 words); the last word may
 * carry suffixes.  Returns the number of tokens, 0 if none. */
static size_t gaz_at(nx *x, size_t i, const char **id, const char **kind)
{
	size_t k, best = 0;

	if (!cap(x, i))
		return 0;
	for (k = 1; k <= 4 && i + k <= x->c->n; k++) {
		tf_buf b = TF_BUF_INIT;
		size_t j, base;
		int ok = 1;
		for (j = i; j < i + k; j++) {
			if (!word(x, j) || (j > i && !T(x, j)->space_before)) {
				ok = 0;
				break;
			}
			if (j > i)
				tf_buf__putc(&b, ' ');
			tf_buf__puts(&b, T(x, j)->fold);
		}
		if (!ok) {
			tf_buf__free(&b);
			break;
		}
		base = b.len - strlen(T(x, i + k - 1)->fold);
		/* the whole, then the last word with suffixes stripped */
		{
			const char *hit = tf_ents__gaz(x->e, b.data, kind);
			size_t cut;
			for (cut = b.len; !hit && cut > base + 2; cut--) {
				char save;
				if (((unsigned char)b.data[cut - 1] & 0xC0) == 0x80)
					continue;
				save = b.data[cut];
				b.data[cut] = '\0';
				if (cut < b.len) {
					const char *rest = b.data + cut + 0;
					(void)rest;
				}
				{
					char *restcopy = strdup(T(x, i + k - 1)->fold + (cut - base));
					int sfx = restcopy && (tf_ents__stem(x->lx, "suffixes", restcopy, NULL) ||
					                       restcopy[0] == '-');
					b.data[cut] = save;
					if (sfx) {
						char *prefix = strndup(b.data, cut);
						hit = prefix ? tf_ents__gaz(x->e, prefix, kind) : NULL;
						free(prefix);
					}
					free(restcopy);
				}
			}
			if (hit) {
				best = k;
				*id = hit;
			}
		}
		tf_buf__free(&b);
	}
	return best;
}

/* ---- organisations and states with head words ---- */

static size_t name_run(nx *x, size_t i)
{
	size_t j = i;

	while (j < x->c->n && j - i < 6) {
		if (cap(x, j) || (j > i && in_list(x, "political-adjectives", j)))
			j++;
		else
			break;
	}
	return j - i;
}

static int head_phrase(nx *x, size_t i)
{
	size_t n, h, last;
	const char *id = NULL;

	if (T(x, i)->sent_start && stopword(x, i))
		return 0;
	n = name_run(x, i);
	if (n == 0)
		return 0;
	/* the head is the run's last word (Milli Qvardiya) or the next one
	 * (Ankara hökuməti) */
	for (h = i + n; h + 1 > i + 1; h--) {
		const char *kind = NULL, *el = NULL;
		if (h == i)
			break;
		if (in_list(x, "org-heads", h)) {
			kind = "org";
			el = "orgName";
		} else if (in_list(x, "state-heads", h)) {
			kind = "place";
			el = "placeName";
		} else if (in_list(x, "place-classifiers", h) && h == i + n) {
			kind = "place";
			el = "placeName";
		}
		if (kind) {
			char *key, *name;
			last = h;
			key = key_of(x, i, last, 0);
			name = text_of(x, i, last);
			id = key && name ? tf_ents__record(x->e, kind, key, name, x->c->lang, NULL) : NULL;
			if (id && !strcmp(kind, "org")) {
				char *head = strip(x, T(x, last)->fold);
				if (head)
					tf_ents__set_head(x->e, id, head);
				free(head);
			}
			add(x, el, kind, i, last, id, !strcmp(kind, "org") ? "org-head" :
			    in_list(x, "state-heads", h) ? "state-head" : "place-classifier");
			free(key);
			free(name);
			/* an abbreviation in brackets joins the record: (RDHA) */
			if (id && is_punct(x, last + 1, "(") && word(x, last + 2) && T(x, last + 2)->all_upper &&
			    is_punct(x, last + 3, ")")) {
				tf_ents__set_abbr(x->e, id, T(x, last + 2)->text);
				add(x, el, kind, last + 2, last + 2, id, "abbreviation-of-name");
			}
			return 1;
		}
		if (h == i + n)
			continue;
	}
	(void)id;
	return 0;
}

/* ---- persons ---- */

static int initial(nx *x, size_t i)
{
	const tf_tok *t = T(x, i);
	return t && word(x, i) && t->upper && tf_layout__chars(t->text, strlen(t->text)) == 1;
}

static void person(nx *x, size_t first, size_t last, const char *rule)
{
	char *key = key_of(x, first, last, 1), *name = text_of(x, first, last);
	const char *id = NULL;

	if (!key || !name || !*key) {
		free(key);
		free(name);
		return;
	}
	/* a name of the user's authority file (or a person gazetteer) */
	{
		const char *gk = NULL, *gid = tf_ents__gaz(x->e, key, &gk);
		char *fold = tf_text__fold(name, x->c->lang);
		if (!(gid && gk && !strcmp(gk, "pers")) && fold)
			gid = tf_ents__gaz(x->e, fold, &gk);
		if (gid && gk && !strcmp(gk, "pers"))
			id = tf_ents__record(x->e, "pers", gid, name, x->c->lang, gid);
		free(fold);
	}
	/* one word: a surname known from a fuller mention */
	if (!id && !strchr(key, ' '))
		id = tf_ents__by_surname(x->e, key);
	if (!id)
		id = tf_ents__record(x->e, "pers", key, name, x->c->lang, NULL);
	if (id) {
		const char *sp = strrchr(key, ' ');
		tf_ents__set_surname(x->e, id, sp ? sp + 1 : key);
	}
	add(x, "persName", "pers", first, last, id, rule);
	free(key);
	free(name);
}

/* A person's name from i: initials, capitalised words and honorifics.
 * Returns the last token, or (size_t)-1. */
static size_t person_run(nx *x, size_t i)
{
	size_t j = i, last = (size_t)-1;
	int words = 0;

	while (j < x->c->n && words < 5) {
		if (initial(x, j) && is_punct(x, j + 1, ".")) {
			j += 2;
			continue;
		}
		if (initial(x, j) && cap(x, j + 1)) { /* M.Ə Rəsulzadə */
			j++;
			continue;
		}
		if (cap(x, j) && !(j > i && T(x, j)->space_before == 0 && !is_punct(x, j - 1, "."))) {
			const char *hon = in_list(x, "honorifics", j);
			const char *gid, *gk;
			if (j > i && !hon && gaz_at(x, j, &gid, &gk))
				break; /* Bəkir Sami bəy Moskvadan */
			last = j++;
			words++;
			continue;
		}
		if (word(x, j) && last != (size_t)-1 && in_list(x, "honorifics", j)) {
			last = j++;
			continue;
		}
		break;
	}
	return last;
}

static int has_cue(nx *x, size_t first, size_t last)
{
	size_t i, b;

	for (i = first; i <= last; i++) {
		const char *fold = T(x, i)->fold;
		if (!T(x, i)->word)
			continue;
		if (initial(x, i) || in_list(x, "honorifics", i) || in_list(x, "given-names", i))
			return 1;
		/* a name with the honorific glued on: Cavadbəy, Aslanbəy */
		if (tf_layout__chars(fold, strlen(fold)) > 5) {
			const char *end = fold + strlen(fold);
			static const char *const glued[] = {"bəy", "bəyov", "bek", "xan", "ağa", "bey", NULL};
			for (b = 0; glued[b]; b++) {
				size_t l = strlen(glued[b]);
				if ((size_t)(end - fold) > l && !strcmp(end - l, glued[b]))
					return 1;
			}
		}
		{
			char *s = strip(x, fold);
			size_t k;
			int hit = 0;
			for (k = 0; s && k < tf_lexicons__count(x->lx) && !hit; k++) {
				size_t n = 0, m;
				const char *const *ends = tf_lexicon__list(tf_lexicons__get(x->lx, k), "surname-endings", &n);
				for (m = 0; m < n && !hit; m++) {
					size_t l = strlen(ends[m]), sl = strlen(s);
					if (sl > l + 2 && !strcmp(s + sl - l, ends[m]))
						hit = 1;
				}
				if (!hit && tf_ents__by_surname(x->e, s))
					hit = 1;
			}
			if (!hit && s && tf_ents__by_surname(x->e, s))
				hit = 1;
			free(s);
			if (hit)
				return 1;
		}
	}
	return 0;
}

/* Jupikova E.F., Mamulia Q.Q.: a surname then initials (references). */
static size_t reversed_initials(nx *x, size_t i)
{
	size_t j = i + 1, n = 0;

	if (!cap(x, i) || initial(x, i))
		return (size_t)-1;
	while (initial(x, j) && is_punct(x, j + 1, ".")) {
		j += 2;
		n++;
	}
	return n ? j - 1 : (size_t)-1;
}

/* ---- the pass ---- */

static int known_surname(nx *x, size_t i)
{
	char *s = strip(x, T(x, i)->fold);
	int hit = s && tf_ents__by_surname(x->e, s) != NULL;

	free(s);
	return hit;
}

static size_t after_office(nx *x, size_t i)
{
	size_t last;

	if (!in_list(x, "offices", i) || !(cap(x, i + 1) || initial(x, i + 1)))
		return (size_t)-1;
	last = person_run(x, i + 1);
	if (last == (size_t)-1)
		return (size_t)-1;
	{
		const char *gid, *gk;
		size_t g = gaz_at(x, i + 1, &gid, &gk);
		if (g && i + g >= last)
			return (size_t)-1; /* "nazir Fransa" : a place */
	}
	return last;
}

int tf_names__find(tf_ents *e, tf_ctr *c)
{
	nx x;
	size_t i;

	memset(&x, 0, sizeof x);
	x.e = e;
	x.c = c;
	x.lx = tf_ents__lex(e);
	x.running = !c->in_note;
	x.taken = calloc(c->n + 1, 1);
	if (!x.taken)
		return tf_error__set(TF_ENOMEM, "out of memory");
	for (i = 0; i < c->nspans; i++)
		take(&x, c->spans[i].first, c->spans[i].last);
	for (i = 0; i < c->n; i++) {
		size_t last, g;
		const char *id = NULL, *kind = NULL;

		if (!word(&x, i))
			continue;
		/* initials first: P.P.Lebedev, А.И. Деникин */
		if (initial(&x, i) && (is_punct(&x, i + 1, ".") || cap(&x, i + 1))) {
			last = person_run(&x, i);
			if (last != (size_t)-1 && !initial(&x, last)) {
				person(&x, i, last, "initials");
				i = last;
				continue;
			}
		}
		/* an office or rank, then the name: general Drasenko */
		last = after_office(&x, i);
		if (last != (size_t)-1) {
			size_t j;
			person(&x, i + 1, last, "office");
			/* and the names coordinated with it: Puadebar və Dyuşanel */
			j = last + 1;
			while (word(&x, j + 1) && (is_punct(&x, j, ",") || in_list(&x, "stopwords", j)) &&
			       cap(&x, j + 1) && !gaz_at(&x, j + 1, &id, &kind)) {
				size_t l2 = person_run(&x, j + 1);
				if (l2 == (size_t)-1)
					break;
				person(&x, j + 1, l2, "office-list");
				j = l2 + 1;
			}
			i = j - 1;
			continue;
		}
		if (!cap(&x, i))
			continue;
		if (head_phrase(&x, i)) {
			while (i + 1 < c->n && x.taken[i + 1])
				i++;
			continue;
		}
		g = gaz_at(&x, i, &id, &kind);
		if (g) {
			char *key = key_of(&x, i, i + g - 1, 0), *name = text_of(&x, i, i + g - 1);
			const char *ref = tf_ents__record(e, kind, id, name, c->lang, id);
			add(&x, !strcmp(kind, "org") ? "orgName" : !strcmp(kind, "pers") ? "persName" : "placeName",
			    kind, i, i + g - 1, ref, "gazetteer");
			free(key);
			free(name);
			i += g - 1;
			continue;
		}
		/* an abbreviation in capitals: RDHA, ГАРФ */
		if (T(&x, i)->all_upper && !T(&x, i)->roman && tf_layout__chars(T(&x, i)->text, strlen(T(&x, i)->text)) <= 10) {
			const char *ref = tf_ents__by_abbr(e, T(&x, i)->text);
			if (!ref)
				ref = tf_ents__record(e, "org", T(&x, i)->fold, T(&x, i)->text, c->lang, NULL);
			add(&x, "orgName", "org", i, i, ref, "abbreviation");
			continue;
		}
		/* Jupikova E.F. */
		last = reversed_initials(&x, i);
		if (last != (size_t)-1) {
			person(&x, i, last, "initials-after");
			i = last;
			continue;
		}
		/* a capitalised head word alone stands for the body last named */
		if (in_list(&x, "org-heads", i) && !cap(&x, i + 1)) {
			char *head = strip(&x, T(&x, i)->fold);
			const char *ref = head ? tf_ents__by_head(e, head) : NULL;
			if (!ref && head) {
				ref = tf_ents__record(e, "org", head, T(&x, i)->text, c->lang, NULL);
				if (ref)
					tf_ents__set_head(e, ref, head);
			}
			add(&x, "orgName", "org", i, i, ref, "generic-head");
			free(head);
			continue;
		}
		if (in_list(&x, "ethnonyms", i) || in_list(&x, "months", i) || in_list(&x, "offices", i) ||
		    in_list(&x, "date-words", i) || in_list(&x, "political-adjectives", i))
			continue;
		last = person_run(&x, i);
		if (last == (size_t)-1)
			continue;
		{
			const char *rule = has_cue(&x, i, last) ? "name-cue"
			                 : known_surname(&x, i) ? "known-surname"
			                 : (!T(&x, i)->sent_start && x.running && !stopword(&x, i))
			                       ? "capitalised" : NULL;
			if (!rule || (T(&x, i)->sent_start && stopword(&x, i)))
				continue;
			person(&x, i, last, rule);
			i = last;
		}
	}
	free(x.taken);
	return 0;
}
