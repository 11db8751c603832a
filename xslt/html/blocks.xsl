<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!--
  html/blocks.xsl — TEI text → HTML5 elements, in two modes:
    mode "b" (block context: the output may hold flow content), and
    mode "i" (inside a phrase: the output must be phrasing content, so every
    element becomes a <span>, <a>, <i>… and never a <div> or <p>).
  Keeping the two apart is what makes any TEI file, known or not, come out
  as valid HTML.  Unknown elements fall back to <div>/<p>/<span> with class
  "tei-NAME" and keep all their text.  xml:lang becomes lang everywhere.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <xsl:import href="../common/structure.xsl"/>
  <xsl:import href="index.xsl"/>

  <!-- ===== block mode ===== -->

  <!-- Generic block: <div> if it holds blocks, an inline element as such,
       else a paragraph-like <p>; an element without any text is dropped
       unless it carries page breaks. -->
  <xsl:template match="*" mode="b">
    <xsl:variable name="has-block"><xsl:call-template name="tf-has-block"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$has-block = 'true'">
        <div class="tei-{local-name()}"><xsl:call-template name="lang"/><xsl:apply-templates mode="b"/></div>
      </xsl:when>
      <xsl:when test="contains($tf-inline, concat(' ', local-name(), ' '))">
        <xsl:apply-templates select="." mode="i"/>
      </xsl:when>
      <xsl:when test="normalize-space() = '' and not(.//tei:pb)"/>
      <xsl:otherwise>
        <p class="tei-{local-name()}"><xsl:call-template name="lang"/><xsl:apply-templates mode="i"/></p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="text()" mode="b"><xsl:value-of select="."/></xsl:template>
  <xsl:template match="text()[preceding-sibling::node()[1]/@break = 'no' or following-sibling::node()[1]/@break = 'no']" mode="b">
    <xsl:call-template name="tf-text-joined"/>
  </xsl:template>
  <xsl:template match="comment() | processing-instruction()" mode="b"/>
  <xsl:template match="tei:teiHeader | tei:standOff | tei:facsimile" mode="b"/>

  <xsl:template match="tei:text | tei:front | tei:body | tei:back | tei:group" mode="b">
    <div class="tei-{local-name()}"><xsl:call-template name="lang"/><xsl:apply-templates mode="b"/></div>
  </xsl:template>

  <!-- Sections: <section> with a heading whose level follows the nesting. -->
  <xsl:template match="tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7" mode="b">
    <!-- h2 for a top section; one more per enclosing section that has a
         heading of its own (so that no heading level is skipped). -->
    <xsl:variable name="level" select="count((ancestor::tei:div | ancestor::tei:div1 | ancestor::tei:div2 | ancestor::tei:div3 | ancestor::tei:div4 | ancestor::tei:div5 | ancestor::tei:div6)[tei:head[not(@type = 'title')]]) + 2"/>
    <section class="div {@type}">
      <xsl:if test="tei:head"><xsl:attribute name="id"><xsl:call-template name="section-id"/></xsl:attribute></xsl:if>
      <xsl:call-template name="lang"/>
      <xsl:for-each select="tei:head[@type = 'title']">
        <p class="head-title"><xsl:call-template name="lang"/><xsl:apply-templates mode="i"/></p>
      </xsl:for-each>
      <xsl:for-each select="tei:head[not(@type = 'title')]">
        <xsl:element name="h{$level * ($level &lt;= 6) + 6 * ($level &gt; 6)}">
          <xsl:call-template name="lang"/>
          <xsl:apply-templates mode="i"/>
        </xsl:element>
      </xsl:for-each>
      <xsl:apply-templates select="node()[not(self::tei:head)]" mode="b"/>
    </section>
  </xsl:template>

  <!-- "sec-1.2" for body sections, "front-1" / "back-1" for the others; a
       corpus of texts (group) prefixes the text's number. -->
  <xsl:template name="section-id">
    <xsl:variable name="part" select="ancestor::*[self::tei:body or self::tei:front or self::tei:back][1]"/>
    <xsl:value-of select="substring('sec front back ', 1 + 4 * boolean($part/self::tei:front) + 10 * boolean($part/self::tei:back), 3 + 2 * boolean($part/self::tei:front) + boolean($part/self::tei:back))"/>
    <xsl:text>-</xsl:text>
    <xsl:if test="ancestor::tei:group">
      <xsl:number count="tei:text" level="multiple" format="1."/>
    </xsl:if>
    <xsl:number count="tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7" level="multiple" format="1.1"/>
  </xsl:template>

  <!-- A head outside a section (list, lg, figure, table…). -->
  <xsl:template match="tei:head" mode="b">
    <p class="head"><xsl:call-template name="lang"/><xsl:apply-templates mode="i"/></p>
  </xsl:template>

  <!-- Lists: heads first, then one <li> per item (other children also get
       an <li> so that none of their text is lost). -->
  <xsl:template match="tei:list | tei:listBibl | tei:listPerson | tei:listPlace | tei:listOrg | tei:castList" mode="b">
    <div class="list {@type}">
      <xsl:call-template name="lang"/>
      <xsl:apply-templates select="tei:head" mode="b"/>
      <xsl:if test="node()[not(self::tei:head)][self::* or normalize-space()]">
        <ul>
          <xsl:for-each select="node()[not(self::tei:head)][self::* or normalize-space()]">
            <li class="tei-{local-name()}">
              <xsl:call-template name="lang"/>
              <xsl:apply-templates select="self::text()" mode="b"/>
              <xsl:apply-templates select="self::*[not(self::tei:item)]" mode="b"/>
              <xsl:apply-templates select="self::tei:item/node()" mode="b"/>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:if>
    </div>
  </xsl:template>

  <!-- Tables: a real <table> when the TEI is a plain grid, else the generic
       rendering (div per row and cell), which keeps every word too. -->
  <xsl:template match="tei:table[not(*[not(self::tei:row or self::tei:head)] or tei:row/*[not(self::tei:cell)] or text()[normalize-space()] or tei:row/text()[normalize-space()])]" mode="b">
    <table class="table">
      <xsl:call-template name="lang"/>
      <xsl:if test="tei:head">
        <caption><xsl:for-each select="tei:head"><xsl:apply-templates mode="i"/><xsl:text> </xsl:text></xsl:for-each></caption>
      </xsl:if>
      <xsl:for-each select="tei:row">
        <tr>
          <xsl:call-template name="lang"/>
          <xsl:for-each select="tei:cell">
            <td>
              <xsl:if test="number(@cols) &gt; 1"><xsl:attribute name="colspan"><xsl:value-of select="number(@cols)"/></xsl:attribute></xsl:if>
              <xsl:if test="number(@rows) &gt; 1"><xsl:attribute name="rowspan"><xsl:value-of select="number(@rows)"/></xsl:attribute></xsl:if>
              <xsl:call-template name="lang"/>
              <xsl:apply-templates mode="b"/>
            </td>
          </xsl:for-each>
        </tr>
      </xsl:for-each>
    </table>
  </xsl:template>

  <!-- ===== inline mode ===== -->

  <!-- An element without a rule: a span.  A block element met inside a
       line (a table in a note's paragraph) gets a space either side, so
       that its words do not run into their neighbours' in the text of the
       page (copy, search, screen readers) whatever the style sheet does. -->
  <xsl:template match="*" mode="i">
    <xsl:variable name="block" select="not(contains($tf-inline, concat(' ', local-name(), ' ')))"/>
    <xsl:if test="$block"><xsl:text> </xsl:text></xsl:if>
    <span class="tei-{local-name()}"><xsl:call-template name="lang"/><xsl:apply-templates mode="i"/></span>
    <xsl:if test="$block"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>
  <xsl:template match="text()" mode="i"><xsl:value-of select="."/></xsl:template>
  <xsl:template match="text()[preceding-sibling::node()[1]/@break = 'no' or following-sibling::node()[1]/@break = 'no']" mode="i">
    <xsl:call-template name="tf-text-joined"/>
  </xsl:template>
  <xsl:template match="comment() | processing-instruction()" mode="i"/>

  <!-- Names: quietly marked by kind (class).  A name whose @ref leads to
       an authority record is a link to its entry in the index (index.xsl)
       and carries the id the index links back to; a name inside another
       link (a name, a web link) or holding one (a note mark) stays a span,
       since links cannot nest. -->
  <xsl:template match="tei:persName | tei:orgName | tei:placeName | tei:name | tei:rs | tei:geogName" mode="i">
    <xsl:variable name="rid"><xsl:call-template name="h-ref-id"/></xsl:variable>
    <xsl:variable name="rec" select="key('tf-id', $rid)[1]"/>
    <xsl:variable name="mid"><xsl:call-template name="h-mention-id"/></xsl:variable>
    <xsl:variable name="label">
      <xsl:if test="$rec"><xsl:call-template name="h-record-name"><xsl:with-param name="rec" select="$rec"/></xsl:call-template></xsl:if>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$mid != ''">
        <a class="nm {local-name()}" id="{$mid}" href="#ent-{$rid}">
          <xsl:call-template name="lang"/>
          <xsl:if test="$label != ''"><xsl:attribute name="title"><xsl:value-of select="$label"/></xsl:attribute></xsl:if>
          <xsl:apply-templates mode="i"/>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="nm {local-name()}">
          <xsl:call-template name="lang"/>
          <xsl:if test="$label != ''"><xsl:attribute name="title"><xsl:value-of select="$label"/></xsl:attribute></xsl:if>
          <xsl:if test="@ref"><xsl:attribute name="data-ref"><xsl:value-of select="@ref"/></xsl:attribute></xsl:if>
          <xsl:apply-templates mode="i"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Dates: an HTML <time> when @when is a plain year, month or day (the
       forms HTML accepts), else a span; the normalised value in data-norm,
       shown after the date by the style sheet, and as a tooltip. -->
  <xsl:template match="tei:date | tei:time" mode="i">
    <xsl:variable name="v"><xsl:call-template name="tf-date-value"/></xsl:variable>
    <xsl:variable name="shape" select="translate(@when, '0123456789', 'dddddddddd')"/>
    <xsl:variable name="el">
      <xsl:choose>
        <xsl:when test="$shape = 'dddd' or $shape = 'dddd-dd' or $shape = 'dddd-dd-dd'">time</xsl:when>
        <xsl:otherwise>span</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="{$el}">
      <xsl:attribute name="class">date</xsl:attribute>
      <xsl:if test="$el = 'time'"><xsl:attribute name="datetime"><xsl:value-of select="@when"/></xsl:attribute></xsl:if>
      <xsl:call-template name="lang"/>
      <xsl:for-each select="@when | @from | @to | @notBefore | @notAfter | @cert">
        <xsl:attribute name="data-{translate(local-name(), 'BA', 'ba')}"><xsl:value-of select="."/></xsl:attribute>
      </xsl:for-each>
      <xsl:if test="$v != ''">
        <xsl:attribute name="title"><xsl:value-of select="$v"/></xsl:attribute>
        <xsl:attribute name="data-norm"><xsl:value-of select="$v"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates mode="i"/>
    </xsl:element>
  </xsl:template>

  <!-- Footnote mark: a link to the note in the notes list (works without
       scripts; the page's script opens the note beside the text). -->
  <xsl:template match="tei:note" mode="i">
    <xsl:variable name="id"><xsl:call-template name="tf-note-field"><xsl:with-param name="field" select="'id'"/></xsl:call-template></xsl:variable>
    <sup class="nr"><a href="#note-{$id}" id="noteref-{$id}" class="noteref" role="doc-noteref"><xsl:call-template name="tf-note-field"/></a></sup>
  </xsl:template>
  <xsl:template match="tei:note" mode="b"><xsl:apply-templates select="." mode="i"/></xsl:template>

  <!-- Page break: a thin mark at the exact point, the number "[n]" in the
       margin (inline on narrow screens); the mark is the target #pN. -->
  <xsl:template match="tei:pb" mode="i">
    <xsl:variable name="id"><xsl:call-template name="tf-pb-id"/></xsl:variable>
    <span class="pb">
      <xsl:if test="$id != ''"><xsl:attribute name="id"><xsl:value-of select="$id"/></xsl:attribute></xsl:if>
      <xsl:if test="@n"><span class="pbn"><xsl:value-of select="concat('[', @n, ']')"/></span></xsl:if>
    </span>
  </xsl:template>
  <xsl:template match="tei:pb" mode="b"><xsl:apply-templates select="." mode="i"/></xsl:template>

  <!-- Source line breaks are not kept as lines: a space, none inside a word. -->
  <xsl:template match="tei:lb | tei:cb | tei:milestone" mode="i">
    <xsl:if test="not(@break = 'no')"><xsl:text>&#10;</xsl:text></xsl:if>
  </xsl:template>
  <xsl:template match="tei:lb | tei:cb | tei:milestone" mode="b"><xsl:apply-templates select="." mode="i"/></xsl:template>

  <xsl:template match="tei:hi | tei:emph | tei:foreign | tei:term | tei:mentioned | tei:soCalled" mode="i">
    <xsl:variable name="r" select="concat(@rend, ' ', @rendition)"/>
    <xsl:variable name="el">
      <xsl:choose>
        <xsl:when test="contains($r, 'sup')">sup</xsl:when>
        <xsl:when test="contains($r, 'sub')">sub</xsl:when>
        <xsl:when test="contains($r, 'bold') or contains($r, 'b)')">b</xsl:when>
        <xsl:when test="contains($r, 'italic') or contains($r, 'i)') or self::tei:emph or self::tei:foreign or self::tei:mentioned">i</xsl:when>
        <xsl:otherwise>span</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="{$el}">
      <xsl:attribute name="class"><xsl:value-of select="local-name()"/></xsl:attribute>
      <xsl:call-template name="lang"/>
      <xsl:apply-templates mode="i"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:title" mode="i">
    <cite class="title {@level}"><xsl:call-template name="lang"/><xsl:apply-templates mode="i"/></cite>
  </xsl:template>

  <xsl:template match="tei:del" mode="i">
    <del><xsl:call-template name="lang"/><xsl:apply-templates mode="i"/></del>
  </xsl:template>

  <!-- choice: the edited reading shown, the other one as a tooltip. -->
  <xsl:template match="tei:choice" mode="i">
    <xsl:variable name="shown" select="key('tf-choice-shown', generate-id())"/>
    <span class="choice">
      <xsl:if test="*[count(. | $shown) != 1]">
        <xsl:attribute name="title">
          <xsl:for-each select="*[count(. | $shown) != 1]">
            <xsl:if test="position() &gt; 1"> | </xsl:if>
            <xsl:call-template name="tf-plain"/>
          </xsl:for-each>
        </xsl:attribute>
      </xsl:if>
      <xsl:apply-templates select="$shown/node()" mode="i"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:gap" mode="i"><span class="gap">[…]</span></xsl:template>

  <!-- Links only for absolute web addresses; anything else stays text. -->
  <xsl:template match="tei:ref[starts-with(@target, 'http') and not(contains(normalize-space(@target), ' '))]" mode="i">
    <a href="{normalize-space(@target)}"><xsl:call-template name="lang"/><xsl:apply-templates mode="i"/></a>
  </xsl:template>

  <!-- ===== shared ===== -->

  <xsl:template name="lang">
    <xsl:param name="code" select="@xml:lang"/>
    <xsl:if test="$code">
      <xsl:variable name="v"><xsl:call-template name="tf-bcp47"><xsl:with-param name="code" select="string($code)"/></xsl:call-template></xsl:variable>
      <xsl:if test="$v != '-'"><xsl:attribute name="lang"><xsl:value-of select="$v"/></xsl:attribute></xsl:if>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
