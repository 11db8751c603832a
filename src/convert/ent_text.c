/* SPDX-License-Identifier: MIT */
/*
 * ent_text.c — the ground the names-and-dates pass works on: a container's
 * direct text, cut into word and punctuation tokens with their byte
 * offsets, case and numeric shape; look-ups of tokens in the lexicons
 * (with Azerbaijani case and possessive suffixes stripped); and the spans
 * found turned into TEI elements around whole words.
 */
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include "ents.h"

static int push_tok(tf_ctr *c, tf_tok t)
{
	tf_tok *p = tf_array__reserve(c->t, c->n, &c->cap, sizeof *p, 64);
	if (!p)
		return tf_error__set(TF_ENOMEM, "out of memory");
	c->t = p;
	c->t[c->n++] = t;
	return 0;
}

static int roman_value(const char *s)
{
	int v = 0, prev = 0, i, n = (int)strlen(s);

	if (n == 0 || n > 6)
		return 0;
	for (i = n - 1; i >= 0; i--) {
		int d;
		switch (s[i]) {
		case 'I':
			d = 1;
			break;
		case 'V':
			d = 5;
			break;
		case 'X':
			d = 10;
			break;
		case 'L':
			d = 50;
			break;
		case 'C':
			d = 100;
			break;
		default:
			return 0;
		}
		v += d < prev ? -d : d;
		if (d > prev)
			prev = d;
	}
	return v;
}

/* What a token's text says of it, the same wherever it stands: kept per
 * text (and language) for the conversion. */
typedef struct {
	const char *text, *fold;
	int digits, upper, all_upper, roman;
	long num;
	const char *tail;
} tok_shape;

static void shape(tok_shape *t)
{
	const char *s = t->text;
	size_t i = 0, n = strlen(s), k, letters = 0, uppers = 0;
	uint32_t cp;

	while (s[i] >= '0' && s[i] <= '9' && t->digits < 9) {
		t->num = t->num * 10 + (s[i] - '0');
		t->digits++;
		i++;
	}
	if (t->digits)
		t->tail = s + i + (s[i] == '-' ? 1 : 0);
	for (i = 0; i < n; i += k) {
		k = tf_utf8__next(s + i, n - i, &cp);
		if (!k)
			break;
		int lc = tf_text__case(cp), up;
		if (lc == 0 || (lc < 0 && !u_isalpha((UChar32)cp)))
			continue;
		up = lc < 0 ? u_isupper((UChar32)cp) || u_istitle((UChar32)cp) : lc == 2;
		letters++;
		uppers += up;
		if (letters == 1 && t->digits == 0)
			t->upper = up;
	}
	t->all_upper = letters >= 2 && uppers == letters;
	t->roman = t->digits ? 0 : roman_value(s);
}

/* The shape of text s[0..len) in lang (a word, or else punctuation),
 * worked out once per conversion; NULL when out of memory. */
static const tok_shape *shape_of(const tf_lexicons *lx, const char *s, size_t len, const char *lang,
				 int word)
{
	char key[256];
	size_t ll = strlen(lang);
	void **slot;
	tok_shape *sh;
	char *text, *f;

	if (ll + len + 3 > sizeof key)
		slot = NULL; /* long: not kept in the map */
	else {
		key[0] = word ? 'w' : 'p';
		memcpy(key + 1, lang, ll);
		key[ll + 1] = '\001';
		memcpy(key + ll + 2, s, len);
		slot = tf_lexicons__map(lx, key, ll + 2 + len);
		if (!slot)
			return NULL;
		if (*slot)
			return *slot;
	}
	sh = tf_lexicons__alloc(lx, sizeof *sh);
	text = tf_lexicons__alloc(lx, len + 1);
	if (!sh || !text)
		return NULL;
	memset(sh, 0, sizeof *sh);
	memcpy(text, s, len);
	text[len] = '\0';
	sh->text = sh->fold = text;
	if (word) {
		shape(sh);
		f = tf_text__fold(text, lang);
		sh->fold = f ? tf_lexicons__keep(lx, f) : NULL;
		free(f);
		if (!sh->fold)
			return NULL;
	}
	if (slot)
		*slot = sh;
	return sh;
}

