<?xml version="1.0" encoding="UTF-8"?>
<!--
  windows-calendar.xsl - the month view of the change windows (GET /changes/windows/calendar?
  month=YYYY-MM), a printable table Monday to Sunday: each day lists the windows occurring on it
  (clipped to the day); freeze days are marked by the text mark and a hatched pattern as well as
  a colour (class win-freeze-day), so they survive black-and-white printing.
  Model: <month value prev next><week><day date d weekday in-month freeze maintenance><occ window
  kind name from to ci ci-name/>…</day>…</week>…</month>.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <xsl:template match="/page[@name='windows-calendar']" mode="title">
    <xsl:value-of select="op:t('win.cal.title', string(month/@value))"/>
  </xsl:template>

  <xsl:template match="/page[@name='windows-calendar']" mode="content">
    <xsl:for-each select="month">
      <p class="no-print">
        <a href="/changes/windows"><xsl:value-of select="op:t('win.back')"/></a>
        <xsl:text> · </xsl:text>
        <a href="/changes/windows/calendar?month={@prev}"><xsl:value-of select="op:t('win.cal.prev')"/></a>
        <xsl:text> · </xsl:text>
        <a href="/changes/windows/calendar?month={@next}"><xsl:value-of select="op:t('win.cal.next')"/></a>
      </p>
      <p class="hint"><xsl:value-of select="op:t('win.cal.legend')"/></p>
      <table class="data win-month">
        <caption><xsl:value-of select="op:t('win.cal.title', string(@value))"/></caption>
        <thead>
          <tr>
            <th scope="col"><xsl:value-of select="op:t('weekday.1')"/></th>
            <th scope="col"><xsl:value-of select="op:t('weekday.2')"/></th>
            <th scope="col"><xsl:value-of select="op:t('weekday.3')"/></th>
            <th scope="col"><xsl:value-of select="op:t('weekday.4')"/></th>
            <th scope="col"><xsl:value-of select="op:t('weekday.5')"/></th>
            <th scope="col"><xsl:value-of select="op:t('weekday.6')"/></th>
            <th scope="col"><xsl:value-of select="op:t('weekday.7')"/></th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="week">
            <tr>
              <xsl:for-each select="day">
                <td data-date="{@date}">
                  <xsl:attribute name="class">
                    <xsl:text>win-day</xsl:text>
                    <xsl:if test="@in-month = '0'"> other-month</xsl:if>
                    <xsl:if test="@freeze = '1'"> win-freeze-day</xsl:if>
                    <xsl:if test="@maintenance = '1'"> win-maint-day</xsl:if>
                  </xsl:attribute>
                  <span class="win-date"><xsl:value-of select="@d"/></span>
                  <xsl:if test="@freeze = '1'">
                    <xsl:text> </xsl:text>
                    <strong class="win-freeze-label"><xsl:value-of select="op:t('win.cal.freeze_day')"/></strong>
                  </xsl:if>
                  <xsl:if test="occ">
                    <ul class="win-occ">
                      <xsl:for-each select="occ">
                        <li class="win-{@kind}">
                          <xsl:choose>
                            <xsl:when test="@kind = 'freeze'"><xsl:value-of select="op:t('win.freeze_mark')"/></xsl:when>
                            <xsl:otherwise><xsl:value-of select="op:t('win.maint_mark')"/></xsl:otherwise>
                          </xsl:choose>
                          <xsl:text> </xsl:text>
                          <xsl:value-of select="concat(@from, '–', @to, ' ')"/>
                          <a href="/changes/windows/{@window}"><xsl:value-of select="@name"/></a>
                          <xsl:if test="string(@ci) != ''"><xsl:value-of select="concat(' (', @ci, ')')"/></xsl:if>
                        </li>
                      </xsl:for-each>
                    </ul>
                  </xsl:if>
                </td>
              </xsl:for-each>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
