<?xml version="1.0" encoding="UTF-8"?>
<!--
  gantt-print.xsl - the print view of a project's Gantt chart (GET /projects/CODE/gantt/print,
  page "gantt-print"): A3 or A4 landscape sheets, paginated by the server (cgi-bin/gantt.c), no
  script. Each sheet is a <section class="sheet"> with a header line (project, compared baseline,
  the sheet's dates, print time, page x/y) and its own chart drawn inline by gantt-draw.xsl: the
  name column and the time scale are on every sheet. static/print.css picks the paper with a
  named page (@page gantt-a3 / gantt-a4) and breaks after each sheet; on screen a toolbar links
  back to the project and to the other papers and scales.
  Model: <gantt-print project project-name paper scale baseline baseline-name pages rows-per-page
    slices tasks><sheet n rows-from rows-to slice start end><gantt …/></sheet>…</gantt-print>
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <xsl:template match="/page[@name='gantt-print']" mode="title">
    <xsl:value-of select="op:t('gantt.print.title', string(gantt-print/@project), string(gantt-print/@project-name))"/>
  </xsl:template>

  <xsl:template match="/page[@name='gantt-print']" mode="content">
    <xsl:for-each select="gantt-print">
      <xsl:variable name="base" select="concat('/projects/', @project)"/>
      <xsl:variable name="with-base">
        <xsl:if test="string(@baseline) != ''">
          <xsl:value-of select="concat('&amp;baseline=', @baseline)"/>
        </xsl:if>
      </xsl:variable>
      <xsl:variable name="time" select="op:t('gantt.print.time', op:time(string(/page/meta/@now)))"/>
      <xsl:variable name="scale-name" select="op:t(concat('gantt.scale.', @scale))"/>
      <div class="print-toolbar">
        <p class="actions">
          <a class="button" href="{$base}?scale={@scale}{$with-base}#gantt">
            <xsl:value-of select="op:t('gantt.print.back')"/>
          </a>
        </p>
        <p class="actions">
          <span class="label" id="print-paper-label"><xsl:value-of select="op:t('gantt.print.paper')"/></span>
          <xsl:text> </xsl:text>
          <span role="group" aria-labelledby="print-paper-label">
            <xsl:call-template name="gantt-print-link">
              <xsl:with-param name="href" select="concat($base, '/gantt/print?paper=a3&amp;scale=', @scale, $with-base)"/>
              <xsl:with-param name="current" select="@paper = 'a3'"/>
              <xsl:with-param name="text" select="op:t('gantt.print.paper.a3')"/>
            </xsl:call-template>
            <xsl:call-template name="gantt-print-link">
              <xsl:with-param name="href" select="concat($base, '/gantt/print?paper=a4&amp;scale=', @scale, $with-base)"/>
              <xsl:with-param name="current" select="@paper = 'a4'"/>
              <xsl:with-param name="text" select="op:t('gantt.print.paper.a4')"/>
            </xsl:call-template>
          </span>
          <xsl:text> </xsl:text>
          <span class="label" id="print-scale-label"><xsl:value-of select="op:t('gantt.scale')"/></span>
          <xsl:text> </xsl:text>
          <span role="group" aria-labelledby="print-scale-label">
            <xsl:call-template name="gantt-print-link">
              <xsl:with-param name="href" select="concat($base, '/gantt/print?paper=', @paper, '&amp;scale=day', $with-base)"/>
              <xsl:with-param name="current" select="@scale = 'day'"/>
              <xsl:with-param name="text" select="op:t('gantt.scale.day')"/>
            </xsl:call-template>
            <xsl:call-template name="gantt-print-link">
              <xsl:with-param name="href" select="concat($base, '/gantt/print?paper=', @paper, '&amp;scale=week', $with-base)"/>
              <xsl:with-param name="current" select="@scale = 'week'"/>
              <xsl:with-param name="text" select="op:t('gantt.scale.week')"/>
            </xsl:call-template>
            <xsl:call-template name="gantt-print-link">
              <xsl:with-param name="href" select="concat($base, '/gantt/print?paper=', @paper, '&amp;scale=month', $with-base)"/>
              <xsl:with-param name="current" select="@scale = 'month'"/>
              <xsl:with-param name="text" select="op:t('gantt.scale.month')"/>
            </xsl:call-template>
            <xsl:call-template name="gantt-print-link">
              <xsl:with-param name="href" select="concat($base, '/gantt/print?paper=', @paper, '&amp;scale=quarter', $with-base)"/>
              <xsl:with-param name="current" select="@scale = 'quarter'"/>
              <xsl:with-param name="text" select="op:t('gantt.scale.quarter')"/>
            </xsl:call-template>
          </span>
        </p>
        <p class="print-summary">
          <xsl:value-of select="op:t('gantt.print.summary', string(@pages), string(@rows-per-page), string(@slices))"/>
          <xsl:text> </xsl:text>
          <xsl:value-of select="op:t('gantt.print.hint')"/>
          <xsl:text> </xsl:text>
          <xsl:choose>
            <xsl:when test="@blank = '1'">
              <a href="{concat($base, '/gantt/print?paper=', @paper, '&amp;scale=', @scale, $with-base)}">
                <xsl:value-of select="op:t('gantt.print.blank_skip')"/>
              </a>
            </xsl:when>
            <xsl:when test="number(@pages) &lt; number(@blocks) * number(@slices)">
              <xsl:value-of select="op:t('gantt.print.blank_left_out', string(number(@blocks) * number(@slices) - number(@pages)))"/>
              <xsl:text> </xsl:text>
              <a href="{concat($base, '/gantt/print?paper=', @paper, '&amp;scale=', @scale, $with-base, '&amp;blank=1')}">
                <xsl:value-of select="op:t('gantt.print.blank_all')"/>
              </a>
            </xsl:when>
          </xsl:choose>
        </p>
      </div>
      <div class="gantt-sheets paper-{@paper}">
        <xsl:for-each select="sheet">
          <xsl:variable name="page" select="op:t('gantt.print.page', string(@n), string(../@pages))"/>
          <section class="sheet" aria-label="{$page}">
            <p class="sheet-head">
              <span class="sheet-project">
                <strong class="sheet-code"><xsl:value-of select="../@project"/></strong>
                <xsl:text> </xsl:text>
                <xsl:value-of select="../@project-name"/>
              </span>
              <xsl:if test="string(../@baseline) != ''">
                <span class="sheet-baseline">
                  <xsl:value-of select="op:t('gantt.print.baseline', string(../@baseline-name), string(../@baseline))"/>
                </span>
              </xsl:if>
              <span class="sheet-span">
                <xsl:value-of select="op:t('gantt.print.span', string(@start), string(@end), $scale-name)"/>
              </span>
              <span class="sheet-time"><xsl:value-of select="$time"/></span>
              <span class="sheet-page"><xsl:value-of select="$page"/></span>
            </p>
            <xsl:apply-templates select="gantt" mode="gantt-svg">
              <xsl:with-param name="idp" select="concat('s', @n, '-')"/>
            </xsl:apply-templates>
          </section>
        </xsl:for-each>
      </div>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="gantt-print-link">
    <xsl:param name="href"/>
    <xsl:param name="current"/>
    <xsl:param name="text"/>
    <a href="{$href}">
      <xsl:choose>
        <xsl:when test="$current">
          <xsl:attribute name="class">button small current</xsl:attribute>
          <xsl:attribute name="aria-current">true</xsl:attribute>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="class">button small</xsl:attribute>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:value-of select="$text"/>
    </a>
    <xsl:text> </xsl:text>
  </xsl:template>

</xsl:stylesheet>
