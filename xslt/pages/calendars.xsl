<?xml version="1.0" encoding="UTF-8"?>
<!--
  calendars.xsl - the working calendars (/admin/calendars): the global calendar and the project
  calendars, each with its working time and the number of projects that follow it, and (for
  administrators) the form that creates a project calendar (POST /admin/calendars: name,
  weekdays (repeated 1..7), hours).
  Model: <calendars><calendar id name global weekdays hours minutes hours-per-day projects/>…
  </calendars><calendar-form name weekdays hours/> + optional <errors>.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <xsl:template match="/page[@name='calendars']" mode="title">
    <xsl:value-of select="op:t('calendars.title')"/>
  </xsl:template>

  <xsl:template match="/page[@name='calendars']" mode="content">
    <p class="hint"><xsl:value-of select="op:t('calendars.intro')"/></p>
    <div class="table-wrap">
      <table class="data calendars">
        <thead>
          <tr>
            <th scope="col"><xsl:value-of select="op:t('calendars.name')"/></th>
            <th scope="col"><xsl:value-of select="op:t('calendars.working_time')"/></th>
            <th scope="col"><xsl:value-of select="op:t('calendars.projects')"/></th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="calendars/calendar">
            <tr>
              <td>
                <a>
                  <xsl:attribute name="href">
                    <xsl:choose>
                      <xsl:when test="@global = '1'">/admin/calendar</xsl:when>
                      <xsl:otherwise><xsl:value-of select="concat('/admin/calendars/', @id)"/></xsl:otherwise>
                    </xsl:choose>
                  </xsl:attribute>
                  <xsl:value-of select="@name"/>
                </a>
                <xsl:if test="@global = '1'">
                  <xsl:text> </xsl:text>
                  <span class="tag"><xsl:value-of select="op:t('calendars.global')"/></span>
                </xsl:if>
              </td>
              <td><xsl:call-template name="calendar-summary"/></td>
              <td class="num"><xsl:value-of select="@projects"/></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
    <xsl:if test="key('my-role', 'admin')">
      <section class="panel">
        <h2><xsl:value-of select="op:t('calendars.new')"/></h2>
        <form class="form" method="post" action="/admin/calendars" accept-charset="UTF-8">
          <xsl:call-template name="csrf"/>
          <xsl:call-template name="calendar-fields">
            <xsl:with-param name="values" select="calendar-form"/>
          </xsl:call-template>
          <div class="actions">
            <button type="submit" class="button primary"><xsl:value-of select="op:t('calendars.create')"/></button>
          </div>
        </form>
      </section>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
