<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!--
  common/meta.xsl — what a bibliographic record *means*, independent of any
  output syntax.  It reads the TEI header (titleStmt, sourceDesc/biblStruct,
  profileDesc) or a <bibl>/<biblStruct> cited in the text and builds a small
  neutral record (EXSLT node-set, no namespace):

    <rec type="article|chapter|book|periodical|archival|misc" key="ascii2021">
      <title lang=".."/> <ptitle lang=".."/>*  (main title, parallel titles)
      <author family=".." given=".."/>* or <author literal=".."/>; <editor/>*
      <container/> <volume/> <issue/> <pages from=".." to="..">text</pages>
      <year/> <date>ISO</date> <doi/> <lang>az</lang> <keyword/>* <abstract lang/>*
      <publisher/> <place/> <archive/> <archive-place/> <collection/> <locator/>
      (a newspaper issue: no title, the newspaper as container level="j";
       an archival file: archive, collection = fond, locator = fond,
       inventory, file; its title, when it has none, its designation)
    </rec>

  Each citation format (bibtex, ris, csl-json) and the header blocks of html
  and text only serialise these records.  A field is present only when the
  TEI has it: nothing is invented, nothing empty is emitted.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    xmlns:tf="urn:teiforge:tables"
    extension-element-prefixes="exsl str"
    exclude-result-prefixes="tei tf">

  <xsl:import href="strings.xsl"/>

  <!-- sources: number, default 0.  Passed by render.c; 1 = the citation
       formats output the works cited in the text (notes, listBibl) instead
       of the article's own record. -->
  <xsl:param name="sources" select="0"/>

  <!-- ISO 639 code → biblatex/babel language name (langid). -->
  <xsl:variable name="tf-langs-rtf">
    <tf:l c="az" n="azerbaijani"/><tf:l c="ru" n="russian"/><tf:l c="en" n="english"/>
    <tf:l c="de" n="ngerman"/><tf:l c="fr" n="french"/><tf:l c="tr" n="turkish"/>
    <tf:l c="uk" n="ukrainian"/><tf:l c="ka" n="georgian"/><tf:l c="hy" n="armenian"/>
    <tf:l c="fa" n="persian"/><tf:l c="ar" n="arabic"/><tf:l c="it" n="italian"/>
    <tf:l c="es" n="spanish"/><tf:l c="pt" n="portuguese"/><tf:l c="pl" n="polish"/>
    <tf:l c="cs" n="czech"/><tf:l c="nl" n="dutch"/><tf:l c="la" n="latin"/>
    <tf:l c="el" n="greek"/><tf:l c="grc" n="ancientgreek"/><tf:l c="sv" n="swedish"/>
    <tf:l c="fi" n="finnish"/><tf:l c="hu" n="magyar"/><tf:l c="kk" n="kazakh"/>
    <tf:l c="uz" n="uzbek"/><tf:l c="be" n="belarusian"/><tf:l c="bg" n="bulgarian"/>
  </xsl:variable>
  <xsl:variable name="tf-langs" select="exsl:node-set($tf-langs-rtf)/tf:l"/>

  <xsl:variable name="tf-header" select="/tei:TEI/tei:teiHeader"/>
  <xsl:variable name="tf-bibl-struct" select="$tf-header/tei:fileDesc/tei:sourceDesc/tei:biblStruct[1]"/>
  <!-- The article's language: TEI/@xml:lang, else the source's mainLang. -->
  <xsl:variable name="tf-doc-lang"
      select="string((/tei:TEI/@xml:lang | $tf-bibl-struct//tei:textLang/@mainLang)[normalize-space()][1])"/>

  <!-- Works cited in the text, one per distinct normalised text. -->
  <xsl:key name="tf-cited" use="normalize-space(.)"
      match="tei:text//tei:note//tei:bibl[not(ancestor::tei:bibl)] | tei:text//tei:listBibl/tei:bibl | tei:text//tei:listBibl/tei:biblStruct"/>

  <!-- One record per distinct source, as the converter writes them
       (sources.c): <biblStruct> for printed works, <bibl type="archival">
       for archival files; each note <bibl> points to one with @corresp. -->
  <xsl:variable name="tf-sources"
      select="/tei:TEI/tei:standOff/tei:listBibl[@type = 'sources']/*[self::tei:bibl or self::tei:biblStruct]"/>

  <!-- The records the citation formats print, as a node-set of <rec>. -->
  <xsl:variable name="tf-records-rtf">
    <xsl:choose>
      <xsl:when test="number($sources) = 1 and $tf-sources">
        <!-- the converter's deduplicated sources (standOff/listBibl) -->
        <xsl:for-each select="$tf-sources">
          <xsl:call-template name="tf-record"/>
        </xsl:for-each>
      </xsl:when>
      <xsl:when test="number($sources) = 1">
        <xsl:for-each select="/tei:TEI/tei:text//*[(self::tei:bibl and ancestor::tei:note and not(ancestor::tei:bibl)) or ((self::tei:bibl or self::tei:biblStruct) and parent::tei:listBibl)][generate-id() = generate-id(key('tf-cited', normalize-space(.))[1])]">
          <xsl:call-template name="tf-record"/>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="tf-record">
          <xsl:with-param name="article" select="true()"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="tf-records-raw" select="exsl:node-set($tf-records-rtf)/rec"/>
  <!-- Keys made unique: a repeated key gets "-2", "-3"… by its rank. -->
  <xsl:key name="tf-rec-by-key" match="rec" use="@key"/>
  <xsl:variable name="tf-records-final-rtf">
    <xsl:for-each select="$tf-records-raw">
      <rec type="{@type}">
        <xsl:attribute name="key">
          <xsl:value-of select="@key"/>
          <xsl:if test="count(key('tf-rec-by-key', @key)) &gt; 1 and generate-id() != generate-id(key('tf-rec-by-key', @key)[1])">
            <xsl:value-of select="concat('-', position())"/>
          </xsl:if>
        </xsl:attribute>
        <xsl:copy-of select="*"/>
      </rec>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="tf-records" select="exsl:node-set($tf-records-final-rtf)/rec"/>

  <!-- The article record alone (for the html and text title blocks). -->
  <xsl:variable name="tf-article-rtf">
    <xsl:call-template name="tf-record">
      <xsl:with-param name="article" select="true()"/>
    </xsl:call-template>
  </xsl:variable>
  <xsl:variable name="tf-article" select="exsl:node-set($tf-article-rtf)/rec"/>

  <!-- One <rec>: the article's own (article = true) or the cited work that
       is the context node. -->
  <xsl:template name="tf-record">
    <xsl:param name="article" select="false()"/>
    <xsl:variable name="fields-rtf">
      <xsl:choose>
        <xsl:when test="$article">
          <xsl:variable name="st" select="$tf-header/tei:fileDesc/tei:titleStmt"/>
          <xsl:call-template name="tf-struct-fields">
            <xsl:with-param name="bs" select="$tf-bibl-struct"/>
            <xsl:with-param name="titles" select="($st/tei:title | $tf-bibl-struct/tei:analytic/tei:title[not($st/tei:title[normalize-space()])])[normalize-space()]"/>
            <xsl:with-param name="authors" select="$st/tei:author | $tf-bibl-struct/tei:analytic/tei:author[not($st/tei:author)]"/>
            <xsl:with-param name="lang" select="$tf-doc-lang"/>
          </xsl:call-template>
          <xsl:for-each select="$tf-header/tei:profileDesc/tei:textClass/tei:keywords//*[self::tei:term or self::tei:item][normalize-space()]">
            <keyword><xsl:call-template name="tf-plain"/></keyword>
          </xsl:for-each>
          <xsl:for-each select="/tei:TEI/tei:text/tei:front/tei:div[@type = 'abstract'] | $tf-header/tei:profileDesc/tei:abstract">
            <abstract lang="{ancestor-or-self::*[@xml:lang][1]/@xml:lang}">
              <xsl:for-each select="*[not(self::tei:head or self::tei:list)]">
                <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
                <xsl:call-template name="tf-plain"/>
              </xsl:for-each>
            </abstract>
          </xsl:for-each>
        </xsl:when>
        <xsl:when test="self::tei:biblStruct and not(tei:analytic) and tei:monogr/tei:title[@level = 'j']">
          <!-- an issue of a newspaper or journal: the periodical is the
               container, the issue its date -->
          <container level="j"><xsl:call-template name="tf-plain"><xsl:with-param name="node" select="tei:monogr/tei:title[@level = 'j'][1]"/></xsl:call-template></container>
          <xsl:call-template name="tf-struct-fields">
            <xsl:with-param name="bs" select="."/>
            <xsl:with-param name="titles" select="/.."/>
            <xsl:with-param name="authors" select="tei:monogr/tei:author"/>
            <xsl:with-param name="lang" select="string(@xml:lang)"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="self::tei:biblStruct">
          <xsl:call-template name="tf-struct-fields">
            <xsl:with-param name="bs" select="."/>
            <xsl:with-param name="titles" select="(tei:analytic/tei:title | tei:monogr/tei:title[not(../../tei:analytic/tei:title)])[normalize-space()]"/>
            <xsl:with-param name="authors" select="tei:analytic/tei:author | tei:monogr/tei:author[not(../../tei:analytic/tei:author)]"/>
            <!-- a cited work's language is its own, not the citing article's -->
            <xsl:with-param name="lang" select="string((@xml:lang | self::*[not(parent::tei:listBibl)]/ancestor::*[@xml:lang][1]/@xml:lang)[1])"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="tf-bibl-fields"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="f" select="exsl:node-set($fields-rtf)/*"/>
    <xsl:variable name="who">
      <xsl:call-template name="tf-ascii-key">
        <xsl:with-param name="s" select="($f[self::author]/@family | $f[self::author]/@literal)[1]"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="what">
      <xsl:call-template name="tf-ascii-key">
        <xsl:with-param name="s" select="str:tokenize(($f[self::title] | $f[self::container] | $f[self::archive])[1], ' ')[translate(., '“”«»„&quot;()[]', '') != ''][1]"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="stem" select="concat($who, substring($what, 1, 20 * (string($who) = '')))"/>
    <!-- a source's id (src-gmta-1874-1-4) is its key, made by the converter -->
    <xsl:variable name="id" select="substring-after(@xml:id, 'src-')"/>
    <rec key="{concat($id, substring(concat($stem, substring('tei', 1, 3 * not($stem)), $f[self::year]), 1, 200 * not($id)))}">
      <xsl:attribute name="type">
        <xsl:choose>
          <xsl:when test="$f[self::archive]">archival</xsl:when>
          <xsl:when test="not($f[self::title]) and $f[self::container]/@level = 'j'">periodical</xsl:when>
          <xsl:when test="$article or ($f[self::title] and $f[self::container] and $f[self::container]/@level != 'm')">article</xsl:when>
          <xsl:when test="$f[self::title] and $f[self::container]">chapter</xsl:when>
          <xsl:when test="$f[self::title]/@level = 'j'">periodical</xsl:when>
          <xsl:when test="$f[self::title]/@level = 'm'">book</xsl:when>
          <xsl:otherwise>misc</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:copy-of select="$f"/>
    </rec>
  </xsl:template>

  <!-- Fields of a biblStruct-shaped description. -->
  <xsl:template name="tf-struct-fields">
    <xsl:param name="bs"/>
    <xsl:param name="titles"/>
    <xsl:param name="authors"/>
    <xsl:param name="lang"/>
    <xsl:variable name="m" select="$bs/tei:monogr[1]"/>
    <xsl:call-template name="tf-title-fields">
      <xsl:with-param name="titles" select="$titles"/>
      <xsl:with-param name="lang" select="$lang"/>
    </xsl:call-template>
    <xsl:for-each select="$authors"><author><xsl:call-template name="tf-name"/></author></xsl:for-each>
    <xsl:for-each select="$m/tei:editor"><editor><xsl:call-template name="tf-name"/></editor></xsl:for-each>
    <xsl:if test="$bs/tei:analytic/tei:title">
      <xsl:for-each select="($m/tei:title[@level = 'j'] | $m/tei:title[not(../tei:title[@level = 'j'])])[normalize-space()][1]">
        <container level="{@level}"><xsl:call-template name="tf-plain"/></container>
      </xsl:for-each>
    </xsl:if>
    <xsl:call-template name="tf-common-fields">
      <xsl:with-param name="scopes" select="$m/tei:imprint/tei:biblScope | $m/tei:biblScope | $bs/tei:analytic/tei:biblScope"/>
      <xsl:with-param name="dates" select="$m/tei:imprint/tei:date | $m/tei:date"/>
      <xsl:with-param name="places" select="$m/tei:imprint/tei:pubPlace"/>
      <xsl:with-param name="publishers" select="$m/tei:imprint/tei:publisher"/>
    </xsl:call-template>
    <xsl:for-each select="($bs//tei:idno[translate(@type, 'DOI', 'doi') = 'doi'] | $tf-header[count($bs | $tf-bibl-struct) = 1]/tei:fileDesc/tei:publicationStmt/tei:idno[translate(@type, 'DOI', 'doi') = 'doi'])[normalize-space()][1]">
      <doi><xsl:value-of select="normalize-space()"/></doi>
    </xsl:for-each>
    <xsl:if test="$lang != ''"><lang><xsl:value-of select="$lang"/></lang></xsl:if>
  </xsl:template>

  <!-- Fields of a <bibl> as the encoding rules write one (ENCODING.md §2). -->
  <xsl:template name="tf-bibl-fields">
    <xsl:variable name="titles" select="(tei:title[@level = 'a'] | tei:title[@level = 'm'][not(../tei:title[@level = 'a'])] | tei:title[@level = 'u' or not(@level)][not(../tei:title[@level = 'a' or @level = 'm'])] | tei:title[@level = 'j' or @level = 's'][not(../tei:title[not(@level = 'j' or @level = 's')])])[normalize-space()]"/>
    <xsl:call-template name="tf-title-fields">
      <xsl:with-param name="titles" select="$titles[1]"/>
      <xsl:with-param name="lang" select="string(ancestor-or-self::*[@xml:lang][1]/@xml:lang)"/>
    </xsl:call-template>
    <xsl:for-each select="tei:author"><author><xsl:call-template name="tf-name"/></author></xsl:for-each>
    <xsl:for-each select="tei:editor"><editor><xsl:call-template name="tf-name"/></editor></xsl:for-each>
    <xsl:for-each select="tei:title[count(. | $titles[1]) != 1][@level = 'j' or @level = 'm'][normalize-space()][1]">
      <container level="{@level}"><xsl:call-template name="tf-plain"/></container>
    </xsl:for-each>
    <xsl:call-template name="tf-common-fields">
      <xsl:with-param name="scopes" select="tei:biblScope[not(../@type = 'archival')]"/>
      <xsl:with-param name="dates" select="tei:date"/>
      <xsl:with-param name="places" select="tei:pubPlace"/>
      <xsl:with-param name="publishers" select="tei:publisher"/>
    </xsl:call-template>
    <xsl:if test="@type = 'archival'">
      <!-- the repository's full name, with its abbreviation when both are
           given: "Gürcüstan Mərkəzi Tarix Arxivi (GMTA)" -->
      <xsl:variable name="full" select="tei:orgName[not(@type = 'abbreviation')][1]"/>
      <xsl:variable name="abbr" select="tei:orgName[@type = 'abbreviation'][1]"/>
      <xsl:variable name="loc">
        <xsl:for-each select="tei:biblScope">
          <xsl:if test="position() &gt; 1">, </xsl:if>
          <xsl:call-template name="tf-plain"/>
        </xsl:for-each>
      </xsl:variable>
      <xsl:if test="not($titles)">
        <!-- an untitled file is named by its designation -->
        <title level="u" lang="{ancestor-or-self::*[@xml:lang][1]/@xml:lang}">
          <xsl:value-of select="normalize-space(concat(($abbr | $full[not($abbr)])[1], substring(', ', 1, 2 * boolean(string($loc))), $loc))"/>
        </title>
      </xsl:if>
      <xsl:for-each select="$full">
        <archive>
          <xsl:call-template name="tf-plain"/>
          <xsl:if test="$abbr"><xsl:value-of select="concat(' (', normalize-space($abbr), ')')"/></xsl:if>
        </archive>
      </xsl:for-each>
      <xsl:for-each select="(tei:pubPlace | tei:placeName)[1]"><archive-place><xsl:call-template name="tf-plain"/></archive-place></xsl:for-each>
      <xsl:for-each select="tei:biblScope[@unit = 'fond'][1]"><collection><xsl:call-template name="tf-plain"/></collection></xsl:for-each>
      <xsl:if test="string($loc)"><locator><xsl:value-of select="$loc"/></locator></xsl:if>
    </xsl:if>
    <xsl:for-each select="(tei:idno[translate(@type, 'DOI', 'doi') = 'doi'])[1]"><doi><xsl:value-of select="normalize-space()"/></doi></xsl:for-each>
    <xsl:for-each select="(tei:title/@xml:lang | @xml:lang)[1]"><lang><xsl:value-of select="."/></lang></xsl:for-each>
  </xsl:template>

  <!-- <title> (the main one) and <ptitle>s.  Main: @type='main', else the one
       in the article's language, else the first; a @type='sub' title is
       joined to the main one after a colon. -->
  <xsl:template name="tf-title-fields">
    <xsl:param name="titles"/>
    <xsl:param name="lang"/>
    <xsl:variable name="full" select="$titles[not(@type = 'sub')]"/>
    <xsl:variable name="main" select="($full[@type = 'main'] | $full[not($full[@type = 'main'])][lang($lang)][$lang != ''] | $full[not($full[@type = 'main'] or $full[lang($lang)][$lang != ''])])[1]"/>
    <xsl:for-each select="$main">
      <!-- a cited source's language is its own: never inherited from the
           citing article's TEI element -->
      <title level="{@level}" lang="{ancestor-or-self::*[@xml:lang][1][not(self::tei:TEI and current()/ancestor::tei:listBibl)]/@xml:lang}">
        <xsl:call-template name="tf-plain"/>
        <xsl:for-each select="$titles[@type = 'sub'][not(@xml:lang) or lang(string(current()/ancestor-or-self::*[@xml:lang][1]/@xml:lang))]">
          <xsl:text>: </xsl:text><xsl:call-template name="tf-plain"/>
        </xsl:for-each>
      </title>
    </xsl:for-each>
    <xsl:for-each select="$full[count(. | $main) != 1]">
      <ptitle lang="{ancestor-or-self::*[@xml:lang][1][not(self::tei:TEI and current()/ancestor::tei:listBibl)]/@xml:lang}"><xsl:call-template name="tf-plain"/></ptitle>
    </xsl:for-each>
  </xsl:template>

  <!-- Volume, issue, pages, year and date, place, publisher. -->
  <xsl:template name="tf-common-fields">
    <xsl:param name="scopes"/>
    <xsl:param name="dates"/>
    <xsl:param name="places"/>
    <xsl:param name="publishers"/>
    <xsl:for-each select="$scopes[@unit = 'volume' or @type = 'volume' or @type = 'vol'][normalize-space()][1]">
      <volume><xsl:value-of select="normalize-space()"/></volume>
    </xsl:for-each>
    <xsl:for-each select="$scopes[@unit = 'issue' or @unit = 'number' or @type = 'issue' or @type = 'no'][normalize-space()][1]">
      <issue><xsl:value-of select="normalize-space()"/></issue>
    </xsl:for-each>
    <xsl:for-each select="$scopes[@unit = 'page' or @unit = 'pp' or @type = 'pages' or @type = 'pp'][normalize-space() or @from][1]">
      <xsl:variable name="t" select="normalize-space(translate(., '–—‒', '---'))"/>
      <xsl:variable name="from" select="string((@from | str:tokenize(substring-before(concat($t, '-'), '-'), ' ')[last()])[1])"/>
      <xsl:variable name="to" select="string((@to | str:tokenize(substring-after($t, '-'), ' ')[1])[1])"/>
      <pages from="{$from}">
        <xsl:if test="$to != '' and $to != $from"><xsl:attribute name="to"><xsl:value-of select="$to"/></xsl:attribute></xsl:if>
        <xsl:value-of select="normalize-space()"/>
      </pages>
    </xsl:for-each>
    <xsl:for-each select="$dates[1]">
      <xsl:variable name="iso" select="string((@when | @from | @notBefore)[1])"/>
      <xsl:variable name="year">
        <xsl:call-template name="tf-year"><xsl:with-param name="s" select="concat($iso, ' ', .)"/></xsl:call-template>
      </xsl:variable>
      <xsl:if test="$year != ''"><year><xsl:value-of select="$year"/></year></xsl:if>
      <xsl:if test="starts-with($iso, $year) and $year != ''"><date><xsl:value-of select="$iso"/></date></xsl:if>
    </xsl:for-each>
    <xsl:for-each select="$places[normalize-space()][1]"><place><xsl:call-template name="tf-plain"/></place></xsl:for-each>
    <xsl:for-each select="$publishers[normalize-space()][1]"><publisher><xsl:call-template name="tf-plain"/></publisher></xsl:for-each>
  </xsl:template>

  <!-- Attributes family/given (or literal) of an author/editor element. -->
  <xsl:template name="tf-name">
    <xsl:variable name="pn" select="(tei:persName | tei:name)[1] | self::*[not(tei:persName or tei:name)]"/>
    <xsl:variable name="family" select="normalize-space(concat($pn/tei:nameLink, ' ', $pn/tei:surname[1], ' ', $pn/tei:surname[2]))"/>
    <xsl:variable name="given" select="normalize-space(concat($pn/tei:forename[1], ' ', $pn/tei:forename[2]))"/>
    <xsl:variable name="full">
      <xsl:call-template name="tf-plain"><xsl:with-param name="node" select="$pn"/></xsl:call-template>
    </xsl:variable>
    <!-- "Dickens, Charles (1812-1870)": life dates are not part of the name. -->
    <xsl:variable name="all" select="normalize-space(concat(substring-before($full, ' ('), substring($full, 1, string-length($full) * not(contains($full, ' (')))))"/>
    <xsl:choose>
      <xsl:when test="$family != ''">
        <xsl:attribute name="family"><xsl:value-of select="$family"/></xsl:attribute>
        <xsl:if test="$given != ''"><xsl:attribute name="given"><xsl:value-of select="$given"/></xsl:attribute></xsl:if>
      </xsl:when>
      <xsl:when test="contains($all, ',')">
        <xsl:attribute name="family"><xsl:value-of select="normalize-space(substring-before($all, ','))"/></xsl:attribute>
        <xsl:attribute name="given"><xsl:value-of select="normalize-space(substring-after($all, ','))"/></xsl:attribute>
      </xsl:when>
      <xsl:when test="$all = ''"/>
      <xsl:when test="$pn/tei:orgName or not(contains($all, ' '))">
        <xsl:attribute name="literal"><xsl:value-of select="$all"/></xsl:attribute>
      </xsl:when>
      <xsl:otherwise>
        <!-- "B. Ivanov": the last word is the family name, unless it is an
             initial and the first word is not ("Mamulia Q.Q."). -->
        <xsl:variable name="words" select="str:tokenize($all, ' ')"/>
        <xsl:variable name="inverted" select="substring($words[last()], string-length($words[last()])) = '.' and substring($words[1], string-length($words[1])) != '.'"/>
        <xsl:attribute name="family"><xsl:value-of select="$words[last() * not($inverted) + $inverted]"/></xsl:attribute>
        <xsl:attribute name="given">
          <xsl:for-each select="$words[position() != last() * not($inverted) + $inverted]">
            <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
            <xsl:value-of select="."/>
          </xsl:for-each>
        </xsl:attribute>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The biblatex language name of ISO code $code (its primary subtag). -->
  <xsl:template name="tf-lang-name">
    <xsl:param name="code"/>
    <xsl:variable name="primary" select="translate(substring-before(concat($code, '-'), '-'), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
    <xsl:value-of select="$tf-langs[@c = $primary]/@n"/>
  </xsl:template>

  <!-- Parallel titles as one note: "Parallel title (ru): …; …". -->
  <xsl:template name="tf-parallel-note">
    <xsl:param name="rec"/>
    <xsl:for-each select="$rec/ptitle">
      <xsl:if test="position() &gt; 1">; </xsl:if>
      <xsl:text>Parallel title</xsl:text>
      <xsl:if test="@lang != ''"><xsl:value-of select="concat(' (', @lang, ')')"/></xsl:if>
      <xsl:value-of select="concat(': ', .)"/>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
