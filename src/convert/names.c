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
	const tf_lexicon *own; /* lexicon of the container's language */
	char *taken;
	int running; /* running text (not a note) */
	/* gazetteer matches by start token, remembered */
	char *gz_done;
	size_t *gz_n;
	const char **gz_id, **gz_kind;
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
	return tf_tok__in(x->lx, type, &x->c->t[i]);
}

/* Whether a lexicon's "type" list holds s (folded). */
static int any_has(nx *x, const char *type, const char *s)
{
	size_t k;

	for (k = 0; k < tf_lexicons__count(x->lx); k++)
		if (tf_lexicon__has(tf_lexicons__get(x->lx, k), type, s))
			return 1;
	return 0;
}

static int stopword(nx *x, size_t i)
{
	return word(x, i) && any_has(x, "stopwords", x->c->t[i].fold);
}

/* Longest suffix chain stripped off fold, leaving at least 3 characters;
 * "SSR-də" -> "ssr".  New string. */
static int suffixes_at(nx *x, tf_word *w, const char *fold, size_t off)
{
	return w ? tf_word__suffixes_at(x->lx, w, off) : tf_ents__suffixes(x->lx, fold + off);
}

static char *strip(nx *x, const char *fold, tf_word *w)
{
	const char *h = strrchr(fold, '-');
	size_t n = strlen(fold), k;

	if (h && h > fold && h[1] && suffixes_at(x, w, fold, (size_t)(h + 1 - fold)))
		return strndup(fold, (size_t)(h - fold));
	for (k = 0; k < n; k++) {
		if (((unsigned char)fold[k] & 0xC0) == 0x80 || tf_layout__chars(fold, k) < 3)
			continue;
		if (suffixes_at(x, w, fold, k))
			return strndup(fold, k);
	}
	return strdup(fold);
}

/* strip() of token i, remembered (borrowed), or NULL. */
static const char *stripped_of(nx *x, size_t i)
{
	tf_tok *t = &x->c->t[i];

	if (!t->w)
		t->w = tf_lexicons__word(x->lx, t->fold);
	if (t->w) { /* a property of the word: worked out once */
		if (!t->w->stripped) {
			char *st = strip(x, t->fold, t->w);
			t->w->stripped = st ? tf_lexicons__keep(x->lx, st) : NULL;
			free(st);
		}
		return t->w->stripped;
	}
	if (!t->stripped)
		t->stripped = strip(x, t->fold, NULL);
	return t->stripped;
}

/* The same, a copy the caller frees. */
static char *strip_tok(nx *x, size_t i)
{
	const char *s = stripped_of(x, i);

	return s ? strdup(s) : NULL;
}

static char *head_key(nx *x, size_t i);

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
		if (drop_honorifics && tf_tok__in(x->lx, "honorifics", &x->c->t[i]))
			continue;
		/* (a head word by the lexicon's head: Komitəsi and the misprinted
		 * Komitəsininin are one) */
		s = in_list(x, "org-heads", i) ? head_key(x, i) : strip_tok(x, i);
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

static char *strip_tok(nx *x, size_t i);

/* Are the document language's case endings appended to a base that stays
 * a word (Azerbaijani hökumət-in-dən), its suffixes list says so with
 * subtype="appended"?  Where they replace the word's own ending (Russian
 * Коковцов, Коковцова), dropping them leaves no word. */
static int endings_appended(nx *x)
{
	const char *how = tf_lexicon__subtype(tf_lexicons__find(x->lx, x->c->lang), "suffixes");

	return how && !strcmp(how, "appended");
}

/* The name as a record shows it: as printed, with (where endings are
 * appended) the last word's case suffixes dropped (Polşa hökumətindən ->
 * Polşa hökuməti is not guessed; the suffix chain alone goes: Polşa
 * hökumət). */
static char *display_of(nx *x, size_t first, size_t last)
{
	const tf_tok *t = T(x, last);
	char *st = endings_appended(x) ? strip_tok(x, last) : NULL;
	size_t end = t->end;

	/* one letter is no sure ending (Məmmədova is a name), nor are the
	 * lexicons' name-endings (Şıxlinski) */
	if (st && tf_layout__chars(t->fold + strlen(st), strlen(t->fold) - strlen(st)) >= 2 &&
	    !any_has(x, "name-endings", t->fold + strlen(st)) &&
	    strlen(t->fold) == t->end - t->start && tf_layout__chars(st, strlen(st)) >= 5)
		end = t->start + strlen(st);
	free(st);
	return strndup(x->c->flat + T(x, first)->start, end - T(x, first)->start);
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
	tf_ents__touch(x->e, ref);
	take(x, first, last);
	return s;
}

/* ---- places and organisations from the gazetteer ---- */

/* Does fold end in one of the endings of l's "type" list, leaving a base
 * of at least min characters? */
static int ends_in_lexicon(const tf_lexicon *l, const char *type, const char *fold, size_t min)
{
	return tf_lexicon__ends_in(l, type, fold, min, 1);
}

/* The same in any lexicon, for word i (boundary-suffixes,
 * adjective-endings, …). */
static int ends_in(nx *x, const char *type, size_t i, size_t min)
{
	static const struct {
		const char *type;
		size_t min;
	} kept[] = {{"boundary-suffixes", 3},
		    {"adjective-endings", 2},
		    {"adjective-endings", 3},
		    {"relational-suffixes", 3},
		    {"loanword-endings", 3}};
	tf_tok *t = i < x->c->n ? &x->c->t[i] : NULL;
	size_t k, c;
	int hit = 0;

	if (!t || !t->word)
		return 0;
	/* a property of the word: remembered for the asks above */
	for (c = 0; c < sizeof kept / sizeof kept[0]; c++)
		if (kept[c].min == min && !strcmp(kept[c].type, type))
			break;
	if (!t->w)
		t->w = tf_lexicons__word(x->lx, t->fold);
	if (t->w && c < sizeof kept / sizeof kept[0] && (t->w->ends_done >> c & 1))
		return t->w->ends_yes >> c & 1;
	for (k = 0; !hit && k < tf_lexicons__count(x->lx); k++)
		hit = ends_in_lexicon(tf_lexicons__get(x->lx, k), type, t->fold, min);
	if (t->w && c < sizeof kept / sizeof kept[0]) {
		t->w->ends_done |= (unsigned char)(1u << c);
		if (hit)
			t->w->ends_yes |= (unsigned char)(1u << c);
	}
	return hit;
}

/* Looks a folded name up in the gazetteers: as it is, with case suffixes
 * stripped from its end, or (Russian) by its stem.  Not remembered: a
 * look-up costs less than a memo would. */
/* Are Russian names in Latin letters looked for here: in a note of a text
 * that is not English (whose own words would read as Russian ones)? */
static int latin_russian_here(nx *x)
{
	return x->c->in_note && !(x->c->lang && !strcmp(x->c->lang, "en"));
}

/* Russian in Latin letters, as Azerbaijani and English references write
 * it (Severnom Kavkaze, Qruzii, Rossiya), back in Cyrillic: a folded name
 * in, a new string out; NULL if a letter has no Russian one. */
static char *to_cyrillic(const char *s)
{
	static const struct {
		const char *lat, *cyr;
	} t[] = {{"shch", "щ"},     {"sch", "щ"},      {"kh", "х"},       {"zh", "ж"},
		 {"ch", "ч"},       {"sh", "ш"},       {"ts", "ц"},       {"yu", "ю"},
		 {"ya", "я"},       {"yo", "ё"},       {"yy", "ый"},      {"iy", "ий"},
		 {"\xC3\xA7", "ч"}, {"\xC5\x9F", "ш"}, {"\xC4\xB1", "ы"}, {"\xC9\x99", "э"},
		 {"\xC3\xBC", "ю"}, {"\xC3\xB6", "ё"}, {"\xC4\x9F", "г"}, {"a", "а"},
		 {"b", "б"},        {"v", "в"},        {"w", "в"},        {"g", "г"},
		 {"q", "г"},        {"d", "д"},        {"e", "е"},        {"j", "ж"},
		 {"z", "з"},        {"i", "и"},        {"y", "ы"},        {"k", "к"},
		 {"l", "л"},        {"m", "м"},        {"n", "н"},        {"o", "о"},
		 {"p", "п"},        {"r", "р"},        {"s", "с"},        {"t", "т"},
		 {"u", "у"},        {"f", "ф"},        {"h", "х"},        {"x", "х"},
		 {"c", "ц"},        {" ", " "},        {"-", "-"},        {"'", "ь"}};
	tf_buf b = TF_BUF_INIT;
	size_t k;

	while (*s) {
		for (k = 0; k < sizeof t / sizeof t[0]; k++)
			if (t[k].lat[0] == *s && !strncmp(s, t[k].lat, strlen(t[k].lat)))
				break;
		if (k == sizeof t / sizeof t[0]) {
			tf_buf__free(&b);
			return NULL;
		}
		tf_buf__puts(&b, t[k].cyr);
		s += strlen(t[k].lat);
	}
	return tf_buf__detach(&b);
}

