/* SPDX-License-Identifier: MIT */
/*
 * test_entities.c — the names-and-dates pass, rule family by rule family,
 * in Azerbaijani, Russian and English, with inflected forms: texts written
 * for the test (no name of the project's article), converted whole, and
 * the markup read back with XPath.
 */
#include <stdlib.h>
#include <string.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#define TF_TEST_XPATH
#include "tf_test.h"
#include "teiforge/teiforge.h"

static const char *filler[] = {
    "Bu mətn yalnız sınaq üçün yazılıb və onun məqsədi qaydaları yoxlamaqdır, buna görə də burada "
    "bir neçə əlavə cümlə var ki, mətn məqalə kimi qəbul olunsun.",
    "Этот текст написан только для проверки правил и поэтому содержит несколько лишних "
    "предложений, чтобы его приняли как статью целиком.",
    "This text was written only to test the rules and therefore holds a few more sentences so "
    "that it is accepted as an article as a whole."};

static tf_doc *convert(const char *body, int lang, const char *authority, char **review)
{
	tf_convert_options o = TF_CONVERT_OPTIONS_INIT;
	tf_doc *doc = NULL;
	char *text = malloc(strlen(body) + 1024);

	sprintf(text, "%s %s %s\n", body, filler[lang], filler[lang]);
	o.date = "2026-01-01";
	o.source_name = "entities-test.txt";
	o.authority_path = authority;
	o.review = review;
	if (tf_convert_text(&doc, text, strlen(text), &o, NULL) < 0)
		fprintf(stderr, "convert failed: %s\n", tf_error_last());
	free(text);
	return doc;
}

static void azerbaijani(void)
{
	tf_doc *d = convert(
	    "1918-ci ilin avqustunda Bakıda yeni hökumət quruldu. Sentyabrın 15-də general Əliyev "
	    "Gəncəyə gəldi. 1919-cu ilin dekabrın əvvəllərində Fransa hökumətinin nümayəndəsi "
	    "Rəşid bəyin evində oldu. XX əsrin 30-cu illərində Azərbaycan Respublikası Dövlət "
	    "Arxivi "
	    "(ARDA) yaradıldı, ARDA sənədləri saxlayır. P.P.Sokolov və Məmmədovun məktubları "
	    "1920-ci ilin payızında Şimali Qafqazın bölgələrinə göndərildi. Milli Şura iclas "
	    "keçirdi.",
	    0, NULL, NULL);
	CHECK(d != NULL);
	/* dates: month, inherited year, vague part, decade of a century, season */
	CHECK_XPATH(d, "string(//t:text//t:date[.='1918-ci ilin avqustunda']/@when)", "1918-08");
	CHECK_XPATH(d, "string(//t:text//t:date[.='Sentyabrın 15-də']/@when)", "1918-09-15");
	CHECK_XPATH(d, "string(//t:text//t:date[.='Sentyabrın 15-də']/@cert)", "medium");
	CHECK_XPATH(d, "string(//t:text//t:date[.='1919-cu ilin dekabrın əvvəllərində']/@notAfter)",
		    "1919-12-10");
	CHECK_XPATH(d, "string(//t:text//t:date[.='XX əsrin 30-cu illərində']/@to)", "1939");
	CHECK_XPATH(d, "string(//t:text//t:date[.='1920-ci ilin payızında']/@notBefore)",
		    "1920-09");
	/* places with case suffixes inside the element */
	CHECK_XPATH(d, "string(//t:text//t:placeName[.='Bakıda']/@ref)", "#place-baku");
	CHECK_XPATH(d, "string(//t:text//t:placeName[starts-with(.,'Gəncə')])", "Gəncəyə");
	CHECK_XPATH(d, "string(count(//t:text//t:placeName[.='Şimali Qafqazın']))", "1");
	/* persons: the office stays outside, the honorific and suffix inside */
	CHECK_XPATH(d, "string(//t:text//t:persName[starts-with(.,'Əliyev')])", "Əliyev");
	CHECK_XPATH(d, "string(count(//t:text//t:persName[.='Rəşid bəyin']))", "1");
	CHECK_XPATH(d, "string(count(//t:text//t:persName[.='P.P.Sokolov']))", "1");
	CHECK_XPATH(d, "string(count(//t:text//t:persName[.='Məmmədovun']))", "1");
	/* Azerbaijani endings are appended: the record drops them */
	CHECK_XPATH(d,
		    "string(//t:standOff//t:person[concat('#',@xml:id) = "
		    "//t:text//t:persName[.='Məmmədovun']/@ref]/t:persName[1])",
		    "Məmmədov");
	/* organisations: country + head word, a name with its abbreviation */
	CHECK_XPATH(d, "string(count(//t:text//t:orgName[.='Fransa hökumətinin']))", "1");
	CHECK_XPATH(d, "string(count(//t:text//t:orgName[.='Milli Şura']))", "1");
	CHECK_XPATH(d,
		    "string(//t:text//t:orgName[.='Azərbaycan Respublikası Dövlət Arxivi']/@ref = "
		    "//t:orgName[.='ARDA'][1]/@ref)",
		    "true");
	CHECK_XPATH(
	    d,
	    "string(count(//t:text//t:orgName[.='ARDA']/@ref[. = //t:orgName[.='ARDA'][1]/@ref]))",
	    "2");
	/* every @ref points to a record */
	CHECK_XPATH(
	    d, "string(count(//t:text//*[@ref][not(substring(@ref,2) = //t:standOff//@xml:id)]))",
	    "0");
	tf_doc_free(d);
}

