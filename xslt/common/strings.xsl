<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!--
  common/strings.xsl — string helpers shared by every output format:
  escaping for BibTeX and JSON, the ASCII citation key, year extraction and
  the greedy word wrapper of the text format.  Escaping is one pass of
  EXSLT str:replace over a lookup table (replacements are never re-scanned,
  so "\" and "{" cannot be escaped twice).  Nothing here loops per character.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    xmlns:tf="urn:teiforge:tables"
    extension-element-prefixes="exsl str"
    exclude-result-prefixes="tf">

  <!-- BibTeX specials and what biblatex reads back as the same character. -->
  <xsl:variable name="tf-bibtex-specials-rtf">
    <tf:r f="\" t="\textbackslash{{}}"/>
    <tf:r f="{{" t="\{{"/>
    <tf:r f="}}" t="\}}"/>
    <tf:r f="%" t="\%"/>
    <tf:r f="&amp;" t="\&amp;"/>
    <tf:r f="#" t="\#"/>
    <tf:r f="$" t="\$"/>
    <tf:r f="_" t="\_"/>
    <tf:r f="~" t="\textasciitilde{{}}"/>
    <tf:r f="^" t="\textasciicircum{{}}"/>
  </xsl:variable>
  <xsl:variable name="tf-bibtex-specials" select="exsl:node-set($tf-bibtex-specials-rtf)/tf:r"/>

  <!-- JSON string escapes (RFC 8259 §7).  XML 1.0 text cannot hold the other
       C0 controls, so these are all a TEI string can need. -->
  <xsl:variable name="tf-json-specials-rtf">
    <tf:r f="\" t="\\"/>
    <tf:r f="&quot;" t="\&quot;"/>
    <tf:r f="&#10;" t="\n"/>
    <tf:r f="&#13;" t="\r"/>
    <tf:r f="&#9;" t="\t"/>
    <tf:r f="&#x2028;" t="\u2028"/>
    <tf:r f="&#x2029;" t="\u2029"/>
  </xsl:variable>
  <xsl:variable name="tf-json-specials" select="exsl:node-set($tf-json-specials-rtf)/tf:r"/>

  <!-- Letters that need more than one ASCII letter in a citation key
       (lower case; applied before the one-to-one table below). -->
  <xsl:variable name="tf-key-multi-rtf">
    <tf:r f="ж" t="zh"/><tf:r f="х" t="kh"/><tf:r f="ц" t="ts"/>
    <tf:r f="ч" t="ch"/><tf:r f="ш" t="sh"/><tf:r f="щ" t="shch"/>
    <tf:r f="ю" t="yu"/><tf:r f="я" t="ya"/><tf:r f="ß" t="ss"/>
    <tf:r f="æ" t="ae"/><tf:r f="œ" t="oe"/><tf:r f="ә" t="e"/>
  </xsl:variable>
  <xsl:variable name="tf-key-multi" select="exsl:node-set($tf-key-multi-rtf)/tf:r"/>

  <!-- Upper → lower case (Latin with diacritics, Azerbaijani, Cyrillic). -->
  <xsl:variable name="tf-upper">ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝƏİĞŞŽŠČŘŁÆŒАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯӘ</xsl:variable>
  <xsl:variable name="tf-lower">abcdefghijklmnopqrstuvwxyzàáâãäåçèéêëìíîïñòóôõöøùúûüýəiğšžščřłæœабвгдеёжзийклмнопрстуфхцчшщъыьэюяә</xsl:variable>
  <!-- One-to-one transliteration of lower-case letters to ASCII; letters
       mapped to nothing (ъ ь) are dropped by the final filter. -->
  <xsl:variable name="tf-translit-from">àáâãäåāăąçćčďèéêëēęěìíîïīıñńňòóôõöøōőùúûüūůűýÿźżžšśşřŕłğəабвгдеёзийклмнопрстуфыэ</xsl:variable>
  <xsl:variable name="tf-translit-to">aaaaaaaaacccdeeeeeeeiiiiiinnnoooooooouuuuuuuyyzzzsssrrlgeabvgdeeziiklmnoprstufye</xsl:variable>
  <xsl:variable name="tf-ascii-alnum">abcdefghijklmnopqrstuvwxyz0123456789</xsl:variable>

  <!-- Normalised text of a TEI node without the notes inside it (a title
       that carries a footnote mark must not swallow the note's text).
       Context: any element. -->
  <xsl:template name="tf-plain">
    <xsl:param name="node" select="."/>
    <xsl:variable name="t">
      <xsl:apply-templates select="$node/node()" mode="tf-plain"/>
    </xsl:variable>
    <xsl:value-of select="normalize-space($t)"/>
  </xsl:template>
  <xsl:template match="*[local-name() = 'note']" mode="tf-plain"/>

  <!-- $s escaped for a BibTeX field value in braces; UTF-8 kept as is. -->
  <xsl:template name="tf-bibtex-escape">
    <xsl:param name="s"/>
    <xsl:value-of select="str:replace(normalize-space($s), $tf-bibtex-specials/@f, $tf-bibtex-specials/@t)"/>
  </xsl:template>

  <!-- $s as a JSON string literal, quotes included. -->
  <xsl:template name="tf-json-string">
    <xsl:param name="s"/>
    <xsl:text>"</xsl:text>
    <xsl:value-of select="str:replace(string($s), $tf-json-specials/@f, $tf-json-specials/@t)"/>
    <xsl:text>"</xsl:text>
  </xsl:template>

  <!-- $s as lower-case ASCII letters and digits only (a citation key part):
       Azerbaijani, other Latin diacritics and Cyrillic are transliterated,
       everything else is dropped. -->
  <xsl:template name="tf-ascii-key">
    <xsl:param name="s"/>
    <xsl:variable name="lower" select="translate($s, $tf-upper, $tf-lower)"/>
    <xsl:variable name="multi" select="str:replace($lower, $tf-key-multi/@f, $tf-key-multi/@t)"/>
    <xsl:variable name="ascii" select="translate($multi, $tf-translit-from, $tf-translit-to)"/>
    <xsl:value-of select="translate($ascii, translate($ascii, $tf-ascii-alnum, ''), '')"/>
  </xsl:template>

  <!-- The first run of exactly four digits in $s (a year), or nothing. -->
  <xsl:template name="tf-year">
    <xsl:param name="s"/>
    <xsl:variable name="digits-only" select="translate($s, translate($s, '0123456789', ''), ' ')"/>
    <xsl:value-of select="str:tokenize($digits-only, ' ')[string-length(.) = 4][1]"/>
  </xsl:template>

  <!--
    Greedy word wrap of $text at $width columns; words are never split (a
    word longer than the line stands alone).  Words are walked with
    following-sibling::*[1] inside chunks of $tf-wrap-chunk words and chunks
    are chained by a second recursion, so the work is linear and the
    template depth stays near words/64 + 64 even for a very long paragraph.
  -->
  <xsl:variable name="tf-wrap-chunk" select="64"/>
  <xsl:template name="tf-wrap">
    <xsl:param name="text"/>
    <xsl:param name="width" select="72"/>
    <xsl:variable name="words" select="str:tokenize($text, ' &#9;&#10;&#13;')"/>
    <xsl:call-template name="tf-wrap-chunks">
      <xsl:with-param name="starts" select="$words[position() mod $tf-wrap-chunk = 1]"/>
      <xsl:with-param name="col" select="-1"/>
      <xsl:with-param name="width" select="$width"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="tf-wrap-chunks">
    <xsl:param name="starts"/>
    <xsl:param name="col"/>
    <xsl:param name="width"/>
    <xsl:if test="$starts">
      <xsl:variable name="out">
        <xsl:apply-templates select="$starts[1]" mode="tf-wrap-word">
          <xsl:with-param name="col" select="$col"/>
          <xsl:with-param name="left" select="$tf-wrap-chunk"/>
          <xsl:with-param name="width" select="$width"/>
        </xsl:apply-templates>
      </xsl:variable>
      <xsl:value-of select="$out"/>
      <xsl:variable name="new-col">
        <xsl:choose>
          <xsl:when test="contains($out, '&#10;')">
            <xsl:value-of select="string-length(str:tokenize($out, '&#10;')[last()])"/>
          </xsl:when>
          <xsl:when test="$col &lt; 0"><xsl:value-of select="string-length($out)"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$col + string-length($out)"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:call-template name="tf-wrap-chunks">
        <xsl:with-param name="starts" select="$starts[position() &gt; 1]"/>
        <xsl:with-param name="col" select="number($new-col)"/>
        <xsl:with-param name="width" select="$width"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- One word: a space or a line break before it (none at the start),
       then the next word of the chunk.  Kept to two XPath steps per word. -->
  <xsl:template match="*" mode="tf-wrap-word">
    <xsl:param name="col"/>
    <xsl:param name="left"/>
    <xsl:param name="width"/>
    <xsl:variable name="len" select="string-length(.)"/>
    <xsl:variable name="fresh" select="$col &lt; 0 or $col + 1 + $len &gt; $width"/>
    <xsl:value-of select="concat(substring('&#10; ', 1 + ($col &lt; 0) + not($fresh), 1 - ($col &lt; 0)), .)"/>
    <xsl:if test="$left &gt; 1">
      <xsl:apply-templates select="following-sibling::*[1]" mode="tf-wrap-word">
        <!-- a new line starts when this word began one: col becomes len -->
        <xsl:with-param name="col" select="$len + ($col + 1) * not($fresh)"/>
        <xsl:with-param name="left" select="$left - 1"/>
        <xsl:with-param name="width" select="$width"/>
      </xsl:apply-templates>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
