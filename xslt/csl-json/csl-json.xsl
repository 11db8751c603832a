<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!--
  csl-json/csl-json.xsl — the records of common/meta.xsl as a CSL-JSON array
  (teiforge render, format csl-json; with sources=1, the works cited).
  Strings are escaped by tf-json-string (common/strings.xsl); UTF-8 is kept.

  Parallel titles: not "original-title" (citation processors print that as
  "original work published as").  They go into "note", as in the BibTeX
  output, so the two formats carry the same record.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    xmlns:tf="urn:teiforge:tables"
    extension-element-prefixes="exsl str"
    exclude-result-prefixes="tf">

  <xsl:import href="../common/meta.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <!-- Record type → CSL item type. -->
  <xsl:variable name="types-rtf">
    <tf:t rec="article" csl="article-journal"/>
    <tf:t rec="chapter" csl="chapter"/>
    <tf:t rec="book" csl="book"/>
    <tf:t rec="periodical" csl="article-newspaper"/>
    <tf:t rec="archival" csl="manuscript"/>
    <tf:t rec="misc" csl="document"/>
  </xsl:variable>
  <xsl:variable name="types" select="exsl:node-set($types-rtf)/tf:t"/>

  <xsl:template match="/">
    <xsl:text>[</xsl:text>
    <xsl:for-each select="$tf-records">
      <xsl:if test="position() &gt; 1">,</xsl:if>
      <xsl:text>&#10;  {</xsl:text>
      <xsl:call-template name="item"/>
      <xsl:text>&#10;  }</xsl:text>
    </xsl:for-each>
    <xsl:text>&#10;]&#10;</xsl:text>
  </xsl:template>

  <!-- Members of one item; every member after "id" starts with a comma. -->
  <xsl:template name="item">
    <xsl:call-template name="member"><xsl:with-param name="name" select="'id'"/><xsl:with-param name="value" select="@key"/><xsl:with-param name="first" select="true()"/></xsl:call-template>
    <xsl:call-template name="member"><xsl:with-param name="name" select="'type'"/><xsl:with-param name="value" select="$types[@rec = current()/@type]/@csl"/></xsl:call-template>
    <xsl:call-template name="member"><xsl:with-param name="name" select="'title'"/><xsl:with-param name="value" select="title"/></xsl:call-template>
    <xsl:call-template name="names"><xsl:with-param name="role" select="'author'"/><xsl:with-param name="names" select="author"/></xsl:call-template>
    <xsl:call-template name="names"><xsl:with-param name="role" select="'editor'"/><xsl:with-param name="names" select="editor"/></xsl:call-template>
    <xsl:call-template name="member"><xsl:with-param name="name" select="'container-title'"/><xsl:with-param name="value" select="container"/></xsl:call-template>
    <xsl:call-template name="member"><xsl:with-param name="name" select="'volume'"/><xsl:with-param name="value" select="volume"/></xsl:call-template>
    <xsl:call-template name="member"><xsl:with-param name="name" select="'issue'"/><xsl:with-param name="value" select="issue"/></xsl:call-template>
    <xsl:call-template name="member">
      <xsl:with-param name="name" select="'page'"/>
      <xsl:with-param name="value" select="concat(pages/@from, substring('-', 1, boolean(pages/@to)), pages/@to)"/>
    </xsl:call-template>
    <xsl:if test="year">
      <!-- date-parts: [[year, month, day]] from the ISO date, as numbers. -->
      <xsl:text>,&#10;    "issued": {"date-parts": [[</xsl:text>
      <xsl:for-each select="str:tokenize(substring((date | year[not(../date)])[1], 1, 10), '-')[position() &lt;= 3][string(number(.)) != 'NaN']">
        <xsl:if test="position() &gt; 1">, </xsl:if>
        <xsl:value-of select="number(.)"/>
      </xsl:for-each>
      <xsl:text>]]}</xsl:text>
    </xsl:if>
    <xsl:call-template name="member"><xsl:with-param name="name" select="'publisher'"/><xsl:with-param name="value" select="publisher"/></xsl:call-template>
    <xsl:call-template name="member"><xsl:with-param name="name" select="'publisher-place'"/><xsl:with-param name="value" select="place"/></xsl:call-template>
    <xsl:call-template name="member"><xsl:with-param name="name" select="'archive'"/><xsl:with-param name="value" select="archive"/></xsl:call-template>
    <xsl:call-template name="member"><xsl:with-param name="name" select="'archive_collection'"/><xsl:with-param name="value" select="collection"/></xsl:call-template>
    <xsl:call-template name="member"><xsl:with-param name="name" select="'archive_location'"/><xsl:with-param name="value" select="locator"/></xsl:call-template>
    <xsl:call-template name="member"><xsl:with-param name="name" select="'archive-place'"/><xsl:with-param name="value" select="archive-place"/></xsl:call-template>
    <xsl:call-template name="member"><xsl:with-param name="name" select="'DOI'"/><xsl:with-param name="value" select="doi"/></xsl:call-template>
    <xsl:call-template name="member"><xsl:with-param name="name" select="'language'"/><xsl:with-param name="value" select="(lang | title/@lang[. != ''])[1]"/></xsl:call-template>
    <xsl:call-template name="member">
      <xsl:with-param name="name" select="'keyword'"/>
      <xsl:with-param name="value">
        <xsl:for-each select="keyword">
          <xsl:if test="position() &gt; 1">, </xsl:if>
          <xsl:value-of select="."/>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="member">
      <xsl:with-param name="name" select="'abstract'"/>
      <xsl:with-param name="value" select="(abstract[@lang = current()/lang] | abstract[not(../abstract[@lang = current()/lang])])[1]"/>
    </xsl:call-template>
    <xsl:call-template name="member">
      <xsl:with-param name="name" select="'note'"/>
      <xsl:with-param name="value">
        <xsl:call-template name="tf-parallel-note"><xsl:with-param name="rec" select="."/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- "name": "value"; nothing when value is empty. -->
  <xsl:template name="member">
    <xsl:param name="name"/>
    <xsl:param name="value"/>
    <xsl:param name="first" select="false()"/>
    <xsl:if test="normalize-space($value) != ''">
      <xsl:if test="not($first)">,</xsl:if>
      <xsl:value-of select="concat('&#10;    &quot;', $name, '&quot;: ')"/>
      <xsl:call-template name="tf-json-string"><xsl:with-param name="s" select="normalize-space($value)"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- "author": [{"family": …, "given": …} | {"literal": …}, …] -->
  <xsl:template name="names">
    <xsl:param name="role"/>
    <xsl:param name="names"/>
    <xsl:if test="$names">
      <xsl:value-of select="concat(',&#10;    &quot;', $role, '&quot;: [')"/>
      <xsl:for-each select="$names">
        <xsl:if test="position() &gt; 1">, </xsl:if>
        <xsl:text>{</xsl:text>
        <xsl:for-each select="@family | @given | @literal">
          <xsl:if test="position() &gt; 1">, </xsl:if>
          <xsl:value-of select="concat('&quot;', local-name(), '&quot;: ')"/>
          <xsl:call-template name="tf-json-string"><xsl:with-param name="s" select="."/></xsl:call-template>
        </xsl:for-each>
        <xsl:text>}</xsl:text>
      </xsl:for-each>
      <xsl:text>]</xsl:text>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