static const char *gaz_lookup(nx *x, const char *name, size_t base, const char **kind, tf_word *w)
{
	size_t n = strlen(name), cut, i, m = 0;
	const char *hit = NULL;
	char stack[256], *canon = stack;
	size_t hstack[257], cstack[257], *h = hstack, *cpos = cstack;

	/* the canonical key (tf_ents__canon_folded) with the hash of each of
	 * its prefixes, and where each byte of the name falls in it */
	if (n >= sizeof stack) {
		canon = malloc(n + 1);
		h = malloc((n + 1) * sizeof *h);
		cpos = malloc((n + 1) * sizeof *cpos);
		if (!canon || !h || !cpos)
			goto done;
	}
	h[0] = tf_ents__key_hash_start();
	for (i = 0; i < n;) {
		cpos[i] = m;
		if ((unsigned char)name[i] == 0xCC && (unsigned char)name[i + 1] == 0x87) {
			cpos[i + 1] = m;
			i += 2;
			continue;
		}
		if ((unsigned char)name[i] == 0xC4 && (unsigned char)name[i + 1] == 0xB1) {
			cpos[i + 1] = m;
			canon[m] = 'i';
			i += 2;
		} else {
			canon[m] = name[i++];
		}
		h[m + 1] = tf_ents__key_hash_step(h[m], (unsigned char)canon[m]);
		m++;
	}
	cpos[n] = m;
	canon[m] = '\0';
	hit = tf_ents__gaz_key(x->e, canon, m, h[m], kind);
	/* the name with case suffixes on its last word: the longest base the
	 * gazetteer knows whose rest is a chain of suffixes */
	for (cut = n; !hit && cut > base + 2; cut--) {
		const char *rest = name + cut, *id, *k = NULL;
		if (((unsigned char)name[cut] & 0xC0) == 0x80)
			continue;
		if (cut == n)
			continue;
		/* "SSR-də": the part after the hyphen must be suffixes */
		if (*rest == '-')
			rest++;
		if (!*rest)
			continue;
		id = tf_ents__gaz_key(x->e, canon, cpos[cut], h[cpos[cut]], &k);
		if (id && (w ? tf_word__suffixes_at(x->lx, w, (size_t)(rest - name) - base)
			     : tf_ents__suffixes(x->lx, rest))) {
			hit = id;
			*kind = k;
		}
	}
	if (!hit && (unsigned char)name[0] >= 0xD0 && (unsigned char)name[0] <= 0xD1) {
		char *key = tf_ents__ru_stem_key(x->lx, name);
		if (key)
			hit = tf_ents__gaz(x->e, key, kind);
		free(key);
	}
	/* a Russian name in Latin letters in a note's reference (na Severnom
	 * Kavkaze, Qruzii): in Cyrillic, by its stems */
	if (!hit && latin_russian_here(x) && name[0] >= 'a' && name[0] <= 'z' &&
	    tf_layout__chars(name, n) >= 4) {
		char *cyr = to_cyrillic(name), *key = cyr ? tf_ents__ru_stem_key(x->lx, cyr) : NULL;
		if (key)
			hit = tf_ents__gaz(x->e, key, kind);
		free(key);
		free(cyr);
	}
done:
	if (canon != stack)
		free(canon);
	if (h != hstack)
		free(h);
	if (cpos != cstack)
		free(cpos);
	return hit;
}

/* The hash of the canonical key (tf_ents__canon_folded) of the folded
 * words first..last joined by spaces. */
static size_t canon_hash(nx *x, size_t first, size_t last)
{
	size_t h = tf_ents__key_hash_start(), j;
	const char *r;

	for (j = first; j <= last; j++) {
		if (j > first)
			h = tf_ents__key_hash_step(h, ' ');
		for (r = T(x, j)->fold; *r;) {
			if ((unsigned char)r[0] == 0xCC && (unsigned char)r[1] == 0x87) {
				r += 2;
			} else if ((unsigned char)r[0] == 0xC4 && (unsigned char)r[1] == 0xB1) {
				h = tf_ents__key_hash_step(h, 'i');
				r += 2;
			} else {
				h = tf_ents__key_hash_step(h, (unsigned char)*r++);
			}
		}
	}
	return h;
}

/* Longest gazetteer name starting at i (up to 4 words); the last word may
 * carry suffixes.  Returns the number of tokens, 0 if none. */
static size_t gaz_at_uncached(nx *x, size_t i, const char **id, const char **kind);

static size_t gaz_at(nx *x, size_t i, const char **id, const char **kind)
{
	if (!cap(x, i))
		return 0;
	if (!x->gz_done[i]) {
		x->gz_n[i] = gaz_at_uncached(x, i, &x->gz_id[i], &x->gz_kind[i]);
		x->gz_done[i] = 1;
	}
	/* a function word capitalised for opening the sentence is no name
	 * of its own (Потом is no inflected Поти; The National Archives is) */
	if (x->gz_n[i] == 1 && T(x, i)->sent_start && stopword(x, i))
		return 0;
	*id = x->gz_id[i];
	*kind = x->gz_kind[i];
	return x->gz_n[i];
}

static size_t gaz_at_uncached(nx *x, size_t i, const char **id, const char **kind)
{
	size_t k, best = 0;

	for (k = 1; k <= 4 && i + k <= x->c->n; k++) {
		tf_buf b = TF_BUF_INIT;
		size_t j, base;
		const char *hit, *kd = NULL;
		int ok = 1;
		/* a name of more words only where some key begins with the words
		 * before its last (Russian names are also found by their stems:
		 * always looked up) */
		if (k > 1 && (unsigned char)T(x, i)->fold[0] < 0xD0 &&
		    !(k == 2 && latin_russian_here(x) && T(x, i)->fold[0] >= 'a' &&
		      T(x, i)->fold[0] <= 'z' && cap(x, i + 1)) &&
		    !tf_ents__gaz_may_begin(x->e, canon_hash(x, i, i + k - 2)))
			break;
		for (j = i; j < i + k; j++) {
			if (!word(x, j) || (j > i && !T(x, j)->space_before)) {
				ok = 0;
				break;
			}
			if (j > i)
				tf_buf__putc(&b, ' ');
			tf_buf__puts(&b, T(x, j)->fold);
		}
		if (!ok || !b.data) {
			tf_buf__free(&b);
			break;
		}
		base = b.len - strlen(T(x, i + k - 1)->fold);
		{
			tf_tok *lt = &x->c->t[i + k - 1];
			if (!lt->w)
				lt->w = tf_lexicons__word(x->lx, lt->fold);
			hit = gaz_lookup(x, b.data, base, &kd, lt->w);
		}
		if (hit) {
			best = k;
			*id = hit;
			*kind = kd;
		}
		tf_buf__free(&b);
	}
	return best;
}

/* ---- organisations and states with head words ---- */

/* A word in a case that ends a name (Parisdə, Qafqaza), unless the word
 * as printed is itself a known name (Ankara, Polşa). */