static int lower_start(const char *s)
{
	uint32_t cp;

	return tf_utf8__next(s, strlen(s), &cp) && tf_text__case(cp) == 1;
}

static int is_word_char(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || tf_text__case(cp) > 0;
	if (tf_text__case(cp) > 0)
		return 1;
	return u_isalnum((UChar32)cp) || cp == 0x0301 || cp == 0x0307 ||
	       u_charType((UChar32)cp) == U_NON_SPACING_MARK;
}

int tf_ctr__tokenize(tf_ctr *c, const tf_lexicons *lx, xmlNodePtr el, const char *lang)
{
	tf_buf b = TF_BUF_INIT;
	xmlNodePtr n;
	size_t i = 0, len, k;
	uint32_t cp;
	int space = 1, sent = 1;

	memset(c, 0, sizeof *c);
	c->lang = lang;
	for (n = el->children; n; n = n->next)
		if (n->type == XML_TEXT_NODE && n->content)
			tf_buf__puts(&b, (const char *)n->content);
	c->flat = tf_buf__detach(&b);
	if (!c->flat)
		return tf_error__set(TF_ENOMEM, "out of memory");
	len = strlen(c->flat);
	while (i < len) {
		tf_tok t;
		const tok_shape *sh;
		k = tf_utf8__next(c->flat + i, len - i, &cp);
		if (!k) {
			i++;
			continue;
		}
		if (u_isspace((UChar32)cp) || cp == 0xA0) {
			space = 1;
			i += k;
			continue;
		}
		memset(&t, 0, sizeof t);
		t.start = i;
		t.space_before = space;
		if (is_word_char(cp)) {
			size_t j = i + k;
			t.word = 1;
			while (j < len) {
				uint32_t c2, c3;
				size_t k2 = tf_utf8__next(c->flat + j, len - j, &c2), k3;
				if (!k2)
					break;
				if (is_word_char(c2)) {
					j += k2;
					continue;
				}
				/* a hyphen or apostrophe inside a word: SSR-də, 1920-ci, d’Orsay */
				if ((c2 == '-' || c2 == 0x2019 || c2 == '\'') && j + k2 < len &&
				    (k3 = tf_utf8__next(c->flat + j + k2, len - j - k2, &c3)) &&
				    is_word_char(c3)) {
					j += k2 + k3;
					continue;
				}
				break;
			}
			t.end = j;
		} else {
			t.end = i + k;
		}
		sh = shape_of(lx, c->flat + t.start, t.end - t.start, lang, t.word);
		if (!sh)
			return tf_error__set(TF_ENOMEM, "out of memory");
		t.text = sh->text;
		t.fold = sh->fold;
		if (t.word) {
			t.digits = sh->digits;
			t.num = sh->num;
			t.tail = sh->tail;
			t.upper = sh->upper;
			t.all_upper = sh->all_upper;
			t.roman = sh->roman;
			/* a word in lower case after a full stop does not open a
			 * sentence: the stop ended an abbreviation (1919 г.) */
			t.sent_start = sent && !(t.digits == 0 && !t.upper && lower_start(t.text));
			sent = 0;
		} else if (cp == '.' || cp == '!' || cp == '?' || cp == 0x201C || cp == 0xAB ||
			   cp == ':') {
			sent = 1;
		} else if (cp == ')' && c->n > 0 && c->t[c->n - 1].word && c->t[c->n - 1].digits &&
			   c->t[c->n - 1].digits <= 2 && !*c->t[c->n - 1].tail) {
			sent = 1; /* an item of a numbered list: 2) Daimi orqana … */
		}
		if (push_tok(c, t) < 0)
			return TF_ENOMEM;
		space = 0;
		i = t.end;
	}
	return 0;
}

