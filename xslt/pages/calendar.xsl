<?xml version="1.0" encoding="UTF-8"?>
<!--
  calendar.xsl - the working calendar: holidays and adjusted working days (调休) by year,
  a form to import a year from iCalendar or CSV (POST /admin/calendar/import, multipart
  field "file"), and a form to set or remove one day (POST /admin/calendar/day date off name).
  Model: <calendar><year y=""><day date off name weekday/>…</year>…</calendar>.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <xsl:template match="/page[@name='calendar']" mode="title">
    <xsl:value-of select="op:t('calendar.title')"/>
  </xsl:template>

  <xsl:template match="/page[@name='calendar']" mode="content">
    <xsl:variable name="admin" select="key('my-role', 'admin')"/>
    <p class="hint"><xsl:value-of select="op:t('calendar.intro')"/></p>
    <xsl:if test="$admin">
      <section class="panel">
        <h2><xsl:value-of select="op:t('calendar.import')"/></h2>
        <form method="post" action="/admin/calendar/import" enctype="multipart/form-data" accept-charset="UTF-8">
          <xsl:call-template name="csrf"/>
          <p class="hint"><xsl:value-of select="op:t('calendar.import_hint')"/></p>
          <label for="f-file"><xsl:value-of select="op:t('calendar.file')"/></label>
          <xsl:text> </xsl:text>
          <input type="file" id="f-file" name="file" accept=".ics,.csv,text/calendar,text/csv" required="required"/>
          <xsl:text> </xsl:text>
          <button type="submit" class="button primary"><xsl:value-of select="op:t('calendar.import_submit')"/></button>
        </form>
        <h2><xsl:value-of select="op:t('calendar.set_day')"/></h2>
        <form method="post" action="/admin/calendar/day" accept-charset="UTF-8" class="calendar-day">
          <xsl:call-template name="csrf"/>
          <label for="f-date"><xsl:value-of select="op:t('calendar.date')"/></label>
          <xsl:text> </xsl:text>
          <input type="date" id="f-date" name="date" required="required"/>
          <xsl:text> </xsl:text>
          <label for="f-off"><xsl:value-of select="op:t('calendar.kind')"/></label>
          <xsl:text> </xsl:text>
          <select id="f-off" name="off">
            <option value="1"><xsl:value-of select="op:t('calendar.off')"/></option>
            <option value="0"><xsl:value-of select="op:t('calendar.working')"/></option>
            <option value="remove"><xsl:value-of select="op:t('calendar.remove')"/></option>
          </select>
          <xsl:text> </xsl:text>
          <label for="f-name"><xsl:value-of select="op:t('calendar.name')"/></label>
          <xsl:text> </xsl:text>
          <input type="text" id="f-name" name="name" maxlength="60"/>
          <xsl:text> </xsl:text>
          <button type="submit" class="button"><xsl:value-of select="op:t('action.save')"/></button>
        </form>
      </section>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="calendar/year">
        <xsl:for-each select="calendar/year">
          <section class="calendar-year">
            <h2><xsl:value-of select="op:t('calendar.year', string(@y))"/></h2>
            <div class="table-wrap">
              <table class="data calendar">
                <thead>
                  <tr>
                    <th scope="col"><xsl:value-of select="op:t('calendar.date')"/></th>
                    <th scope="col"><xsl:value-of select="op:t('calendar.weekday')"/></th>
                    <th scope="col"><xsl:value-of select="op:t('calendar.kind')"/></th>
                    <th scope="col"><xsl:value-of select="op:t('calendar.name')"/></th>
                  </tr>
                </thead>
                <tbody>
                  <xsl:for-each select="day">
                    <tr>
                      <xsl:attribute name="class"><xsl:choose><xsl:when test="@off = '1'">cal-off</xsl:when><xsl:otherwise>cal-work</xsl:otherwise></xsl:choose></xsl:attribute>
                      <td><xsl:value-of select="@date"/></td>
                      <td><xsl:value-of select="op:t(concat('weekday.', @weekday))"/></td>
                      <td>
                        <xsl:choose>
                          <xsl:when test="@off = '1'"><xsl:value-of select="op:t('calendar.off')"/></xsl:when>
                          <xsl:otherwise><xsl:value-of select="op:t('calendar.working')"/></xsl:otherwise>
                        </xsl:choose>
                      </td>
                      <td><xsl:value-of select="@name"/></td>
                    </tr>
                  </xsl:for-each>
                </tbody>
              </table>
            </div>
          </section>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty"><xsl:value-of select="op:t('calendar.empty')"/></p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