static int boundary_word(nx *x, size_t i)
{
	const char *f = T(x, i)->fold;
	size_t n = strlen(f);

	if (!ends_in(x, "boundary-suffixes", i, 3) || tf_ents__gaz(x->e, f, NULL))
		return 0;
	/* a noun borrowed whole (Arxeoqrafiya Komissiyası) */
	if (ends_in(x, "loanword-endings", i, 3))
		return 0;
	/* a lone -a/-ə ends many names (Qvardiya, Senzura): it is a case
	 * ending only on a word the gazetteer knows without it (Qafqaza) */
	if (n >= 2 && ((unsigned char)f[n - 1] == 'a' ||
		       ((unsigned char)f[n - 2] == 0xC9 && (unsigned char)f[n - 1] == 0x99))) {
		char *base = strndup(f, n - ((unsigned char)f[n - 1] == 'a' ? 1 : 2));
		int known = base && tf_ents__gaz(x->e, base, NULL) != NULL;
		size_t l = strlen(f);
		free(base);
		/* -ya/-yə/-na/-nə/-da/-də are endings whatever the word */
		if (!known &&
		    !(l >= 3 && strchr("yndl", f[l - ((unsigned char)f[l - 1] == 'a' ? 2 : 3)])))
			return 0;
	}
	return 1;
}

static int plural(nx *x, const char *type, size_t i)
{
	size_t base = 0;
	const char *fold = T(x, i)->fold;

	size_t k, m, n;

	if (!tf_ents__stem(x->lx, type, fold, &base))
		return 0;
	/* the endings after the stem hold a plural marker (komitələri) */
	for (k = 0; k < tf_lexicons__count(x->lx); k++) {
		const char *const *items =
		    tf_lexicon__list(tf_lexicons__get(x->lx, k), "plural-markers", &n);
		for (m = 0; m < n; m++)
			if (strstr(fold + base, items[m]))
				return 1;
	}
	return 0;
}

static int head_kind(nx *x, size_t i, const char **kind, const char **el)
{
	if (!word(x, i))
		return 0;
	if (in_list(x, "org-heads", i) && !plural(x, "org-heads", i)) {
		*kind = "org";
		*el = "orgName";
		return 1;
	}
	if (in_list(x, "state-heads", i) && !plural(x, "state-heads", i)) {
		*kind = "place";
		*el = "placeName";
		return 2;
	}
	if (in_list(x, "place-classifiers", i) && !plural(x, "place-classifiers", i)) {
		*kind = "place";
		*el = "placeName";
		return 3;
	}
	return 0;
}

static int surname_like(nx *x, size_t i);

/* After a conjunction in a run of capitalised words: does the run go on to
 * a head word of its own (Dağıstanın İttifaq Məclisi), so that both sides
 * belong to one name?  Not a plural head (Azərbaycan və Gürcüstan
 * hökumətləri: two bodies). */
static int coordinated_head(nx *x, size_t j)
{
	size_t k;
	const char *kind, *el;

	for (k = j; k < j + 4 && cap(x, k) && T(x, k)->space_before; k++) {
		int how = head_kind(x, k, &kind, &el);
		if (how == 1 || how == 2)
			return k > j; /* a name, then its head */
		if (boundary_word(x, k))
			return 0;
	}
	return 0;
}

/* Is token i a piece of a reference code: glued to a slash (IOR/L/PS/10),
 * or a series before a number with a slash (WO 95/4960)? */
static int in_code(nx *x, size_t i)
{
	if (i + 1 < x->c->n && !x->c->t[i + 1].space_before && is_punct(x, i + 1, "/"))
		return 1;
	if (i > 0 && !x->c->t[i].space_before && is_punct(x, i - 1, "/"))
		return 1;
	return i + 2 < x->c->n && x->c->t[i + 1].digits && !x->c->t[i + 2].space_before &&
	       is_punct(x, i + 2, "/");
}

/* Do the capitalised words after j reach a body's head word? */
static int reaches_head(nx *x, size_t j)
{
	const char *kind, *el;
	size_t k;

	for (k = j + 1; k < j + 4 && cap(x, k) && T(x, k)->space_before; k++)
		if (head_kind(x, k, &kind, &el) == 1)
			return 1;
	return 0;
}

/* A name run for an organisation or state: capitalised words (names of
 * places in the genitive included), lower-case modifiers and political
 * adjectives inside; it ends after a word in a case that ends names. */
static size_t name_run(nx *x, size_t i)
{
	size_t j = i;
	const char *kind, *el;

	while (j < x->c->n && j - i < 7) {
		if (j > i && !T(x, j)->space_before)
			break;
		/* (a word like a surname inside goes on to the head word:
		 * American Presbyterian Mission) */
		if (cap(x, j) && !(j > i && surname_like(x, j) && !reaches_head(x, j))) {
			j++;
		} else if (j > i &&
			   (in_list(x, "political-adjectives", j) ||
			    in_list(x, "org-modifiers", j) || in_list(x, "family-markers", j))) {
			j++;
		} else if (j > i && cap(x, j + 1) && in_list(x, "name-conjunctions", j) &&
			   !head_kind(x, j - 1, &kind, &el) && coordinated_head(x, j + 1)) {
			/* not after a name complete with its head (Milli Arxivi və
			 * Hindistan İşləri İdarəsi: two bodies) */
			j++; /* Ədəbiyyat və İncəsənət Arxivi */
		} else if (j > i && word(x, j) && x->c->lang && !strcmp(x->c->lang, "ru") &&
			   ends_in(x, "adjective-endings", j, 2)) {
			j++; /* Кавказской исламской армии */
		} else {
			break;
		}
		if (boundary_word(x, j - 1))
			break;
	}
	return j - i;
}

/* The key a body's head word is known by (a later Məclisin, Совета
 * stands for the body): where endings are appended, the lexicon's head
 * the word is made of (məclisinə and Məclisin are both məclis); else the
 * word without its suffixes.  New string. */
static char *head_key(nx *x, size_t i)
{
	size_t bl = 0;

	if (endings_appended(x) && word(x, i) &&
	    tf_ents__stem(x->lx, "org-heads", T(x, i)->fold, &bl) && bl > 0 &&
	    bl <= strlen(T(x, i)->fold))
		return strndup(T(x, i)->fold, bl);
	return strip_tok(x, i);
}

static void emit_head_phrase(nx *x, size_t i, size_t last, const char *kind, const char *el,
			     int how)
{
	char *key = key_of(x, i, last, 0), *name = display_of(x, i, last);
	const char *id =
	    key && name ? tf_ents__record(x->e, kind, key, name, x->c->lang, NULL) : NULL;

	if (id && !strcmp(kind, "org")) {
		/* the head word, not the tail after it (Товарищество … братьев
		 * Нобель: a later Товарищества stands for it) */
		size_t hw = last;
		const char *hk, *hel;
		char *head;
		while (hw > i && head_kind(x, hw, &hk, &hel) != 1)
			hw--;
		head = head_key(x, head_kind(x, hw, &hk, &hel) == 1 ? hw : last);
		if (head)
			tf_ents__set_head(x->e, id, head);
		free(head);
	}
	add(x, el, kind, i, last, id,
	    how == 1   ? "org-head"
	    : how == 2 ? "state-head"
		       : "place-classifier");
	free(key);
	free(name);
	/* an abbreviation in brackets joins the record: (RDHA) */
	if (id && is_punct(x, last + 1, "(") && word(x, last + 2) && T(x, last + 2)->all_upper &&
	    is_punct(x, last + 3, ")")) {
		tf_ents__set_abbr(x->e, id, T(x, last + 2)->text);
		add(x, el, kind, last + 2, last + 2, id, "abbreviation-of-name");
	}
}

static int not_a_name(nx *x, size_t i);
static int glued_honorific(nx *x, size_t i);
static int org_word(nx *x, size_t i);
static int initial(nx *x, size_t i);
static int after_honorific(nx *x, size_t i);

/* Army of the Black Sea, Chamber of Commerce: "of", maybe "the", then
 * capitalised words. */
static size_t of_tail(nx *x, size_t h)
{
	size_t j = h + 1;

	if (!word(x, j) || strcmp(T(x, j)->fold, "of") != 0)
		return h;
	j++;
	if (word(x, j) && !strcmp(T(x, j)->fold, "the"))
		j++;
	if (!cap(x, j))
		return h;
	while (cap(x, j + 1))
		j++;
	return j;
}

/* Russian names go on after the head in the genitive: Совет народных
 * комиссаров, Департамент полиции, комитета РСДРП. */
/* A lower-case word that may go on a name after its head: a genitive
 * ending (not a verb's) or a word known to (дел, наук). */
static int genitive_tail(nx *x, const tf_lexicon *l, size_t j)
{
	const tf_tok *t = T(x, j);

	if (!word(x, j) || t->upper)
		return 0;
	if (tf_lexicon__has(l, "genitive-tail-words", t->fold))
		return 1;
	return ends_in_lexicon(l, "genitive-tail-endings", t->fold, 3) &&
	       !ends_in_lexicon(l, "verb-endings", t->fold, 1);
}