void tf_ctr__free(tf_ctr *c)
{
	size_t i, k;

	for (i = 0; i < c->n; i++)
		free(c->t[i].stripped);
	for (i = 0; i < c->nspans; i++) {
		for (k = 0; c->spans[i].attrs[k]; k++)
			free(c->spans[i].attrs[k]);
		free(c->spans[i].key);
		free(c->spans[i].ref);
	}
	free(c->t);
	free(c->spans);
	free(c->flat);
	memset(c, 0, sizeof *c);
}

tf_span *tf_ctr__add_span(tf_ctr *c, const char *elem, size_t first, size_t last)
{
	tf_span *s;
	tf_span *p = tf_array__reserve(c->spans, c->nspans, &c->spans_cap, sizeof *p, 16);
	if (!p)
		return NULL;
	c->spans = p;
	s = &c->spans[c->nspans++];
	memset(s, 0, sizeof *s);
	s->elem = elem;
	s->first = first;
	s->last = last;
	return s;
}

int tf_span__set(tf_span *s, const char *name, const char *value)
{
	size_t k = 0;

	while (s->attrs[k])
		k += 2;
	if (k + 2 >= sizeof s->attrs / sizeof s->attrs[0])
		return TF_ERROR;
	s->attrs[k] = strdup(name);
	s->attrs[k + 1] = strdup(value);
	return s->attrs[k] && s->attrs[k + 1] ? 0 : TF_ENOMEM;
}

/* Is s made of at most depth suffixes of the lexicon?  Its prefixes are
 * looked up by a hash made a byte at a time. */
static int chain(const tf_lexicon *l, const char *s, int depth, size_t lo, size_t hi)
{
	size_t n = strlen(s), k, top;
	size_t h[64];

	if (n == 0)
		return 1;
	if (depth == 0 || n >= 64 || n < lo || n > (size_t)depth * hi)
		return 0;
	top = n < hi ? n : hi;
	h[0] = tf_lexicon__hash_start();
	for (k = 0; k < top; k++)
		h[k + 1] = tf_lexicon__hash_step(h[k], (unsigned char)s[k]);
	/* only prefixes as long as some suffix is */
	for (k = top; k >= lo && k > 0; k--) {
		const tf_lexentry *e;
		if (((unsigned char)s[k] & 0xC0) == 0x80)
			continue;
		e = tf_lexicon__entry(l, s, k, h[k]);
		if (e && tf_lexicon__entry_in(l, e, "suffixes") &&
		    chain(l, s + k, depth - 1, lo, hi))
			return 1;
	}
	return 0;
}

/* Is s a chain of at most depth suffixes of the lexicon? */
static int suffix_chain(const tf_lexicon *l, const char *s, int depth)
{
	size_t lo, hi;

	if (!*s)
		return 1;
	tf_lexicon__lengths(l, "suffixes", &lo, &hi);
	if (hi == 0)
		return 0;
	return chain(l, s, depth, lo, hi);
}

/* Is buf (a possible base) an item of the list?  Returns @n or "". */
static const char *item(const tf_lexicon *l, const char *type, const char *buf)
{
	const char *v = NULL;

	return tf_lexicon__find(l, type, buf, &v) ? v : NULL;
}

/* Azerbaijani softens a final k/q before a vowel suffix: nümayəndəlik ->
 * nümayəndəliyi, ittifaq -> ittifağı.  Try the hard form of a soft end. */
static const char *item_mutated(const tf_lexicon *l, const char *type, char *buf, size_t k)
{
	const char *v = NULL;

	if (k >= 2 && buf[k - 1] == 'y') {
		buf[k - 1] = 'k';
		v = item(l, type, buf);
		buf[k - 1] = 'y';
	} else if (k >= 3 && (unsigned char)buf[k - 2] == 0xC4 &&
		   (unsigned char)buf[k - 1] == 0x9F) {
		char save = buf[k - 1];
		buf[k - 2] = 'q';
		buf[k - 1] = '\0';
		v = item(l, type, buf);
		buf[k - 2] = (char)0xC4;
		buf[k - 1] = save;
	}
	return v;
}

