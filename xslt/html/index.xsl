<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!--
  html/index.xsl — the index of persons, organisations and places.
  Every name in the text whose @ref leads to an authority record in
  <standOff> (person, org, place) is a "mention": it becomes a link to the
  record's entry (blocks.xsl) and gets an id, "m" + its rank, that the
  entry links back to, labelled with the printed page it stands on.

  All of it is computed once, in document order, as a table keyed by
  generate-id (only ever used for look-ups inside one run, so the output
  stays byte-identical).  The page of a mention is carried through the
  table by a walk in chunks of $h-chunk entries (the way common/strings.xsl
  wraps words) and never looked up with preceding::pb, which is quadratic
  in libxslt on pages without page breaks (RENDER-FACTS.md).
  Imported by blocks.xsl after common/structure.xsl, whose keys and
  labels it uses.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:exsl="http://exslt.org/common"
    xmlns:h="urn:teiforge:html"
    extension-element-prefixes="exsl"
    exclude-result-prefixes="tei h">

  <!-- The record id a name points to: the first token of @ref without "#". -->
  <xsl:template name="h-ref-id">
    <xsl:param name="ref" select="@ref"/>
    <xsl:value-of select="substring-after(substring-before(concat(normalize-space($ref), ' '), ' '), '#')"/>
  </xsl:template>

  <!-- Names that become mentions: known record, not inside another link,
       no link inside (notes become marks, web refs links). -->
  <xsl:variable name="h-link-refs" select="$tf-texts//tei:ref[starts-with(@target, 'http') and not(contains(normalize-space(@target), ' '))]"/>
  <xsl:variable name="h-names"
      select="$tf-texts//*[self::tei:persName or self::tei:orgName or self::tei:placeName or self::tei:name or self::tei:rs or self::tei:geogName][@ref]"/>
  <xsl:variable name="h-mentions"
      select="$h-names[key('tf-id', substring-after(substring-before(concat(normalize-space(@ref), ' '), ' '), '#'))]
                      [not(ancestor::*[self::tei:persName or self::tei:orgName or self::tei:placeName or self::tei:name or self::tei:rs or self::tei:geogName][@ref])]
                      [not(.//tei:note or .//tei:ref[starts-with(@target, 'http')] or ancestor::tei:ref[starts-with(@target, 'http')])]"/>

  <!-- Pass 1: mentions and page breaks in document order. -->
  <xsl:variable name="h-seq-rtf">
    <xsl:for-each select="$h-mentions | $tf-texts//tei:pb">
      <xsl:choose>
        <xsl:when test="self::tei:pb"><h:pb n="{normalize-space(@n)}"/></xsl:when>
        <xsl:otherwise>
          <h:m g="{generate-id()}" id="m{position()}">
            <xsl:attribute name="r"><xsl:call-template name="h-ref-id"/></xsl:attribute>
          </h:m>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="h-seq" select="exsl:node-set($h-seq-rtf)/*"/>

  <!-- Pass 2: each mention with the page it stands on. -->
  <xsl:variable name="h-chunk" select="200"/>
  <xsl:variable name="h-table-rtf">
    <xsl:call-template name="h-pages">
      <xsl:with-param name="starts" select="$h-seq[position() mod $h-chunk = 1]"/>
      <xsl:with-param name="page" select="''"/>
    </xsl:call-template>
  </xsl:variable>
  <xsl:variable name="h-table" select="exsl:node-set($h-table-rtf)/h:m"/>
  <xsl:key name="h-m-g" match="h:m" use="@g"/>
  <xsl:key name="h-m-r" match="h:m" use="@r"/>

  <xsl:template name="h-pages">
    <xsl:param name="starts"/>
    <xsl:param name="page"/>
    <xsl:if test="$starts">
      <xsl:variable name="out-rtf">
        <xsl:apply-templates select="$starts[1]" mode="h-page">
          <xsl:with-param name="page" select="$page"/>
          <xsl:with-param name="left" select="$h-chunk"/>
        </xsl:apply-templates>
      </xsl:variable>
      <xsl:variable name="out" select="exsl:node-set($out-rtf)/*"/>
      <xsl:copy-of select="$out[self::h:m]"/>
      <xsl:call-template name="h-pages">
        <xsl:with-param name="starts" select="$starts[position() &gt; 1]"/>
        <xsl:with-param name="page" select="string($out[last()]/@p)"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="h:pb | h:m" mode="h-page">
    <xsl:param name="page"/>
    <xsl:param name="left"/>
    <xsl:variable name="now">
      <xsl:choose>
        <xsl:when test="self::h:pb"><xsl:value-of select="@n"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$page"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="self::h:pb"><h:pb p="{$now}"/></xsl:when>
      <xsl:otherwise><h:m g="{@g}" id="{@id}" r="{@r}" p="{$now}"/></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$left &gt; 1">
      <xsl:apply-templates select="following-sibling::*[1]" mode="h-page">
        <xsl:with-param name="page" select="$now"/>
        <xsl:with-param name="left" select="$left - 1"/>
      </xsl:apply-templates>
    </xsl:if>
  </xsl:template>

  <!-- The id of the context name when it is a mention, else nothing. -->
  <xsl:template name="h-mention-id">
    <xsl:variable name="g" select="generate-id()"/>
    <xsl:for-each select="$h-table[1]">
      <xsl:value-of select="key('h-m-g', $g)/@id"/>
    </xsl:for-each>
  </xsl:template>

  <!-- A record's normalised name: its name in the document's language that
       is not a variant or abbreviation, else its first plain name. -->
  <xsl:template name="h-record-name">
    <xsl:param name="rec" select="."/>
    <xsl:variable name="names" select="$rec/*[self::tei:persName or self::tei:orgName or self::tei:placeName or self::tei:name or self::tei:geogName or self::tei:placeName]"/>
    <xsl:variable name="plain" select="$names[not(@type = 'variant' or @type = 'abbreviation' or @type = 'alt')]"/>
    <xsl:variable name="best" select="($plain[lang($tf-ui-lang)][$tf-ui-lang != ''] | $plain[not($plain[lang($tf-ui-lang)][$tf-ui-lang != ''])] | $names[not($plain)])[1]"/>
    <xsl:call-template name="tf-plain"><xsl:with-param name="node" select="$best"/></xsl:call-template>
  </xsl:template>

  <!-- Kinds of record: list element, record element, label key. -->
  <xsl:variable name="h-kinds-rtf">
    <h:k list="listPerson" label="persons" id="index-persons"/>
    <h:k list="listOrg" label="orgs" id="index-orgs"/>
    <h:k list="listPlace" label="places" id="index-places"/>
  </xsl:variable>
  <xsl:variable name="h-kinds" select="exsl:node-set($h-kinds-rtf)/h:k"/>
  <xsl:variable name="h-records" select="/tei:TEI/tei:standOff//*[self::tei:listPerson or self::tei:listOrg or self::tei:listPlace]/*[self::tei:person or self::tei:personGrp or self::tei:org or self::tei:place][@xml:id]"/>

  <!-- The index: one section with a part per kind, entries sorted by name. -->
  <xsl:template name="h-index">
    <xsl:if test="$h-records">
      <section id="index" class="index" aria-labelledby="index-h">
        <h2 id="index-h"><xsl:call-template name="tf-label"><xsl:with-param name="k" select="'index'"/></xsl:call-template></h2>
        <xsl:for-each select="$h-kinds">
          <xsl:variable name="kind" select="."/>
          <xsl:variable name="recs" select="$h-records[local-name(..) = $kind/@list]"/>
          <xsl:if test="$recs">
            <h3 id="{@id}"><xsl:call-template name="tf-label"><xsl:with-param name="k" select="@label"/></xsl:call-template></h3>
            <ul class="entries {@list}">
              <xsl:for-each select="$recs">
                <xsl:sort select="translate(normalize-space(*[1]), $tf-upper, $tf-lower)"/>
                <xsl:call-template name="h-entry"/>
              </xsl:for-each>
            </ul>
          </xsl:if>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- One entry: normalised name, variants, authority links, mentions. -->
  <xsl:template name="h-entry">
    <xsl:variable name="rec" select="."/>
    <xsl:variable name="id" select="string(@xml:id)"/>
    <xsl:variable name="name"><xsl:call-template name="h-record-name"/></xsl:variable>
    <xsl:variable name="names" select="*[self::tei:persName or self::tei:orgName or self::tei:placeName or self::tei:name or self::tei:geogName]"/>
    <li id="ent-{$id}">
      <span class="ename"><xsl:value-of select="$name"/></span>
      <xsl:variable name="variants" select="$names[normalize-space() != $name]"/>
      <xsl:if test="$variants">
        <span class="variants">
          <xsl:text> (</xsl:text>
          <xsl:for-each select="$variants">
            <xsl:if test="position() &gt; 1">; </xsl:if>
            <span><xsl:call-template name="lang"/><xsl:call-template name="tf-plain"/></span>
          </xsl:for-each>
          <xsl:text>)</xsl:text>
        </span>
      </xsl:if>
      <xsl:for-each select="tei:idno[normalize-space()]">
        <xsl:variable name="v" select="normalize-space()"/>
        <xsl:variable name="t" select="translate(@type, 'WIKDATVF', 'wikdatvf')"/>
        <xsl:variable name="href">
          <xsl:choose>
            <xsl:when test="starts-with($v, 'http')"><xsl:value-of select="$v"/></xsl:when>
            <xsl:when test="$t = 'wikidata'"><xsl:value-of select="concat('https://www.wikidata.org/wiki/', $v)"/></xsl:when>
            <xsl:when test="$t = 'viaf'"><xsl:value-of select="concat('https://viaf.org/viaf/', $v)"/></xsl:when>
            <xsl:when test="$t = 'geonames'"><xsl:value-of select="concat('https://www.geonames.org/', $v)"/></xsl:when>
          </xsl:choose>
        </xsl:variable>
        <xsl:if test="$href != '' and not(contains($href, ' '))">
          <xsl:text> </xsl:text>
          <a class="idno" href="{$href}">
            <xsl:value-of select="concat(translate(substring($t, 1, 1), 'wvg', 'WVG'), substring($t, 2), ' ', $v)"/>
          </a>
        </xsl:if>
      </xsl:for-each>
      <!-- key() looks in the context node's document: the table's -->
      <xsl:for-each select="$h-table[1]">
      <xsl:variable name="ms" select="key('h-m-r', $id)"/>
      <xsl:if test="$ms">
        <xsl:text> — </xsl:text>
        <span class="mentions">
          <xsl:variable name="p"><xsl:call-template name="tf-label"><xsl:with-param name="k" select="'page'"/></xsl:call-template></xsl:variable>
          <xsl:for-each select="$ms">
            <xsl:if test="position() &gt; 1">, </xsl:if>
            <a href="#{@id}">
              <xsl:choose>
                <xsl:when test="@p != ''"><xsl:value-of select="concat($p, ' ', @p)"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="position()"/></xsl:otherwise>
              </xsl:choose>
            </a>
          </xsl:for-each>
        </span>
      </xsl:if>
      </xsl:for-each>
    </li>
  </xsl:template>
</xsl:stylesheet>