static size_t ru_tail(nx *x, size_t h)
{
	const tf_lexicon *l = tf_lexicons__find(x->lx, x->c->lang);
	size_t j = h + 1, words = 0, n;

	/* the document language's genitive-tail-endings; none, no tail */
	if (!tf_lexicon__list(l, "genitive-tail-endings", &n))
		return h;
	while (word(x, j) && words < 3 && T(x, j)->space_before) {
		const tf_tok *t = T(x, j);
		const char *gid, *gk;
		size_t g;
		/* архиве Российской Федерации: the state that owns the body */
		if (cap(x, j) && !t->all_upper && (g = gaz_at(x, j, &gid, &gk)) != 0 &&
		    !strcmp(gk, "place")) {
			j += g;
			break;
		}
		/* армии | генерала Деникина: an office before a name is no part
		 * of the body's (съезда нефтепромышленников is) */
		if (in_list(x, "offices", j) && cap(x, j + 1))
			break;
		if (stopword(x, j)) {
			/* a conjunction between two words of the tail: торговли и
			 * промышленности */
			if (words > 0 && in_list(x, "name-conjunctions", j) &&
			    genitive_tail(x, l, j + 1) && T(x, j + 1)->space_before) {
				j++;
				continue;
			}
			break;
		}
		if (!t->all_upper && (t->upper || !genitive_tail(x, l, j)))
			break;
		j++;
		words++;
		if (t->all_upper) {
			/* РКП(б): the letter in brackets is the name's */
			if (is_punct(x, j, "(") && !T(x, j)->space_before && word(x, j + 1) &&
			    !T(x, j + 1)->upper &&
			    tf_layout__chars(T(x, j + 1)->text, strlen(T(x, j + 1)->text)) <= 2 &&
			    is_punct(x, j + 2, ")"))
				j += 3;
			break;
		}
	}
	/* братьев Нобель: a family's name after its marker ends the tail */
	if (j > h + 1 && in_list(x, "family-markers", j - 1) && cap(x, j) &&
	    T(x, j)->space_before) {
		while (cap(x, j + 1) && T(x, j + 1)->space_before && j - h < 8)
			j++;
		j++;
	}
	return j - 1;
}

static int head_phrase(nx *x, size_t i)
{
	size_t n, h, g;
	const char *kind = NULL, *el = NULL, *gid, *gk;
	int how = 0;

	if (T(x, i)->sent_start && stopword(x, i))
		return 0;
	/* Председатель Совета министров: an office stands outside the body */
	if (in_list(x, "offices", i))
		return 0;
	/* Sənədlər Azərbaycan Dövlət Arxivində: a word capitalised only for
	 * opening the sentence, before a name the gazetteer knows, is no part
	 * of the name (which is tried from the next word) */
	if (T(x, i)->sent_start && cap(x, i + 1) && T(x, i + 1)->space_before &&
	    !gaz_at(x, i, &gid, &gk) && gaz_at(x, i + 1, &gid, &gk))
		return 0;
	/* Russian: so is a noun opening the sentence before an adjective
	 * that opens a name (Решение | Тифлисского губернского комитета,
	 * Служащие | Товарищества); names begin with their adjectives */
	if (T(x, i)->sent_start && x->c->lang && !strcmp(x->c->lang, "ru") && cap(x, i + 1) &&
	    T(x, i + 1)->space_before && !ends_in(x, "adjective-endings", i, 2) &&
	    !gaz_at(x, i, &gid, &gk) && !head_kind(x, i, &gid, &gk))
		return 0;
	/* Türkiyədəki Ankara hökuməti: the first word is a place of its own;
	 * a surname is a person's, but in a family's firm (Orucov qardaşları
	 * mətbəəsi) */
	int ru = x->c->lang && !strcmp(x->c->lang, "ru");

	/* (a Russian adjective: Бакинская рабочая конференция, not a surname
	 * in -ская) */
	int surname = surname_like(x, i) && !in_list(x, "family-markers", i + 1) &&
		      !(ru && ends_in(x, "adjective-endings", i, 2) && word(x, i + 1) &&
			!cap(x, i + 1) && T(x, i + 1)->space_before);

	if (ends_in(x, "relational-suffixes", i, 3) || glued_honorific(x, i) ||
	    in_list(x, "given-names", i))
		return 0;
	n = name_run(x, i);
	if (n == 0)
		return 0;
	/* Komitənin …: a generic head word opening the run stands alone */
	if (head_kind(x, i, &kind, &el) == 1)
		return 0;
	/* a lower-case head after the run (Ankara hökuməti), or the run's
	 * own last word (Milli Qvardiya, Dağlı Respublikası) */
	h = i + n;
	/* (not after a run that ends in a body's own head word: Elmlər
	 * Akademiyasının | arxivində, the academy's archive) */
	if (!cap(x, h) && !(n >= 2 && cap(x, h - 1) && head_kind(x, h - 1, &kind, &el) == 1) &&
	    (how = head_kind(x, h, &kind, &el)) != 0 && T(x, h)->space_before &&
	    !boundary_word(x, h - 1)) {
		/* found */
	} else {
		h = i + n - 1;
		how = n >= 2 ? head_kind(x, h, &kind, &el) : 0;
		if (!how || how == 3)
			return 0;
	}
	/* a surname opens a person's name; but a run of capitalised words
	 * ending in its own head word is a body's (Anglo-Persian Oil Company) */
	if (surname && !(h == i + n - 1 && n >= 2))
		return 0;
	/* the British detachment, fransız nümayəndəliyi: an adjective of
	 * nationality with a lower-case head names nothing */
	if (h == i + n &&
	    (ru ? in_list(x, "ethnonyms", i) && T(x, i)->sent_start && n == 1
		: in_list(x, "ethnonyms", i) || ends_in(x, "adjective-endings", i, 3)))
		return 0; /* (but Британская военная миссия: more than the adjective) */
	/* Russian: a lone word opening the sentence before a lower-case head
	 * is capitalised only there; unless an adjective (Тифлисская
	 * типография) it names nothing (Заведовал типографией) */
	if (h == i + n && n == 1 && T(x, i)->sent_start && x->c->lang &&
	    !strcmp(x->c->lang, "ru") && !ends_in(x, "adjective-endings", i, 2) &&
	    !gaz_at(x, i, &gid, &gk))
		return 0;
	/* Russian: an adjective before a classifier (Апшеронского полуострова),
	 * not a noun (История района) */
	if (how == 3 && h == i + n && x->c->lang && !strcmp(x->c->lang, "ru") &&
	    !ends_in(x, "adjective-endings", h - 1, 2))
		return 0;
	/* a whole name the gazetteer knows wins (Sovet İttifaqı) */
	g = gaz_at(x, i, &gid, &gk);
	if (g == h - i + 1)
		return 0;
	h = of_tail(x, h);
	if (how == 1)
		h = ru_tail(x, h);
	/* the same with its tail (Государственном архиве Российской
	 * Федерации is the gazetteer's ГАРФ) */
	if (gaz_at(x, i, &gid, &gk) == h - i + 1)
		return 0;
	/* a classifier takes the name right before it, not a place in the
	 * genitive before that (Gürcüstanın | Zaqatala qəzasıyla) */
	if (how == 3) {
		size_t start = h - 1;
		while (start > i && cap(x, start - 1) && !gaz_at(x, start - 1, &gid, &gk))
			start--;
		if (start > i)
			return 0; /* the words before are tagged on their own */
	}
	/* Наркомнаца РСФСР: a body's word first, the state it belongs to
	 * after: the body */
	if (how == 2 && org_word(x, i)) {
		how = 1;
		kind = "org";
		el = "orgName";
	}
	emit_head_phrase(x, i, h, kind, el, how);
	return 1;
}

