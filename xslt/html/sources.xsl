<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!--
  html/sources.xsl — the list of cited sources on the page, when the notes
  are structured: one entry per record of standOff/listBibl[@type=sources]
  (common/meta.xsl, $tf-sources), as a plain-text citation (cite.xsl) with
  links to every note that cites it (note <bibl corresp="#src-…">).

  Hook: html.xsl calls the named template `sources-list`.  This is its
  default; a `sources-list` in xslt/common/sources.xsl, imported by
  html.xsl after this file, takes precedence (XSLT import precedence) and
  replaces it without touching html.xsl's call.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:exsl="http://exslt.org/common"
    extension-element-prefixes="exsl"
    exclude-result-prefixes="tei">

  <!-- Note bibls by the source they cite (first token of @corresp). -->
  <xsl:key name="h-cites" match="tei:text//tei:note//tei:bibl[@corresp]"
      use="substring-before(concat(normalize-space(@corresp), ' '), ' ')"/>

  <xsl:template name="sources-list">
    <xsl:if test="$tf-sources">
      <section id="sources" class="sources" aria-labelledby="sources-h">
        <h2 id="sources-h"><xsl:call-template name="tf-label"><xsl:with-param name="k" select="'sources'"/></xsl:call-template></h2>
        <ol>
          <xsl:for-each select="$tf-sources">
            <xsl:variable name="rec-rtf"><xsl:call-template name="tf-record"/></xsl:variable>
            <li>
              <xsl:if test="@xml:id"><xsl:attribute name="id"><xsl:value-of select="concat('source-', @xml:id)"/></xsl:attribute></xsl:if>
              <xsl:call-template name="lang"/>
              <xsl:call-template name="h-cite-plain"><xsl:with-param name="rec" select="exsl:node-set($rec-rtf)/rec"/></xsl:call-template>
              <xsl:variable name="notes" select="key('h-cites', concat('#', @xml:id))/ancestor::tei:note[last()]"/>
              <xsl:if test="$notes">
                <xsl:text> — </xsl:text>
                <xsl:for-each select="$notes">
                  <xsl:if test="position() &gt; 1">, </xsl:if>
                  <xsl:variable name="nid"><xsl:call-template name="tf-note-field"><xsl:with-param name="field" select="'id'"/></xsl:call-template></xsl:variable>
                  <a href="#noteref-{$nid}"><xsl:call-template name="tf-label"><xsl:with-param name="k" select="'note'"/></xsl:call-template><xsl:text> </xsl:text><xsl:call-template name="tf-note-field"/></a>
                </xsl:for-each>
              </xsl:if>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