static void russian(void)
{
	tf_doc *d = convert(
	    "Статья посвящена событиям 1918 года. 15 сентября 1918 г. генерал Деникин прибыл в "
	    "Тифлис, а в начале 1919 г. В.Н. Коковцов уехал из Тифлиса в Баку. В 20-е годы "
	    "правительство Азербайджана переехало. Осенью 1918 г. Бакинский Совет народных "
	    "комиссаров заседал в Баку.",
	    1, NULL, NULL);
	CHECK(d != NULL);
	CHECK_XPATH(d, "string(/t:TEI/@xml:lang)", "ru");
	CHECK_XPATH(d, "string(//t:text//t:date[.='15 сентября 1918 г.']/@when)", "1918-09-15");
	CHECK_XPATH(d, "string(//t:text//t:date[.='начале 1919 г.']/@notAfter)", "1919-04");
	CHECK_XPATH(d, "string(//t:text//t:date[.='20-е годы']/@from)", "1920");
	CHECK_XPATH(d, "string(//t:text//t:date[.='Осенью 1918 г.']/@notAfter)", "1918-11");
	CHECK_XPATH(d, "string(count(//t:text//t:persName[.='Деникин']))", "1");
	CHECK_XPATH(d, "string(count(//t:text//t:persName[.='В.Н. Коковцов']))", "1");
	/* Russian endings replace the word's own: the record keeps the surname
	 * whole (not "В.Н. Коковц") */
	CHECK_XPATH(d,
		    "string(//t:standOff//t:person[concat('#',@xml:id) = "
		    "//t:text//t:persName[.='В.Н. Коковцов']/@ref]/t:persName[1])",
		    "В.Н. Коковцов");
	CHECK_XPATH(
	    d, "string(//t:text//t:placeName[.='Тифлиса']/@ref = //t:placeName[.='Тифлис']/@ref)",
	    "true");
	CHECK_XPATH(d, "string(count(//t:text//t:placeName[.='Баку']))", "2");
	CHECK_XPATH(d, "string(count(//t:text//t:orgName[.='правительство Азербайджана']))", "1");
	CHECK_XPATH(d, "string(count(//t:text//t:orgName[starts-with(.,'Бакинский Совет')]))", "1");
	tf_doc_free(d);
}

