<?xml version="1.0" encoding="UTF-8"?>
<!--
  burndown.svg.xsl - a project's burndown (GET /projects/CODE/burndown?date=): remaining hours
  against the ideal line. burndown.c computes every coordinate; this sheet only draws. No style
  attribute and no script (the chart is an image).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/2000/svg"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <xsl:output method="xml" media-type="image/svg+xml" encoding="UTF-8" indent="no"/>

  <xsl:template match="/">
    <xsl:for-each select="page/burndown">
      <svg width="{@width}" height="{@height}" viewBox="0 0 {@width} {@height}"
           font-family="'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif" font-size="12">
        <title><xsl:value-of select="op:t('burndown.title', string(@project), string(@date))"/></title>
        <rect x="0" y="0" width="{@width}" height="{@height}" fill="#ffffff"/>
        <text x="12" y="20" font-size="14" font-weight="bold">
          <xsl:value-of select="concat(@project, ' ', @project-name)"/>
        </text>
        <!-- grid and axes -->
        <xsl:variable name="l" select="@left"/>
        <xsl:variable name="r" select="@right"/>
        <xsl:variable name="b" select="@bottom"/>
        <xsl:variable name="t" select="@top"/>
        <xsl:for-each select="ytick">
          <line x1="{$l}" y1="{@y}" x2="{$r}" y2="{@y}" stroke="#e3e6ea" stroke-width="1"/>
          <text x="{$l - 6}" y="{@y + 4}" text-anchor="end" fill="#555555"><xsl:value-of select="@label"/></text>
        </xsl:for-each>
        <xsl:for-each select="xtick">
          <line x1="{@x}" y1="{$b}" x2="{@x}" y2="{$b + 5}" stroke="#555555" stroke-width="1"/>
          <text x="{@x}" y="{$b + 18}" text-anchor="middle" fill="#555555"><xsl:value-of select="@label"/></text>
        </xsl:for-each>
        <line x1="{$l}" y1="{$t}" x2="{$l}" y2="{$b}" stroke="#333333" stroke-width="1"/>
        <line x1="{$l}" y1="{$b}" x2="{$r}" y2="{$b}" stroke="#333333" stroke-width="1"/>
        <text x="{$l + 6}" y="{$t + 12}" fill="#555555"><xsl:value-of select="op:t('burndown.hours')"/></text>
        <!-- lines -->
        <polyline points="{@ideal}" fill="none" stroke="#7a8794" stroke-width="2" stroke-dasharray="6 4"/>
        <polyline points="{@actual}" fill="none" stroke="#1d5fa3" stroke-width="2.5"/>
        <xsl:if test="@date-x">
          <line x1="{@date-x}" y1="{$t}" x2="{@date-x}" y2="{$b}" stroke="#c62828" stroke-width="1" stroke-dasharray="3 3"/>
          <text x="{@date-x + 4}" y="{$t + 12}" fill="#c62828">
            <xsl:value-of select="op:t('burndown.status', string(@date), string(@remaining))"/>
          </text>
        </xsl:if>
        <!-- legend -->
        <xsl:variable name="ly" select="@height - 14"/>
        <line x1="{$l}" y1="{$ly - 4}" x2="{$l + 30}" y2="{$ly - 4}" stroke="#1d5fa3" stroke-width="2.5"/>
        <text x="{$l + 36}" y="{$ly}"><xsl:value-of select="op:t('burndown.actual')"/></text>
        <line x1="{$l + 200}" y1="{$ly - 4}" x2="{$l + 230}" y2="{$ly - 4}" stroke="#7a8794" stroke-width="2" stroke-dasharray="6 4"/>
        <text x="{$l + 236}" y="{$ly}"><xsl:value-of select="op:t('burndown.ideal', string(@total))"/></text>
      </svg>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
