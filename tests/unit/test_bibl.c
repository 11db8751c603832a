/* SPDX-License-Identifier: MIT */
/*
 * test_bibl.c — unit tests of the reference parser (bibl.c,
 * bibl_printed.c) and of the sources list (sources.c): Azerbaijani,
 * Russian and English footnotes, archival and printed, each parsed into a
 * <note> and compared with the expected TEI; then the deduplication of a
 * set of notes into standOff/listBibl.
 */
#include <stdlib.h>
#include <string.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include "tf_test.h"
#include "convert_internal.h"

static tf_lexicons *lex;

typedef struct {
	tf_build b;
	xmlNodePtr last;
} fixture;

static void setup(fixture *f)
{
	memset(f, 0, sizeof *f);
	f->b.doc = xmlNewDoc((const xmlChar *)"1.0");
	f->b.tei = xmlNewDocNode(f->b.doc, NULL, (const xmlChar *)"TEI", NULL);
	xmlDocSetRootElement(f->b.doc, f->b.tei);
	f->b.ns = xmlNewNs(f->b.tei, (const xmlChar *)"http://www.tei-c.org/ns/1.0", NULL);
	xmlSetNs(f->b.tei, f->b.ns);
	f->b.lex = lex;
	f->b.text = tf_tei__elem(&f->b, f->b.tei, "text");
	f->b.body = tf_tei__elem(&f->b, f->b.text, "body");
}

/* Parses text as footnote n and returns the <note>'s serialisation
 * without the namespace declaration (caller frees). */
static char *note(fixture *f, const char *text)
{
	xmlNodePtr p = tf_tei__elem(&f->b, f->b.body, "p"), n = tf_tei__elem(&f->b, p, "note");
	xmlBufferPtr buf = xmlBufferCreate();
	char *out, *ns;

	tf_bibl__parse(&f->b, n, text);
	f->last = n;
	xmlNodeDump(buf, f->b.doc, n, 0, 0);
	out = strdup((const char *)xmlBufferContent(buf));
	xmlBufferFree(buf);
	/* the namespace is declared on TEI; a dump of one element repeats nothing */
	while ((ns = strstr(out, " xmlns=\"http://www.tei-c.org/ns/1.0\"")) != NULL)
		memmove(ns, ns + 36, strlen(ns + 36) + 1);
	return out;
}

static int count(fixture *f, const char *expr)
{
	xmlXPathContextPtr c = xmlXPathNewContext(f->b.doc);
	xmlXPathObjectPtr r;
	int n = -1;

	xmlXPathRegisterNs(c, (const xmlChar *)"t", (const xmlChar *)"http://www.tei-c.org/ns/1.0");
	r = xmlXPathEvalExpression((const xmlChar *)expr, c);
	if (r && r->type == XPATH_NUMBER)
		n = (int)r->floatval;
	else if (r && r->nodesetval)
		n = r->nodesetval->nodeNr;
	else if (r)
		n = 0;
	xmlXPathFreeObject(r);
	xmlXPathFreeContext(c);
	return n;
}

static void expect_note(const char *text, const char *want)
{
	fixture f;
	char *got;

	setup(&f);
	got = note(&f, text);
	CHECK_STR(got, want);
	free(got);
	xmlFreeDoc(f.b.doc);
}

static void test_archival(void)
{
	expect_note("ГАРФ, ф. 1318, оп. 1, д. 12, л. 5 об.",
		    "<note><bibl type=\"archival\"><orgName>ГАРФ</orgName>, "
		    "<biblScope unit=\"fond\">ф. 1318</biblScope>, <biblScope "
		    "unit=\"inventory\">оп. 1</biblScope>, "
		    "<biblScope unit=\"file\">д. 12</biblScope>, <biblScope unit=\"folio\">л. 5 "
		    "об</biblScope></bibl>.</note>");
	expect_note("TNA, FO 371/3662.",
		    "<note><bibl type=\"archival\"><orgName>TNA</orgName>, "
		    "<biblScope unit=\"file\">FO 371/3662</biblScope></bibl>.</note>");
	/* a repository with a capital İ in its head word; "v." for vərəq */
	expect_note("AMEA Əlyazmalar İnstitutu, fond 3, iş 151, v. 2–4.",
		    "<note><bibl type=\"archival\"><orgName>AMEA Əlyazmalar İnstitutu</orgName>, "
		    "<biblScope unit=\"fond\">fond 3</biblScope>, "
		    "<biblScope unit=\"file\">iş 151</biblScope>, "
		    "<biblScope unit=\"folio\">v. 2–4</biblScope></bibl>.</note>");
	/* "f." after a piece is a folio, not a fond */
	expect_note("TNA, WO 95/4960, f. 17.",
		    "<note><bibl type=\"archival\"><orgName>TNA</orgName>, "
		    "<biblScope unit=\"file\">WO 95/4960</biblScope>, "
		    "<biblScope unit=\"folio\">f. 17</biblScope></bibl>.</note>");
	expect_note("Gürcüstan Mərkəzi Tarix Arxivi (GMTA), f. 1874, siy. 1, iş 2, vərəq 78 arxa.",
		    "<note><bibl type=\"archival\"><orgName>Gürcüstan Mərkəzi Tarix "
		    "Arxivi</orgName> (<orgName>GMTA</orgName>), "
		    "<biblScope unit=\"fond\">f. 1874</biblScope>, <biblScope "
		    "unit=\"inventory\">siy. 1</biblScope>, "
		    "<biblScope unit=\"file\">iş 2</biblScope>, <biblScope unit=\"folio\">vərəq 78 "
		    "arxa</biblScope></bibl>.</note>");
}