/* Russian nouns change their ending with case: республики -> республика,
 * правительства -> правительство, армии -> армия. */
static const char *item_russian(const tf_lexicon *l, const char *type, const char *fold)
{
	size_t n = strlen(fold), cut, e, ne;
	const char *const *ends = tf_lexicon__folded(l, "nominative-endings", &ne);
	char buf[160];

	if (!ends || n >= sizeof buf - 8 || (unsigned char)fold[0] < 0xD0)
		return NULL;
	for (cut = 2; cut <= 6 && cut < n; cut += 2) {
		if (tf_layout__chars(fold, n - cut) < 3)
			break;
		for (e = 0; e < ne; e++) {
			const char *v;
			size_t el = strlen(ends[e]);
			if (n - cut + el >= sizeof buf)
				continue;
			memcpy(buf, fold, n - cut);
			memcpy(buf + n - cut, ends[e], el + 1);
			v = item(l, type, buf);
			if (v)
				return v;
		}
	}
	return NULL;
}

const char *tf_ents__stem(const tf_lexicons *lx, const char *type, const char *fold,
			  size_t *base_len)
{
	size_t i, n = strlen(fold), k;
	char buf[160];

	if (n >= sizeof buf)
		return NULL;
	for (i = 0; i < tf_lexicons__count(lx); i++) {
		const tf_lexicon *l = tf_lexicons__get(lx, i);
		const char *v;
		size_t lo, hi;
		tf_lexicon__lengths(l, type, &lo, &hi);
		if (hi == 0)
			continue;
		if (lo < 2)
			lo = 2;
		/* a base longer than the longest item (plus a softened k) or
		 * shorter than the shortest cannot match */
		for (k = n < hi + 1 ? n : hi + 1; k >= lo; k--) {
			if (n - k > 30)
				break; /* more than three suffixes */
			if (k < n && ((unsigned char)fold[k] & 0xC0) == 0x80)
				continue;
			memcpy(buf, fold, k);
			buf[k] = '\0';
			v = item(l, type, buf);
			if (!v && k < n)
				v = item_mutated(l, type, buf, k);
			/* the rest must be suffixes; a short base takes one suffix
			 * at most (rus+iyanın is no ethnonym, it is Rusiyanın) */
			if (v && k < n &&
			    !suffix_chain(l, fold + k, tf_layout__chars(fold, k) < 4 ? 1 : 3))
				v = NULL;
			if (v) {
				if (base_len)
					*base_len = k;
				return v;
			}
		}
		v = item_russian(l, type, fold);
		if (v) {
			if (base_len)
				*base_len = n;
			return v;
		}
	}
	return NULL;
}

static const char *const memo_types[] = {"months",
					 "date-words",
					 "honorifics",
					 "offices",
					 "org-heads",
					 "state-heads",
					 "place-classifiers",
					 "ethnonyms",
					 "political-adjectives",
					 "org-modifiers",
					 "given-names",
					 "stopwords",
					 "abbreviations",
					 "place-prefixes",
					 "suffixes",
					 "surname-endings",
					 "relational-suffixes",
					 "boundary-suffixes",
					 "adjective-endings",
					 "ordinal-words",
					 NULL};

/* Bases are gathered here, then kept in the lexicons' memory. */
typedef struct {
	tf_base v[8 * 16];
	size_t n;
	tf_base nomin[8 * 64];
	size_t nnomin;
} base_scratch;

/* Russian nouns change their ending with case: республики -> республика,
 * правительства -> правительство, армии -> армия.  The forms of the word
 * with 1 to 3 letters cut and a nominative ending put on that are items
 * of lexicon i, in the order item_russian() tries them. */
