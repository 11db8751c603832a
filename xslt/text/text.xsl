<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!--
  text/text.xsl — teiforge render, format text: UTF-8 plain text.  Titles,
  authors and source first, then front, body and back; paragraphs wrapped
  at 72 columns (common/strings.xsl, tf-wrap), headings underlined, note
  marks as [N] in the running text and the notes listed at the end under
  "Notes".  A paragraph is flattened to one string before it is wrapped, so
  no inline element ever stands on a line of its own and no word is split
  or lost (choice keeps both readings: "reading [other]").
  Modes: "tb" walks blocks, "ti" gives the text of a phrase.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <xsl:import href="../common/structure.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:variable name="nl" select="'&#10;'"/>
  <xsl:variable name="rule-eq" select="'========================================================================'"/>
  <xsl:variable name="rule-dash" select="'------------------------------------------------------------------------'"/>

  <xsl:template match="/">
    <xsl:variable name="rec" select="$tf-article"/>
    <xsl:for-each select="$rec/title | $rec/ptitle">
      <xsl:call-template name="para"><xsl:with-param name="text" select="."/><xsl:with-param name="end" select="$nl"/></xsl:call-template>
    </xsl:for-each>
    <xsl:if test="$rec/author">
      <xsl:call-template name="para">
        <xsl:with-param name="text">
          <xsl:for-each select="$rec/author">
            <xsl:if test="position() &gt; 1">, </xsl:if>
            <xsl:value-of select="normalize-space(concat(@literal, @given, ' ', @family))"/>
          </xsl:for-each>
        </xsl:with-param>
        <xsl:with-param name="end" select="$nl"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:call-template name="para">
      <xsl:with-param name="text">
        <!-- "Journal 3 (2), 2021, 45–55. DOI: …" with whatever is known. -->
        <xsl:value-of select="normalize-space(concat($rec/container, ' ', $rec/volume, substring(concat(' (', $rec/issue, ')'), 1, 999 * boolean($rec/issue))))"/>
        <xsl:if test="$rec/year">
          <xsl:if test="$rec/container or $rec/volume">, </xsl:if>
          <xsl:value-of select="$rec/year"/>
        </xsl:if>
        <xsl:for-each select="$rec/pages[@from != '']">
          <xsl:value-of select="concat(', ', @from, substring('–', 1, boolean(@to)), @to)"/>
        </xsl:for-each>
        <xsl:if test="$rec/doi">
          <xsl:if test="$rec/container or $rec/year">. </xsl:if>
          <xsl:value-of select="concat('DOI: ', $rec/doi)"/>
        </xsl:if>
      </xsl:with-param>
      <xsl:with-param name="end" select="$nl"/>
    </xsl:call-template>
    <xsl:if test="$tf-show-header-keywords">
      <xsl:for-each select="$tf-header/tei:profileDesc/tei:textClass/tei:keywords[.//tei:term[normalize-space()]]">
        <xsl:call-template name="para">
          <xsl:with-param name="text">
            <xsl:call-template name="tf-label"><xsl:with-param name="k" select="'keywords'"/></xsl:call-template>
            <xsl:text>: </xsl:text>
            <xsl:for-each select=".//tei:term[normalize-space()]">
              <xsl:if test="position() &gt; 1">, </xsl:if>
              <xsl:call-template name="tf-plain"/>
            </xsl:for-each>
          </xsl:with-param>
          <xsl:with-param name="end" select="$nl"/>
        </xsl:call-template>
      </xsl:for-each>
    </xsl:if>
    <xsl:value-of select="$nl"/>
    <xsl:apply-templates select="$tf-body-nodes" mode="tb"/>
    <xsl:call-template name="notes"/>
  </xsl:template>

  <!-- ===== blocks ===== -->

  <!-- A block: with block children, its children in turn; else one
       paragraph.  Known inline elements met here join a paragraph run. -->
  <xsl:template match="*" mode="tb">
    <xsl:choose>
      <xsl:when test="*[not(contains($tf-inline, concat(' ', local-name(), ' ')))]">
        <xsl:call-template name="children"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="para">
          <xsl:with-param name="text"><xsl:apply-templates mode="ti"/></xsl:with-param>
          <xsl:with-param name="end" select="substring('&#10;&#10;', 1, 2 - boolean(self::tei:l or self::tei:item or self::tei:row))"/>
          <xsl:with-param name="prefix" select="substring('- ', 1, 2 * boolean(self::tei:item))"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:teiHeader | tei:standOff | tei:facsimile" mode="tb"/>
  <xsl:template match="comment() | processing-instruction()" mode="tb"/>

  <!-- Children of a block holding blocks: runs of text and inline elements
       between blocks are gathered into one paragraph each. -->
  <xsl:template name="children">
    <xsl:for-each select="node()">
      <xsl:choose>
        <xsl:when test="self::*[not(contains($tf-inline, concat(' ', local-name(), ' ')))]">
          <xsl:apply-templates select="." mode="tb"/>
        </xsl:when>
        <xsl:when test="not(preceding-sibling::node()[1]/self::node()[not(self::*) or contains($tf-inline, concat(' ', local-name(), ' '))])">
          <xsl:variable name="run"><xsl:apply-templates select="." mode="run"/></xsl:variable>
          <xsl:call-template name="para"><xsl:with-param name="text" select="$run"/></xsl:call-template>
        </xsl:when>
      </xsl:choose>
    </xsl:for-each>
    <xsl:if test="self::tei:lg or self::tei:list or self::tei:table">
      <xsl:value-of select="$nl"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="node()" mode="run">
    <xsl:apply-templates select="." mode="ti"/>
    <xsl:apply-templates select="following-sibling::node()[1]/self::node()[not(self::*) or contains($tf-inline, concat(' ', local-name(), ' '))]" mode="run"/>
  </xsl:template>

  <!-- Headings of sections: text, then a rule as long as its first line. -->
  <xsl:template match="tei:head" mode="tb">
    <xsl:variable name="wrapped">
      <xsl:call-template name="tf-wrap"><xsl:with-param name="text"><xsl:apply-templates mode="ti"/></xsl:with-param></xsl:call-template>
    </xsl:variable>
    <xsl:if test="normalize-space($wrapped) != ''">
      <xsl:value-of select="concat($wrapped, $nl)"/>
      <xsl:if test="(parent::tei:div or parent::tei:div1 or parent::tei:div2 or parent::tei:div3) and not(@type = 'title')">
        <xsl:variable name="first" select="substring-before(concat($wrapped, $nl), $nl)"/>
        <xsl:value-of select="concat(substring($rule-eq, 1, string-length($first) * not(ancestor::tei:div[2])), substring($rule-dash, 1, string-length($first) * boolean(ancestor::tei:div[2])), $nl)"/>
      </xsl:if>
      <xsl:value-of select="$nl"/>
    </xsl:if>
  </xsl:template>

  <!-- A table row is one line of cells joined by " | ". -->
  <xsl:template match="tei:row" mode="tb">
    <xsl:call-template name="para">
      <xsl:with-param name="text">
        <xsl:for-each select="*">
          <xsl:if test="position() &gt; 1"> | </xsl:if>
          <xsl:apply-templates mode="ti"/>
        </xsl:for-each>
      </xsl:with-param>
      <xsl:with-param name="end" select="$nl"/>
    </xsl:call-template>
  </xsl:template>

  <!-- One wrapped paragraph; nothing for blank text. -->
  <xsl:template name="para">
    <xsl:param name="text"/>
    <xsl:param name="prefix" select="''"/>
    <xsl:param name="end" select="'&#10;&#10;'"/>
    <xsl:if test="normalize-space($text) != ''">
      <xsl:call-template name="tf-wrap"><xsl:with-param name="text" select="concat($prefix, $text)"/></xsl:call-template>
      <xsl:value-of select="$end"/>
    </xsl:if>
  </xsl:template>

  <!-- ===== phrases ===== -->

  <!-- A block met inside a phrase keeps its words apart from its neighbours. -->
  <xsl:template match="*" mode="ti">
    <xsl:variable name="block" select="not(contains($tf-inline, concat(' ', local-name(), ' ')))"/>
    <xsl:if test="$block"><xsl:text> </xsl:text></xsl:if>
    <xsl:apply-templates mode="ti"/>
    <xsl:if test="$block"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>
  <xsl:template match="text()" mode="ti"><xsl:value-of select="."/></xsl:template>
  <xsl:template match="text()[preceding-sibling::node()[1]/@break = 'no' or following-sibling::node()[1]/@break = 'no']" mode="ti">
    <xsl:call-template name="tf-text-joined"/>
  </xsl:template>
  <xsl:template match="comment() | processing-instruction()" mode="ti"/>

  <xsl:template match="tei:note" mode="ti">
    <xsl:text>[</xsl:text><xsl:call-template name="tf-note-field"/><xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:lb | tei:pb | tei:cb | tei:milestone" mode="ti">
    <xsl:if test="not(@break = 'no')"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <xsl:template match="tei:choice" mode="ti">
    <xsl:variable name="shown" select="key('tf-choice-shown', generate-id())"/>
    <xsl:apply-templates select="$shown/node()" mode="ti"/>
    <xsl:for-each select="*[count(. | $shown) != 1][normalize-space()]">
      <xsl:text> [</xsl:text><xsl:apply-templates mode="ti"/><xsl:text>]</xsl:text>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="tei:gap" mode="ti"><xsl:text>[…]</xsl:text></xsl:template>

  <!-- ===== notes ===== -->

  <xsl:template name="notes">
    <xsl:variable name="notes" select="$tf-texts//tei:note"/>
    <xsl:if test="$notes">
      <xsl:variable name="h"><xsl:call-template name="tf-label"><xsl:with-param name="k" select="'notes'"/></xsl:call-template></xsl:variable>
      <xsl:value-of select="concat($h, $nl, substring($rule-eq, 1, string-length($h)), $nl, $nl)"/>
      <xsl:for-each select="$notes">
        <xsl:call-template name="para">
          <xsl:with-param name="prefix"><xsl:text>[</xsl:text><xsl:call-template name="tf-note-field"/><xsl:text>] </xsl:text></xsl:with-param>
          <xsl:with-param name="text"><xsl:apply-templates mode="ti"/></xsl:with-param>
          <xsl:with-param name="end" select="$nl"/>
        </xsl:call-template>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
