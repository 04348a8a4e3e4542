<?xml version="1.0" encoding="UTF-8"?>
<!--
  gantt-draw.xsl - draws one Gantt chart as SVG: the template in mode "gantt-svg" for a <gantt>
  element. Included by gantt.svg.xsl (GET /projects/CODE/gantt, the chart as an image) and by
  site.xsl for pages/gantt-print.xsl (GET /projects/CODE/gantt/print, one chart per printed sheet,
  inline in the HTML page; param idp keeps each chart's ids apart).
  Model (cgi-bin/gantt.c, src/gantt.c): <gantt project project-name scale start end today today-x
  label-width row-height header-height width height px-per-day baseline baseline-name>
    <col x w date off weekday/>…  one per calendar day (off="1": weekend or holiday)
    <tick x label major/>…        the scale's labels, chosen in C
    <task row id wbs depth summary milestone critical percent name owner-name start finish
          x w y base-x base-w has-base overdue/>…   in row order; y = header-height + row*row-height
    <link from to type critical from-milestone to-milestone x1 y1 x2 y2/>…   from/to are rows
  </gantt>
  All geometry is computed in C, in pixels; x of tasks, ticks, columns and links is relative to the
  chart area, which starts at label-width (a printed slice's bars may start left of it or end
  right of it: the chart area clips them). This sheet only draws: one pass per layer (row stripes,
  day shading, grid, header, labels, today line, bars, links, legend), no searching.

  Rules (security.md 2.3): the SVG is served under the same CSP as the pages, so everything is
  drawn with presentation attributes (fill, stroke, font-weight, …); no style attribute or element,
  no script, output escaping never disabled. Every visible string comes from op:t.
  The critical path is red AND hatched (pattern "crit") so it stays visible in greyscale prints.
  Names here are prefixed (gc-, gleg-, gantt-) because site.xsl shares one namespace of variables
  and named templates with every page sheet.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    xmlns="http://www.w3.org/2000/svg"
    exclude-result-prefixes="op">

  <!-- Colours -->
  <xsl:variable name="gc-bar" select="'#5b9bd5'"/>
  <xsl:variable name="gc-bar-done" select="'#1f5f9e'"/>
  <xsl:variable name="gc-bar-line" select="'#2e6da4'"/>
  <xsl:variable name="gc-crit" select="'#e0534f'"/>
  <xsl:variable name="gc-crit-done" select="'#9e1f1b'"/>
  <xsl:variable name="gc-crit-line" select="'#7a1512'"/>
  <xsl:variable name="gc-summary" select="'#222222'"/>
  <xsl:variable name="gc-base" select="'#9a9a9a'"/>
  <xsl:variable name="gc-today" select="'#d32f2f'"/>
  <xsl:variable name="gc-link" select="'#5a6470'"/>
  <xsl:variable name="gc-grid" select="'#e3e6ea'"/>
  <xsl:variable name="gc-grid-major" select="'#b9c0c8'"/>
  <xsl:variable name="gc-head" select="'#f3f5f8'"/>
  <xsl:variable name="gc-rule" select="'#c5ccd4'"/>
  <xsl:variable name="gc-muted" select="'#6b7580'"/>
  <!-- Legend: item width and line height -->
  <xsl:variable name="gleg-w" select="175"/>
  <xsl:variable name="gleg-h" select="18"/>

  <xsl:template match="gantt" mode="gantt-svg">
    <!-- a prefix for the ids of this chart: several charts share one HTML page -->
    <xsl:param name="idp" select="''"/>
    <xsl:variable name="lw" select="number(@label-width)"/>
    <xsl:variable name="rh" select="number(@row-height)"/>
    <xsl:variable name="hh" select="number(@header-height)"/>
    <xsl:variable name="W" select="number(@width)"/>
    <xsl:variable name="n" select="count(task)"/>
    <!-- the bottom of the last row (at least one row, for the "no tasks" line) -->
    <xsl:variable name="rows-bottom" select="$hh + $rh * ($n + number($n = 0))"/>
    <xsl:variable name="cw" select="$W - $lw"/>
    <!-- bar geometry within a row: the bar, then the baseline bar just under it -->
    <xsl:variable name="bt" select="round($rh * 2) div 10"/>
    <xsl:variable name="bh" select="round($rh * 5.5) div 10"/>
    <xsl:variable name="bb" select="round($rh * 8) div 10"/>
    <xsl:variable name="bbh" select="round($rh * 1.4) div 10"/>
    <xsl:variable name="sh" select="round($rh * 3) div 10"/>
    <xsl:variable name="ds" select="round($bh * 5 + 10) div 10"/>
    <xsl:variable name="text-dy" select="round($rh * 5 + 40) div 10"/>
    <!-- legend: items per line, lines, total height -->
    <xsl:variable name="has-base" select="string(@baseline) != ''"/>
    <xsl:variable name="leg-n" select="7 + number($has-base)"/>
    <xsl:variable name="leg-per">
      <xsl:choose>
        <xsl:when test="floor(($W - 12) div $gleg-w) &lt; 1">1</xsl:when>
        <xsl:otherwise><xsl:value-of select="floor(($W - 12) div $gleg-w)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="leg-top" select="$rows-bottom + 8"/>
    <xsl:variable name="need-h" select="$leg-top + ceiling($leg-n div $leg-per) * $gleg-h + 6"/>
    <xsl:variable name="H">
      <xsl:choose>
        <xsl:when test="number(@height) &gt;= $need-h"><xsl:value-of select="@height"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$need-h"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>

    <svg width="{$W}" height="{$H}" viewBox="0 0 {$W} {$H}"
        font-family="'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif" font-size="12">
      <title><xsl:value-of select="op:t('gantt.title', string(@project), string(@project-name))"/></title>
      <defs>
        <pattern id="{$idp}crit" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect x="0" y="0" width="2.5" height="6" fill="#ffffff" fill-opacity="0.55"/>
        </pattern>
        <marker id="{$idp}arrow" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="7" markerHeight="7"
            markerUnits="userSpaceOnUse" orient="auto">
          <path d="M0,0 L8,4 L0,8 Z" fill="{$gc-link}"/>
        </marker>
        <marker id="{$idp}arrow-crit" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="8" markerHeight="8"
            markerUnits="userSpaceOnUse" orient="auto">
          <path d="M0,0 L8,4 L0,8 Z" fill="{$gc-today}"/>
        </marker>
        <pattern id="{$idp}stripes" x="0" y="{$hh}" width="16" height="{2 * $rh}" patternUnits="userSpaceOnUse">
          <rect x="0" y="{$rh}" width="16" height="{$rh}" fill="#f6f8fb"/>
        </pattern>
        <clipPath id="{$idp}label-clip">
          <rect x="0" y="0" width="{$lw - 6}" height="{$H}"/>
        </clipPath>
        <!-- the chart area: bars and links of a print page's slice end at its edges -->
        <clipPath id="{$idp}chart-clip">
          <rect x="{$lw}" y="{$hh}" width="{$cw}" height="{$rows-bottom - $hh}"/>
        </clipPath>
      </defs>

      <rect x="0" y="0" width="{$W}" height="{$H}" fill="#ffffff"/>

      <!-- row stripes: every other row, as one pattern-filled rect -->
      <rect x="0" y="{$hh}" width="{$W}" height="{$rows-bottom - $hh}" fill="url(#{$idp}stripes)"/>

      <!-- weekends and holidays (hairline columns are left out at the coarse scales) -->
      <g fill="#4a5a6a" fill-opacity="0.09">
        <xsl:choose>
          <xsl:when test="@scale = 'month' or @scale = 'quarter'">
            <xsl:for-each select="col[@off = '1' and @w &gt;= 2]">
              <rect x="{$lw + @x}" y="{$hh}" width="{@w}" height="{$rows-bottom - $hh}"/>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise>
            <xsl:for-each select="col[@off = '1']">
              <rect x="{$lw + @x}" y="{$hh}" width="{@w}" height="{$rows-bottom - $hh}"/>
            </xsl:for-each>
          </xsl:otherwise>
        </xsl:choose>
      </g>

      <!-- header band -->
      <rect x="0" y="0" width="{$W}" height="{$hh}" fill="{$gc-head}"/>

      <!-- grid: a line per tick through the rows and the lower header band -->
      <g stroke-width="1">
        <xsl:for-each select="tick">
          <xsl:variable name="x" select="$lw + @x + 0.5"/>
          <line x1="{$x}" y1="{$hh div 2}" x2="{$x}" y2="{$rows-bottom}">
            <xsl:attribute name="stroke">
              <xsl:choose>
                <xsl:when test="@major = '1'"><xsl:value-of select="$gc-grid-major"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="$gc-grid"/></xsl:otherwise>
              </xsl:choose>
            </xsl:attribute>
          </line>
        </xsl:for-each>
      </g>

      <!-- upper header band: the month (day and week scales) or the year (month and quarter
           scales) that the ticks below belong to, from the day columns' dates -->
      <g>
        <xsl:variable name="ppd" select="number(@px-per-day)"/>
        <xsl:choose>
          <xsl:when test="@scale = 'day' or @scale = 'week'">
            <xsl:for-each select="col[1]">
              <!-- the first column's month only when its label fits before the next month's -->
              <xsl:if test="substring(@date, 9, 2) != '01' and (32 - substring(@date, 9, 2)) * $ppd &gt;= 56">
                <text x="{$lw + @x + 4}" y="{$hh div 2 - 7}" fill="{$gc-muted}"><xsl:value-of select="substring(@date, 1, 7)"/></text>
              </xsl:if>
            </xsl:for-each>
            <xsl:for-each select="col[substring(@date, 9, 2) = '01']">
              <line x1="{$lw + @x + 0.5}" y1="0" x2="{$lw + @x + 0.5}" y2="{$hh div 2}" stroke="{$gc-grid-major}"/>
              <text x="{$lw + @x + 4}" y="{$hh div 2 - 7}" font-weight="bold"><xsl:value-of select="substring(@date, 1, 7)"/></text>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise>
            <xsl:for-each select="col[1][substring(@date, 6, 5) != '01-01']">
              <text x="{$lw + @x + 4}" y="{$hh div 2 - 7}" fill="{$gc-muted}"><xsl:value-of select="substring(@date, 1, 4)"/></text>
            </xsl:for-each>
            <xsl:for-each select="col[substring(@date, 6, 5) = '01-01']">
              <line x1="{$lw + @x + 0.5}" y1="0" x2="{$lw + @x + 0.5}" y2="{$hh div 2}" stroke="{$gc-grid-major}"/>
              <text x="{$lw + @x + 4}" y="{$hh div 2 - 7}" font-weight="bold"><xsl:value-of select="substring(@date, 1, 4)"/></text>
            </xsl:for-each>
          </xsl:otherwise>
        </xsl:choose>
      </g>

      <!-- lower header band: the tick labels; at the day scale only the day of the month
           (the month is in the band above and a whole date does not fit a day's width) -->
      <g fill="#333333">
        <xsl:choose>
          <xsl:when test="@scale = 'day'">
            <xsl:for-each select="tick">
              <text x="{$lw + @x + 3}" y="{$hh - 7}">
                <xsl:if test="@major = '1'"><xsl:attribute name="font-weight">bold</xsl:attribute></xsl:if>
                <xsl:value-of select="substring(@label, string-length(@label) - 1)"/>
              </text>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise>
            <xsl:for-each select="tick">
              <text x="{$lw + @x + 4}" y="{$hh - 7}">
                <xsl:if test="@major = '1'"><xsl:attribute name="font-weight">bold</xsl:attribute></xsl:if>
                <xsl:value-of select="@label"/>
              </text>
            </xsl:for-each>
          </xsl:otherwise>
        </xsl:choose>
      </g>

      <!-- header rules and the label column's edge -->
      <line x1="{$lw}" y1="{$hh div 2 + 0.5}" x2="{$W}" y2="{$hh div 2 + 0.5}" stroke="{$gc-rule}"/>
      <line x1="0" y1="{$hh - 0.5}" x2="{$W}" y2="{$hh - 0.5}" stroke="{$gc-rule}"/>
      <line x1="{$lw - 0.5}" y1="0" x2="{$lw - 0.5}" y2="{$rows-bottom}" stroke="{$gc-rule}"/>
      <line x1="0" y1="{$rows-bottom + 0.5}" x2="{$W}" y2="{$rows-bottom + 0.5}" stroke="{$gc-rule}"/>

      <!-- label column: the project, the column title, then WBS number and name per row -->
      <g clip-path="url(#{$idp}label-clip)">
        <text x="6" y="{$hh div 2 - 7}" font-weight="bold">
          <xsl:value-of select="@project"/>
          <xsl:text> </xsl:text>
          <xsl:value-of select="@project-name"/>
        </text>
        <text x="6" y="{$hh - 7}" fill="{$gc-muted}"><xsl:value-of select="op:t('gantt.col_task')"/></text>
        <xsl:for-each select="task">
          <text x="{6 + @depth * 14}" y="{@y + $text-dy}">
            <xsl:if test="@summary = '1'"><xsl:attribute name="font-weight">bold</xsl:attribute></xsl:if>
            <tspan fill="{$gc-muted}"><xsl:value-of select="@wbs"/></tspan>
            <xsl:text> </xsl:text>
            <xsl:if test="@milestone = '1'"><xsl:value-of select="op:t('task.milestone.mark')"/><xsl:text> </xsl:text></xsl:if>
            <xsl:value-of select="@name"/>
          </text>
        </xsl:for-each>
      </g>
      <xsl:if test="$n = 0">
        <text x="{$lw + 8}" y="{$hh + $text-dy}" fill="{$gc-muted}"><xsl:value-of select="op:t('gantt.no_tasks')"/></text>
      </xsl:if>

      <!-- today -->
      <xsl:if test="number(@today-x) &gt;= 0 and number(@today-x) &lt;= $cw">
        <xsl:variable name="tx" select="$lw + @today-x"/>
        <line x1="{$tx}" y1="{$hh div 2}" x2="{$tx}" y2="{$rows-bottom}" stroke="{$gc-today}"
            stroke-width="1.5" stroke-dasharray="5 3"/>
        <xsl:variable name="anchor">
          <xsl:choose>
            <xsl:when test="@today-x &lt; 60">start</xsl:when>
            <xsl:when test="@today-x &gt; $cw - 60">end</xsl:when>
            <xsl:otherwise>middle</xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <text x="{$tx}" y="{$hh div 2 - 7}" text-anchor="{$anchor}" fill="{$gc-today}" font-weight="bold"
            stroke="{$gc-head}" stroke-width="3" paint-order="stroke">
          <xsl:value-of select="op:t('gantt.today', string(@today))"/>
        </text>
      </xsl:if>

      <!-- bars: one group per dated task, with a tooltip -->
      <g clip-path="url(#{$idp}chart-clip)">
        <xsl:for-each select="task[@start != '']">
          <xsl:variable name="x" select="$lw + @x"/>
          <xsl:variable name="top" select="@y + $bt"/>
          <g>
            <title>
              <xsl:value-of select="concat(@wbs, ' ', @name)"/>
              <xsl:text>&#10;</xsl:text>
              <xsl:value-of select="op:t('gantt.tip', string(@start), string(@finish), string(@percent))"/>
              <xsl:if test="string(@owner-name) != ''">
                <xsl:text>&#10;</xsl:text>
                <xsl:value-of select="op:t('gantt.tip_owner', string(@owner-name))"/>
              </xsl:if>
              <xsl:if test="@critical = '1'">
                <xsl:text>&#10;</xsl:text>
                <xsl:value-of select="op:t('task.critical')"/>
              </xsl:if>
              <xsl:if test="@overdue = '1'">
                <xsl:text>&#10;</xsl:text>
                <xsl:value-of select="op:t('gantt.overdue')"/>
              </xsl:if>
            </title>
            <!-- the baseline, under the bar -->
            <xsl:if test="@has-base = '1'">
              <xsl:choose>
                <xsl:when test="@milestone = '1'">
                  <xsl:variable name="bx" select="$lw + @base-x"/>
                  <xsl:variable name="by" select="@y + $bb + $bbh div 2"/>
                  <polygon points="{$bx},{$by - 3} {$bx + 3},{$by} {$bx},{$by + 3} {$bx - 3},{$by}" fill="{$gc-base}"/>
                </xsl:when>
                <xsl:otherwise>
                  <rect x="{$lw + @base-x}" y="{@y + $bb}" width="{@base-w}" height="{$bbh}" fill="{$gc-base}"/>
                </xsl:otherwise>
              </xsl:choose>
            </xsl:if>
            <xsl:choose>
              <xsl:when test="@milestone = '1'">
                <xsl:call-template name="gantt-milestone">
          <xsl:with-param name="idp" select="$idp"/>
                  <xsl:with-param name="x" select="$x"/>
                  <xsl:with-param name="cy" select="$top + $bh div 2"/>
                  <xsl:with-param name="s" select="$ds"/>
                  <xsl:with-param name="critical" select="@critical = '1'"/>
                </xsl:call-template>
              </xsl:when>
              <xsl:when test="@summary = '1'">
                <xsl:call-template name="gantt-summary">
          <xsl:with-param name="idp" select="$idp"/>
                  <xsl:with-param name="x" select="$x"/>
                  <xsl:with-param name="w" select="number(@w)"/>
                  <xsl:with-param name="top" select="$top"/>
                  <xsl:with-param name="h" select="$sh"/>
                </xsl:call-template>
              </xsl:when>
              <xsl:otherwise>
                <xsl:call-template name="gantt-bar">
          <xsl:with-param name="idp" select="$idp"/>
                  <xsl:with-param name="x" select="$x"/>
                  <xsl:with-param name="w" select="number(@w)"/>
                  <xsl:with-param name="top" select="$top"/>
                  <xsl:with-param name="h" select="$bh"/>
                  <xsl:with-param name="percent" select="number(@percent)"/>
                  <xsl:with-param name="critical" select="@critical = '1'"/>
                </xsl:call-template>
              </xsl:otherwise>
            </xsl:choose>
            <!-- after the bar (clear of a link's first 6px): "!" when overdue, then the milestone's
                 date or the owner -->
            <xsl:variable name="after" select="$x + @w + number(@milestone = '1') * $ds + 10"/>
            <xsl:variable name="ty" select="@y + $text-dy"/>
            <xsl:if test="@overdue = '1'">
              <text x="{$after}" y="{$ty}" fill="{$gc-today}" font-weight="bold">!</text>
            </xsl:if>
            <xsl:choose>
              <xsl:when test="@milestone = '1'">
                <text x="{$after + number(@overdue = '1') * 9}" y="{$ty}" fill="{$gc-muted}" font-size="11">
                  <xsl:value-of select="substring(@start, 6)"/>
                </text>
              </xsl:when>
              <xsl:when test="@summary != '1' and @owner-name != ''">
                <text x="{$after + number(@overdue = '1') * 9}" y="{$ty}" fill="{$gc-muted}" font-size="11">
                  <xsl:value-of select="@owner-name"/>
                </text>
              </xsl:when>
            </xsl:choose>
          </g>
        </xsl:for-each>
      </g>

      <!-- links: right (or left, from a start) 6px, down or up, then into the target; when the
           target end lies behind that, around through the gap above or below the target's row -->
      <g fill="none" clip-path="url(#{$idp}chart-clip)">
        <xsl:for-each select="link">
          <xsl:variable name="sd" select="1 - 2 * number(@type = 'SS' or @type = 'SF')"/>
          <xsl:variable name="td" select="1 - 2 * number(@type = 'FF' or @type = 'SF')"/>
          <!-- a milestone's end is the tip of its diamond, not its centre -->
          <xsl:variable name="x1" select="$lw + @x1 + $sd * $ds * number(@from-milestone = '1')"/>
          <xsl:variable name="x2" select="$lw + @x2 - $td * $ds * number(@to-milestone = '1')"/>
          <xsl:variable name="y1" select="number(@y1)"/>
          <xsl:variable name="y2" select="number(@y2)"/>
          <xsl:variable name="ax" select="$x1 + 6 * $sd"/>
          <polyline>
            <xsl:attribute name="points">
              <xsl:value-of select="concat($x1, ',', $y1, ' ', $ax, ',', $y1, ' ')"/>
              <xsl:choose>
                <xsl:when test="($x2 - $ax) * $td &gt;= 5">
                  <xsl:value-of select="concat($ax, ',', $y2, ' ')"/>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:variable name="ym" select="$y2 - ($rh div 2) * (1 - 2 * number($y2 &lt; $y1))"/>
                  <xsl:variable name="bx" select="$x2 - 8 * $td"/>
                  <xsl:value-of select="concat($ax, ',', $ym, ' ', $bx, ',', $ym, ' ', $bx, ',', $y2, ' ')"/>
                </xsl:otherwise>
              </xsl:choose>
              <xsl:value-of select="concat($x2, ',', $y2)"/>
            </xsl:attribute>
            <xsl:choose>
              <xsl:when test="@critical = '1'">
                <xsl:attribute name="stroke"><xsl:value-of select="$gc-today"/></xsl:attribute>
                <xsl:attribute name="stroke-width">1.5</xsl:attribute>
                <xsl:attribute name="marker-end"><xsl:value-of select="concat('url(#', $idp, 'arrow-crit)')"/></xsl:attribute>
              </xsl:when>
              <xsl:otherwise>
                <xsl:attribute name="stroke"><xsl:value-of select="$gc-link"/></xsl:attribute>
                <xsl:attribute name="stroke-width">1</xsl:attribute>
                <xsl:attribute name="marker-end"><xsl:value-of select="concat('url(#', $idp, 'arrow)')"/></xsl:attribute>
              </xsl:otherwise>
            </xsl:choose>
          </polyline>
        </xsl:for-each>
      </g>

      <!-- legend -->
      <g>
        <xsl:call-template name="gantt-legend-item">
          <xsl:with-param name="idp" select="$idp"/>
          <xsl:with-param name="i" select="0"/>
          <xsl:with-param name="per" select="$leg-per"/>
          <xsl:with-param name="top" select="$leg-top"/>
          <xsl:with-param name="kind" select="'normal'"/>
          <xsl:with-param name="text" select="op:t('gantt.legend.normal')"/>
        </xsl:call-template>
        <xsl:call-template name="gantt-legend-item">
          <xsl:with-param name="idp" select="$idp"/>
          <xsl:with-param name="i" select="1"/>
          <xsl:with-param name="per" select="$leg-per"/>
          <xsl:with-param name="top" select="$leg-top"/>
          <xsl:with-param name="kind" select="'critical'"/>
          <xsl:with-param name="text" select="op:t('gantt.legend.critical')"/>
        </xsl:call-template>
        <xsl:call-template name="gantt-legend-item">
          <xsl:with-param name="idp" select="$idp"/>
          <xsl:with-param name="i" select="2"/>
          <xsl:with-param name="per" select="$leg-per"/>
          <xsl:with-param name="top" select="$leg-top"/>
          <xsl:with-param name="kind" select="'summary'"/>
          <xsl:with-param name="text" select="op:t('gantt.legend.summary')"/>
        </xsl:call-template>
        <xsl:call-template name="gantt-legend-item">
          <xsl:with-param name="idp" select="$idp"/>
          <xsl:with-param name="i" select="3"/>
          <xsl:with-param name="per" select="$leg-per"/>
          <xsl:with-param name="top" select="$leg-top"/>
          <xsl:with-param name="kind" select="'milestone'"/>
          <xsl:with-param name="text" select="op:t('gantt.legend.milestone')"/>
        </xsl:call-template>
        <xsl:call-template name="gantt-legend-item">
          <xsl:with-param name="idp" select="$idp"/>
          <xsl:with-param name="i" select="4"/>
          <xsl:with-param name="per" select="$leg-per"/>
          <xsl:with-param name="top" select="$leg-top"/>
          <xsl:with-param name="kind" select="'link'"/>
          <xsl:with-param name="text" select="op:t('gantt.legend.link')"/>
        </xsl:call-template>
        <xsl:call-template name="gantt-legend-item">
          <xsl:with-param name="idp" select="$idp"/>
          <xsl:with-param name="i" select="5"/>
          <xsl:with-param name="per" select="$leg-per"/>
          <xsl:with-param name="top" select="$leg-top"/>
          <xsl:with-param name="kind" select="'today'"/>
          <xsl:with-param name="text" select="op:t('gantt.legend.today')"/>
        </xsl:call-template>
        <xsl:call-template name="gantt-legend-item">
          <xsl:with-param name="idp" select="$idp"/>
          <xsl:with-param name="i" select="6"/>
          <xsl:with-param name="per" select="$leg-per"/>
          <xsl:with-param name="top" select="$leg-top"/>
          <xsl:with-param name="kind" select="'overdue'"/>
          <xsl:with-param name="text" select="op:t('gantt.legend.overdue')"/>
        </xsl:call-template>
        <xsl:if test="$has-base">
          <xsl:call-template name="gantt-legend-item">
          <xsl:with-param name="idp" select="$idp"/>
            <xsl:with-param name="i" select="7"/>
            <xsl:with-param name="per" select="$leg-per"/>
            <xsl:with-param name="top" select="$leg-top"/>
            <xsl:with-param name="kind" select="'baseline'"/>
            <xsl:with-param name="text">
              <xsl:choose>
                <xsl:when test="string(@baseline-name) != ''">
                  <xsl:value-of select="op:t('gantt.legend.baseline_named', string(@baseline-name))"/>
                </xsl:when>
                <xsl:otherwise><xsl:value-of select="op:t('gantt.legend.baseline')"/></xsl:otherwise>
              </xsl:choose>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:if>
      </g>
    </svg>
  </xsl:template>

  <!-- A task bar: the bar, the done part darker, the hatch over a critical one, an outline. -->
  <xsl:template name="gantt-bar">
    <xsl:param name="idp"/>
    <xsl:param name="x"/>
    <xsl:param name="w"/>
    <xsl:param name="top"/>
    <xsl:param name="h"/>
    <xsl:param name="percent"/>
    <xsl:param name="critical"/>
    <!-- the done part: none below 0 %, all from 100 % -->
    <xsl:variable name="done"
        select="$w * number($percent &gt;= 100) + round($w * $percent * 0.1) div 10 * number($percent &gt; 0 and $percent &lt; 100)"/>
    <xsl:choose>
      <xsl:when test="$critical">
        <rect x="{$x}" y="{$top}" width="{$w}" height="{$h}" rx="2" fill="{$gc-crit}"/>
        <xsl:if test="$done &gt; 0">
          <rect x="{$x}" y="{$top}" width="{$done}" height="{$h}" rx="2" fill="{$gc-crit-done}"/>
        </xsl:if>
        <rect x="{$x}" y="{$top}" width="{$w}" height="{$h}" rx="2" fill="url(#{$idp}crit)" stroke="{$gc-crit-line}"/>
      </xsl:when>
      <xsl:otherwise>
        <rect x="{$x}" y="{$top}" width="{$w}" height="{$h}" rx="2" fill="{$gc-bar}" stroke="{$gc-bar-line}"/>
        <xsl:if test="$done &gt; 0">
          <rect x="{$x}" y="{$top}" width="{$done}" height="{$h}" rx="2" fill="{$gc-bar-done}"/>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A summary: a black bar with a downward tick at each end. -->
  <xsl:template name="gantt-summary">
    <xsl:param name="idp"/>
    <xsl:param name="x"/>
    <xsl:param name="w"/>
    <xsl:param name="top"/>
    <xsl:param name="h"/>
    <xsl:variable name="b" select="$top + $h"/>
    <rect x="{$x}" y="{$top}" width="{$w}" height="{$h}" fill="{$gc-summary}"/>
    <polygon points="{$x},{$b} {$x + 6},{$b} {$x},{$b + 5}" fill="{$gc-summary}"/>
    <polygon points="{$x + $w},{$b} {$x + $w - 6},{$b} {$x + $w},{$b + 5}" fill="{$gc-summary}"/>
  </xsl:template>

  <!-- A milestone: a diamond centred on its date; critical ones red and hatched. -->
  <xsl:template name="gantt-milestone">
    <xsl:param name="idp"/>
    <xsl:param name="x"/>
    <xsl:param name="cy"/>
    <xsl:param name="s"/>
    <xsl:param name="critical"/>
    <xsl:variable name="points" select="concat($x, ',', $cy - $s, ' ', $x + $s, ',', $cy, ' ', $x, ',', $cy + $s, ' ', $x - $s, ',', $cy)"/>
    <xsl:choose>
      <xsl:when test="$critical">
        <polygon points="{$points}" fill="{$gc-crit}"/>
        <polygon points="{$points}" fill="url(#{$idp}crit)" stroke="{$gc-crit-line}"/>
      </xsl:when>
      <xsl:otherwise>
        <polygon points="{$points}" fill="{$gc-summary}"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One legend entry: a sample at column i mod per, line i div per, and its text. -->
  <xsl:template name="gantt-legend-item">
    <xsl:param name="idp"/>
    <xsl:param name="i"/>
    <xsl:param name="per"/>
    <xsl:param name="top"/>
    <xsl:param name="kind"/>
    <xsl:param name="text"/>
    <xsl:variable name="x" select="6 + ($i mod $per) * $gleg-w"/>
    <xsl:variable name="y" select="$top + floor($i div $per) * $gleg-h"/>
    <xsl:variable name="cy" select="$y + 6"/>
    <xsl:choose>
      <xsl:when test="$kind = 'normal'">
        <xsl:call-template name="gantt-bar">
          <xsl:with-param name="idp" select="$idp"/>
          <xsl:with-param name="x" select="$x"/>
          <xsl:with-param name="w" select="24"/>
          <xsl:with-param name="top" select="$y"/>
          <xsl:with-param name="h" select="12"/>
          <xsl:with-param name="percent" select="50"/>
          <xsl:with-param name="critical" select="false()"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$kind = 'critical'">
        <xsl:call-template name="gantt-bar">
          <xsl:with-param name="idp" select="$idp"/>
          <xsl:with-param name="x" select="$x"/>
          <xsl:with-param name="w" select="24"/>
          <xsl:with-param name="top" select="$y"/>
          <xsl:with-param name="h" select="12"/>
          <xsl:with-param name="percent" select="0"/>
          <xsl:with-param name="critical" select="true()"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$kind = 'summary'">
        <xsl:call-template name="gantt-summary">
          <xsl:with-param name="idp" select="$idp"/>
          <xsl:with-param name="x" select="$x"/>
          <xsl:with-param name="w" select="24"/>
          <xsl:with-param name="top" select="$y + 2"/>
          <xsl:with-param name="h" select="6"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$kind = 'milestone'">
        <xsl:call-template name="gantt-milestone">
          <xsl:with-param name="idp" select="$idp"/>
          <xsl:with-param name="x" select="$x + 12"/>
          <xsl:with-param name="cy" select="$cy"/>
          <xsl:with-param name="s" select="6"/>
          <xsl:with-param name="critical" select="false()"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$kind = 'link'">
        <polyline points="{$x},{$cy - 4} {$x + 8},{$cy - 4} {$x + 8},{$cy + 3} {$x + 24},{$cy + 3}"
            fill="none" stroke="{$gc-link}" marker-end="url(#{$idp}arrow)"/>
      </xsl:when>
      <xsl:when test="$kind = 'today'">
        <line x1="{$x + 12}" y1="{$y - 2}" x2="{$x + 12}" y2="{$y + 14}" stroke="{$gc-today}"
            stroke-width="1.5" stroke-dasharray="5 3"/>
      </xsl:when>
      <xsl:when test="$kind = 'overdue'">
        <text x="{$x + 12}" y="{$y + 11}" text-anchor="middle" fill="{$gc-today}" font-weight="bold">!</text>
      </xsl:when>
      <xsl:when test="$kind = 'baseline'">
        <rect x="{$x}" y="{$cy - 2}" width="24" height="4" fill="{$gc-base}"/>
      </xsl:when>
    </xsl:choose>
    <text x="{$x + 30}" y="{$y + 11}"><xsl:value-of select="$text"/></text>
  </xsl:template>

</xsl:stylesheet>