/* A prose note with a printed reference, a comment and an archival one:
 * two bibls, the locators only after the repository. */
static void test_prose_note(void)
{
	fixture f;

	setup(&f);
	free(note(&f, "Bax: Əliyev A. Şəhər tarixi. Bakı: Elm, 2001, s. 5–9. Müəllif 1890-cı ili "
		      "göstərir, lakin sənəddə başqa tarix var: GMA, f. 422, siy. 1, iş 7, v. 2."));
	CHECK(count(&f, "count(//t:note/t:bibl)") == 2);
	CHECK(count(&f, "count(//t:note/t:bibl[@type='archival']/t:biblScope)") == 4);
	CHECK(count(&f, "count(//t:note/t:bibl[not(@type)]//t:publisher)") == 1);
	xmlFreeDoc(f.b.doc);
}

static void test_printed_ru(void)
{
	expect_note(
	    "Иванов И.И. История Кавказа. М.: Наука, 1974. С. 56.",
	    "<note><bibl><author><persName>Иванов И.И.</persName></author> "
	    "<title level=\"m\">История Кавказа</title>. "
	    "<pubPlace><placeName>М.</placeName></pubPlace>: "
	    "<publisher><orgName>Наука</orgName></publisher>, <date when=\"1974\">1974</date>. "
	    "<biblScope unit=\"page\">С. 56</biblScope></bibl>.</note>");
	expect_note("Петров П.П. Бакинская нефть // Вопросы истории. 1990. № 3. С. 12–20.",
		    "<note><bibl><author><persName>Петров П.П.</persName></author> "
		    "<title level=\"a\">Бакинская нефть</title> // <title level=\"j\">Вопросы "
		    "истории</title>. "
		    "<date when=\"1990\">1990</date>. <biblScope unit=\"issue\">№ 3</biblScope>. "
		    "<biblScope unit=\"page\">С. 12–20</biblScope></bibl>.</note>");
	expect_note(
	    "Документы и материалы. Сост. А.Б. Сидоров. Баку, 1925. С. 7.",
	    "<note><bibl><title level=\"m\">Документы и материалы</title>. Сост. "
	    "<editor role=\"compiler\"><persName>А.Б. Сидоров</persName></editor>. "
	    "<pubPlace><placeName>Баку</placeName></pubPlace>, <date when=\"1925\">1925</date>. "
	    "<biblScope unit=\"page\">С. 7</biblScope></bibl>.</note>");
	expect_note("«Бакинский рабочий» газета, 1920, 19 июня.",
		    "<note><bibl><title level=\"j\">«Бакинский рабочий»</title> газета, "
		    "<date when=\"1920-06-19\">1920, 19 июня</date></bibl>.</note>");
}

