/* SPDX-License-Identifier: MIT */
/*
 * test_convert.c — unit tests of the converter's stages: layout recovery,
 * blocks and headings, language identification, lexicons, notes and
 * references, quotations, metadata, and the whole pipeline on small texts
 * written for the purpose.
 */
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#define TF_TEST_XPATH
#include "tf_test.h"
#include "convert_internal.h"
#include "blocks.h"
#include "ents.h"

static const char *tmpdir;

/* Joins lines with newlines ("" entries make the extractor's double
 * spacing; adjacent entries are adjacent lines). */
static char *spaced(const char *const *lines)
{
	tf_buf b = TF_BUF_INIT;
	size_t i;

	for (i = 0; lines[i]; i++) {
		tf_buf__puts(&b, lines[i]);
		tf_buf__puts(&b, "\n");
	}
	return tf_buf__detach(&b);
}

static tf_doc *convert(const char *text, tf_diag_list *diags)
{
	tf_doc *doc = NULL;
	tf_convert_options o = TF_CONVERT_OPTIONS_INIT;

	o.date = "2026-01-01";
	o.source_name = "test.txt";
	if (tf_convert_text(&doc, text, strlen(text), &o, diags) < 0)
		fprintf(stderr, "convert failed: %s\n", tf_error_last());
	return doc;
}

/* An English article laid out like the PDF extraction: double spacing,
 * indented page starts, marks on their own lines, footnote blocks. */
static const char *const english[] = {
    " Abstract ",
    "",
    "This article studies the correspondence of a provincial governor with the ",
    "",
    "ministry in the years before the war and what it tells about the state. ",
    " Introduction ",
    "",
    " ",
    "",
    "The governor wrote to the ministry every week, and his letters survive in the ",
    "",
    "regional archive in a nearly complete series that has never been studied in ",
    "",
    "full by historians of the period or by anyone else who worked there.",
    "1",
    " The letters describe the harvest, the roads and the mood of the towns as the ",
    "",
    "governor saw them on his journeys across the province and its dis-",
    "",
    "tricts during every season of the year.",
    "2",
    " ",
    "",
    "A second paragraph begins here and it is long enough to fill one whole line ",
    "",
    "of the printed page so that the layout can be told apart from the end. ",
    "",
    "                                                             ",
    "1 Regional State Archive (RSA), fond 12, inventory 3, file 45, folio 6.  ",
    "2 J. Smith, Provincial Letters. London, 1999, p. 12; RSA, fond 12, ",
    "inventory 3, file 46, folio 7. ",
    " It ends on the next page with a quotation: “the roads were so bad that no ",
    "",
    "cart could pass for a week”. The letters stop in the spring of that year. ",
    "",
    NULL};

static void test_layout(void)
{
	char *text = spaced(english);
	tf_layout l;
	size_t i, marks = 0, pages = 0;

	CHECK(tf_layout__read(&l, text, strlen(text), "t", NULL) == 0);
	CHECK(l.double_spaced);
	CHECK(l.nnotes == 2);
	if (l.nnotes == 2) {
		CHECK(l.notes[0].n == 1);
		CHECK_STR(l.notes[1].text,
			  "J. Smith, Provincial Letters. London, 1999, p. 12; RSA, "
			  "fond 12, inventory 3, file 46, folio 7.");
	}
	for (i = 0; i < l.nev; i++) {
		marks += l.ev[i].kind == TF_EV_MARK;
		pages += l.ev[i].kind == TF_EV_PAGE;
	}
	CHECK(marks == 2);
	CHECK(pages == 3); /* the first page, " Introduction " after the abstract, the last */
	tf_layout__free(&l);
	free(text);
}

/* Line-end hyphens: a word split only by the line end, written whole
 * elsewhere in the text, is joined; a compound, a number's ending and a
 * doubled word keep their hyphen; in notes too. */