static void english(void)
{
	char *review = NULL;
	tf_doc *d;
	const char *auth = "/tmp/tf-test-authority.xml";
	FILE *fp = fopen(auth, "w");

	if (fp) {
		fputs("<TEI "
		      "xmlns=\"http://www.tei-c.org/ns/"
		      "1.0\"><teiHeader><fileDesc><titleStmt><title>a</title>"
		      "</titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></"
		      "sourceDesc></fileDesc>"
		      "</teiHeader><standOff><listPerson><person "
		      "xml:id=\"Q424242\"><persName>Milne</persName>"
		      "<persName>G. F. Milne</persName><idno "
		      "type=\"wikidata\">Q424242</idno></person>"
		      "</listPerson></standOff></TEI>",
		      fp);
		fclose(fp);
	}
	d = convert(
	    "On 23 December 1918 General Milne reached Batum. The same day the British detachment "
	    "left. In the spring of 1919 the War Office sent J. Smith to Tiflis. The Batum Chamber "
	    "of Commerce met early 1921. In the 1920s the League of Nations discussed the North "
	    "Caucasus.",
	    2, auth, &review);
	CHECK(d != NULL);
	CHECK_XPATH(d, "string(//t:text//t:date[.='23 December 1918']/@when)", "1918-12-23");
	CHECK_XPATH(d, "string(//t:text//t:date[.='the spring of 1919']/@notBefore)", "1919-03");
	CHECK_XPATH(d, "string(//t:text//t:date[.='early 1921']/@notAfter)", "1921-04");
	CHECK_XPATH(d, "string(//t:text//t:date[.='1920s' or .='the 1920s']/@to)", "1929");
	CHECK_XPATH(d, "string(//t:text//t:date[.='The same day']/@when)", "1918-12-23");
	/* the user's authority record wins: its id and its idno */
	CHECK_XPATH(d, "string(//t:text//t:persName[.='Milne']/@ref)", "#Q424242");
	CHECK_XPATH(d, "string(//t:standOff//t:person[@xml:id='Q424242']/t:idno)", "Q424242");
	CHECK_XPATH(d, "string(count(//t:text//t:persName[.='J. Smith']))", "1");
	CHECK_XPATH(d, "string(count(//t:text//t:orgName[.='War Office']))", "1");
	CHECK_XPATH(d, "string(count(//t:text//t:orgName[.='Batum Chamber of Commerce']))", "1");
	CHECK_XPATH(d, "string(count(//t:text//t:placeName[.='North Caucasus']))", "1");
	CHECK_XPATH(d, "string(count(//t:text//t:*[starts-with(.,'British')][not(self::t:p)]))",
		    "0");
	/* the review sheet lists every mention with its rule */
	CHECK(review && strstr(review, "persName\tbody\tMilne\t\t#Q424242\t") != NULL);
	CHECK(review &&
	      strstr(review, "date\tbody\t23 December 1918\twhen=1918-12-23\t\tdate\n") != NULL);
	free(review);
	tf_doc_free(d);
	remove(auth);
}

/* A broken authority file is reported with its file and line, not ignored. */
static void broken_authority(void)
{
	const char *auth = "/tmp/tf-test-bad-authority.xml";
	FILE *fp = fopen(auth, "w");
	tf_convert_options o = TF_CONVERT_OPTIONS_INIT;
	tf_diag_list *d = NULL;
	tf_doc *doc = NULL;
	char text[1024];
	const tf_diag *first;

	if (fp) {
		fputs(
		    "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><standOff><listPerson>\n"
		    "<person><persName>Nobody</persName></person></listPerson></standOff></TEI>\n",
		    fp);
		fclose(fp);
	}
	snprintf(text, sizeof text, "%s %s", filler[2], filler[2]);
	o.authority_path = auth;
	tf_diag_list_new(&d);
	CHECK(tf_convert_text(&doc, text, strlen(text), &o, d) == TF_EINPUT);
	CHECK(doc == NULL);
	first = tf_diag_list_get(d, 0);
	CHECK(first && first->line == 2 && strstr(first->file, "bad-authority") != NULL);
	CHECK(strstr(tf_error_last(), "without xml:id") != NULL);
	tf_diag_list_free(d);
	remove(auth);
}

/* A text, the date it holds and one attribute of it. */
typedef struct {
	int lang;
	const char *text, *date, *attr, *value;
} date_case;

static void check_dates(const date_case *t, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++) {
		tf_doc *d = convert(t[k].text, t[k].lang, NULL, NULL);
		char xp[256];
		CHECK(d != NULL);
		snprintf(xp, sizeof xp, "string(//t:text//t:date[.='%s']/@%s)", t[k].date,
			 t[k].attr);
		CHECK_XPATH(d, xp, t[k].value);
		tf_doc_free(d);
	}
}

/* Halves of a century, a year and a decade in each language: ordinal,
 * half, period (ru, en) or period, ordinal, half (az); stretches of
 * months. */