static void russian_forms(const tf_lexicon *l, unsigned char li, tf_word *t, const size_t *h,
			  size_t kp, base_scratch *sc)
{
	const char *fold = t->fold;
	size_t n = strlen(fold), cut, e, ne;
	const char *const *ends = tf_lexicon__folded(l, "nominative-endings", &ne);
	char buf[160];

	if (!ends || n >= sizeof buf - 8 || (unsigned char)fold[0] < 0xD0)
		return;
	for (cut = 2; cut <= 6 && cut < n; cut += 2) {
		if (tf_layout__chars(fold, n - cut) < 3)
			break;
		if (n - cut > kp)
			continue; /* no item begins so */
		/* what is cut is a case ending (комиссии, not комиссар) */
		if (!tf_lexicon__has(l, "suffixes", fold + n - cut))
			continue;
		memcpy(buf, fold, n - cut);
		for (e = 0; e < ne; e++) {
			size_t hh = h[n - cut], k = n - cut;
			const char *p;
			tf_base b;
			if (n - cut + strlen(ends[e]) >= sizeof buf)
				continue;
			for (p = ends[e]; *p; p++) {
				hh = tf_lexicon__hash_step(hh, (unsigned char)*p);
				buf[k++] = *p;
			}
			b.lex = li;
			b.k = 0;
			b.plain = tf_lexicon__entry(l, buf, k, hh);
			b.hard = NULL;
			if (b.plain && sc->nnomin < sizeof sc->nomin / sizeof sc->nomin[0])
				sc->nomin[sc->nnomin++] = b;
		}
	}
}

/* The entry of fold[0..k) with its softened end hardened (ittifağ ->
 * ittifaq, nümayəndəliy -> nümayəndəlik), or NULL; h[j] is the hash of
 * fold[0..j). */
static const tf_lexentry *hardened(const tf_lexicon *l, const char *fold, size_t k, const size_t *h)
{
	char buf[256];

	if (k >= sizeof buf)
		return NULL;
	if (k >= 2 && fold[k - 1] == 'y') {
		memcpy(buf, fold, k - 1);
		buf[k - 1] = 'k';
		return tf_lexicon__entry(l, buf, k, tf_lexicon__hash_step(h[k - 1], 'k'));
	}
	if (k >= 3 && (unsigned char)fold[k - 2] == 0xC4 && (unsigned char)fold[k - 1] == 0x9F) {
		memcpy(buf, fold, k - 2);
		buf[k - 2] = 'q';
		return tf_lexicon__entry(l, buf, k - 1, tf_lexicon__hash_step(h[k - 2], 'q'));
	}
	return NULL;
}

/* The positions where a base of the word may end, per lexicon, with the
 * entries found there: every prefix is looked up by a hash made a byte at
 * a time. */
