<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!--
  common/structure.xsl — how the reading formats (html, text) see the TEI
  text: which texts to render, which elements run inline, how notes and
  pages are labelled, and the few words of interface in the document's
  language.  Notes are numbered once, through a key over a table built in
  one pass: never xsl:number level="any" nor count(preceding::…), which are
  quadratic in libxslt (RENDER-FACTS.md).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:exsl="http://exslt.org/common"
    xmlns:tf="urn:teiforge:tables"
    extension-element-prefixes="exsl"
    exclude-result-prefixes="tei tf">

  <xsl:import href="meta.xsl"/>

  <!-- The texts to render: outermost <text>s; a document that is not TEI
       at all is rendered from its root element. -->
  <xsl:variable name="tf-texts" select="//tei:text[not(ancestor::tei:text)]"/>
  <xsl:variable name="tf-body-nodes" select="$tf-texts | /*[not($tf-texts)]"/>

  <!-- Elements that run inside a line of text (phrase level).  Everything
       else is a block; an element that is unknown here still shows its text. -->
  <xsl:variable name="tf-inline" select="concat(
    ' abbr add addName affiliation am anchor author bibl biblScope c choice corr date',
    ' del distinct editor email emph ex expan foreign forename fw g gap genName geogName',
    ' gloss hi idno lang lb measure mentioned milestone name nameLink note num orgName orig',
    ' pb cb pc persName placeName ptr pubPlace publisher q quote ref reg roleName rs said',
    ' seg sic soCalled space subst supplied surname term time title unclear w index',
    ' app lem rdg damage surplus restore handShift s phr cl secl ')"/>

  <!-- The reading a <choice> shows: its first corr, reg or expan (the
       edited reading), else its first child element; the others (sic,
       orig, abbr…) are the alternative.  A key, so that every format and
       the words check (tests/render/words-kept.mjs) make the same choice:
       key('tf-choice-shown', generate-id($choice)). -->
  <xsl:key name="tf-choice-shown" use="generate-id(..)"
      match="tei:choice/*[self::tei:corr or self::tei:reg or self::tei:expan][not(preceding-sibling::tei:corr or preceding-sibling::tei:reg or preceding-sibling::tei:expan)]
           | tei:choice[not(tei:corr or tei:reg or tei:expan)]/*[1]"/>

  <!-- A line, column or page break inside a word (break="no"): the word
       runs on across it, so the whitespace of the source on either side
       (indentation, a newline before the <lb/>) is layout, not a space
       between words.  tf-text-joined writes the context text node without
       it.  Each format calls it from a template matching
         text()[preceding-sibling::node()[1]/@break = 'no' or following-sibling::node()[1]/@break = 'no']
       (XSLT 1.0 has no shared patterns), so the common text node, with no
       such neighbour, costs one pattern test.  Written "node()[1]/@break",
       never "node()[1][@break = 'no']": libxml2 stops at the first sibling
       only when the positional predicate is the last one, and the second
       form scans the whole axis (quadratic in a paragraph of many <lb/>s). -->
  <xsl:template name="tf-text-joined">
    <xsl:variable name="after" select="boolean(preceding-sibling::node()[1]/self::*[@break = 'no'][self::tei:lb or self::tei:pb or self::tei:cb or self::tei:milestone])"/>
    <xsl:variable name="before" select="boolean(following-sibling::node()[1]/self::*[@break = 'no'][self::tei:lb or self::tei:pb or self::tei:cb or self::tei:milestone])"/>
    <xsl:variable name="first" select="substring(normalize-space(.), 1, 1)"/>
    <xsl:variable name="s">
      <xsl:choose>
        <xsl:when test="$first = ''"/>
        <xsl:when test="$after"><xsl:value-of select="concat($first, substring-after(., $first))"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$before"><xsl:call-template name="tf-rtrim"><xsl:with-param name="s" select="string($s)"/></xsl:call-template></xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- $s without its trailing whitespace (one call per trailing character). -->
  <xsl:template name="tf-rtrim">
    <xsl:param name="s"/>
    <xsl:variable name="n" select="string-length($s)"/>
    <xsl:choose>
      <xsl:when test="$n &gt; 0 and translate(substring($s, $n), ' &#9;&#10;&#13;', '') = ''">
        <xsl:call-template name="tf-rtrim"><xsl:with-param name="s" select="substring($s, 1, $n - 1)"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- True when the context element has a block element inside it (notes
       do not count: they become marks). -->
  <xsl:template name="tf-has-block">
    <xsl:value-of select="boolean(descendant::*[not(contains($tf-inline, concat(' ', local-name(), ' ')))][not(ancestor::tei:note)])"/>
  </xsl:template>

  <!-- Notes of the texts in document order: g = generate-id (used only to
       look the note up within this run), label = what the reader sees (@n,
       else the note's rank), id = what anchors use (@n when it is unique
       and has no space, else "a" + rank). -->
  <xsl:key name="tf-note-n" match="tei:note[@n]" use="@n"/>
  <xsl:variable name="tf-notes-rtf">
    <xsl:for-each select="$tf-texts//tei:note">
      <xsl:variable name="n" select="normalize-space(@n)"/>
      <tf:n g="{generate-id()}" label="{$n}{substring(position(), 1, 20 * ($n = ''))}">
        <xsl:attribute name="id">
          <xsl:choose>
            <xsl:when test="$n != '' and $n = @n and not(contains($n, ' ')) and count(key('tf-note-n', @n)) = 1"><xsl:value-of select="$n"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="concat('a', position())"/></xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
      </tf:n>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="tf-notes" select="exsl:node-set($tf-notes-rtf)/tf:n"/>
  <xsl:key name="tf-note-g" match="tf:n" use="@g"/>

  <!-- The label (default) or the id of the context note. -->
  <xsl:template name="tf-note-field">
    <xsl:param name="field" select="'label'"/>
    <xsl:variable name="g" select="generate-id()"/>
    <xsl:for-each select="$tf-notes[1]">
      <xsl:value-of select="key('tf-note-g', $g)/@*[local-name() = $field]"/>
    </xsl:for-each>
  </xsl:template>

  <!-- Page ids: "p" + @n when @n is unique and has no space. -->
  <xsl:key name="tf-pb-n" match="tei:pb[@n]" use="@n"/>
  <xsl:template name="tf-pb-id">
    <xsl:if test="normalize-space(@n) = @n and @n != '' and count(key('tf-pb-n', @n)) = 1">
      <xsl:value-of select="concat('p', @n)"/>
    </xsl:if>
  </xsl:template>

  <!-- Authority records (standOff, back) by xml:id, for names' @ref. -->
  <xsl:key name="tf-id" match="tei:person | tei:org | tei:place | tei:personGrp" use="@xml:id"/>

  <!-- Interface words in the document's language (English otherwise). -->
  <xsl:variable name="tf-labels-rtf">
    <tf:w k="contents" en="Contents" az="Mündəricat" ru="Содержание" de="Inhalt" fr="Sommaire"/>
    <tf:w k="notes" en="Notes" az="Qeydlər" ru="Примечания" de="Anmerkungen" fr="Notes"/>
    <tf:w k="keywords" en="Keywords" az="Açar sözlər" ru="Ключевые слова" de="Schlagwörter" fr="Mots-clés"/>
    <tf:w k="back" en="Back to the text" az="Mətnə qayıt" ru="Назад к тексту" de="Zurück zum Text" fr="Retour au texte"/>
    <tf:w k="untitled" en="Untitled" az="Adsız" ru="Без названия" de="Ohne Titel" fr="Sans titre"/>
    <tf:w k="cite" en="Cite this article" az="İstinad üçün" ru="Как цитировать" de="Zitieren" fr="Citer cet article"/>
    <tf:w k="plain" en="Text" az="Mətn" ru="Текст" de="Text" fr="Texte"/>
    <tf:w k="languages" en="Languages" az="Dillər" ru="Языки" de="Sprachen" fr="Langues"/>
    <tf:w k="index" en="Index of names" az="Adlar göstəricisi" ru="Указатель имён" de="Namensregister" fr="Index des noms"/>
    <tf:w k="persons" en="Persons" az="Şəxslər" ru="Лица" de="Personen" fr="Personnes"/>
    <tf:w k="orgs" en="Organisations" az="Təşkilatlar" ru="Организации" de="Organisationen" fr="Organisations"/>
    <tf:w k="places" en="Places" az="Yerlər" ru="Места" de="Orte" fr="Lieux"/>
    <tf:w k="sources" en="Sources" az="Mənbələr" ru="Источники" de="Quellen" fr="Sources"/>
    <tf:w k="close" en="Close" az="Bağla" ru="Закрыть" de="Schließen" fr="Fermer"/>
    <tf:w k="note" en="Note" az="Qeyd" ru="Примечание" de="Anmerkung" fr="Note"/>
    <tf:w k="skip" en="Skip to the text" az="Mətnə keç" ru="Перейти к тексту" de="Zum Text" fr="Aller au texte"/>
    <tf:w k="page" en="p." az="s." ru="с." de="S." fr="p."/>
    <tf:w k="also" en="also" az="həmçinin" ru="также" de="auch" fr="aussi"/>
  </xsl:variable>
  <xsl:variable name="tf-labels" select="exsl:node-set($tf-labels-rtf)/tf:w"/>
  <xsl:variable name="tf-ui-lang" select="substring-before(concat($tf-doc-lang, '-'), '-')"/>

  <xsl:template name="tf-label">
    <xsl:param name="k"/>
    <xsl:variable name="w" select="$tf-labels[@k = $k]"/>
    <xsl:value-of select="$w/@*[local-name() = $tf-ui-lang]"/>
    <xsl:if test="not($w/@*[local-name() = $tf-ui-lang])"><xsl:value-of select="$w/@en"/></xsl:if>
  </xsl:template>

  <!-- Language codes as BCP 47 wants them: ISO 639-2 codes and names seen
       in real TEI mapped to the two-letter code; anything else that is not
       a 2–3 letter primary subtag is dropped (an invalid lang attribute is
       worse than none). -->
  <xsl:variable name="tf-lang-alias-rtf">
    <tf:a f="fre" t="fr"/><tf:a f="fra" t="fr"/><tf:a f="french" t="fr"/>
    <tf:a f="ger" t="de"/><tf:a f="deu" t="de"/><tf:a f="german" t="de"/>
    <tf:a f="eng" t="en"/><tf:a f="english" t="en"/><tf:a f="lat" t="la"/><tf:a f="latin" t="la"/>
    <tf:a f="ita" t="it"/><tf:a f="rus" t="ru"/><tf:a f="aze" t="az"/><tf:a f="spa" t="es"/>
    <tf:a f="por" t="pt"/><tf:a f="pol" t="pl"/><tf:a f="dut" t="nl"/><tf:a f="nld" t="nl"/>
    <tf:a f="tur" t="tr"/><tf:a f="ukr" t="uk"/><tf:a f="geo" t="ka"/><tf:a f="kat" t="ka"/>
    <tf:a f="gre" t="el"/><tf:a f="ell" t="el"/><tf:a f="gr" t="el"/><tf:a f="ara" t="ar"/>
    <tf:a f="per" t="fa"/><tf:a f="fas" t="fa"/><tf:a f="heb" t="he"/><tf:a f="cze" t="cs"/>
    <tf:a f="ces" t="cs"/><tf:a f="hun" t="hu"/><tf:a f="swe" t="sv"/><tf:a f="arm" t="hy"/>
  </xsl:variable>
  <xsl:variable name="tf-lang-alias" select="exsl:node-set($tf-lang-alias-rtf)/tf:a"/>

  <xsl:template name="tf-bcp47">
    <xsl:param name="code"/>
    <xsl:variable name="v" select="normalize-space($code)"/>
    <xsl:variable name="p" select="substring-before(concat($v, '-'), '-')"/>
    <xsl:variable name="alias" select="$tf-lang-alias[@f = translate($p, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')]/@t"/>
    <xsl:choose>
      <xsl:when test="$alias"><xsl:value-of select="concat($alias, substring($v, string-length($p) + 1))"/></xsl:when>
      <xsl:when test="$v = '' or (string-length($p) &gt;= 2 and string-length($p) &lt;= 3 and translate($p, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ', '') = '' and not(contains($v, ' ')))">
        <xsl:value-of select="$v"/>
      </xsl:when>
      <xsl:otherwise>-</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Whether the header keywords must be shown: only when the text does
       not print its own keyword lists. -->
  <xsl:variable name="tf-show-header-keywords" select="not($tf-texts//tei:list[@type = 'keywords'])"/>

  <!-- The human-readable value of a date's normalisation attributes. -->
  <xsl:template name="tf-date-value">
    <xsl:choose>
      <xsl:when test="@when"><xsl:value-of select="@when"/></xsl:when>
      <xsl:when test="@from or @to"><xsl:value-of select="concat(@from, '/', @to)"/></xsl:when>
      <xsl:when test="@notBefore or @notAfter">
        <xsl:value-of select="concat(@notBefore, ' … ', @notAfter)"/>
      </xsl:when>
    </xsl:choose>
    <xsl:if test="@cert and (@when or @from or @to or @notBefore or @notAfter)">
      <xsl:value-of select="concat(' (', @cert, ')')"/>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
