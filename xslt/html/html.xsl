<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!--
  html/html.xsl — teiforge render, format html: one self-contained HTML5
  page (inline CSS, no script, no remote asset, no timestamp: the same TEI
  always gives the same bytes).  Page = <header> (titles, authors, source,
  keywords), <nav> (contents of the body's sections), <main> (front, body,
  back via html/blocks.xsl, then the notes list).  Readable on a phone.

  Encoding declaration: libxml2's HTML serialiser adds its own
  <meta http-equiv="Content-Type"> unless the page already has one, and a
  page holding both that and <meta charset> is invalid HTML.  So the page
  declares UTF-8 with the http-equiv form, which HTML5 allows as the one
  encoding declaration.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <xsl:import href="blocks.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:variable name="css">
    body{margin:0;font:1.05rem/1.6 Georgia,"Times New Roman",serif;color:#1b1b1b;background:#fdfdfb}
    header,nav,main{max-width:42rem;margin:0 auto;padding:0 1rem}
    header{padding-top:1.5rem;border-bottom:1px solid #ddd}
    h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0}
    h2{font-size:1.3rem;margin-top:2rem}h3,h4,h5,h6{font-size:1.1rem}
    .ptitle{font-size:1.1rem;font-style:italic;margin:.3rem 0}
    .authors{font-weight:bold}.source,.keywords{font-size:.95rem}
    nav ol{padding-left:1.2rem}
    .persName,.orgName,.placeName,.name,.rs,.geogName,.date{text-decoration:underline dotted #999;text-underline-offset:.2em}
    .pb{color:#595959;font-size:.8rem;font-family:sans-serif;padding:0 .2em}
    .noteref{text-decoration:none;padding:0 .1em}
    .notes{font-size:.92rem;border-top:1px solid #ddd;margin-top:2rem}
    .notes ul{list-style:none;padding-left:0}.notes li{margin:.4rem 0}
    .noteback{font-weight:bold;margin-right:.4em}
    .abstract{font-size:.95rem;background:#f3f3ef;padding:.2rem 1rem;margin:1rem 0}
    .list.keywords ul{display:inline;padding:0}.list.keywords li{display:inline}
    .list.keywords li+li::before{content:", "}
    .head-title{font-style:italic}.head{font-weight:bold}
    .tei-l,.tei-speaker,.tei-stage{margin:.1rem 0}.tei-speaker{font-weight:bold}.tei-stage{font-style:italic}
    .tei-lg{margin:1rem 0}.tei-sp{margin:.8rem 0}
    table{border-collapse:collapse;display:block;overflow-x:auto}td{border:1px solid #ccc;padding:.2rem .4rem;vertical-align:top}
    .gap{color:#595959}.choice{border-bottom:1px dashed #aaa}
    @media print{.pb{color:#000}}
  </xsl:variable>

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
      <head>
        <meta http-equiv="Content-Type" content="text/html; charset=utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="teiforge"/>
        <title><xsl:value-of select="normalize-space($page-title)"/></title>
        <style><xsl:value-of select="normalize-space($css)"/></style>
      </head>
      <body>
        <header>
          <h1>
            <xsl:call-template name="lang"><xsl:with-param name="code" select="$rec/title/@lang[. != '']"/></xsl:call-template>
            <xsl:value-of select="normalize-space($page-title)"/>
          </h1>
          <xsl:for-each select="$rec/ptitle">
            <p class="ptitle">
              <xsl:call-template name="lang"><xsl:with-param name="code" select="@lang[. != '']"/></xsl:call-template>
              <xsl:value-of select="."/>
            </p>
          </xsl:for-each>
          <xsl:call-template name="authors"><xsl:with-param name="rec" select="$rec"/></xsl:call-template>
          <xsl:call-template name="source"><xsl:with-param name="rec" select="$rec"/></xsl:call-template>
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
        </header>
        <xsl:call-template name="toc"/>
        <main>
          <xsl:apply-templates select="$tf-body-nodes" mode="b"/>
          <xsl:call-template name="notes"/>
        </main>
      </body>
    </html>
  </xsl:template>

  <!-- Abstracts are boxed, with their language. -->
  <xsl:template match="tei:front/tei:div[@type = 'abstract']" mode="b">
    <section class="abstract">
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

  <!-- Table of contents: body sections with a heading, two levels. -->
  <xsl:template name="toc">
    <xsl:variable name="top" select="$tf-texts/tei:body/*[self::tei:div or self::tei:div1][tei:head]"/>
    <xsl:if test="$top">
      <nav aria-labelledby="toc-h">
        <h2 id="toc-h"><xsl:call-template name="tf-label"><xsl:with-param name="k" select="'contents'"/></xsl:call-template></h2>
        <ol>
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
        </ol>
      </nav>
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

  <!-- The notes, numbered by their own @n (structure.xsl), with links back. -->
  <xsl:template name="notes">
    <xsl:variable name="notes" select="$tf-texts//tei:note"/>
    <xsl:if test="$notes">
      <section class="notes" aria-labelledby="notes-h">
        <h2 id="notes-h"><xsl:call-template name="tf-label"><xsl:with-param name="k" select="'notes'"/></xsl:call-template></h2>
        <xsl:variable name="back"><xsl:call-template name="tf-label"><xsl:with-param name="k" select="'back'"/></xsl:call-template></xsl:variable>
        <ul>
          <xsl:for-each select="$notes">
            <xsl:variable name="id"><xsl:call-template name="tf-note-field"><xsl:with-param name="field" select="'id'"/></xsl:call-template></xsl:variable>
            <li id="note-{$id}">
              <xsl:call-template name="lang"/>
              <a href="#noteref-{$id}" class="noteback" title="{$back}"><xsl:call-template name="tf-note-field"/></a>
              <xsl:text> </xsl:text>
              <xsl:apply-templates mode="b"/>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
