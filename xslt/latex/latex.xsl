<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!--
  latex/latex.xsl — teiforge render, format latex (and pdf, which typesets
  this with xelatex): a XeLaTeX document of the edition.

    fontspec + DejaVu Serif (covers Azerbaijani ə, ğ, ı, İ and Cyrillic);
    polyglossia for the languages: Russian and English have their glosses;
    Debian 12's polyglossia has no Azerbaijani gloss, so Azerbaijani text
    uses the Turkish one (same Latin script and dotted/dotless i casing,
    closest hyphenation) — mapped in $lx-langs, one line to change when a
    gloss-azerbaijani arrives;
    real footnotes (\footnote[n]) at the marks, numbered with the TEI's @n;
    page breaks of the printed source as marginal notes (\marginnote, which
    also works in footnotes and headings where \marginpar cannot);
    the index of names (param index) with \pageref to every mention.

  Two modes as in html: "lb" in block context and "li" inside a line.
  Unknown elements keep their text (a paragraph or the bare content).
  Every text node goes through lx-esc: the ten LaTeX specials escaped.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    xmlns:lx="urn:teiforge:latex"
    extension-element-prefixes="exsl str"
    exclude-result-prefixes="tei lx">

  <xsl:import href="../common/structure.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <!-- index: number, default 1.  1 = print the index of persons,
       organisations and places (from standOff) with page references. -->
  <xsl:param name="index" select="1"/>

  <!-- LaTeX specials, replaced in one pass (EXSLT str:replace with lists). -->
  <xsl:variable name="lx-specials-rtf">
    <lx:r f="\" t="\textbackslash{{}}"/><lx:r f="{{" t="\{{"/><lx:r f="}}" t="\}}"/>
    <lx:r f="$" t="\$"/><lx:r f="&amp;" t="\&amp;"/><lx:r f="#" t="\#"/>
    <lx:r f="^" t="\textasciicircum{{}}"/><lx:r f="_" t="\_"/><lx:r f="~" t="\textasciitilde{{}}"/>
    <lx:r f="%" t="\%"/><lx:r f="&#xA0;" t="~"/><lx:r f="[" t="{{[}}"/><lx:r f="]" t="{{]}}"/>
  </xsl:variable>
  <xsl:variable name="lx-specials" select="exsl:node-set($lx-specials-rtf)/lx:r"/>

  <!-- xml:lang (primary subtag) → polyglossia language. -->
  <xsl:variable name="lx-langs-rtf">
    <lx:l c="az" n="turkish"/><lx:l c="tr" n="turkish"/><lx:l c="ru" n="russian"/>
    <lx:l c="en" n="english"/><lx:l c="uk" n="ukrainian"/><lx:l c="de" n="german"/>
    <lx:l c="fr" n="french"/>
  </xsl:variable>
  <xsl:variable name="lx-langs" select="exsl:node-set($lx-langs-rtf)/lx:l"/>
  <!-- The primary subtags used in the document, " az ru en ". -->
  <xsl:variable name="lx-used">
    <xsl:text> </xsl:text>
    <xsl:for-each select="//@xml:lang">
      <xsl:value-of select="concat(translate(substring-before(concat(normalize-space(.), '-'), '-'), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), ' ')"/>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="lx-main-lang" select="($lx-langs[@c = $tf-ui-lang]/@n | $lx-langs[@c = 'en']/@n[not($lx-langs[@c = $tf-ui-lang])])[1]"/>

  <!-- Names that get a \label for the index: as in html/index.xsl. -->
  <xsl:variable name="lx-mentions"
      select="$tf-texts//*[self::tei:persName or self::tei:orgName or self::tei:placeName][@ref][key('tf-id', substring-after(substring-before(concat(normalize-space(@ref), ' '), ' '), '#'))]"/>
  <xsl:variable name="lx-table-rtf">
    <xsl:for-each select="$lx-mentions">
      <lx:m g="{generate-id()}" i="{position()}" r="{substring-after(substring-before(concat(normalize-space(@ref), ' '), ' '), '#')}"/>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="lx-table" select="exsl:node-set($lx-table-rtf)/lx:m"/>
  <xsl:key name="lx-m-g" match="lx:m" use="@g"/>
  <xsl:key name="lx-m-r" match="lx:m" use="@r"/>
  <xsl:variable name="lx-records" select="/tei:TEI/tei:standOff//*[self::tei:listPerson or self::tei:listOrg or self::tei:listPlace]/*[@xml:id]"/>

  <xsl:template match="/">
    <xsl:variable name="rec" select="$tf-article"/>
    <xsl:text>% teiforge render --to latex: typeset with xelatex (twice)&#10;</xsl:text>
    <xsl:text>\documentclass[11pt,a4paper]{article}&#10;</xsl:text>
    <xsl:text>\usepackage[a4paper,left=2.5cm,right=4cm,marginparwidth=2.2cm,marginparsep=.4cm]{geometry}&#10;</xsl:text>
    <xsl:text>\usepackage{fontspec}&#10;\usepackage{polyglossia}&#10;</xsl:text>
    <xsl:value-of select="concat('\setdefaultlanguage{', $lx-main-lang, '}&#10;')"/>
    <xsl:text>\setotherlanguages{</xsl:text>
    <xsl:for-each select="$lx-langs[not(@n = $lx-main-lang)][not(@n = preceding-sibling::lx:l/@n)][contains($lx-used, concat(' ', @c, ' '))]">
      <xsl:if test="position() &gt; 1">,</xsl:if><xsl:value-of select="@n"/>
    </xsl:for-each>
    <xsl:text>}&#10;</xsl:text>
    <xsl:text>\setmainfont{DejaVu Serif}&#10;\setsansfont{DejaVu Sans}&#10;\setmonofont{DejaVu Sans Mono}&#10;</xsl:text>
    <xsl:text>\newfontfamily\cyrillicfont{DejaVu Serif}&#10;\newfontfamily\cyrillicfontsf{DejaVu Sans}&#10;\newfontfamily\cyrillicfonttt{DejaVu Sans Mono}&#10;</xsl:text>
    <!-- no hyperref: with xetex it needs the ZapfDingbats metrics of
         texlive-fonts-recommended, one more package to install -->
    <xsl:text>\usepackage{marginnote}&#10;\usepackage{xurl}&#10;</xsl:text>
    <xsl:text>\renewcommand*{\marginfont}{\footnotesize\sffamily}&#10;</xsl:text>
    <xsl:text>\newcommand*{\tfpb}[1]{\marginnote{[#1]}}&#10;</xsl:text>
    <xsl:text>\setlength{\parindent}{1.2em}\setlength{\emergencystretch}{3em}\raggedbottom&#10;</xsl:text>
    <xsl:text>\begin{document}&#10;</xsl:text>
    <!-- title block -->
    <xsl:text>\begin{center}&#10;</xsl:text>
    <xsl:for-each select="$rec/title">
      <xsl:text>{\Large\bfseries </xsl:text>
      <xsl:call-template name="lx-lang-text"><xsl:with-param name="code" select="@lang"/><xsl:with-param name="s" select="."/></xsl:call-template>
      <xsl:text>}\par\medskip&#10;</xsl:text>
    </xsl:for-each>
    <xsl:if test="not($rec/title)">
      <xsl:text>{\Large\bfseries </xsl:text>
      <xsl:call-template name="lx-esc"><xsl:with-param name="s"><xsl:call-template name="tf-plain"><xsl:with-param name="node" select="($tf-texts//tei:head)[1]"/></xsl:call-template></xsl:with-param></xsl:call-template>
      <xsl:text>}\par\medskip&#10;</xsl:text>
    </xsl:if>
    <xsl:for-each select="$rec/ptitle">
      <xsl:text>{\large\itshape </xsl:text>
      <xsl:call-template name="lx-lang-text"><xsl:with-param name="code" select="@lang"/><xsl:with-param name="s" select="."/></xsl:call-template>
      <xsl:text>}\par\smallskip&#10;</xsl:text>
    </xsl:for-each>
    <xsl:if test="$rec/author">
      <xsl:text>{\bfseries </xsl:text>
      <xsl:for-each select="$rec/author">
        <xsl:if test="position() &gt; 1">, </xsl:if>
        <xsl:call-template name="lx-esc"><xsl:with-param name="s" select="normalize-space(concat(@literal, @given, ' ', @family))"/></xsl:call-template>
      </xsl:for-each>
      <xsl:text>}\par&#10;</xsl:text>
    </xsl:if>
    <xsl:if test="$rec/container or $rec/year">
      <xsl:call-template name="lx-esc">
        <xsl:with-param name="s" select="normalize-space(concat($rec/container, ' ', $rec/volume, substring(concat('(', $rec/issue, ')'), 1, 99 * boolean($rec/issue)), substring(', ', 1, 2 * boolean($rec/year)), $rec/year, substring(concat(', ', $rec/pages/@from, '–', $rec/pages/@to), 1, 99 * boolean($rec/pages/@from))))"/>
      </xsl:call-template>
      <xsl:if test="$rec/doi"><xsl:value-of select="concat(' \url{https://doi.org/', translate($rec/doi, '{}\%#', ''), '}')"/></xsl:if>
      <xsl:text>\par&#10;</xsl:text>
    </xsl:if>
    <xsl:text>\end{center}&#10;\bigskip&#10;&#10;</xsl:text>
    <xsl:if test="$tf-show-header-keywords">
      <xsl:for-each select="$tf-header/tei:profileDesc/tei:textClass/tei:keywords[.//tei:term[normalize-space()]]">
        <xsl:variable name="kw">
          <xsl:for-each select=".//tei:term[normalize-space()]">
            <xsl:if test="position() &gt; 1">, </xsl:if><xsl:call-template name="tf-plain"/>
          </xsl:for-each>
        </xsl:variable>
        <xsl:text>\noindent\textbf{</xsl:text>
        <xsl:call-template name="tf-label"><xsl:with-param name="k" select="'keywords'"/></xsl:call-template>
        <xsl:text>:} </xsl:text>
        <xsl:call-template name="lx-lang-text"><xsl:with-param name="code" select="ancestor-or-self::*[@xml:lang][1]/@xml:lang"/><xsl:with-param name="s" select="$kw"/></xsl:call-template>
        <xsl:text>\par\medskip&#10;&#10;</xsl:text>
      </xsl:for-each>
    </xsl:if>
    <xsl:apply-templates select="$tf-body-nodes" mode="lb"/>
    <xsl:if test="number($index) = 1 and $lx-records">
      <xsl:call-template name="lx-index"/>
    </xsl:if>
    <xsl:text>\end{document}&#10;</xsl:text>
  </xsl:template>

  <!-- ===== helpers ===== -->

  <xsl:template name="lx-esc">
    <xsl:param name="s"/>
    <xsl:value-of select="str:replace(string($s), $lx-specials/@f, $lx-specials/@t)"/>
  </xsl:template>

  <!-- The polyglossia language of a code when it differs from the main
       one, else nothing. -->
  <xsl:template name="lx-lang-of">
    <xsl:param name="code" select="@xml:lang"/>
    <xsl:variable name="p" select="translate(substring-before(concat(normalize-space($code), '-'), '-'), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
    <xsl:variable name="n" select="string($lx-langs[@c = $p]/@n)"/>
    <!-- ru-Latn and other transliterations stay in the main language -->
    <xsl:if test="$n != '' and not(contains($code, '-Latn'))"><xsl:value-of select="$n"/></xsl:if>
  </xsl:template>

  <xsl:template name="lx-lang-text">
    <xsl:param name="code"/>
    <xsl:param name="s"/>
    <xsl:variable name="n"><xsl:call-template name="lx-lang-of"><xsl:with-param name="code" select="$code"/></xsl:call-template></xsl:variable>
    <xsl:if test="$n != ''"><xsl:value-of select="concat('\text', $n, '{')"/></xsl:if>
    <xsl:call-template name="lx-esc"><xsl:with-param name="s" select="$s"/></xsl:call-template>
    <xsl:if test="$n != ''">}</xsl:if>
  </xsl:template>

  <!-- Block content in its language: \begin{russian}…\end{russian}. -->
  <xsl:template name="lx-block-lang">
    <xsl:param name="body"/>
    <xsl:variable name="n"><xsl:if test="@xml:lang"><xsl:call-template name="lx-lang-of"/></xsl:if></xsl:variable>
    <xsl:if test="$n != ''"><xsl:value-of select="concat('\begin{', $n, '}&#10;')"/></xsl:if>
    <xsl:copy-of select="$body"/>
    <xsl:if test="$n != ''"><xsl:value-of select="concat('\end{', $n, '}&#10;')"/></xsl:if>
  </xsl:template>

  <!-- Where \footnote and marginal notes cannot go: inside a footnote, a
       table cell; there notes are put in brackets and pages inline. -->
  <xsl:template name="lx-restricted">
    <xsl:value-of select="boolean(ancestor::tei:note or ancestor::tei:cell or ancestor::tei:table or ancestor::tei:row)"/>
  </xsl:template>

  <!-- ===== block mode ===== -->

  <xsl:template match="*" mode="lb">
    <xsl:variable name="has-block"><xsl:call-template name="tf-has-block"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$has-block = 'true'">
        <xsl:call-template name="lx-par-before"/>
        <xsl:call-template name="lx-block-lang"><xsl:with-param name="body"><xsl:apply-templates mode="lb"/></xsl:with-param></xsl:call-template>
      </xsl:when>
      <xsl:when test="contains($tf-inline, concat(' ', local-name(), ' '))">
        <xsl:apply-templates select="." mode="li"/>
      </xsl:when>
      <xsl:when test="normalize-space() = '' and not(.//tei:pb)"/>
      <xsl:otherwise>
        <xsl:call-template name="lx-para"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A block that follows running text in the same block (text directly
       in a <div> before its first <p>): end that paragraph first, or TeX
       runs the two together ("stray textx").  \noindent and \section do
       not end a paragraph by themselves. -->
  <xsl:template name="lx-par-before">
    <!-- the previous sibling, over one whitespace-only text node: positional
         steps alone (a filter before [1] would scan the whole axis) -->
    <xsl:variable name="p1" select="preceding-sibling::node()[1]"/>
    <xsl:variable name="prev" select="$p1[self::* or normalize-space()] | preceding-sibling::node()[2]/self::node()[not($p1[self::* or normalize-space()])]"/>
    <xsl:if test="$prev/self::text() or $prev[contains($tf-inline, concat(' ', local-name(), ' '))][not(self::tei:note)][normalize-space()]">
      <xsl:text>\par&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template name="lx-para">
    <xsl:param name="prefix" select="''"/>
    <xsl:call-template name="lx-par-before"/>
    <xsl:call-template name="lx-block-lang">
      <xsl:with-param name="body">
        <xsl:value-of select="$prefix"/>
        <xsl:apply-templates mode="li"/>
        <xsl:text>\par&#10;&#10;</xsl:text>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- whitespace between two inline elements keeps them apart (a space
       in vertical mode is ignored by TeX) -->
  <xsl:template match="text()" mode="lb">
    <xsl:choose>
      <xsl:when test="normalize-space()"><xsl:call-template name="lx-esc"><xsl:with-param name="s" select="."/></xsl:call-template></xsl:when>
      <xsl:otherwise><xsl:text> </xsl:text></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="text()[preceding-sibling::node()[1]/@break = 'no' or following-sibling::node()[1]/@break = 'no']" mode="lb">
    <xsl:apply-templates select="." mode="li"/>
  </xsl:template>
  <xsl:template match="comment() | processing-instruction()" mode="lb"/>
  <xsl:template match="tei:teiHeader | tei:standOff | tei:facsimile" mode="lb"/>

  <!-- Sections: headings by depth, unnumbered (the printed headings). -->
  <xsl:variable name="lx-heads" select="' section subsection subsubsection paragraph subparagraph subparagraph subparagraph '"/>
  <xsl:template match="tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7" mode="lb">
    <xsl:variable name="level" select="count((ancestor::tei:div | ancestor::tei:div1 | ancestor::tei:div2 | ancestor::tei:div3 | ancestor::tei:div4 | ancestor::tei:div5 | ancestor::tei:div6)[tei:head[not(@type = 'title')]]) + 1"/>
    <xsl:variable name="cmd" select="str:tokenize($lx-heads, ' ')[number($level &gt; 7) * 6 + number($level &lt;= 7) * $level]"/>
    <xsl:call-template name="lx-block-lang">
      <xsl:with-param name="body">
        <xsl:for-each select="tei:head[@type = 'title']">
          <xsl:text>\noindent{\itshape </xsl:text><xsl:apply-templates mode="li"/><xsl:text>}\par&#10;</xsl:text>
        </xsl:for-each>
        <xsl:for-each select="tei:head[not(@type = 'title')]">
          <xsl:value-of select="concat('\', $cmd, '*{')"/>
          <xsl:apply-templates mode="li"/>
          <xsl:text>}&#10;</xsl:text>
        </xsl:for-each>
        <xsl:apply-templates select="node()[not(self::tei:head)]" mode="lb"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:head" mode="lb">
    <xsl:call-template name="lx-par-before"/>
    <xsl:text>\noindent\textbf{</xsl:text>
    <xsl:apply-templates mode="li"/>
    <xsl:text>}\par&#10;&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="tei:list | tei:listBibl | tei:listPerson | tei:listPlace | tei:listOrg" mode="lb">
    <xsl:call-template name="lx-block-lang">
      <xsl:with-param name="body">
        <xsl:apply-templates select="tei:head" mode="lb"/>
        <xsl:if test="node()[not(self::tei:head)][self::* or normalize-space()]">
          <xsl:text>\begin{itemize}&#10;</xsl:text>
          <xsl:for-each select="node()[not(self::tei:head)][self::* or normalize-space()]">
            <xsl:text>\item </xsl:text>
            <xsl:apply-templates select="self::text()" mode="lb"/>
            <xsl:apply-templates select="self::*[not(self::tei:item)]" mode="lb"/>
            <xsl:apply-templates select="self::tei:item/node()" mode="lb"/>
            <xsl:text>&#10;</xsl:text>
          </xsl:for-each>
          <xsl:text>\end{itemize}&#10;&#10;</xsl:text>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Tables: a row per paragraph, cells separated by a vertical bar. -->
  <xsl:template match="tei:row" mode="lb">
    <xsl:call-template name="lx-par-before"/>
    <xsl:text>\noindent </xsl:text>
    <xsl:for-each select="node()">
      <xsl:if test="self::tei:cell and preceding-sibling::tei:cell"> \textbar{} </xsl:if>
      <xsl:apply-templates select="self::tei:cell/node() | self::node()[not(self::tei:cell)]" mode="li"/>
    </xsl:for-each>
    <xsl:text>\par&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="tei:l" mode="lb">
    <xsl:call-template name="lx-para"><xsl:with-param name="prefix" select="'\noindent '"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:note | tei:pb | tei:lb | tei:cb | tei:milestone" mode="lb">
    <xsl:apply-templates select="." mode="li"/>
  </xsl:template>

  <!-- ===== inline mode ===== -->

  <!-- An element without a rule keeps its text; one that is not a phrase
       (an <address> in a <meeting>) with a space either side, so that
       words do not run together. -->
  <xsl:template match="*" mode="li">
    <xsl:variable name="block" select="not(contains($tf-inline, concat(' ', local-name(), ' ')))"/>
    <xsl:variable name="n"><xsl:if test="@xml:lang"><xsl:call-template name="lx-lang-of"/></xsl:if></xsl:variable>
    <xsl:if test="$block"><xsl:text> </xsl:text></xsl:if>
    <xsl:if test="$n != ''"><xsl:value-of select="concat('\text', $n, '{')"/></xsl:if>
    <xsl:apply-templates mode="li"/>
    <xsl:if test="$n != ''">}</xsl:if>
    <xsl:if test="$block"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>
  <xsl:template match="text()" mode="li">
    <xsl:call-template name="lx-esc"><xsl:with-param name="s" select="."/></xsl:call-template>
  </xsl:template>
  <xsl:template match="text()[preceding-sibling::node()[1]/@break = 'no' or following-sibling::node()[1]/@break = 'no']" mode="li">
    <xsl:call-template name="lx-esc"><xsl:with-param name="s"><xsl:call-template name="tf-text-joined"/></xsl:with-param></xsl:call-template>
  </xsl:template>
  <xsl:template match="comment() | processing-instruction()" mode="li"/>

  <!-- A block element met inside a line: its text in a group, a space
       around it so that words do not run together. -->
  <xsl:template match="tei:p | tei:div | tei:list | tei:item | tei:lg | tei:l | tei:table | tei:row | tei:cell | tei:ab | tei:quote[tei:p]" mode="li">
    <xsl:text> </xsl:text>
    <xsl:apply-templates mode="li"/>
    <xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="tei:hi | tei:emph | tei:foreign | tei:mentioned | tei:soCalled | tei:title" mode="li">
    <xsl:variable name="r" select="concat(' ', @rend, ' ', @rendition, ' ')"/>
    <xsl:variable name="cmd">
      <xsl:choose>
        <xsl:when test="contains($r, 'sup')">\textsuperscript{</xsl:when>
        <xsl:when test="contains($r, 'sub')">\textsubscript{</xsl:when>
        <xsl:when test="contains($r, 'bold')">\textbf{</xsl:when>
        <xsl:when test="contains($r, 'italic') or self::tei:emph or self::tei:foreign or self::tei:mentioned or self::tei:title[@level = 'm' or @level = 'j' or @level = 's']">\textit{</xsl:when>
        <xsl:otherwise>{</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="n"><xsl:if test="@xml:lang"><xsl:call-template name="lx-lang-of"/></xsl:if></xsl:variable>
    <xsl:if test="$n != ''"><xsl:value-of select="concat('\text', $n, '{')"/></xsl:if>
    <xsl:value-of select="$cmd"/>
    <xsl:apply-templates mode="li"/>
    <xsl:text>}</xsl:text>
    <xsl:if test="$n != ''">}</xsl:if>
  </xsl:template>

  <!-- Names: a \label for the index's page references. -->
  <xsl:template match="tei:persName | tei:orgName | tei:placeName" mode="li">
    <xsl:variable name="g" select="generate-id()"/>
    <xsl:if test="number($index) = 1">
      <xsl:for-each select="$lx-table[1]">
        <xsl:for-each select="key('lx-m-g', $g)">\label{m<xsl:value-of select="@i"/>}</xsl:for-each>
      </xsl:for-each>
    </xsl:if>
    <xsl:apply-templates mode="li"/>
  </xsl:template>

  <!-- A footnote at the mark; numbered by @n when it is a number. -->
  <xsl:template match="tei:note" mode="li">
    <xsl:variable name="label"><xsl:call-template name="tf-note-field"/></xsl:variable>
    <xsl:variable name="id"><xsl:call-template name="tf-note-field"><xsl:with-param name="field" select="'id'"/></xsl:call-template></xsl:variable>
    <xsl:variable name="restricted"><xsl:call-template name="lx-restricted"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$restricted = 'true'">
        <xsl:value-of select="concat(' [', $label, ': ')"/>
        <xsl:apply-templates mode="li"/>
        <xsl:text>] </xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat('\label{fnmark-', $id, '}')"/>
        <xsl:text>\protect\footnote</xsl:text>
        <xsl:if test="string(number($label)) = $label and not(contains($label, '.'))"><xsl:value-of select="concat('[', $label, ']')"/></xsl:if>
        <xsl:value-of select="concat('{\label{fn-', $id, '}')"/>
        <xsl:call-template name="lx-note-body"/>
        <xsl:text>}</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Paragraphs inside a note are separated by \par (allowed there). -->
  <xsl:template name="lx-note-body">
    <xsl:variable name="n"><xsl:if test="@xml:lang"><xsl:call-template name="lx-lang-of"/></xsl:if></xsl:variable>
    <xsl:if test="$n != ''"><xsl:value-of select="concat('\text', $n, '{')"/></xsl:if>
    <xsl:for-each select="node()">
      <xsl:apply-templates select="." mode="li"/>
      <xsl:if test="self::tei:p and following-sibling::*">\par </xsl:if>
    </xsl:for-each>
    <xsl:if test="$n != ''">}</xsl:if>
  </xsl:template>

  <xsl:template match="tei:pb" mode="li">
    <xsl:variable name="restricted"><xsl:call-template name="lx-restricted"/></xsl:variable>
    <xsl:if test="normalize-space(@n) != ''">
      <xsl:variable name="n"><xsl:call-template name="lx-esc"><xsl:with-param name="s" select="normalize-space(@n)"/></xsl:call-template></xsl:variable>
      <xsl:choose>
        <xsl:when test="$restricted = 'true'"><xsl:value-of select="concat('{[', $n, ']}')"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="concat('\tfpb{', $n, '}')"/></xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:lb | tei:cb | tei:milestone" mode="li">
    <xsl:if test="not(@break = 'no')"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <xsl:template match="tei:choice" mode="li">
    <xsl:apply-templates select="key('tf-choice-shown', generate-id())/node()" mode="li"/>
  </xsl:template>
  <xsl:template match="tei:gap" mode="li"><xsl:text>[\ldots]</xsl:text></xsl:template>

  <!-- ===== index of names ===== -->

  <xsl:template name="lx-index">
    <xsl:text>&#10;\clearpage&#10;\section*{</xsl:text>
    <xsl:call-template name="tf-label"><xsl:with-param name="k" select="'index'"/></xsl:call-template>
    <xsl:text>}&#10;{\small\raggedright&#10;</xsl:text>
    <xsl:for-each select="$lx-records">
      <xsl:sort select="translate(normalize-space(*[1]), $tf-upper, $tf-lower)"/>
      <xsl:variable name="id" select="string(@xml:id)"/>
      <xsl:variable name="names" select="*[self::tei:persName or self::tei:orgName or self::tei:placeName or self::tei:name]"/>
      <xsl:text>\noindent\hangindent=1.5em </xsl:text>
      <xsl:text>\textbf{</xsl:text>
      <xsl:call-template name="lx-lang-text"><xsl:with-param name="code" select="$names[1]/@xml:lang"/><xsl:with-param name="s" select="normalize-space($names[1])"/></xsl:call-template>
      <xsl:text>}</xsl:text>
      <xsl:if test="$names[position() &gt; 1]">
        <xsl:text> (</xsl:text>
        <xsl:for-each select="$names[position() &gt; 1]">
          <xsl:if test="position() &gt; 1">; </xsl:if>
          <xsl:call-template name="lx-lang-text"><xsl:with-param name="code" select="@xml:lang"/><xsl:with-param name="s" select="normalize-space()"/></xsl:call-template>
        </xsl:for-each>
        <xsl:text>)</xsl:text>
      </xsl:if>
      <xsl:for-each select="tei:idno[translate(@type, 'WIKDATVF', 'wikdatvf') = 'wikidata' or translate(@type, 'WIKDATVF', 'wikdatvf') = 'viaf']">
        <xsl:value-of select="concat(', ', @type, ' ')"/>
        <xsl:call-template name="lx-esc"><xsl:with-param name="s" select="normalize-space()"/></xsl:call-template>
      </xsl:for-each>
      <xsl:for-each select="$lx-table[1]">
        <xsl:for-each select="key('lx-m-r', $id)">
          <xsl:value-of select="concat(substring(', ', 1, 2 * (position() &gt; 1)), substring(' — ', 1, 3 * (position() = 1)), '\pageref{m', @i, '}')"/>
        </xsl:for-each>
      </xsl:for-each>
      <xsl:text>\par&#10;</xsl:text>
    </xsl:for-each>
    <xsl:text>}&#10;</xsl:text>
  </xsl:template>
</xsl:stylesheet>