static void halves(void)
{
	static const date_case t[] = {
	    {0, "XIX əsrin ikinci yarısında Şamaxıda şairlər yaşayırdı.",
	     "XIX əsrin ikinci yarısında", "from", "1850"},
	    {0, "1920-ci ilin birinci yarısında hökumət dəyişdi.", "1920-ci ilin birinci yarısında",
	     "notAfter", "1920-06"},
	    {0, "20-ci illərin ikinci yarısında kənd dəyişdi.", "20-ci illərin ikinci yarısında",
	     "from", "1925"},
	    {1, "Во второй половине XIX века город рос.", "второй половине XIX века", "to", "1899"},
	    {1, "В первой половине 1920 г. стало тихо.", "первой половине 1920 г.", "notBefore",
	     "1920-01"},
	    {1, "Во второй половине 20-х годов было иначе.", "второй половине 20-х годов", "to",
	     "1929"},
	    {2, "In the second half of the 19th century the town grew.",
	     "the second half of the 19th century", "from", "1850"},
	    {2, "In the first half of 1920 it was quiet.", "the first half of 1920", "notAfter",
	     "1920-06"},
	    /* and stretches of months with a range word */
	    {2, "The republic lasted from April to May 1918.", "April to May 1918", "to",
	     "1918-05"},
	    {1, "С апреля по май 1918 г. шли бои.", "апреля по май 1918 г.", "from", "1918-04"},
	};

	check_dates(t, sizeof t / sizeof t[0]);
}

/* Decades written with the full year, parts after them, centuries alone,
 * abbreviated or in a range, ranges of days and of years written short or
 * with words, a bare month after a preposition, a season of the same
 * year. */
static void periods(void)
{
	static const date_case t[] = {
	    {0, "1930-cu illərdə kənd dəyişdi.", "1930-cu illərdə", "to", "1939"},
	    {0, "1880-ci illərin sonlarında məktəb açıldı.", "1880-ci illərin sonlarında", "from",
	     "1887"},
	    {0, "30-cu illərin ortalarında kənd boşaldı.", "30-cu illərin ortalarında", "to",
	     "1936"},
	    {0, "1904-1907-ci illərdə üsyan oldu.", "1904-1907-ci illərdə", "to", "1907"},
	    {0, "1911-ci ilin yazında qayıtdı. Həmin ilin payızında öldü.", "Həmin ilin payızında",
	     "notBefore", "1911-09"},
	    {0, "XVIII əsrdə qala tikildi.", "XVIII əsrdə", "from", "1700"},
	    {1, "К концу XVIII в. крепость опустела.", "концу XVIII в.", "from", "1767"},
	    {1, "На рубеже XVIII–XIX вв. край изменился.", "XVIII–XIX вв.", "to", "1899"},
	    {1, "В 1860–1870-е годы строили дороги.", "1860–1870-е годы", "to", "1879"},
	    {1, "12–14 июня 1877 г. шли бои.", "12–14 июня 1877 г.", "from", "1877-06-12"},
	    {1, "С 1862 по 1866 г. он служил. В октябре уехал.", "октябре", "when", "1866-10"},
	    {2, "The war of 1877–78 ended it.", "1877–78", "to", "1878"},
	    {2, "It happened between March and June 1877.", "March and June 1877", "from",
	     "1877-03"},
	    {2, "The winter of 1877–78 was hard.", "The winter of 1877–78", "notAfter", "1878-02"},
	    {2, "Trade grew in the mid-1880s.", "mid-1880s", "from", "1884"},
	    {2, "He arrived in 1877. He left in December.", "December", "cert", "medium"},
	    /* a day and month to another, and a year with its ordinal after */
	    {0, "1877-ci il 30 sentyabr – 2 oktyabr tarixlərində danışıqlar oldu.",
	     "1877-ci il 30 sentyabr – 2 oktyabr tarixlərində", "to", "1877-10-02"},
	    {1, "С 30 сентября – 2 октября 1877 г. шли переговоры.",
	     "30 сентября – 2 октября 1877 г.", "from", "1877-09-30"},
	    {0, "Bu, 28 may 1877-ci il tarixində oldu.", "28 may 1877-ci il tarixində", "when",
	     "1877-05-28"},
	};

	check_dates(t, sizeof t / sizeof t[0]);
}

/* A text and an XPath over its markup with the value it must give. */
typedef struct {
	int lang;
	const char *text, *xpath, *value;
} markup_case;

/* Names: a surname made from a people's name after initials, a given
 * name before bəy that is also a title, a title after a name, an office's
 * name that stops at a list of places or a body, a body's generic head
 * word at a sentence start and after a body named before, a Russian
 * body's name with its genitive tail and a family's name. */