static void test_layout_hyphens(void)
{
	const char *text = " Redaktorları gəldi və qəzetin redaktor-\n"
			   "luğu dəyişdi, nöqteyi-\n"
			   "nəzərindən 1920-\n"
			   "ci ildə ayrı-\n"
			   "ayrı yazırdılar.\n"
			   "                                                             \n"
			   "1 Redaktorluq haqqında: müstəqil-\n"
			   "liyini itirmiş redaktor-\n"
			   "lar, müstəqilliyə qayıdış.\n";
	tf_layout l;
	tf_buf b = TF_BUF_INIT;
	size_t i;
	int prev = 0;
	char *joined;

	CHECK(tf_layout__read(&l, text, strlen(text), "t", NULL) == 0);
	for (i = 0; i < l.nev; i++)
		if (l.ev[i].kind == TF_EV_LINE) {
			tf_layout__join(&b, l.ev[i].text, prev);
			prev = l.ev[i].hyphen_end;
		}
	joined = tf_buf__detach(&b);
	CHECK_STR(joined, "Redaktorları gəldi və qəzetin redaktorluğu dəyişdi, "
			  "nöqteyi-nəzərindən 1920-ci ildə ayrı-ayrı yazırdılar.");
	free(joined);
	CHECK(l.nnotes == 1);
	if (l.nnotes == 1)
		CHECK_STR(l.notes[0].text, "Redaktorluq haqqında: müstəqilliyini itirmiş "
					   "redaktorlar, müstəqilliyə qayıdış.");
	tf_layout__free(&l);
}

static void test_layout_formfeed(void)
{
	const char *text = "First page line one of the text.\nstill on page one.\n\fSecond page.\n";
	tf_layout l;
	size_t i, pages = 0;

	CHECK(tf_layout__read(&l, text, strlen(text), "t", NULL) == 0);
	CHECK(!l.double_spaced);
	for (i = 0; i < l.nev; i++)
		pages += l.ev[i].kind == TF_EV_PAGE;
	CHECK(pages == 2);
	tf_layout__free(&l);
}

static void test_pipeline_english(void)
{
	char *text = spaced(english);
	tf_diag_list *d = NULL;
	tf_doc *doc;

	tf_diag_list_new(&d);
	doc = convert(text, d);
	CHECK(doc != NULL);
	if (doc) {
		CHECK_XPATH(doc, "string(/t:TEI/@xml:lang)", "en");
		CHECK_XPATH(doc, "string(//t:front/t:div[@type='abstract']/@xml:lang)", "en");
		CHECK_XPATH(doc, "string(//t:body/t:div[1]/t:head)", "Introduction");
		CHECK_XPATH(doc, "string(count(//t:body//t:p))", "2");
		CHECK_XPATH(doc, "string(count(//t:note[@place='foot']))", "2");
		/* the note sits right after its word */
		CHECK_XPATH(
		    doc,
		    "substring(normalize-space(//t:note[@n='1']/preceding-sibling::text()[1]), "
		    "string-length(normalize-space(//t:note[@n='1']/preceding-sibling::text()[1])) "
		    "- 4)",
		    "here.");
		CHECK_XPATH(doc, "string(//t:note[@n='1']/t:bibl/@type)", "archival");
		CHECK_XPATH(doc, "string(//t:note[@n='1']//t:biblScope[@unit='fond'])", "fond 12");
		CHECK_XPATH(doc, "string(//t:note[@n='1']//t:biblScope[@unit='folio'])", "folio 6");
		CHECK_XPATH(doc, "string(//t:note[@n='1']/t:bibl/t:orgName[2])", "RSA");
		CHECK_XPATH(doc, "string(count(//t:note[@n='2']/t:bibl))", "2");
		/* line-end hyphen kept, halves joined */
		{
			char *body = tf_test_xpath(doc, "string(//t:body)");
			CHECK(body && strstr(body, "dis-tricts") != NULL);
			free(body);
		}
		/* the paragraph runs over the page: pb inside it */
		CHECK_XPATH(doc, "string(count(//t:p/t:pb))", "1");
		CHECK_XPATH(doc, "string(//t:p/t:quote)",
			    "“the roads were so bad that no cart could pass for a week”");
		CHECK_XPATH(doc, "string(//t:titleStmt/t:title)", "Introduction");
	}
	CHECK(tf_diag_list_count_at_least(d, TF_SEV_WARNING) >= 1); /* no title */
	tf_doc_free(doc);
	tf_diag_list_free(d);
	free(text);
}

static void test_langid(void)
{
	tf_lexicons *lx = NULL;

	CHECK(tf_lexicons__load(&lx, NULL) == 0);
	CHECK_STR(tf_langid__detect(
		      lx, "Bu məqalədə Bakı şəhərinin tarixi və onun inkişafı araşdırılır."),
		  "az");
	CHECK_STR(tf_langid__detect(lx, "В статье исследуется история города и его развитие."),
		  "ru");
	CHECK_STR(
	    tf_langid__detect(lx, "The article examines the history of the city and its growth."),
	    "en");
	CHECK(tf_langid__detect(lx, "12345 67") == NULL);
	CHECK(tf_lexicon__has(tf_lexicons__find(lx, "az"), "stopwords", "və"));
	CHECK_STR(tf_lexicon__value(tf_lexicons__find(lx, "ru"), "archival-locators", "оп."),
		  "inventory");
	tf_lexicons__free(lx);
}