static void word_bases(const tf_lexicons *lx, tf_word *t)
{
	size_t i, k, n = strlen(t->fold), kp;
	size_t h[257];
	base_scratch sc;
	int cyr = (unsigned char)t->fold[0] == 0xD0 || (unsigned char)t->fold[0] == 0xD1;

	t->bases_done = 1;
	if (n >= 256)
		return;
	sc.n = sc.nnomin = 0;
	h[0] = tf_lexicon__hash_start();
	for (k = 0; k < n; k++)
		h[k + 1] = tf_lexicon__hash_step(h[k], (unsigned char)t->fold[k]);
	for (i = 0; i < tf_lexicons__count(lx) && i < 8; i++) {
		const tf_lexicon *l = tf_lexicons__get(lx, i);
		size_t m = 0, lo, hi;
		tf_base b;
		/* a Cyrillic word is no item of a Latin-script lexicon */
		if (cyr && !strcmp(tf_lexicon__script(l), "Latn"))
			continue;
		/* no item begins with more than the first kp bytes of the word:
		 * only bases that long (or one letter longer, hardened) */
		kp = tf_lexicon__prefix_len(l, h, n);
		b.lex = (unsigned char)i;
		b.k = (unsigned char)n;
		b.plain = n <= kp ? tf_lexicon__entry(l, t->fold, n, h[n]) : NULL;
		b.hard = n <= kp + 2 ? hardened(l, t->fold, n, h) : NULL;
		if (b.plain || b.hard) {
			sc.v[sc.n++] = b;
			m++;
		}
		tf_lexicon__lengths(l, "suffixes", &lo, &hi);
		for (k = n; hi > 0 && k-- > 2 && m < 16;) {
			int depth, ok;
			if (n - k > 30)
				break;
			if (((unsigned char)t->fold[k] & 0xC0) == 0x80 || k > kp + 2)
				continue;
			b.k = (unsigned char)k;
			b.plain = k <= kp ? tf_lexicon__entry(l, t->fold, k, h[k]) : NULL;
			b.hard = hardened(l, t->fold, k, h);
			if (!b.plain && !b.hard)
				continue;
			depth = tf_layout__chars(t->fold, k) < 4 ? 1 : 3;
			ok = suffix_chain(l, t->fold + k, depth);
			if (ok) {
				sc.v[sc.n++] = b;
				m++;
			}
		}
		if (cyr && !strcmp(tf_lexicon__script(l), "Cyrl"))
			russian_forms(l, (unsigned char)i, t, h, kp, &sc);
	}
	/* kept for the conversion; none kept when out of memory */
	if (sc.n && (t->bases = tf_lexicons__alloc(lx, sc.n * sizeof *t->bases)) != NULL) {
		memcpy(t->bases, sc.v, sc.n * sizeof *t->bases);
		t->nbases = (uint16_t)sc.n;
	}
	if (sc.nnomin &&
	    (t->nomin = tf_lexicons__alloc(lx, sc.nnomin * sizeof *t->nomin)) != NULL) {
		memcpy(t->nomin, sc.nomin, sc.nnomin * sizeof *t->nomin);
		t->nnomin = (uint16_t)sc.nnomin;
	}
}

/* tf_ents__stem() for a word, from its bases computed once. */
static const char *tok_stem(const tf_lexicons *lx, const char *type, tf_word *t)
{
	size_t i, j = 0, r = 0, n = strlen(t->fold), nl = tf_lexicons__count(lx);
	unsigned char b0 = (unsigned char)t->fold[0];

	if (n >= 256 || nl > 8)
		return tf_ents__stem(lx, type, t->fold, NULL);
	if (!t->bases_done) {
		/* no item begins as the word does: no base of it is an item
		 * (bases keep the first letter, but for a softened y or ğ) */
		size_t lo, hi;
		int any = b0 == 'y' || b0 == 0xC4;
		for (i = 0; i < nl && !any; i++)
			any = tf_lexicon__probe(tf_lexicons__get(lx, i), type, b0, &lo, &hi);
		if (!any)
			return NULL;
		word_bases(lx, t);
	}
	/* lexicon by lexicon: its bases, then its nominative forms (an item
	 * found is as long as the type's items are: no length check needed) */
	for (i = 0; i < nl; i++) {
		const tf_lexicon *l = tf_lexicons__get(lx, i);
		const char *v;
		for (; j < t->nbases && t->bases[j].lex == i; j++) {
			size_t k = t->bases[j].k;
			if (k < 2)
				continue;
			v = tf_lexicon__entry_in(l, t->bases[j].plain, type);
			if (!v && k < n)
				v = tf_lexicon__entry_in(l, t->bases[j].hard, type);
			if (v)
				return v;
		}
		for (; r < t->nnomin && t->nomin[r].lex == i; r++) {
			v = tf_lexicon__entry_in(l, t->nomin[r].plain, type);
			if (v)
				return v;
		}
	}
	return NULL;
}

