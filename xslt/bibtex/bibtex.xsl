<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!--
  bibtex/bibtex.xsl — the records of common/meta.xsl as biblatex entries
  (teiforge render, format bibtex; with sources=1, the works cited).

  UTF-8 is written as is (biber reads it): letters are never transliterated
  or dropped; only the BibTeX specials { } \ % & # $ _ ~ ^ are escaped.
  The key alone is ASCII (common/strings.xsl, tf-ascii-key).

  Parallel titles: biblatex has no field for "the same title in another
  language" (origtitle means the title of the original of a translation,
  titleaddon prints as part of the title).  They go into `note`, which
  biblatex prints after the entry and citation.js reads back as CSL "note";
  the main title is `title` and its language `langid`.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common"
    xmlns:tf="urn:teiforge:tables"
    extension-element-prefixes="exsl"
    exclude-result-prefixes="tf">

  <xsl:import href="../common/meta.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <!-- Record type → biblatex entry type, the field its container goes in,
       its entrysubtype, and the fields of an archive and of the place in
       it.  A newspaper issue is an @article with entrysubtype newspaper
       (biblatex's own convention) and the newspaper as journaltitle.
       Archival files are @unpublished (read back as CSL "manuscript"):
       biblatex has no archive fields, so the repository goes into
       howpublished, the locators (fond, inventory, file) into library (the
       standard field for "library name and call number") and the
       archive's city, when known, into location; nothing is dropped. -->
  <xsl:variable name="types-rtf">
    <tf:t rec="article" entry="article" container="journaltitle" archive="organization" locator="addendum"/>
    <tf:t rec="chapter" entry="incollection" container="booktitle" archive="organization" locator="addendum"/>
    <tf:t rec="book" entry="book" container="series" archive="organization" locator="addendum"/>
    <tf:t rec="periodical" entry="article" container="journaltitle" subtype="newspaper" archive="organization" locator="addendum"/>
    <tf:t rec="archival" entry="unpublished" container="howpublished" archive="howpublished" locator="library"/>
    <tf:t rec="misc" entry="misc" container="howpublished" archive="organization" locator="addendum"/>
  </xsl:variable>
  <xsl:variable name="types" select="exsl:node-set($types-rtf)/tf:t"/>

  <xsl:template match="/">
    <xsl:for-each select="$tf-records">
      <xsl:if test="position() &gt; 1"><xsl:text>&#10;</xsl:text></xsl:if>
      <xsl:call-template name="entry"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="entry">
    <xsl:variable name="t" select="$types[@rec = current()/@type]"/>
    <xsl:value-of select="concat('@', $t/@entry, '{', @key, ',&#10;')"/>
    <xsl:call-template name="names">
      <xsl:with-param name="field" select="'author'"/>
      <xsl:with-param name="names" select="author"/>
    </xsl:call-template>
    <xsl:call-template name="names">
      <xsl:with-param name="field" select="'editor'"/>
      <xsl:with-param name="names" select="editor"/>
    </xsl:call-template>
    <xsl:call-template name="field"><xsl:with-param name="name" select="'title'"/><xsl:with-param name="value" select="title"/></xsl:call-template>
    <xsl:call-template name="field"><xsl:with-param name="name" select="$t/@container"/><xsl:with-param name="value" select="container"/></xsl:call-template>
    <xsl:call-template name="field"><xsl:with-param name="name" select="'volume'"/><xsl:with-param name="value" select="volume"/></xsl:call-template>
    <xsl:call-template name="field"><xsl:with-param name="name" select="'number'"/><xsl:with-param name="value" select="issue"/></xsl:call-template>
    <xsl:call-template name="field">
      <xsl:with-param name="name" select="'pages'"/>
      <xsl:with-param name="value" select="concat(pages/@from, substring('--', 1, 2 * boolean(pages/@to)), pages/@to)"/>
    </xsl:call-template>
    <xsl:call-template name="field"><xsl:with-param name="name" select="'date'"/><xsl:with-param name="value" select="(date | year[not(../date)])[1]"/></xsl:call-template>
    <xsl:call-template name="field"><xsl:with-param name="name" select="'location'"/><xsl:with-param name="value" select="place"/></xsl:call-template>
    <xsl:call-template name="field"><xsl:with-param name="name" select="'publisher'"/><xsl:with-param name="value" select="publisher"/></xsl:call-template>
    <xsl:call-template name="field"><xsl:with-param name="name" select="$t/@archive"/><xsl:with-param name="value" select="archive"/></xsl:call-template>
    <xsl:call-template name="field"><xsl:with-param name="name" select="'location'"/><xsl:with-param name="value" select="archive-place"/></xsl:call-template>
    <xsl:call-template name="field"><xsl:with-param name="name" select="$t/@locator"/><xsl:with-param name="value" select="locator"/></xsl:call-template>
    <xsl:call-template name="field"><xsl:with-param name="name" select="'entrysubtype'"/><xsl:with-param name="value" select="$t/@subtype"/></xsl:call-template>
    <xsl:if test="doi">
      <!-- doi is a verbatim field in biblatex: written unescaped. -->
      <xsl:value-of select="concat('  doi = {', doi, '},&#10;')"/>
    </xsl:if>
    <xsl:call-template name="field">
      <xsl:with-param name="name" select="'langid'"/>
      <xsl:with-param name="value">
        <xsl:call-template name="tf-lang-name"><xsl:with-param name="code" select="(title/@lang[. != ''] | lang)[1]"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="field">
      <xsl:with-param name="name" select="'keywords'"/>
      <xsl:with-param name="value">
        <xsl:for-each select="keyword">
          <xsl:if test="position() &gt; 1">, </xsl:if>
          <xsl:value-of select="."/>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="field">
      <xsl:with-param name="name" select="'note'"/>
      <xsl:with-param name="value">
        <xsl:call-template name="tf-parallel-note"><xsl:with-param name="rec" select="."/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:text>}&#10;</xsl:text>
  </xsl:template>

  <!-- "  name = {value},"; nothing when value is empty. -->
  <xsl:template name="field">
    <xsl:param name="name"/>
    <xsl:param name="value"/>
    <xsl:if test="normalize-space($value) != ''">
      <xsl:value-of select="concat('  ', $name, ' = {')"/>
      <xsl:call-template name="tf-bibtex-escape"><xsl:with-param name="s" select="$value"/></xsl:call-template>
      <xsl:text>},&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- "Family, Given and Family2, Given2"; a literal name in extra braces so
       biber does not split it. -->
  <xsl:template name="names">
    <xsl:param name="field"/>
    <xsl:param name="names"/>
    <xsl:if test="$names[@family or @literal]">
      <xsl:value-of select="concat('  ', $field, ' = {')"/>
      <xsl:for-each select="$names[@family or @literal]">
        <xsl:if test="position() &gt; 1"> and </xsl:if>
        <xsl:choose>
          <xsl:when test="@literal">
            <xsl:text>{</xsl:text>
            <xsl:call-template name="tf-bibtex-escape"><xsl:with-param name="s" select="@literal"/></xsl:call-template>
            <xsl:text>}</xsl:text>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="tf-bibtex-escape">
              <xsl:with-param name="s" select="concat(@family, substring(', ', 1, 2 * boolean(@given)), @given)"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
      <xsl:text>},&#10;</xsl:text>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