static void test_fold(void)
{
	char *s = tf_text__fold("İSTANBUL IĞDIR", "az");
	CHECK_STR(s, "istanbul ığdır");
	free(s);
	s = tf_text__fold("ИСТОРИЯ", "ru");
	CHECK_STR(s, "история");
	free(s);
}

/* The fast folding of Latin and Cyrillic gives what ICU gives, letter by
 * letter, in the root locale and in Azerbaijani and Russian. */
static void test_fold_equals_icu(void)
{
	static const char *const langs[] = {"", "az", "ru", "en"};
	uint32_t cp;
	size_t li;
	int bad = 0;

	for (li = 0; li < 4; li++) {
		for (cp = 0x20; cp < 0x530; cp++) {
			char in[8], want[32];
			UChar u[2], low[8];
			int32_t n, n8 = 0;
			UErrorCode st = U_ZERO_ERROR;
			char *got;
			in[tf_utf8__encode(cp, in)] = '\0';
			u[0] = (UChar)cp;
			n = u_strToLower(low, 8, u, 1, langs[li], &st);
			u_strToUTF8(want, sizeof want, &n8, low, n, &st);
			got = tf_text__fold(in, *langs[li] ? langs[li] : NULL);
			if (U_FAILURE(st) || !got || strcmp(got, want) != 0)
				bad++;
			free(got);
		}
	}
	CHECK(bad == 0);
}

/* The letter classes known without ICU are ICU's: letter or not, upper
 * or lower case, for every code point they answer. */
static void test_case_equals_icu(void)
{
	uint32_t cp;
	int bad = 0, answered = 0;

	for (cp = 0; cp < 0x530; cp++) {
		int c = tf_text__case(cp), want;
		if (c < 0)
			continue;
		answered++;
		want = !u_isalpha((UChar32)cp)                            ? 0
		       : u_isupper((UChar32)cp) || u_istitle((UChar32)cp) ? 2
									  : 1;
		if (c != want)
			bad++;
	}
	CHECK(bad == 0);
	/* ASCII 128, Latin-1 letters 62, Latin Extended-A 128, ə Ə, Cyrillic 130 */
	CHECK(answered == 450);
}

/* Russian stem keys are made with the lexicon's stem-endings: the
 * inflected and the nominative name meet; a stem keeps three letters. */
static void test_russian_stems(void)
{
	tf_lexicons *lx = NULL;
	char *k;

	CHECK(tf_lexicons__load(&lx, NULL) == 0);
	k = tf_ents__ru_stem_key(lx, "советскую россию");
	CHECK_STR(k, "~советск росс");
	free(k);
	k = tf_ents__ru_stem_key(lx, "советская россия");
	CHECK_STR(k, "~советск росс");
	free(k);
	k = tf_ents__ru_stem_key(lx, "ода");
	CHECK_STR(k, "~ода");
	free(k);
	tf_lexicons__free(lx);
}

static void write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");
	if (fp) {
		fputs(text, fp);
		fclose(fp);
	}
}

static void test_broken_lexicon(void)
{
	char dir[512], path[1200];
	tf_lexicons *lx = NULL;
	tf_diag_list *d = NULL;
	const tf_diag *first;

	snprintf(dir, sizeof dir, "%s/lexdata", tmpdir);
	snprintf(path, sizeof path, "mkdir -p %s/tei/lexicon && mkdir -p %s/xslt", dir, dir);
	CHECK(system(path) == 0);
	snprintf(path, sizeof path, "%s/tei/lexicon/xx.xml", dir);
	write_file(path, "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body>\n"
			 "<div type=\"lexicon\" xml:lang=\"xx\">\n<list><item>a</item></list>\n"
			 "</div></body></text></TEI>\n");
	setenv("TEIFORGE_DATADIR", dir, 1);
	tf_diag_list_new(&d);
	CHECK(tf_lexicons__load(&lx, d) == TF_EDATA);
	first = tf_diag_list_get(d, 0);
	CHECK(first != NULL);
	if (first) {
		CHECK(first->line == 2); /* the div lacks a script label */
		CHECK(strstr(first->file, "xx.xml") != NULL);
	}
	tf_diag_list_free(d);
	write_file(path, "<TEI><broken></TEI>\n");
	tf_diag_list_new(&d);
	CHECK(tf_lexicons__load(&lx, d) == TF_EDATA);
	CHECK(tf_diag_list_count(d) >= 1 && tf_diag_list_get(d, 0)->line == 1);
	tf_diag_list_free(d);
	unsetenv("TEIFORGE_DATADIR");
}