/* правительства Анкары, League of Nations: a head, then its owner */
static int head_then_name(nx *x, size_t i)
{
	const char *kind = NULL, *el = NULL, *gid, *gk;
	size_t j = i + 1, g, last;

	if (head_kind(x, i, &kind, &el) != 1)
		return 0;
	if (word(x, j) && !strcmp(T(x, j)->fold, "of") && cap(x, i)) {
		j++;
		if (word(x, j) && !strcmp(T(x, j)->fold, "the") && cap(x, j + 1))
			j++; /* Army of the Black Sea */
	} else if (j < x->c->n && T(x, j)->word && !strcmp(T(x, j)->fold, "of"))
		return 0;
	/* the owner straight after the head is Russian word order only
	 * (правительство Анкары); elsewhere "of" must join them */
	if (j == i + 1 && !(x->c->lang && !strcmp(x->c->lang, "ru")))
		return 0;
	/* and only with a standing institution of a state (ENCODING: not
	 * типографии Тифлиса) */
	if (j == i + 1 && !cap(x, i) && !in_list(x, "institution-heads", i))
		return 0;
	g = gaz_at(x, j, &gid, &gk);
	if (g)
		last = j + g - 1;
	else if (j > i + 1 && cap(x, j)) {
		last = j;
		while (
		    cap(x, last + 1) ||
		    (word(x, last + 1) && !strcmp(T(x, last + 1)->fold, "and") && cap(x, last + 2)))
			last += cap(x, last + 1) ? 1 : 2;
	} else {
		return 0;
	}
	if (!cap(x, i) && T(x, i)->sent_start)
		return 0;
	emit_head_phrase(x, i, last, "org", "orgName", 1);
	return 1;
}

/* ---- persons ---- */

static int initial(nx *x, size_t i)
{
	const tf_tok *t = T(x, i);
	/* a one-letter word (В Тифлисе, A. Smith) is an initial with a full
	 * stop after it, or when it is no word of the language */
	return t && word(x, i) && t->upper && tf_layout__chars(t->text, strlen(t->text)) == 1 &&
	       (is_punct(x, i + 1, ".") || !stopword(x, i));
}

/* A surname by its ending (-ov, -dze, -şvili) or one seen before. */
static int surname_like(nx *x, size_t i)
{
	const char *s, *fold = T(x, i)->fold;
	size_t k;
	int hit = 0;

	tf_word *w;

	if (!cap(x, i))
		return 0;
	s = stripped_of(x, i);
	if (!s)
		return 0;
	/* the ending is a property of the word: learnt once */
	in_list(x, "stopwords", i); /* makes sure the word record exists */
	w = T(x, i)->w;
	if (w && w->surname_ending) {
		hit = w->surname_ending == 2;
		k = tf_lexicons__count(x->lx);
	} else {
		k = 0;
	}
	/* an ending of the stripped or the folded word, three bytes left */
	for (; k < tf_lexicons__count(x->lx) && !hit; k++) {
		const tf_lexicon *l = tf_lexicons__get(x->lx, k);
		hit = tf_lexicon__ends_in(l, "surname-endings", s, 0, 3) ||
		      tf_lexicon__ends_in(l, "surname-endings", fold, 0, 3);
	}
	if (w && !w->surname_ending)
		w->surname_ending = hit ? 2 : 1;
	if (!hit && tf_ents__by_surname(x->e, s))
		hit = 1;
	return hit;
}

static void person(nx *x, size_t first, size_t last, const char *rule)
{
	char *key = key_of(x, first, last, 1), *name = display_of(x, first, last), *rkey = NULL;
	const char *id = NULL, *hon = NULL;

	if (!key || !name || !*key) {
		free(key);
		free(name);
		return;
	}
	/* a name of the user's authority file (or a person gazetteer) */
	{
		const char *gk = NULL, *gid = tf_ents__gaz(x->e, key, &gk);
		if (!(gid && gk && !strcmp(gk, "pers"))) {
			char *fname = tf_text__fold(name, x->c->lang);
			gid = fname ? tf_ents__gaz(x->e, fname, &gk) : NULL;
			free(fname);
		}
		if (gid && gk && !strcmp(gk, "pers"))
			id = tf_ents__record(x->e, "pers", gid, name, x->c->lang, gid);
	}
	/* one word: a surname known from a fuller mention, whose given name
	 * fits the initial (C.X. Naxçıvanski); or a given name with its
	 * honorific (Kalbalı xana) */
	if (!id && !strchr(key, ' ')) {
		char ini[8] = "";
		size_t k;
		for (k = first; k <= last; k++) {
			if (!ini[0] && initial(x, k) && strlen(T(x, k)->fold) < sizeof ini)
				snprintf(ini, sizeof ini, "%s", T(x, k)->fold);
			if (!hon && k > first && after_honorific(x, k))
				hon = stripped_of(x, k); /* xana: xan */
		}
		if (hon)
			id = tf_ents__by_given(x->e, key, hon);
		if (!id)
			id = tf_ents__by_surname_initial(x->e, key, ini[0] ? ini : NULL);
		/* (with its honorific only: Xəlil bəy is not Xəlil paşa) */
		if (id && hon && !tf_ents__name_has(x->e, id, hon))
			id = NULL;
		/* a given name with an honorific is known by both */
		if (!id && hon) {
			size_t n = strlen(key) + strlen(hon) + 2;
			rkey = malloc(n);
			if (rkey)
				snprintf(rkey, n, "%s %s", key, hon);
		}
	}
	/* the same person named in another language (Dunsterville,
	 * Денстервиля) */
	if (!id && !tf_ents__ref(x->e, "pers", rkey ? rkey : key, NULL, NULL))
		id = tf_ents__by_skeleton(x->e, key, x->c->lang);
	if (!id)
		id = tf_ents__record(x->e, "pers", rkey ? rkey : key, name, x->c->lang, NULL);
	free(rkey);
	if (id) {
		const char *sp = strrchr(key, ' ');
		tf_ents__set_surname(x->e, id, sp ? sp + 1 : key);
	}
	add(x, "persName", "pers", first, last, id, rule);
	free(key);
	free(name);
}

/* The word carries a case ending, so the name ends with it (Leninə,
 * Orconikidzenin). */
static int case_marked(nx *x, size_t i)
{
	/* the document language's name-case-endings: unambiguous ones only,
	 * since a name may itself end in -a, -in, -ə; four letters stay */
	return ends_in_lexicon(tf_lexicons__find(x->lx, x->c->lang), "name-case-endings",
			       T(x, i)->fold, 4);
}

/* A person's name from i: initials, capitalised words and honorifics.
 * Returns the last token, or (size_t)-1. */
/* A capitalised word made with a body's word, as the lexicons' list
 * "org-word-parts" gives them: at its end (n="end": Дагревком,
 * Дагревкома) or its start (n="start": Наркомзем, Наркомнаца), with three
 * letters or more besides. */
static int org_word(nx *x, size_t i)
{
	const char *f = cap(x, i) ? T(x, i)->fold : NULL;
	size_t k, m, cnt, n, cut;

	if (!f)
		return 0;
	n = strlen(f);
	for (k = 0; k < tf_lexicons__count(x->lx); k++) {
		const tf_lexicon *l = tf_lexicons__get(x->lx, k);
		const char *const *items = tf_lexicon__folded(l, "org-word-parts", &cnt);
		for (m = 0; m < cnt; m++) {
			const char *it = items[m], *v;
			size_t il = strlen(it);
			/* (the item somewhere in the word, first) */
			if (n < il || !strstr(f, it))
				continue;
			v = tf_lexicon__value(l, "org-word-parts", it);
			if (!v)
				continue;
			if (!strcmp(v, "start") && !strncmp(f, it, il) &&
			    tf_layout__chars(f + il, n - il) >= 3)
				return 1;
			/* at the end, maybe with a case ending after it (Дагревкома) */
			for (cut = 0; !strcmp(v, "end") && cut <= 6 && n >= il + cut; cut++) {
				if (strncmp(f + n - cut - il, it, il) != 0 ||
				    tf_layout__chars(f, n - cut - il) < 3)
					continue;
				if (!cut || tf_lexicon__has(l, "suffixes", f + n - cut))
					return 1;
			}
		}
	}
	return 0;
}