const char *tf_tok__in(const tf_lexicons *lx, const char *type, tf_tok *t)
{
	size_t k, nstrs;
	tf_word *w;
	const char *strs;

	if (!t->word || !t->fold)
		return NULL;
	if (!t->w)
		t->w = tf_lexicons__word(lx, t->fold);
	w = t->w;
	if (!w)
		return tf_ents__stem(lx, type, t->fold, NULL);
	for (k = 0; memo_types[k]; k++) /* the callers pass the same literals */
		if (memo_types[k] == type)
			break;
	if (!memo_types[k])
		for (k = 0; memo_types[k]; k++)
			if (!strcmp(memo_types[k], type))
				break;
	if (!memo_types[k] || k >= sizeof w->memo / sizeof w->memo[0])
		return tok_stem(lx, type, w);
	if (w->memo[k] == 1)
		return NULL;
	if (w->memo[k] == 2)
		return "";
	strs = tf_lexicons__strings(lx, &nstrs);
	if (!w->memo[k]) {
		const char *v = tok_stem(lx, type, w);
		if (v && !*v)
			w->memo[k] = 2;
		else if (v && strs && v >= strs && v < strs + nstrs && nstrs < UINT32_MAX - 3)
			w->memo[k] = (uint32_t)(v - strs) + 3;
		else if (v) /* not among the strings: not remembered */
			return v;
		else
			w->memo[k] = 1;
	}
	return w->memo[k] == 1 ? NULL : w->memo[k] == 2 ? "" : strs + w->memo[k] - 3;
}

/* Canonical key of an already folded name: no ICU needed. */
char *tf_ents__canon_folded(const char *folded)
{
	char *f = strdup(folded), *r, *w;

	if (!f)
		return NULL;
	for (r = w = f; *r;) {
		if ((unsigned char)r[0] == 0xCC && (unsigned char)r[1] == 0x87) {
			r += 2;
		} else if ((unsigned char)r[0] == 0xC4 && (unsigned char)r[1] == 0xB1) {
			*w++ = 'i';
			r += 2;
		} else {
			*w++ = *r++;
		}
	}
	*w = '\0';
	return f;
}

char *tf_ents__canon(const char *text)
{
	char *f = tf_text__fold(text, NULL), *r, *w;

	if (!f)
		return NULL;
	for (r = w = f; *r;) {
		if ((unsigned char)r[0] == 0xCC && (unsigned char)r[1] == 0x87) {
			r += 2; /* combining dot above, left by İ */
		} else if ((unsigned char)r[0] == 0xC4 && (unsigned char)r[1] == 0xB1) {
			*w++ = 'i'; /* ı: keys ignore the dot */
			r += 2;
		} else {
			*w++ = *r++;
		}
	}
	*w = '\0';
	return f;
}

/* Not remembered: working it out costs less than a memo would (words
 * remember theirs, tf_word__suffixes_at). */
int tf_ents__suffixes(const tf_lexicons *lx, const char *s)
{
	size_t i;

	for (i = 0; i < tf_lexicons__count(lx); i++)
		if (suffix_chain(tf_lexicons__get(lx, i), s, 3))
			return 1;
	return 0;
}

int tf_word__suffixes_at(const tf_lexicons *lx, tf_word *w, size_t off)
{
	uint64_t bit;

	if (off >= 64)
		return tf_ents__suffixes(lx, w->fold + off);
	bit = (uint64_t)1 << off;
	if (!(w->sfx_done & bit)) {
		if (tf_ents__suffixes(lx, w->fold + off))
			w->sfx_ok |= bit;
		w->sfx_done |= bit;
	}
	return (w->sfx_ok & bit) != 0;
}

static int span_cmp(const void *a, const void *b)
{
	const tf_span *x = a, *y = b;

	if (x->first != y->first)
		return x->first < y->first ? -1 : 1;
	return x->last > y->last ? -1 : x->last < y->last; /* longer first */
}

/* Where a container stands, for the review sheet: note-3, abstract-en, … */
static void where_of(xmlNodePtr el, char *buf, size_t n)
{
	xmlNodePtr p;

	snprintf(buf, n, "body");
	for (p = el; p && p->type == XML_ELEMENT_NODE; p = p->parent) {
		xmlChar *a;
		if (!strcmp((const char *)p->name, "note")) {
			a = xmlGetProp(p, (const xmlChar *)"n");
			snprintf(buf, n, "note-%s", a ? (const char *)a : "?");
			xmlFree(a);
			return;
		}
		if (!strcmp((const char *)p->name, "div")) {
			a = xmlGetProp(p, (const xmlChar *)"type");
			if (a && !strcmp((const char *)a, "abstract")) {
				xmlChar *l =
				    xmlGetNsProp(p, (const xmlChar *)"lang", XML_XML_NAMESPACE);
				snprintf(buf, n, "abstract-%s", l ? (const char *)l : "?");
				xmlFree(l);
				xmlFree(a);
				return;
			}
			xmlFree(a);
		}
	}
}