static void test_printed_en(void)
{
	expect_note(
	    "Kazemzadeh F. The Struggle for Transcaucasia. London: Macmillan, 1951, p. 44.",
	    "<note><bibl><author><persName>Kazemzadeh F.</persName></author> "
	    "<title level=\"m\">The Struggle for Transcaucasia</title>. "
	    "<pubPlace><placeName>London</placeName></pubPlace>: "
	    "<publisher><orgName>Macmillan</orgName></publisher>, <date when=\"1951\">1951</date>, "
	    "<biblScope unit=\"page\">p. 44</biblScope></bibl>.</note>");
	/* the comma style: Author, Title, Place: Publisher, Year, pages */
	expect_note(
	    "Janet Smith, The Siege of Tabriz, 1908–1909, New York: Columbia University Press, "
	    "1996, pp. 88–95.",
	    "<note><bibl><author><persName>Janet Smith</persName></author>, "
	    "<title level=\"m\">The Siege of Tabriz, 1908–1909</title>, "
	    "<pubPlace><placeName>New York</placeName></pubPlace>: "
	    "<publisher><orgName>Columbia University Press</orgName></publisher>, "
	    "<date when=\"1996\">1996</date>, <biblScope unit=\"page\">pp. 88–95</biblScope>"
	    "</bibl>.</note>");
	expect_note("W. Morgan Shuster, The Strangling of Persia, New York: The Century Co., 1912.",
		    "<note><bibl><author><persName>W. Morgan Shuster</persName></author>, "
		    "<title level=\"m\">The Strangling of Persia</title>, "
		    "<pubPlace><placeName>New York</placeName></pubPlace>: "
		    "<publisher><orgName>The Century Co.</orgName></publisher>, "
		    "<date when=\"1912\">1912</date></bibl>.</note>");
	/* two references in one note */
	expect_note(
	    "TNA, FO 371/3662; Kazemzadeh F. The Struggle for Transcaucasia. London: Macmillan, "
	    "1951, p. 44.",
	    "<note><bibl type=\"archival\"><orgName>TNA</orgName>, <biblScope unit=\"file\">FO "
	    "371/3662</biblScope></bibl>; "
	    "<bibl><author><persName>Kazemzadeh F.</persName></author> "
	    "<title level=\"m\">The Struggle for Transcaucasia</title>. "
	    "<pubPlace><placeName>London</placeName></pubPlace>: "
	    "<publisher><orgName>Macmillan</orgName></publisher>, <date when=\"1951\">1951</date>, "
	    "<biblScope unit=\"page\">p. 44</biblScope></bibl>.</note>");
}

/* Repeated references are one source; other files, issues or pages of
 * archives are not. */
static void test_sources(void)
{
	fixture f;
	static const char *const notes[] = {
	    "ГАРФ, ф. 1318, оп. 1, д. 12, л. 5 об.",
	    "ГАРФ, ф. 1318, оп. 1, д. 12, л. 7.",
	    "ГАРФ, ф. 1318, оп. 1, д. 13, л. 7.",
	    "Иванов И.И. История Кавказа. М.: Наука, 1974. С. 56.",
	    "Иванов И.И. История Кавказа. М.: Наука, 1974. С. 80.",
	    "«Бакинский рабочий» газета, 1920, 19 июня; «Бакинский рабочий» газета, 1920, 23 июня.",
	    "TNA, FO 371/3662.",
	    NULL,
	};
	size_t i;

	setup(&f);
	for (i = 0; notes[i]; i++)
		free(note(&f, notes[i]));
	CHECK(tf_sources__build(&f.b) == 0);
	CHECK(count(&f, "count(//t:standOff/t:listBibl[@type='sources']/*)") == 6);
	CHECK(count(&f, "count(//t:note/t:bibl[@corresp])") == 8);
	CHECK(count(&f, "count(//t:note/t:bibl[@corresp='#src-garf-1318-1-12'])") == 2);
	CHECK(count(&f, "count(//t:note/t:bibl[@corresp='#src-ivanov-1974'])") == 2);
	CHECK(count(&f, "count(//t:biblStruct[@xml:id='src-bakinskiy-rabochiy-1920-06-23'])") == 1);
	CHECK(count(&f, "count(//t:bibl[@xml:id='src-tna-fo-371-3662'])") == 1);
	/* locators of the file, not of the citation: no folio in the record */
	CHECK(count(&f, "count(//t:listBibl//t:biblScope[@unit='folio' or @unit='page'])") == 0);
	xmlFreeDoc(f.b.doc);
}

int main(void)
{
	tf_diag_list *diags = NULL;

	tf_init();
	if (tf_diag_list_new(&diags) < 0 || tf_lexicons__load(&lex, diags) < 0) {
		fprintf(stderr, "lexicons: %s\n", tf_error_last());
		return 1;
	}
	test_archival();
	test_prose_note();
	test_printed_ru();
	test_printed_en();
	test_sources();
	tf_lexicons__free(lex);
	tf_diag_list_free(diags);
	tf_shutdown();
	return tf_test_report("test_bibl");
}
