<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!--
  html/html.xsl — teiforge render, format html: one self-contained HTML5
  page of the edition (inline CSS and a little script from style.xsl, no
  remote asset, no timestamp: the same TEI always gives the same bytes).

    <header>  titles with their languages, authors, journal, languages,
              keywords, "cite this" (cite.xsl)
    <nav>     contents: abstracts, sections, notes, sources, index
    <main>    front (abstracts with lang), body via blocks.xsl (names linked
              to the index, dates with their normalised value, page numbers
              in the margin as #pN targets, note marks), the notes list,
              the cited sources (sources.xsl) and the index (index.xsl)

  Encoding declaration: libxml2's HTML serialiser adds its own
  <meta http-equiv="Content-Type"> unless the page already has one, and a
  page holding both that and <meta charset> is invalid HTML.  So the page
  declares UTF-8 with the http-equiv form, which HTML5 allows as the one
  encoding declaration (the Nu checker accepts it).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <xsl:import href="blocks.xsl"/>
  <xsl:import href="cite.xsl"/>
  <xsl:import href="sources.xsl"/>
  <xsl:import href="style.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>


  <xsl:template match="/">
    <xsl:variable name="rec" select="$tf-article"/>
    <xsl:variable name="first-head" select="($tf-texts//tei:head)[1]"/>
    <xsl:variable name="untitled"><xsl:call-template name="tf-label"><xsl:with-param name="k" select="'untitled'"/></xsl:call-template></xsl:variable>
    <xsl:variable name="page-title">
      <xsl:choose>
        <xsl:when test="$rec/title"><xsl:value-of select="$rec/title"/></xsl:when>
        <xsl:when test="normalize-space($first-head)"><xsl:call-template name="tf-plain"><xsl:with-param name="node" select="$first-head"/></xsl:call-template></xsl:when>
        <xsl:otherwise><xsl:value-of select="$untitled"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;&#10;</xsl:text>
    <html>
      <xsl:call-template name="lang"><xsl:with-param name="code" select="(/*/@xml:lang | $tf-texts/@xml:lang)[1]"/></xsl:call-template>
      <xsl:attribute name="data-close"><xsl:call-template name="tf-label"><xsl:with-param name="k" select="'close'"/></xsl:call-template></xsl:attribute>
      <head>
        <meta http-equiv="Content-Type" content="text/html; charset=utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="teiforge"/>
        <title><xsl:value-of select="normalize-space($page-title)"/></title>
        <style><xsl:value-of select="$h-css"/></style>
      </head>
      <body>
        <a class="skip" href="#main"><xsl:call-template name="tf-label"><xsl:with-param name="k" select="'skip'"/></xsl:call-template></a>
        <header>
          <h1>
            <xsl:call-template name="lang"><xsl:with-param name="code" select="$rec/title/@lang[. != '']"/></xsl:call-template>
            <xsl:value-of select="normalize-space($page-title)"/>
            <xsl:call-template name="lang-tag"><xsl:with-param name="code" select="$rec/title/@lang"/></xsl:call-template>
          </h1>
          <xsl:for-each select="$rec/ptitle">
            <p class="ptitle">
              <xsl:call-template name="lang"><xsl:with-param name="code" select="@lang[. != '']"/></xsl:call-template>
              <xsl:value-of select="."/>
              <xsl:call-template name="lang-tag"><xsl:with-param name="code" select="@lang"/></xsl:call-template>
            </p>
          </xsl:for-each>
          <xsl:call-template name="authors"><xsl:with-param name="rec" select="$rec"/></xsl:call-template>
          <xsl:call-template name="source"><xsl:with-param name="rec" select="$rec"/></xsl:call-template>
          <xsl:call-template name="languages"/>
          <xsl:if test="$tf-show-header-keywords">
            <xsl:for-each select="$tf-header/tei:profileDesc/tei:textClass/tei:keywords[.//tei:term[normalize-space()]]">
              <p class="keywords">
                <xsl:call-template name="lang"/>
                <strong><xsl:call-template name="tf-label"><xsl:with-param name="k" select="'keywords'"/></xsl:call-template>: </strong>
                <xsl:for-each select=".//tei:term[normalize-space()]">
                  <xsl:if test="position() &gt; 1">, </xsl:if>
                  <xsl:call-template name="tf-plain"/>
                </xsl:for-each>
              </p>
            </xsl:for-each>
          </xsl:if>
          <xsl:call-template name="h-cite"><xsl:with-param name="rec" select="$rec"/></xsl:call-template>
        </header>
        <xsl:call-template name="toc"/>
        <main id="main">
          <xsl:apply-templates select="$tf-body-nodes" mode="b"/>
          <xsl:call-template name="notes"/>
          <xsl:call-template name="sources-list"/>
          <xsl:call-template name="h-index"/>
        </main>
        <footer><p>teiforge</p></footer>
        <script><xsl:value-of select="$h-js"/></script>
      </body>
    </html>
  </xsl:template>

  <!-- Abstracts are boxed, with their language. -->
  <xsl:template match="tei:front/tei:div[@type = 'abstract']" mode="b">
    <section class="abstract">
      <xsl:if test="tei:head"><xsl:attribute name="id"><xsl:call-template name="section-id"/></xsl:attribute></xsl:if>
      <xsl:call-template name="lang"/>
      <xsl:for-each select="tei:head[@type = 'title']">
        <p class="head-title"><xsl:call-template name="lang"/><xsl:apply-templates mode="i"/></p>
      </xsl:for-each>
      <xsl:for-each select="tei:head[not(@type = 'title')]">
        <h2><xsl:call-template name="lang"/><xsl:apply-templates mode="i"/></h2>
      </xsl:for-each>
      <xsl:apply-templates select="node()[not(self::tei:head)]" mode="b"/>
    </section>
  </xsl:template>

  <xsl:template name="authors">
    <xsl:param name="rec"/>
    <xsl:if test="$rec/author">
      <p class="authors">
        <xsl:for-each select="$rec/author">
          <xsl:if test="position() &gt; 1">, </xsl:if>
          <xsl:value-of select="normalize-space(concat(@literal, @given, ' ', @family))"/>
        </xsl:for-each>
      </p>
    </xsl:if>
  </xsl:template>

  <!-- "Journal 3 (2), 2021, 45–55. DOI" with whatever is known. -->
  <xsl:template name="source">
    <xsl:param name="rec"/>
    <xsl:if test="$rec/container or $rec/year or $rec/doi or $rec/volume">
      <p class="source">
        <xsl:if test="$rec/container"><cite><xsl:value-of select="$rec/container"/></cite></xsl:if>
        <xsl:if test="$rec/volume"><xsl:value-of select="concat(' ', $rec/volume)"/></xsl:if>
        <xsl:if test="$rec/issue"><xsl:value-of select="concat(' (', $rec/issue, ')')"/></xsl:if>
        <xsl:if test="$rec/year">
          <xsl:if test="$rec/container or $rec/volume">, </xsl:if>
          <xsl:value-of select="$rec/year"/>
        </xsl:if>
        <xsl:if test="$rec/pages/@from">
          <xsl:value-of select="concat(', ', $rec/pages/@from, substring('–', 1, boolean($rec/pages/@to)), $rec/pages/@to)"/>
        </xsl:if>
        <xsl:if test="$rec/doi">
          <xsl:if test="$rec/container or $rec/volume or $rec/year">. </xsl:if>
          <xsl:text>DOI: </xsl:text>
          <a href="https://doi.org/{$rec/doi}"><xsl:value-of select="$rec/doi"/></a>
        </xsl:if>
      </p>
    </xsl:if>
  </xsl:template>

  <!-- Table of contents: abstracts, body sections with a heading (two
       levels), then the notes, sources and index when there are any. -->
  <xsl:template name="toc">
    <xsl:variable name="abs" select="$tf-texts/tei:front/tei:div[tei:head[not(@type = 'title')]]"/>
    <xsl:variable name="top" select="$tf-texts/tei:body/*[self::tei:div or self::tei:div1][tei:head]"/>
    <xsl:if test="$top or $abs">
      <nav aria-labelledby="toc-h">
        <h2 id="toc-h"><xsl:call-template name="tf-label"><xsl:with-param name="k" select="'contents'"/></xsl:call-template></h2>
        <ol>
          <xsl:for-each select="$abs">
            <li><xsl:call-template name="toc-link"/></li>
          </xsl:for-each>
          <xsl:for-each select="$top">
            <li>
              <xsl:call-template name="toc-link"/>
              <xsl:if test="*[self::tei:div or self::tei:div2][tei:head]">
                <ol>
                  <xsl:for-each select="*[self::tei:div or self::tei:div2][tei:head]">
                    <li><xsl:call-template name="toc-link"/></li>
                  </xsl:for-each>
                </ol>
              </xsl:if>
            </li>
          </xsl:for-each>
          <xsl:if test="$tf-texts//tei:note">
            <li><a href="#notes"><xsl:call-template name="tf-label"><xsl:with-param name="k" select="'notes'"/></xsl:call-template></a></li>
          </xsl:if>
          <xsl:if test="$tf-sources">
            <li><a href="#sources"><xsl:call-template name="tf-label"><xsl:with-param name="k" select="'sources'"/></xsl:call-template></a></li>
          </xsl:if>
          <xsl:if test="$h-records">
            <li><a href="#index"><xsl:call-template name="tf-label"><xsl:with-param name="k" select="'index'"/></xsl:call-template></a></li>
          </xsl:if>
        </ol>
      </nav>
    </xsl:if>
  </xsl:template>

  <!-- "Languages: Azerbaijani, English, Russian" from langUsage. -->
  <xsl:template name="languages">
    <xsl:variable name="ls" select="$tf-header/tei:profileDesc/tei:langUsage/tei:language[normalize-space()]"/>
    <xsl:if test="$ls">
      <p class="langs">
        <strong><xsl:call-template name="tf-label"><xsl:with-param name="k" select="'languages'"/></xsl:call-template>: </strong>
        <xsl:for-each select="$ls">
          <xsl:if test="position() &gt; 1">, </xsl:if>
          <xsl:call-template name="tf-plain"/>
        </xsl:for-each>
      </p>
    </xsl:if>
  </xsl:template>

  <!-- A small visible language code after a title. -->
  <xsl:template name="lang-tag">
    <xsl:param name="code"/>
    <xsl:variable name="v"><xsl:call-template name="tf-bcp47"><xsl:with-param name="code" select="string($code)"/></xsl:call-template></xsl:variable>
    <xsl:if test="$v != '-' and $v != ''">
      <xsl:text> </xsl:text><span class="lang-tag" aria-hidden="true"><xsl:value-of select="$v"/></span>
    </xsl:if>
  </xsl:template>

  <xsl:template name="toc-link">
    <a>
      <xsl:attribute name="href">#<xsl:call-template name="section-id"/></xsl:attribute>
      <xsl:for-each select="tei:head[not(@type = 'title')][1]">
        <xsl:call-template name="lang"/>
        <xsl:call-template name="tf-plain"/>
      </xsl:for-each>
    </a>
  </xsl:template>

  <!-- The notes, numbered by their own @n (structure.xsl), each with a
       link back to its mark; in print these are the numbered endnotes. -->
  <xsl:template name="notes">
    <xsl:variable name="notes" select="$tf-texts//tei:note"/>
    <xsl:if test="$notes">
      <section id="notes" class="notes" role="doc-endnotes" aria-labelledby="notes-h">
        <h2 id="notes-h"><xsl:call-template name="tf-label"><xsl:with-param name="k" select="'notes'"/></xsl:call-template></h2>
        <xsl:variable name="back"><xsl:call-template name="tf-label"><xsl:with-param name="k" select="'back'"/></xsl:call-template></xsl:variable>
        <xsl:variable name="word"><xsl:call-template name="tf-label"><xsl:with-param name="k" select="'note'"/></xsl:call-template></xsl:variable>
        <ul>
          <xsl:for-each select="$notes">
            <xsl:variable name="id"><xsl:call-template name="tf-note-field"><xsl:with-param name="field" select="'id'"/></xsl:call-template></xsl:variable>
            <li id="note-{$id}" data-label="{$word}">
              <xsl:call-template name="lang"/>
              <a href="#noteref-{$id}" class="noteback" role="doc-backlink" title="{$back}"><xsl:call-template name="tf-note-field"/></a>
              <xsl:text> </xsl:text>
              <xsl:apply-templates mode="b"/>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