static void names(void)
{
	static const markup_case t[] = {
	    {1, "Отряд возглавил Г.Г. Казаков, потом он уехал.",
	     "string(count(//t:text//t:persName[.='Г.Г. Казаков']))", "1"},
	    {0, "Sultan bəy Cahangirov kəndə qayıtdı.",
	     "string(count(//t:text//t:persName[.='Sultan bəy Cahangirov']))", "1"},
	    {2, "Then Fath Ali Shah signed the treaty.",
	     "string(count(//t:text//t:persName[.='Fath Ali Shah']))", "1"},
	    {0, "General Harrison Gəncə, Şəki və Qubanı gəzdi.",
	     "string(//t:text//t:persName[starts-with(.,'Harrison')])", "Harrison"},
	    {0, "Polkovnik Morris Dağıstan hökumətinin üzvləri ilə görüşdü.",
	     "string(count(//t:text//t:orgName[.='Dağıstan hökumətinin']))", "1"},
	    {1, "Дивизией командовал полковник Петров.", "string(count(//t:text//t:orgName))", "0"},
	    {0, "Şəhərdə “Ülfət” cəmiyyətinə gənclər gəlirdi. Cəmiyyətin üzvləri çox idi.",
	     "string(//t:text//t:orgName[.='Cəmiyyətin']/@ref = "
	     "//t:text//t:orgName[starts-with(.,'“Ülfət”')]/@ref)",
	     "true"},
	    {1, "Донесение начальника Тифлисского губернского жандармского управления пришло.",
	     "string(count(//t:text//t:orgName[.='Тифлисского губернского жандармского "
	     "управления']))",
	     "1"},
	    {1, "Крупной была фирма Товарищество братьев Шибаевых в Баку.",
	     "string(count(//t:text//t:orgName[.='Товарищество братьев Шибаевых']))", "1"},
	    {1, "Служащие Торгового дома жили в посёлке.",
	     "string(count(//t:text//t:orgName[contains(.,'жили')]))", "0"},
	    /* a name after a preposition of place or a classifier, no cue of
	     * a person: a place */
	    {1, "Бои шли в Ахтынах и у аула Курах.",
	     "string(count(//t:text//t:placeName[.='Ахтынах' or .='Курах']))", "2"},
	    {1, "Бои шли в Ахтынах и у аула Курах.", "string(count(//t:text//t:persName))", "0"},
	    /* one person named in two languages: one record */
	    {1, "Приказ отдал полковник Стокс. Colonel Stokes left Baku in 1920.",
	     "string(count(//t:text//t:persName[@ref = //t:text//t:persName[.='Стокс']/@ref]))",
	     "2"},
	    {1, "Приказ подписал М.Н. Тухачевский. Later Mikhail Tukhachevsky left.",
	     "string(count(//t:text//t:persName[@ref = //t:text//t:persName[1]/@ref]))", "2"},
	    /* words made with a body's word are bodies */
	    {1, "Власть перешла к Терревкому, а земли раздал Наркомзем.",
	     "string(count(//t:text//t:orgName[.='Терревкому' or .='Наркомзем']))", "2"},
	    {1, "Власть перешла к Терревкому, а земли раздал Наркомзем.",
	     "string(count(//t:text//t:persName))", "0"},
	    /* English names of bodies with a conjunction, or a word like a
	     * surname, inside */
	    {2, "Credit came from the Russian Discount and Loan Bank at last.",
	     "string(count(//t:text//t:orgName[.='Russian Discount and Loan Bank']))", "1"},
	    {2, "A school was opened by the American Presbyterian Mission there.",
	     "string(count(//t:text//t:orgName[.='American Presbyterian Mission']))", "1"},
	    /* initials choose among people of one surname; a given name
	     * with its honorific finds the full name; another honorific is
	     * another man */
	    {0,
	     "Rəhim xan Talışinski və Mir Abbas xan Talışinski gəldilər. Sonra M.A. Talışinski "
	     "danışdı.",
	     "string(//t:text//t:persName[.='M.A. Talışinski']/@ref = "
	     "//t:text//t:persName[starts-with(.,'Mir Abbas')]/@ref)",
	     "true"},
	    {0, "Rəhim xan Talışinski gəldi. Rəhim xana məktub yazıldı.",
	     "string(//t:text//t:persName[.='Rəhim xana']/@ref = "
	     "//t:text//t:persName[.='Rəhim xan Talışinski']/@ref)",
	     "true"},
	    {0, "Sonra Əli paşa gəldi. Sonra Əli bəy getdi.",
	     "string(//t:text//t:persName[.='Əli paşa']/@ref = "
	     "//t:text//t:persName[.='Əli bəy']/@ref)",
	     "false"},
	    /* a party's letter in brackets; an office ends a body's tail */
	    {1, "Члены РКП(б) и части Кавказской армии генерала Юденича вошли в город.",
	     "string(count(//t:text//t:orgName[.='РКП(б)' or .='Кавказской армии']))", "2"},
	    {1, "Члены РКП(б) и части Кавказской армии генерала Юденича вошли в город.",
	     "string(count(//t:text//t:persName[.='РКП']))", "0"},
	    {2, "The House of Commons debated the Board of Trade report.",
	     "string(count(//t:text//t:orgName[.='House of Commons' or .='Board of Trade']))", "2"},
	    /* a lower-case political adjective opening a name the gazetteer
	     * knows is inside it */
	    {0, "Onlar bolşevik Rusiyasının siyasətinə qarşı çıxdılar.",
	     "string(//t:text//t:placeName[.='bolşevik Rusiyasının']/@ref)",
	     "#place-soviet-russia"},
	    /* a Russian record is named by its mention in the nominative */
	    {1,
	     "Решение Тифлисского губернского комитета пришло поздно. Тифлисский губернский "
	     "комитет заседал.",
	     "string(//t:standOff//t:org/t:orgName)", "Тифлисский губернский комитет"},
	    /* but in one language two spellings are two people */
	    {0, "Sonra Məmmədov və Mahmudov kəndə gəldilər.",
	     "string(count(//t:text//t:persName[@ref = //t:text//t:persName[1]/@ref]))", "1"},
	    {0, "Sonra Məmmədov və Mahmudov kəndə gəldilər.", "string(count(//t:text//t:persName))",
	     "2"},
	};
	size_t k;

	for (k = 0; k < sizeof t / sizeof t[0]; k++) {
		tf_doc *d = convert(t[k].text, t[k].lang, NULL, NULL);
		CHECK(d != NULL);
		CHECK_XPATH(d, t[k].xpath, t[k].value);
		tf_doc_free(d);
	}
}

