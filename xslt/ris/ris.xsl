<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!--
  ris/ris.xsl — the records of common/meta.xsl as RIS (teiforge render,
  format ris; with sources=1, the works cited).  Every line is
  "TAG  - value" ending in CR LF as the RIS specification asks; values are
  one line (whitespace normalised), UTF-8 kept as is.  Parallel titles go
  into N1 (notes), the article's abstract in its own language into AB.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common"
    xmlns:tf="urn:teiforge:tables"
    extension-element-prefixes="exsl"
    exclude-result-prefixes="tf">

  <xsl:import href="../common/meta.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <!-- Record type → RIS reference type and the tag its container goes in. -->
  <xsl:variable name="types-rtf">
    <tf:t rec="article" ty="JOUR" container="T2"/>
    <tf:t rec="chapter" ty="CHAP" container="T2"/>
    <tf:t rec="book" ty="BOOK" container="T3"/>
    <tf:t rec="periodical" ty="NEWS" container="T2"/>
    <tf:t rec="archival" ty="MANSCPT" container="T2"/>
    <tf:t rec="misc" ty="GEN" container="T2"/>
  </xsl:variable>
  <xsl:variable name="types" select="exsl:node-set($types-rtf)/tf:t"/>

  <xsl:template match="/">
    <xsl:for-each select="$tf-records">
      <xsl:call-template name="record"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="record">
    <xsl:variable name="t" select="$types[@rec = current()/@type]"/>
    <xsl:call-template name="line"><xsl:with-param name="tag" select="'TY'"/><xsl:with-param name="value" select="$t/@ty"/></xsl:call-template>
    <xsl:call-template name="line"><xsl:with-param name="tag" select="'ID'"/><xsl:with-param name="value" select="@key"/></xsl:call-template>
    <xsl:call-template name="line"><xsl:with-param name="tag" select="'TI'"/><xsl:with-param name="value" select="title"/></xsl:call-template>
    <xsl:for-each select="author | editor">
      <xsl:call-template name="line">
        <xsl:with-param name="tag" select="substring('AUA2', 1 + 2 * boolean(self::editor), 2)"/>
        <xsl:with-param name="value" select="concat(@literal, @family, substring(', ', 1, 2 * boolean(@given)), @given)"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:call-template name="line"><xsl:with-param name="tag" select="$t/@container"/><xsl:with-param name="value" select="container"/></xsl:call-template>
    <xsl:call-template name="line"><xsl:with-param name="tag" select="'PY'"/><xsl:with-param name="value" select="year"/></xsl:call-template>
    <xsl:if test="string-length(date) &gt; 4">
      <xsl:call-template name="line"><xsl:with-param name="tag" select="'DA'"/><xsl:with-param name="value" select="translate(date, '-', '/')"/></xsl:call-template>
    </xsl:if>
    <xsl:call-template name="line"><xsl:with-param name="tag" select="'VL'"/><xsl:with-param name="value" select="volume"/></xsl:call-template>
    <xsl:call-template name="line"><xsl:with-param name="tag" select="'IS'"/><xsl:with-param name="value" select="issue"/></xsl:call-template>
    <xsl:call-template name="line"><xsl:with-param name="tag" select="'SP'"/><xsl:with-param name="value" select="pages/@from"/></xsl:call-template>
    <xsl:call-template name="line"><xsl:with-param name="tag" select="'EP'"/><xsl:with-param name="value" select="pages/@to"/></xsl:call-template>
    <xsl:call-template name="line"><xsl:with-param name="tag" select="'CY'"/><xsl:with-param name="value" select="place"/></xsl:call-template>
    <xsl:call-template name="line"><xsl:with-param name="tag" select="'PB'"/><xsl:with-param name="value" select="publisher"/></xsl:call-template>
    <xsl:choose>
      <xsl:when test="@type = 'archival'">
        <!-- MANSCPT: PB is the archive, AV the location in it, T2 the
             collection (fond), CY the archive's city (as citation.js and
             Zotero read them) -->
        <xsl:call-template name="line"><xsl:with-param name="tag" select="'PB'"/><xsl:with-param name="value" select="archive"/></xsl:call-template>
        <xsl:call-template name="line"><xsl:with-param name="tag" select="'T2'"/><xsl:with-param name="value" select="collection"/></xsl:call-template>
        <xsl:call-template name="line"><xsl:with-param name="tag" select="'CY'"/><xsl:with-param name="value" select="archive-place"/></xsl:call-template>
        <xsl:call-template name="line"><xsl:with-param name="tag" select="'AV'"/><xsl:with-param name="value" select="locator"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="line">
          <xsl:with-param name="tag" select="'AV'"/>
          <xsl:with-param name="value" select="concat(archive, substring(', ', 1, 2 * boolean(archive and locator)), locator)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:call-template name="line"><xsl:with-param name="tag" select="'DO'"/><xsl:with-param name="value" select="doi"/></xsl:call-template>
    <xsl:call-template name="line"><xsl:with-param name="tag" select="'LA'"/><xsl:with-param name="value" select="(lang | title/@lang[. != ''])[1]"/></xsl:call-template>
    <xsl:for-each select="keyword">
      <xsl:call-template name="line"><xsl:with-param name="tag" select="'KW'"/><xsl:with-param name="value" select="."/></xsl:call-template>
    </xsl:for-each>
    <xsl:call-template name="line">
      <xsl:with-param name="tag" select="'AB'"/>
      <xsl:with-param name="value" select="(abstract[@lang = current()/lang] | abstract[not(../abstract[@lang = current()/lang])])[1]"/>
    </xsl:call-template>
    <xsl:call-template name="line">
      <xsl:with-param name="tag" select="'N1'"/>
      <xsl:with-param name="value">
        <xsl:call-template name="tf-parallel-note"><xsl:with-param name="rec" select="."/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:text>ER  - &#13;&#10;</xsl:text>
  </xsl:template>

  <!-- One "TAG  - value" line; nothing when value is empty. -->
  <xsl:template name="line">
    <xsl:param name="tag"/>
    <xsl:param name="value"/>
    <xsl:if test="normalize-space($value) != ''">
      <xsl:value-of select="concat($tag, '  - ', normalize-space($value), '&#13;&#10;')"/>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