static void test_meta(void)
{
	char path[1100];
	tf_meta m;
	tf_diag_list *d = NULL;

	snprintf(path, sizeof path, "%s/meta.yaml", tmpdir);
	write_file(path, "title:\n  az: Bakının tarixi\n  en: A history of Baku\n"
			 "authors: [\"Aysel Məmmədova\", {given: Rauf, family: Əliyev}]\n"
			 "journal: Tarix\nvolume: 3\nyear: 2021\npages: 45-55\ncolour: red\n");
	tf_diag_list_new(&d);
	CHECK(tf_meta__load(&m, path, d) == 0);
	CHECK(m.ntitles == 2);
	CHECK(m.nauthors == 2);
	if (m.nauthors == 2) {
		CHECK_STR(m.authors[0].family, "Məmmədova");
		CHECK_STR(m.authors[1].given, "Rauf");
	}
	CHECK_STR(m.first_page, "45");
	CHECK_STR(m.last_page, "55");
	CHECK(tf_diag_list_count(d) == 1 && tf_diag_list_get(d, 0)->line == 9); /* colour */
	tf_meta__free(&m);
	tf_diag_list_free(d);
	write_file(path, "title: [unclosed\n");
	tf_diag_list_new(&d);
	CHECK(tf_meta__load(&m, path, d) == TF_EINPUT);
	CHECK(tf_diag_list_count(d) == 1 && tf_diag_list_get(d, 0)->line >= 1);
	tf_diag_list_free(d);
}

static void test_bad_input(void)
{
	tf_doc *doc = NULL;
	tf_diag_list *d = NULL;
	const char bad_utf8[] = "Valid words here\nand then \xC3\x28 broken";

	tf_diag_list_new(&d);
	CHECK(tf_convert_text(&doc, "", 0, NULL, d) == TF_EINPUT);
	CHECK(tf_convert_text(&doc, "   \n\n  ", 7, NULL, d) == TF_EINPUT);
	CHECK(tf_convert_text(&doc, "ab\0cd", 5, NULL, d) == TF_EINPUT);
	CHECK(tf_convert_text(&doc, bad_utf8, sizeof bad_utf8 - 1, NULL, d) == TF_EINPUT);
	CHECK(strstr(tf_error_last(), ":2:10:") != NULL);
	CHECK(tf_convert_text(&doc, "Just a few words.", 17, NULL, d) == TF_EINPUT);
	CHECK(tf_convert_text(&doc, "<TEI>lots of words</TEI>", 24, NULL, d) == TF_EINPUT);
	CHECK(doc == NULL);
	tf_diag_list_free(d);
}

/* A heading that ends in an abbreviation inside brackets, "(1917–1919
 * гг.)", ends no sentence: it is a heading, and opens a section. */
static void test_heading_abbreviation(void)
{
	static const char *const russian[] = {
	    " Введение ",
	    "",
	    " ",
	    "",
	    "Статья рассматривает историю съездов горских народов и их решения в годы ",
	    "",
	    "революции и гражданской войны на основе архивных документов и печати. ",
	    "",
	    " ",
	    "",
	    "Съезды и республика горцев (1917–1919 гг.) ",
	    "",
	    " ",
	    "",
	    "Первый съезд открылся весной и избрал центральный комитет союза горцев, ",
	    "",
	    "который вскоре объявил о создании республики и начал переговоры с соседями. ",
	    NULL};
	char *text = spaced(russian);
	tf_diag_list *d = NULL;
	tf_doc *doc;

	tf_diag_list_new(&d);
	doc = convert(text, d);
	CHECK(doc != NULL);
	if (doc) {
		CHECK_XPATH(doc, "string(count(//t:body/t:div/t:head[contains(.,'1917')]))", "1");
		CHECK_XPATH(doc, "string(count(//t:body/t:div))", "2");
		tf_doc_free(doc);
	}
	tf_diag_list_free(d);
	free(text);
}

int main(int argc, char **argv)
{
	tmpdir = argc > 1 ? argv[1] : "/tmp";
	tf_init();
	test_layout();
	test_layout_formfeed();
	test_layout_hyphens();
	test_langid();
	test_fold();
	test_fold_equals_icu();
	test_case_equals_icu();
	test_russian_stems();
	test_pipeline_english();
	test_heading_abbreviation();
	test_meta();
	test_bad_input();
	test_broken_lexicon();
	tf_shutdown();
	return tf_test_report("test_convert");
}