/* An honorific written after a name (bəy, xan, paşa, shah). */
static int after_honorific(nx *x, size_t i)
{
	const char *v = in_list(x, "honorifics", i);

	return v && !strcmp(v, "after");
}

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
		/* T. II, Vol. IV: initials before a Roman numeral name a volume */
		if (last == (size_t)-1 && T(x, j) && T(x, j)->roman && T(x, j)->all_upper)
			break;
		if (cap(x, j) &&
		    !(j > i && T(x, j)->space_before == 0 && !is_punct(x, j - 1, "."))) {
			const char *hon = in_list(x, "honorifics", j);
			const char *gid, *gk, *gk2;
			if (j > i && !hon && gaz_at(x, j, &gid, &gk) &&
			    (boundary_word(x, j) || in_list(x, "honorifics", j - 1) ||
			     !strcmp(gk, "org") ||
			     (!strcmp(gk, "place") && last != (size_t)-1 &&
			      (surname_like(x, last) || (!in_list(x, "given-names", last) &&
							 tf_ents__gaz(x->e, T(x, j)->fold, &gk2) &&
							 !strcmp(gk2, "place"))))))
				break; /* Bəkir Sami bəy Moskvadan; not Həsənbəy Zərdabi;
					* Ostrovski | Polşa tərəfindən; Thomson | Baku
					* (a place's own name after a name not a given one) */
			/* two people side by side: Molodetski Korbeli */
			if (last != (size_t)-1 && !hon && surname_like(x, last) &&
			    surname_like(x, j) && !in_list(x, "given-names", last) &&
			    !in_list(x, "honorifics", last))
				break;
			/* (a surname made from a people's name or an office is a
			 * surname after initials or a given name: Б.Э. Калмыков,
			 * Бетал Калмыков, Г.Г. Казаков) */
			if ((in_list(x, "ethnonyms", j) &&
			     !(last == (size_t)-1 ? j > i
						  : in_list(x, "given-names", last) != NULL)) ||
			    in_list(x, "months", j) ||
			    /* (but a title that follows a name, Məhəmmədəli şah,
			     * or a given name before bəy: Əmir bəy, Sultan bəy) */
			    (in_list(x, "offices", j) && !(hon && last != (size_t)-1) &&
			     !after_honorific(x, j + 1) && !(last == (size_t)-1 && j > i)) ||
			    (j > i && !hon &&
			     (in_list(x, "org-heads", j) || in_list(x, "state-heads", j))))
				break;
			/* Artvin-Ərdahan rayonuna, Simpson | Araz-Türk hökumətinin: a
			 * name a classifier or a body's head word follows is a place's
			 * or a body's, not the next part of a person's name */
			if (j > i && !hon && word(x, j + 1) && !cap(x, j + 1) &&
			    T(x, j + 1)->space_before && !surname_like(x, j)) {
				const char *hk, *hel;
				if (in_list(x, "place-classifiers", j + 1) ||
				    head_kind(x, j + 1, &hk, &hel))
					break;
			}
			/* Tomson | Naxçıvan, Şərur və Ordubad: a place opening a
			 * list of places */
			if (j > i && !hon && gaz_at(x, j, &gid, &gk) == 1 && !strcmp(gk, "place") &&
			    (is_punct(x, j + 1, ",") || in_list(x, "name-conjunctions", j + 1))) {
				const char *g2, *k2;
				if (gaz_at(x, j + 2, &g2, &k2) && !strcmp(k2, "place"))
					break;
			}
			last = j++;
			words++;
			if (case_marked(x, last) && !in_list(x, "honorifics", j))
				break;
			continue;
		}
		/* Abbas Sərrafın | oğlu: the son of the name before, not part of it */
		if (word(x, j) && last != (size_t)-1 && in_list(x, "patronymics", j) &&
		    ends_in_lexicon(tf_lexicons__find(x->lx, x->c->lang), "genitive-endings",
				    T(x, last)->fold, 3))
			break;
		if (word(x, j) && last != (size_t)-1 && in_list(x, "honorifics", j)) {
			last = j++;
			if (case_marked(x, last))
				break;
			continue;
		}
		break;
	}
	return last;
}

/* A name with the honorific glued on: Cavadbəy, Aslanbəy, Həsənbəyin. */
static int glued_honorific(nx *x, size_t i)
{
	char *s;
	size_t k, m, n, cnt;
	int hit = 0;
	tf_word *w;

	if (!cap(x, i))
		return 0;
	in_list(x, "stopwords", i); /* makes sure the word record exists */
	w = T(x, i)->w;
	if (w && w->glued_honorific)
		return w->glued_honorific == 2;
	s = strip_tok(x, i);
	n = s ? strlen(s) : 0;
	/* an honorific that follows names (bəy, xan, бек), written as the
	 * word's ending */
	for (k = 0; s && k < tf_lexicons__count(x->lx) && !hit; k++) {
		const tf_lexicon *l = tf_lexicons__get(x->lx, k);
		const char *const *items = tf_lexicon__folded(l, "honorifics", &cnt);
		for (m = 0; m < cnt && !hit; m++) {
			const char *f = items[m], *v;
			size_t fl = strlen(f);
			if (fl < 3 || n <= fl + 2 || strcmp(s + n - fl, f) != 0 || strchr(f, ' '))
				continue;
			v = tf_lexicon__value(l, "honorifics", f);
			hit = v && !strcmp(v, "after") && tf_layout__chars(s, n) > 5;
		}
	}
	free(s);
	if (w)
		w->glued_honorific = hit ? 2 : 1;
	return hit;
}

static int has_cue(nx *x, size_t first, size_t last)
{
	size_t i;

	for (i = first; i <= last; i++) {
		if (!T(x, i)->word)
			continue;
		if (initial(x, i) || in_list(x, "honorifics", i) || in_list(x, "given-names", i))
			return 1;
		if (glued_honorific(x, i))
			return 1;
		if (surname_like(x, i))
			return 1;
	}
	return 0;
}

/* Jupikova E.F., Mamulia Q.Q.: a surname then initials (references). */
static size_t reversed_initials(nx *x, size_t i)
{
	size_t j = i + 1, n = 0;

	if (!cap(x, i) || initial(x, i) || stopword(x, i))
		return (size_t)-1; /* Позже М.Э. Расулзаде: no surname before */
	while (initial(x, j) && is_punct(x, j + 1, ".")) {
		j += 2;
		n++;
	}
	return n ? j - 1 : (size_t)-1;
}

/* Russian: a capitalised adjective, maybe lower-case ones after it, then a
 * lower-case head word (Бакинского губернского жандармского управления):
 * a body's name, not a person's. */
static int adjectives_to_head(nx *x, size_t j)
{
	const char *kind, *el;
	size_t k;

	if (!x->c->lang || strcmp(x->c->lang, "ru") != 0 || !ends_in(x, "adjective-endings", j, 2))
		return 0;
	for (k = j + 1; k < j + 5 && word(x, k) && !cap(x, k) && T(x, k)->space_before; k++) {
		if (head_kind(x, k, &kind, &el))
			return 1;
		if (!ends_in(x, "adjective-endings", k, 2))
			return 0;
	}
	return 0;
}

static size_t after_office(nx *x, size_t i)
{
	size_t last;
	const char *gid, *gk;

	if (!in_list(x, "offices", i) || !(cap(x, i + 1) || initial(x, i + 1)))
		return (size_t)-1;
	if (gaz_at(x, i + 1, &gid, &gk) || head_kind(x, i + 1, &gid, &gk))
		return (size_t)-1; /* "nazir Fransa": a place */
	if (adjectives_to_head(x, i + 1))
		return (size_t)-1; /* начальника | Бакинского губернского управления */
	if (T(x, i + 1)->all_upper &&
	    tf_layout__chars(T(x, i + 1)->text, strlen(T(x, i + 1)->text)) > 1)
		return (size_t)-1; /* члены | РКП(б): a body's abbreviation */
	last = person_run(x, i + 1);
	return last;
}

/* A capitalised word that is not a name whatever its place. */
static int not_a_name(nx *x, size_t i)
{
	return T(x, i)->roman || in_list(x, "ethnonyms", i) || in_list(x, "months", i) ||
	       (in_list(x, "offices", i) && !after_honorific(x, i + 1)) ||
	       in_list(x, "date-words", i) || in_list(x, "political-adjectives", i) ||
	       in_list(x, "abbreviations", i) || in_list(x, "place-prefixes", i) ||
	       ends_in(x, "adjective-endings", i, 3);
}

static int container_is_title(nx *x)
{
	return x->c->is_title;
}

/* In a list of places (Tala, Car, Çardaxlar və Zaqatala), a word taken
 * for a person only because it was capitalised is a place too. */