/* Authors and editors of references, found by the reference parser,
 * are the persons of the text with that surname and initial, however the
 * surname is spelt (Mamuliya, Mamulia); another initial is another man. */
static void reference_persons(void)
{
	const char *text =
	    "Tarix haqqında məqalə\n\n"
	    "Mühacirət sənədlərini Q.Q.Mamuliya toplamışdır və onların bir hissəsi Parisdə "
	    "saxlanılır.1 Bu sənədlər mühacirətin tarixini yeni tərzdə göstərir, buna görə də "
	    "onlar çox maraqlıdır və burada ətraflı təhlil olunur.2\n"
	    "                                                             \n"
	    "1 Mamulia Q.Q. Borba za nezavisimost. Tbilisi: Meridiani, 2012, s. 162.\n"
	    "2 Mamulia A.B. Vosstanie na Severnom Kavkaze. Tbilisi: Meridiani, 2014, s. 5.\n";
	tf_convert_options o = TF_CONVERT_OPTIONS_INIT;
	tf_doc *d = NULL;

	o.date = "2026-01-01";
	o.source_name = "references-test.txt";
	CHECK(tf_convert_text(&d, text, strlen(text), &o, NULL) == 0);
	if (!d)
		return;
	CHECK_XPATH(d,
		    "string(//t:note//t:persName[.='Mamulia Q.Q.']/@ref = "
		    "//t:p/t:persName[.='Q.Q.Mamuliya']/@ref)",
		    "true");
	CHECK_XPATH(d,
		    "string(//t:note//t:persName[.='Mamulia A.B.']/@ref = "
		    "//t:p/t:persName[.='Q.Q.Mamuliya']/@ref)",
		    "false");
	/* a Russian place name in Latin letters in a reference's title */
	CHECK_XPATH(d, "string(//t:note//t:title//t:placeName[.='Severnom Kavkaze']/@ref)",
		    "#place-north-caucasus");
	tf_doc_free(d);
}

int main(void)
{
	tf_init();
	broken_authority();
	azerbaijani();
	russian();
	english();
	halves();
	periods();
	names();
	reference_persons();
	tf_shutdown();
	return tf_test_report("test_entities");
}
