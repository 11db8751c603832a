<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!--
  html/sources.xsl — the list of cited sources on the page, when the notes
  are structured: one entry per record of standOff/listBibl[@type=sources]
  (common/meta.xsl, $tf-sources), numbered, with the id "source-" + the
  record's xml:id:

    authors (or compilers, as the source names them). <cite>Title</cite>.
    <cite>Journal or collection</cite>. Place, publisher, date, pages.
    an archival file: its archive (abbreviation) and its locators (fond,
    inventory, file), the folios staying in the notes;

  then links back to every note that cites it.  Each note <bibl
  corresp="#src-…"> is followed by a link "[n]" to its entry.  The fields
  are the record common/meta.xsl makes for the citation formats (so the
  list and the citation formats' sources agree); names and dates are shown as the
  source writes them.

  Hook: html.xsl calls the named template `sources-list`.  This is its
  default; a `sources-list` in xslt/common/sources.xsl, imported by
  html.xsl after this file, takes precedence (XSLT import precedence) and
  replaces it without touching html.xsl's call.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:exsl="http://exslt.org/common"
    xmlns:h="urn:teiforge:html"
    extension-element-prefixes="exsl"
    exclude-result-prefixes="tei h">

  <!-- Note bibls by the source they cite (first token of @corresp). -->
  <xsl:key name="h-cites" match="tei:text//tei:note//tei:bibl[@corresp]"
      use="substring-before(concat(normalize-space(@corresp), ' '), ' ')"/>

  <!-- The sources' ranks in the list, built once (a key on a table, not a
       count of preceding siblings per citation). -->
  <xsl:variable name="h-src-rtf">
    <xsl:for-each select="$tf-sources[@xml:id]">
      <h:s id="{@xml:id}" n="{position()}"/>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="h-src" select="exsl:node-set($h-src-rtf)/h:s"/>
  <xsl:key name="h-src-id" match="h:s" use="@id"/>

  <xsl:template name="sources-list">
    <xsl:if test="$tf-sources">
      <xsl:variable name="word"><xsl:call-template name="tf-label"><xsl:with-param name="k" select="'note'"/></xsl:call-template></xsl:variable>
      <section id="sources" class="sources" aria-labelledby="sources-h">
        <h2 id="sources-h"><xsl:call-template name="tf-label"><xsl:with-param name="k" select="'sources'"/></xsl:call-template></h2>
        <ol>
          <xsl:for-each select="$tf-sources">
            <xsl:variable name="rec-rtf"><xsl:call-template name="tf-record"/></xsl:variable>
            <li>
              <xsl:if test="@xml:id"><xsl:attribute name="id"><xsl:value-of select="concat('source-', @xml:id)"/></xsl:attribute></xsl:if>
              <xsl:call-template name="lang"/>
              <xsl:call-template name="h-source-entry"><xsl:with-param name="rec" select="exsl:node-set($rec-rtf)/rec"/></xsl:call-template>
              <!-- the notes citing it, each once, in text order: a link to
                   the note's first citation of it -->
              <xsl:variable name="cites" select="key('h-cites', concat('#', @xml:id))"/>
              <xsl:if test="@xml:id and $cites">
                <span class="cited-in">
                  <xsl:text> — </xsl:text>
                  <xsl:for-each select="$cites">
                    <xsl:variable name="p" select="position()"/>
                    <xsl:variable name="note" select="ancestor::tei:note[last()]"/>
                    <xsl:if test="$p = 1 or generate-id($cites[$p - 1]/ancestor::tei:note[last()]) != generate-id($note)">
                      <xsl:if test="$p &gt; 1">, </xsl:if>
                      <xsl:variable name="cid"><xsl:call-template name="h-cite-id"/></xsl:variable>
                      <a href="#{$cid}"><xsl:value-of select="$word"/><xsl:text> </xsl:text><xsl:for-each select="$note"><xsl:call-template name="tf-note-field"/></xsl:for-each></a>
                    </xsl:if>
                  </xsl:for-each>
                </span>
              </xsl:if>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- One entry: the context node is the source's TEI record, $rec its
       common/meta.xsl <rec>. -->
  <xsl:template name="h-source-entry">
    <xsl:param name="rec"/>
    <xsl:variable name="src" select="."/>
    <xsl:variable name="authors" select="tei:analytic/tei:author | tei:monogr/tei:author[not(../../tei:analytic/tei:author)] | tei:author"/>
    <xsl:variable name="editors" select="(tei:monogr/tei:editor | tei:editor)[not($authors)]"/>
    <xsl:variable name="who">
      <xsl:for-each select="$authors | $editors">
        <xsl:if test="position() &gt; 1">, </xsl:if>
        <xsl:call-template name="tf-plain"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:if test="normalize-space($who) != ''">
      <span class="src-who"><xsl:value-of select="normalize-space($who)"/></span>
      <xsl:call-template name="h-stop"><xsl:with-param name="s" select="$who"/></xsl:call-template>
    </xsl:if>
    <!-- an archival file has a title only when the source gives one (the
         record names an untitled file by its designation) -->
    <xsl:for-each select="$rec/title[not($rec/@type = 'archival' and not($src//tei:title))]">
      <cite class="src-title"><xsl:call-template name="lang"><xsl:with-param name="code" select="@lang[. != '']"/></xsl:call-template><xsl:value-of select="normalize-space()"/></cite>
      <xsl:call-template name="h-stop"><xsl:with-param name="s" select="."/></xsl:call-template>
    </xsl:for-each>
    <!-- where: the container, then the imprint and the archive, one run -->
    <xsl:variable name="date" select="normalize-space(($src/tei:monogr/tei:imprint/tei:date | $src/tei:monogr/tei:date | $src/tei:date)[1])"/>
    <xsl:variable name="where">
      <xsl:for-each select="$rec/volume"><xsl:value-of select="concat(' ', .)"/></xsl:for-each>
      <xsl:for-each select="$rec/issue"><xsl:value-of select="concat(' (', ., ')')"/></xsl:for-each>
      <xsl:for-each select="$rec/place | $rec/publisher | $rec/archive | $rec/archive-place | $rec/locator">
        <xsl:if test="position() &gt; 1 or $rec/container">, </xsl:if>
        <xsl:value-of select="normalize-space()"/>
      </xsl:for-each>
      <xsl:choose>
        <xsl:when test="$date != '' and $rec/year and contains($date, $rec/year)"><xsl:value-of select="concat(', ', $date)"/></xsl:when>
        <xsl:when test="$rec/year"><xsl:value-of select="concat(', ', $rec/year)"/></xsl:when>
      </xsl:choose>
      <xsl:if test="$rec/pages"><xsl:value-of select="concat(', ', normalize-space($rec/pages))"/></xsl:if>
    </xsl:variable>
    <!-- a leading ", " when the run starts with the date -->
    <xsl:variable name="run" select="normalize-space(substring($where, 1 + 2 * (starts-with($where, ', ') and not($rec/container))))"/>
    <xsl:for-each select="$rec/container">
      <cite class="src-container"><xsl:value-of select="normalize-space()"/></cite>
    </xsl:for-each>
    <xsl:if test="$run != ''">
      <xsl:if test="$rec/container and not(starts-with($run, ','))"><xsl:text> </xsl:text></xsl:if>
      <xsl:value-of select="$run"/>
    </xsl:if>
    <xsl:if test="$rec/container or $run != ''">
      <xsl:call-template name="h-stop"><xsl:with-param name="s" select="concat($rec/container, $run)"/><xsl:with-param name="space" select="''"/></xsl:call-template>
    </xsl:if>
    <xsl:for-each select="$rec/doi">
      <xsl:text> </xsl:text><a href="https://doi.org/{.}">https://doi.org/<xsl:value-of select="."/></a>
    </xsl:for-each>
  </xsl:template>

  <!-- The full stop after a part of an entry, unless it ends with one. -->
  <xsl:template name="h-stop">
    <xsl:param name="s"/>
    <xsl:param name="space" select="' '"/>
    <xsl:variable name="t" select="normalize-space($s)"/>
    <xsl:if test="not(contains('.!?', substring($t, string-length($t))) and $t != '')">.</xsl:if>
    <xsl:value-of select="$space"/>
  </xsl:template>

  <!-- The id of a note's citation (context: a note bibl[@corresp]):
       "cite-" + the note's id + "-" + its rank among the note's citations;
       stable from run to run (generate-id is not). -->
  <xsl:template name="h-cite-id">
    <xsl:variable name="g" select="generate-id()"/>
    <xsl:variable name="note" select="ancestor::tei:note[last()]"/>
    <xsl:text>cite-</xsl:text>
    <xsl:for-each select="$note"><xsl:call-template name="tf-note-field"><xsl:with-param name="field" select="'id'"/></xsl:call-template></xsl:for-each>
    <xsl:for-each select="$note//tei:bibl[@corresp]">
      <xsl:if test="generate-id() = $g"><xsl:value-of select="concat('-', position())"/></xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- A note's citation of a source: as written, then a link "[n]" to the
       source's entry in the list (after the citation, not around it: the
       names inside it are links to the index, and links cannot nest). -->
  <xsl:template match="tei:note//tei:bibl[@corresp]" mode="i">
    <xsl:variable name="sid" select="substring-after(substring-before(concat(normalize-space(@corresp), ' '), ' '), '#')"/>
    <xsl:variable name="s" select="$h-src[1]"/>
    <xsl:variable name="n">
      <xsl:for-each select="$s"><xsl:value-of select="key('h-src-id', $sid)/@n"/></xsl:for-each>
    </xsl:variable>
    <span class="tei-bibl">
      <xsl:if test="$n != ''"><xsl:attribute name="id"><xsl:call-template name="h-cite-id"/></xsl:attribute></xsl:if>
      <xsl:call-template name="lang"/>
      <xsl:apply-templates mode="i"/>
    </span>
    <xsl:if test="$n != ''">
      <xsl:text>&#xA0;</xsl:text>
      <a class="srcref" href="#source-{$sid}">
        <xsl:attribute name="title"><xsl:call-template name="tf-label"><xsl:with-param name="k" select="'sources'"/></xsl:call-template><xsl:value-of select="concat(' ', $n)"/></xsl:attribute>
        <xsl:value-of select="concat('[', $n, ']')"/>
      </a>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