static int list_joint(nx *x, size_t a, size_t b)
{
	size_t k;

	if (b <= a + 1)
		return 0;
	for (k = a + 1; k < b; k++) {
		const tf_tok *t = T(x, k);
		if (t->word ? !(in_list(x, "stopwords", k) &&
				tf_layout__chars(t->fold, strlen(t->fold)) <= 3)
			    : strcmp(t->text, ",") != 0)
			return 0;
	}
	return b - a <= 3;
}

static void coordinate(nx *x)
{
	size_t i, k;
	int changed = 1;

	while (changed) {
		changed = 0;
		for (i = 0; i < x->c->nspans; i++) {
			tf_span *s = &x->c->spans[i], *o;
			if (strcmp(s->elem, "persName") != 0 || !s->rule ||
			    strcmp(s->rule, "capitalised") != 0)
				continue;
			for (k = 0; k < x->c->nspans; k++) {
				o = &x->c->spans[k];
				if (strcmp(o->elem, "placeName") != 0)
					continue;
				if (list_joint(x, s->last, o->first) ||
				    list_joint(x, o->last, s->first)) {
					char *key = key_of(x, s->first, s->last, 0),
					     *name = text_of(x, s->first, s->last);
					const char *ref =
					    key && name ? tf_ents__record(x->e, "place", key, name,
									  x->c->lang, NULL)
							: NULL;
					s->elem = "placeName";
					s->kind = "place";
					s->rule = "place-list";
					free(s->ref);
					s->ref = ref ? strdup(ref) : NULL;
					free(key);
					free(name);
					changed = 1;
					break;
				}
			}
		}
	}
}

static int is_open_quote(nx *x, size_t i)
{
	return is_punct(x, i, "\xE2\x80\x9C") || is_punct(x, i, "\xC2\xAB") ||
	       is_punct(x, i, "\xE2\x80\x9E") || is_punct(x, i, "\"");
}

static int is_close_quote(nx *x, size_t i)
{
	return is_punct(x, i, "\xE2\x80\x9D") || is_punct(x, i, "\xC2\xBB") ||
	       is_punct(x, i, "\xE2\x80\x9C") || is_punct(x, i, "\"");
}

