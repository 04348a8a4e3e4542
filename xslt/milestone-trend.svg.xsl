<?xml version="1.0" encoding="UTF-8"?>
<!--
  milestone-trend.svg.xsl - a project's milestone trend chart (GET
  /projects/CODE/milestone-trend.svg?date=): x the report date, y the milestone's scheduled date on
  it, one line per milestone with a marker per report date (shape and colour from the model, so
  lines differ in print too), the diagonal where a line ends when its milestone is reached, and a
  legend naming each milestone (WBS and name, its date, its slip in working days). cgi-bin/trend.c
  computes every coordinate; this sheet only draws. No style attribute and no script.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/2000/svg"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <xsl:output method="xml" media-type="image/svg+xml" encoding="UTF-8" indent="no"/>

  <!-- one marker: shape circle, square or triangle centred on x, y -->
  <xsl:template name="marker">
    <xsl:param name="x"/>
    <xsl:param name="y"/>
    <xsl:param name="shape"/>
    <xsl:param name="color"/>
    <xsl:choose>
      <xsl:when test="$shape = 'square'">
        <rect x="{$x - 3.5}" y="{$y - 3.5}" width="7" height="7" fill="{$color}"/>
      </xsl:when>
      <xsl:when test="$shape = 'triangle'">
        <polygon points="{$x},{$y - 4.5} {$x + 4.5},{$y + 3.5} {$x - 4.5},{$y + 3.5}" fill="{$color}"/>
      </xsl:when>
      <xsl:otherwise>
        <circle cx="{$x}" cy="{$y}" r="4" fill="{$color}"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="/">
    <xsl:for-each select="page/milestone-trend">
      <svg width="{@width}" height="{@height}" viewBox="0 0 {@width} {@height}"
           font-family="'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif" font-size="12">
        <title><xsl:value-of select="op:t('trend.title', string(@project), string(@date))"/></title>
        <rect x="0" y="0" width="{@width}" height="{@height}" fill="#ffffff"/>
        <text x="12" y="20" font-size="14" font-weight="bold">
          <xsl:value-of select="concat(@project, ' ', @project-name)"/>
        </text>
        <xsl:variable name="l" select="@left"/>
        <xsl:variable name="r" select="@right"/>
        <xsl:variable name="b" select="@bottom"/>
        <xsl:variable name="t" select="@top"/>
        <!-- grid, axes and their labels -->
        <xsl:for-each select="ytick">
          <line x1="{$l}" y1="{@y}" x2="{$r}" y2="{@y}" stroke="#e3e6ea" stroke-width="1"/>
          <text x="{$l - 6}" y="{@y + 4}" text-anchor="end" fill="#555555"><xsl:value-of select="@label"/></text>
        </xsl:for-each>
        <xsl:for-each select="xtick">
          <line x1="{@x}" y1="{$t}" x2="{@x}" y2="{$b}" stroke="#f0f2f4" stroke-width="1"/>
          <text x="{@x}" y="{$b + 30}" text-anchor="middle" fill="#555555"><xsl:value-of select="@label"/></text>
        </xsl:for-each>
        <!-- the report dates, as ticks under the axis -->
        <xsl:for-each select="report">
          <line class="report" x1="{@x}" y1="{$b}" x2="{@x}" y2="{$b + 8}" stroke="#333333" stroke-width="1.5"/>
        </xsl:for-each>
        <line x1="{$l}" y1="{$t}" x2="{$l}" y2="{$b}" stroke="#333333" stroke-width="1"/>
        <line x1="{$l}" y1="{$b}" x2="{$r}" y2="{$b}" stroke="#333333" stroke-width="1"/>
        <text x="{$l + 6}" y="{$t - 8}" fill="#555555"><xsl:value-of select="op:t('trend.y_axis')"/></text>
        <text x="{$r}" y="{$b + 46}" text-anchor="end" fill="#555555"><xsl:value-of select="op:t('trend.x_axis')"/></text>
        <!-- the diagonal: report date = milestone date -->
        <line class="diagonal" x1="{@diag-x1}" y1="{@diag-y1}" x2="{@diag-x2}" y2="{@diag-y2}"
              stroke="#7a8794" stroke-width="1.5" stroke-dasharray="6 4"/>
        <!-- the status date -->
        <line x1="{@date-x}" y1="{$t}" x2="{@date-x}" y2="{$b}" stroke="#c62828" stroke-width="1" stroke-dasharray="3 3"/>
        <!-- below the diagonal, where no line runs -->
        <text x="{@date-x + 4}" y="{$b - 6}" fill="#c62828">
          <xsl:value-of select="op:t('trend.status', string(@date))"/>
        </text>
        <xsl:if test="not(milestone)">
          <text x="{($l + $r) div 2}" y="{($t + $b) div 2}" text-anchor="middle" fill="#555555">
            <xsl:value-of select="op:t('trend.none', string(@date))"/>
          </text>
        </xsl:if>
        <!-- one line per milestone, a marker per report date -->
        <xsl:for-each select="milestone">
          <xsl:variable name="shape" select="string(@shape)"/>
          <xsl:variable name="color" select="string(@color)"/>
          <g class="milestone">
            <title><xsl:value-of select="concat(@wbs, ' ', @name)"/></title>
            <polyline points="{@points}" fill="none" stroke="{$color}" stroke-width="2"/>
            <xsl:for-each select="point">
              <xsl:call-template name="marker">
                <xsl:with-param name="x" select="@x"/>
                <xsl:with-param name="y" select="@y"/>
                <xsl:with-param name="shape" select="$shape"/>
                <xsl:with-param name="color" select="$color"/>
              </xsl:call-template>
            </xsl:for-each>
          </g>
        </xsl:for-each>
        <!-- legend: the diagonal, then each milestone -->
        <xsl:variable name="ly" select="@legend"/>
        <line x1="{$l}" y1="{$ly - 4}" x2="{$l + 30}" y2="{$ly - 4}" stroke="#7a8794" stroke-width="1.5" stroke-dasharray="6 4"/>
        <text x="{$l + 40}" y="{$ly}"><xsl:value-of select="op:t('trend.diagonal')"/></text>
        <xsl:for-each select="milestone">
          <line x1="{$l}" y1="{@legend-y - 4}" x2="{$l + 30}" y2="{@legend-y - 4}" stroke="{@color}" stroke-width="2"/>
          <xsl:call-template name="marker">
            <xsl:with-param name="x" select="$l + 15"/>
            <xsl:with-param name="y" select="@legend-y - 4"/>
            <xsl:with-param name="shape" select="string(@shape)"/>
            <xsl:with-param name="color" select="string(@color)"/>
          </xsl:call-template>
          <text class="legend" x="{$l + 40}" y="{@legend-y}">
            <xsl:value-of select="concat(@wbs, ' ', @name)"/>
            <xsl:text>  </xsl:text>
            <xsl:choose>
              <xsl:when test="@slip &gt; 0">
                <xsl:value-of select="op:t('trend.slipped', string(@current), string(@slip))"/>
              </xsl:when>
              <xsl:when test="@slip &lt; 0">
                <xsl:value-of select="op:t('trend.earlier', string(@current), string(-@slip))"/>
              </xsl:when>
              <xsl:otherwise>
                <xsl:value-of select="op:t('trend.unchanged', string(@current))"/>
              </xsl:otherwise>
            </xsl:choose>
            <xsl:if test="@reached = '1'">
              <xsl:text> </xsl:text>
              <xsl:value-of select="op:t('trend.reached')"/>
            </xsl:if>
          </text>
        </xsl:for-each>
        <xsl:for-each select="more">
          <text x="{$l}" y="{@y}" fill="#555555"><xsl:value-of select="op:t('trend.more', string(@count))"/></text>
        </xsl:for-each>
      </svg>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