static void tsv_field(tf_buf *b, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		tf_buf__putc(b, s[i] == '\t' || s[i] == '\n' ? ' ' : s[i]);
}

/* One line of the review sheet for the name or date element node, in
 * container el, found by rule. */
void tf_ctr__review(tf_build *b, xmlNodePtr el, xmlNodePtr node, const char *rule)
{
	char where[64];
	xmlChar *text;
	xmlAttrPtr a;
	int first = 1;

	if (!b->want_review)
		return;
	text = xmlNodeGetContent(node);
	where_of(el, where, sizeof where);
	tf_buf__printf(&b->review, "%s\t%s\t", (const char *)node->name, where);
	if (text)
		tsv_field(&b->review, (const char *)text, strlen((const char *)text));
	tf_buf__putc(&b->review, '\t');
	for (a = node->properties; a; a = a->next) {
		xmlChar *v;
		if (!strcmp((const char *)a->name, "ref"))
			continue;
		v = xmlNodeGetContent((xmlNodePtr)a);
		tf_buf__printf(&b->review, "%s%s=%s", first ? "" : " ", (const char *)a->name,
			       v ? (const char *)v : "");
		first = 0;
		xmlFree(v);
	}
	{
		xmlChar *ref = xmlGetProp(node, (const xmlChar *)"ref");
		tf_buf__printf(&b->review, "\t%s\t%s\n", ref ? (const char *)ref : "",
			       rule ? rule : "");
		xmlFree(ref);
	}
	xmlFree(text);
}

int tf_ctr__apply(tf_build *b, tf_ctr *c, xmlNodePtr el, tf_ents *ents)
{
	size_t i, k;
	long last_end = -1;
	xmlNodePtr *made;

	if (c->nspans == 0)
		return 0;
	qsort(c->spans, c->nspans, sizeof *c->spans, span_cmp);
	made = calloc(c->nspans, sizeof *made);
	if (!made)
		return tf_error__set(TF_ENOMEM, "out of memory");
	/* flat markup: of overlapping spans the earlier (and longer) wins */
	for (i = 0; i < c->nspans; i++) {
		if ((long)c->spans[i].first > last_end) {
			made[i] = el; /* to be made */
			last_end = (long)c->spans[i].last;
		}
	}
	/* wrap from the end, so that earlier offsets stay true */
	for (i = c->nspans; i-- > 0;) {
		tf_span *s = &c->spans[i];
		xmlNodePtr node;
		if (!made[i])
			continue;
		node = tf_tei__wrap(b, el, c->t[s->first].start, c->t[s->last].end, s->elem);
		made[i] = node;
		if (!node)
			continue;
		for (k = 0; s->attrs[k]; k += 2)
			xmlNewProp(node, (const xmlChar *)s->attrs[k],
				   (const xmlChar *)s->attrs[k + 1]);
		if (s->kind) {
			const char *ref =
			    s->ref ? s->ref : tf_ents__ref(ents, s->kind, s->key, NULL, c->lang);
			if (ref) {
				char buf[256];
				tf_ents__touch(ents, ref);
				snprintf(buf, sizeof buf, "#%s", ref);
				xmlNewProp(node, (const xmlChar *)"ref", (const xmlChar *)buf);
			}
		}
	}
	for (i = 0; b->want_review && i < c->nspans; i++)
		if (made[i])
			tf_ctr__review(b, el, made[i], c->spans[i].rule);
	free(made);
	return 0;
}