/* ---- the pass ---- */

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
	x.gz_done = calloc(c->n + 1, 1);
	x.gz_n = calloc(c->n + 1, sizeof *x.gz_n);
	x.gz_id = calloc(c->n + 1, sizeof *x.gz_id);
	x.gz_kind = calloc(c->n + 1, sizeof *x.gz_kind);
	if (!x.taken || !x.gz_done || !x.gz_n || !x.gz_id || !x.gz_kind) {
		free(x.taken);
		free(x.gz_done);
		free(x.gz_n);
		free(x.gz_id);
		free(x.gz_kind);
		return tf_error__set(TF_ENOMEM, "out of memory");
	}
	for (i = 0; i < c->nspans; i++)
		take(&x, c->spans[i].first, c->spans[i].last);
	for (i = 0; i < c->n; i++) {
		size_t last, g;
		const char *id = NULL, *kind = NULL;

		/* “Kaspi” mehmanxanasında, “Nicat” cəmiyyəti: a quoted name and
		 * the classifier or head word after it, quotes inside */
		if (!word(&x, i) && is_open_quote(&x, i) && cap(&x, i + 1)) {
			size_t q = i + 1;
			const char *hk = NULL, *hel = NULL;
			int how;
			while (q < c->n && q - i < 6 && !is_close_quote(&x, q))
				q++;
			/* “Nicat” maarif cəmiyyəti: up to two lower-case words
			 * may stand between the name and its head */
			size_t hd = q + 1;
			while (hd < q + 3 && hd < c->n && word(&x, hd) && !cap(&x, hd) &&
			       !stopword(&x, hd) && !head_kind(&x, hd, &hk, &hel) &&
			       stripped_of(&x, hd) && !strcmp(stripped_of(&x, hd), T(&x, hd)->fold))
				hd++; /* bare modifiers only (not dərsliyi gimnaziyada) */
			if (q < c->n && is_close_quote(&x, q) &&
			    (how = head_kind(&x, hd, &hk, &hel)) != 0 && !cap(&x, hd) &&
			    T(&x, hd)->space_before &&
			    !plural(&x,
				    how == 1   ? "org-heads"
				    : how == 2 ? "state-heads"
					       : "place-classifiers",
				    hd)) {
				emit_head_phrase(&x, i, hd, hk, hel, how);
				i = hd;
				continue;
			}
		}
		/* партии «Мусават», фирма «А.И. Манташев и К°», посёлок «Вилла
		 * Петролея»: a head word or classifier (or an abbreviation of
		 * one, ЦК) before a quoted name, quotes inside */
		if (word(&x, i) && is_open_quote(&x, i + 1) && cap(&x, i + 2) &&
		    T(&x, i + 1)->space_before && !endings_appended(&x)) {
			/* (where endings are appended, the head follows the quoted
			 * name: “Kaspi” mehmanxanası, below) */
			size_t q = i + 2;
			const char *hk = NULL, *hel = NULL;
			int how = head_kind(&x, i, &hk, &hel);
			int classifier = how && in_list(&x, "name-classifiers", i);
			while (q < c->n && q - i < 12 && !is_close_quote(&x, q))
				q++;
			if (!how && T(&x, i)->all_upper && in_list(&x, "abbreviations", i)) {
				how = 1;
				hk = "org";
				hel = "orgName";
			}
			if (q < c->n && is_close_quote(&x, q) && how &&
			    !plural(&x,
				    how == 1   ? "org-heads"
				    : how == 2 ? "state-heads"
					       : "place-classifiers",
				    i)) {
				/* партии «Мусават» is the party the gazetteer knows as
				 * Мусават: its record (ЦК «Мусавата», a body of it,
				 * keeps one of its own) */
				const char *gid = NULL, *gk = NULL;
				if (classifier && gaz_at(&x, i + 2, &gid, &gk) == q - i - 2 &&
				    !strcmp(gk, hk)) {
					char *name = text_of(&x, i, q);
					const char *ref =
					    name ? tf_ents__record(e, gk, gid, name, c->lang, gid)
						 : NULL;
					add(&x, hel, hk, i, q, ref, "quoted-name");
					free(name);
				} else {
					emit_head_phrase(&x, i, q, hk, hel, how);
				}
				i = q;
				continue;
			}
		}
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
			while (word(&x, j + 1) &&
			       (is_punct(&x, j, ",") || in_list(&x, "stopwords", j)) &&
			       cap(&x, j + 1) && !gaz_at(&x, j + 1, &id, &kind) &&
			       !not_a_name(&x, j + 1)) {
				size_t l2 = person_run(&x, j + 1), q;
				const char *hk, *he;
				int phrase = 0;
				if (l2 == (size_t)-1)
					break;
				for (q = j + 1; q <= l2 + 1 && !phrase; q++)
					phrase = head_kind(&x, q, &hk, &he) != 0;
				if (phrase)
					break;
				person(&x, j + 1, l2, "office-list");
				j = l2 + 1;
			}
			i = j - 1;
			continue;
		}
		/* правительства Анкары */
		if (c->lang && !strcmp(c->lang, "ru") && !cap(&x, i) && head_then_name(&x, i)) {
			while (i + 1 < c->n && x.taken[i + 1])
				i++;
			continue;
		}
		/* bolşevik Rusiyasının, большевистская Россия: a political
		 * adjective in lower case opening a name the gazetteer knows */
		if (!cap(&x, i) && in_list(&x, "political-adjectives", i) && cap(&x, i + 1) &&
		    T(&x, i + 1)->space_before) {
			g = gaz_at_uncached(&x, i, &id, &kind);
			if (g >= 2 && !strcmp(kind, "place")) {
				char *name = text_of(&x, i, i + g - 1);
				const char *ref =
				    name ? tf_ents__record(e, kind, id, name, c->lang, id) : NULL;
				add(&x, "placeName", "place", i, i + g - 1, ref, "gazetteer");
				free(name);
				i += g - 1;
				continue;
			}
		}
		if (!cap(&x, i))
			continue;
		if (head_phrase(&x, i) || head_then_name(&x, i)) {
			while (i + 1 < c->n && x.taken[i + 1])
				i++;
			continue;
		}
		/* Qərbi Gürcüstan, Şimali Qafqaz */
		if (in_list(&x, "place-prefixes", i) && (g = gaz_at(&x, i + 1, &id, &kind)) != 0 &&
		    !strcmp(kind, "place") && gaz_at(&x, i, &id, &kind) <= 1) {
			char *key = key_of(&x, i, i + g, 0), *name = text_of(&x, i, i + g);
			const char *ref =
			    key && name ? tf_ents__record(e, "place", key, name, c->lang, NULL)
					: NULL;
			add(&x, "placeName", "place", i, i + g, ref, "place-prefix");
			free(key);
			free(name);
			i += g;
			continue;
		}
		g = gaz_at(&x, i, &id, &kind);
		/* an adjective of nationality is no place, though the gazetteer
		 * reaches it through a suffix (Azerbaijani) */
		if (g == 1 && any_has(&x, "ethnonyms", T(&x, i)->fold))
			g = 0;
		if (g) {
			char *name = text_of(&x, i, i + g - 1);
			const char *ref =
			    name ? tf_ents__record(e, kind, id, name, c->lang, id) : NULL;
			/* quotation marks around a body's name are inside
			 * (ENCODING); a place in quotes is mostly a paper's title */
			size_t a = i, z = i + g - 1;
			if (!strcmp(kind, "org") && i > 0 && is_open_quote(&x, i - 1) &&
			    !x.taken[i - 1] && is_close_quote(&x, z + 1)) {
				a--;
				z++;
			}
			/* Бакинский Совет: a later Совета stands for it; and the
			 * words in the genitive after it are its name's own
			 * (Бакинский Совет рабочих депутатов) */
			{
				const char *hk, *hel;
				size_t hw = i + g - 1;
				/* (the head of a name with its tail: Бакинский Совет
				 * рабочих депутатов) */
				while (hw > i && !cap(&x, hw) && head_kind(&x, hw, &hk, &hel) != 1)
					hw--;
				if (ref && !strcmp(kind, "org") &&
				    head_kind(&x, hw, &hk, &hel) == 1) {
					char *hs = head_key(&x, hw);
					if (hs)
						tf_ents__set_head(e, ref, hs);
					free(hs);
					if (z == i + g - 1 && hw == z)
						z = ru_tail(&x, z);
				}
			}
			add(&x,
			    !strcmp(kind, "org")    ? "orgName"
			    : !strcmp(kind, "pers") ? "persName"
						    : "placeName",
			    kind, a, z, ref, "gazetteer");
			free(name);
			i = z;
			continue;
		}
		/* Дагревком, Наркомзема: a word made with a body's word */
		if (!T(&x, i)->all_upper && org_word(&x, i)) {
			char *key = key_of(&x, i, i, 0), *name = display_of(&x, i, i);
			const char *ref = key && name
					      ? tf_ents__record(e, "org", key, name, c->lang, NULL)
					      : NULL;
			add(&x, "orgName", "org", i, i, ref, "org-word");
			free(key);
			free(name);
			continue;
		}
		/* an abbreviation in capitals: RDHA, ГАРФ; not a piece of a
		 * reference code (IOR/L/PS/10, WO 95/4960) */
		if (T(&x, i)->all_upper && !T(&x, i)->roman &&
		    tf_layout__chars(T(&x, i)->text, strlen(T(&x, i)->text)) <= 10 &&
		    !not_a_name(&x, i) && !in_code(&x, i)) {
			size_t l = i;
			char *name, *key;
			const char *ref;
			/* ЦГИА АР: capitals in a row are one name */
			while (word(&x, l + 1) && T(&x, l + 1)->all_upper &&
			       T(&x, l + 1)->space_before && !T(&x, l + 1)->roman)
				l++;
			/* РКП(б): a letter in brackets glued to it is the name's */
			if (is_punct(&x, l + 1, "(") && !T(&x, l + 1)->space_before &&
			    word(&x, l + 2) && !T(&x, l + 2)->upper &&
			    tf_layout__chars(T(&x, l + 2)->text, strlen(T(&x, l + 2)->text)) <= 2 &&
			    is_punct(&x, l + 3, ")"))
				l += 3;
			name = text_of(&x, i, l);
			key = name ? tf_text__fold(name, c->lang) : NULL;
			ref = name ? tf_ents__by_abbr(e, name) : NULL;
			if (!ref && key)
				ref = tf_ents__record(e, "org", key, name, c->lang, NULL);
			add(&x, "orgName", "org", i, l, ref, "abbreviation");
			free(name);
			free(key);
			i = l;
			continue;
		}
		/* Jupikova E.F. */
		last = reversed_initials(&x, i);
		if (last != (size_t)-1) {
			person(&x, i, last, "initials-after");
			i = last;
			continue;
		}
		/* a capitalised head word alone stands for the body last named
		 * with it (Komitə, Respublika) */
		{
			const char *hk = NULL, *hel = NULL;
			int how = head_kind(&x, i, &hk, &hel);
			if (how == 1 && ru_tail(&x, i) > i) {
				emit_head_phrase(&x, i, ru_tail(&x, i), "org", "orgName", 1);
				i = ru_tail(&x, i);
				continue;
			}
			if (how == 1 || how == 2) {
				char *head = head_key(&x, i);
				const char *ref =
				    head && how == 1 ? tf_ents__by_head(e, head) : NULL;
				/* opening a sentence, a head word no body named before
				 * is capitalised only there (Отрядом командовал) */
				if (!ref && T(&x, i)->sent_start) {
					free(head);
					continue;
				}
				if (!ref && head) {
					ref = tf_ents__record(e, hk, head, T(&x, i)->text, c->lang,
							      NULL);
					if (ref && how == 1)
						tf_ents__set_head(e, ref, head);
				}
				add(&x, hel, hk, i, i, ref, "generic-head");
				free(head);
				continue;
			}
		}
		if (not_a_name(&x, i))
			continue;
		/* Работала Софья Ковалевская: a word capitalised for opening the
		 * sentence, with no cue of its own, before a name that has one
		 * is no part of it */
		if (T(&x, i)->sent_start && cap(&x, i + 1) && T(&x, i + 1)->space_before &&
		    !has_cue(&x, i, i) &&
		    (in_list(&x, "given-names", i + 1) || in_list(&x, "honorifics", i + 1) ||
		     initial(&x, i + 1)))
			continue;
		last = person_run(&x, i);
		if (last == (size_t)-1)
			continue;
		/* “Molla Nəsrəddin”, «Правда»: a name in quotation marks is the
		 * title of a paper or book, not a person */
		if (i > 0 && is_open_quote(&x, i - 1) && is_close_quote(&x, last + 1)) {
			i = last;
			continue;
		}
		{
			int cue = has_cue(&x, i, last);
			/* English capitalises much that is no name: there the cue
			 * is needed */
			int caps_mean_names =
			    c->lang && (!strcmp(c->lang, "az") || !strcmp(c->lang, "ru"));
			const char *rule =
			    cue ? "name-cue"
			    : (caps_mean_names && !T(&x, i)->sent_start && x.running &&
			       !stopword(&x, i) && !container_is_title(&x))
				? "capitalised"
				: NULL;
			if (!rule || (T(&x, i)->sent_start && stopword(&x, i)))
				continue;
			if (T(&x, i)->sent_start && !cue)
				continue;
			/* в Кайтаге, из Гуниба, аула Гоцо: without a cue of a
			 * person, a name after a preposition of place or a
			 * classifier is a place's */
			if (!cue && i > 0 && !cap(&x, i - 1) &&
			    (in_list(&x, "place-prepositions", i - 1) ||
			     (in_list(&x, "place-classifiers", i - 1) &&
			      !plural(&x, "place-classifiers", i - 1)))) {
				char *key = key_of(&x, i, last, 0), *name = display_of(&x, i, last);
				const char *ref = key && name ? tf_ents__record(e, "place", key,
										name, c->lang, NULL)
							      : NULL;
				add(&x, "placeName", "place", i, last, ref, "place-cue");
				free(key);
				free(name);
				i = last;
				continue;
			}
			person(&x, i, last, rule);
			i = last;
		}
	}
	coordinate(&x);
	free(x.taken);
	free(x.gz_done);
	free(x.gz_n);
	free(x.gz_id);
	free(x.gz_kind);
	return 0;
}
