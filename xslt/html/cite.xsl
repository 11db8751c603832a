<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!--
  html/cite.xsl — "cite this" and the cited sources, from the records of
  common/meta.xsl (the same records the citation formats serialise).

  BibTeX and RIS are not re-implemented here: render.c runs the bibtex and
  ris stylesheets on the same document and passes their output in the
  parameters cite-bibtex and cite-ris, so the page shows exactly what
  `teiforge render with format bibtex or ris` writes.  Run by hand (xsltproc) the
  parameters are empty and only the plain-text citation is shown.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <!-- cite-bibtex: string, default ''.  The article's biblatex entry, as
       render (format bibtex) writes it (set by render.c). -->
  <xsl:param name="cite-bibtex" select="''"/>
  <!-- cite-ris: string, default ''.  The article's RIS record, as
       render (format ris) writes it (set by render.c). -->
  <xsl:param name="cite-ris" select="''"/>

  <!-- A record (common/meta.xsl <rec>) as one line of plain text:
       "Authors. Title. Container Volume (Issue), Year, pages. DOI." -->
  <xsl:template name="h-cite-plain">
    <xsl:param name="rec" select="."/>
    <xsl:variable name="who">
      <xsl:for-each select="$rec/author | $rec/editor[not($rec/author)]">
        <xsl:if test="position() &gt; 1">, </xsl:if>
        <xsl:value-of select="normalize-space(concat(@literal, @family, substring(', ', 1, 2 * boolean(@given and @family)), @given))"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="where">
      <xsl:value-of select="$rec/container"/>
      <xsl:if test="$rec/volume"><xsl:value-of select="concat(' ', $rec/volume)"/></xsl:if>
      <xsl:if test="$rec/issue"><xsl:value-of select="concat(' (', $rec/issue, ')')"/></xsl:if>
      <xsl:for-each select="$rec/place | $rec/publisher | $rec/archive | $rec/locator | $rec/year">
        <xsl:if test="position() &gt; 1 or $rec/container or $rec/volume">, </xsl:if>
        <xsl:value-of select="."/>
      </xsl:for-each>
      <xsl:if test="$rec/pages/@from">
        <xsl:value-of select="concat(', ', $rec/pages/@from, substring('–', 1, boolean($rec/pages/@to)), $rec/pages/@to)"/>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="parts">
      <xsl:if test="normalize-space($who) != ''"><xsl:value-of select="concat(normalize-space($who), '. ')"/></xsl:if>
      <xsl:if test="$rec/title"><xsl:value-of select="concat(normalize-space($rec/title), '. ')"/></xsl:if>
      <xsl:if test="normalize-space($where) != ''"><xsl:value-of select="concat(normalize-space($where), '. ')"/></xsl:if>
      <xsl:if test="$rec/doi"><xsl:value-of select="concat('https://doi.org/', $rec/doi)"/></xsl:if>
    </xsl:variable>
    <xsl:value-of select="normalize-space(translate($parts, '&#10;', ' '))"/>
  </xsl:template>

  <!-- "Cite this": a disclosure (works without scripts), hidden in print. -->
  <xsl:template name="h-cite">
    <xsl:param name="rec" select="$tf-article"/>
    <details class="cite">
      <summary><xsl:call-template name="tf-label"><xsl:with-param name="k" select="'cite'"/></xsl:call-template></summary>
      <xsl:call-template name="h-cite-block">
        <xsl:with-param name="id" select="'cite-text'"/>
        <xsl:with-param name="label"><xsl:call-template name="tf-label"><xsl:with-param name="k" select="'plain'"/></xsl:call-template></xsl:with-param>
        <xsl:with-param name="text"><xsl:call-template name="h-cite-plain"><xsl:with-param name="rec" select="$rec"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="h-cite-block">
        <xsl:with-param name="id" select="'cite-bibtex'"/>
        <xsl:with-param name="label" select="'BibTeX (biblatex)'"/>
        <xsl:with-param name="text" select="$cite-bibtex"/>
      </xsl:call-template>
      <xsl:call-template name="h-cite-block">
        <xsl:with-param name="id" select="'cite-ris'"/>
        <xsl:with-param name="label" select="'RIS'"/>
        <xsl:with-param name="text" select="translate($cite-ris, '&#13;', '')"/>
      </xsl:call-template>
    </details>
  </xsl:template>

  <xsl:template name="h-cite-block">
    <xsl:param name="id"/>
    <xsl:param name="label"/>
    <xsl:param name="text"/>
    <xsl:if test="normalize-space($text) != ''">
      <figure class="cite-fmt">
        <figcaption><xsl:value-of select="$label"/></figcaption>
        <pre id="{$id}" tabindex="0"><xsl:value-of select="$text"/></pre>
      </figure>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
