<?xml version="1.0" encoding="UTF-8"?>
<!--
  calendar.xsl - one working calendar: the global one (/admin/calendar) or a project calendar
  (/admin/calendars/ID). Forms (administrators): the working weekdays and hours, and a project
  calendar's name (POST {@base}/settings: name weekdays (repeated, 1 = Monday .. 7) hours);
  importing a year from iCalendar or CSV (POST {@base}/import, multipart field "file"); setting
  or removing one day (POST {@base}/day date off name); deleting a project calendar no project
  uses (POST {@base}/delete); a project calendar's base (POST {@base}/holidays holidays=china|none,
  for administrators and the managers of every project using it: @can-holidays). Model: <calendar
  id name global weekdays hours minutes hours-per-day base holidays can-holidays><settings name weekdays hours/><used-by><project code name/>…</used-by>
  <year y=""><day date off name weekday/>…</year>…</calendar>; settings holds the form's values
  (the entered ones after a refused POST, with <errors>).
  The named templates calendar-fields and calendar-summary serve calendars.xsl and project.xsl.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <xsl:template match="/page[@name='calendar']" mode="title">
    <xsl:choose>
      <xsl:when test="calendar/@global = '1'"><xsl:value-of select="op:t('calendar.title')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="op:t('calendars.page_title', string(calendar/@name))"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="/page[@name='calendar']" mode="content">
    <xsl:variable name="admin" select="key('my-role', 'admin')"/>
    <xsl:for-each select="calendar">
      <xsl:variable name="base" select="string(@base)"/>
      <p class="actions">
        <a class="button" href="/admin/calendars"><xsl:value-of select="op:t('calendars.all')"/></a>
        <xsl:text> </xsl:text>
        <a class="button" href="/admin/leave"><xsl:value-of select="op:t('leave.admin_title')"/></a>
      </p>
      <p class="hint">
        <xsl:choose>
          <xsl:when test="@global = '1'"><xsl:value-of select="op:t('calendar.intro')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="op:t('calendars.intro_project')"/></xsl:otherwise>
        </xsl:choose>
      </p>
      <dl class="facts calendar-facts">
        <dt><xsl:value-of select="op:t('calendars.working_time')"/></dt>
        <dd><xsl:call-template name="calendar-summary"/></dd>
        <dt><xsl:value-of select="op:t('calendars.holidays')"/></dt>
        <dd class="calendar-holidays"><xsl:value-of select="op:t(concat('calendars.holidays.', @holidays))"/></dd>
        <xsl:if test="@global != '1'">
          <dt><xsl:value-of select="op:t('calendars.used_by')"/></dt>
          <dd>
            <xsl:choose>
              <xsl:when test="used-by/project">
                <ul class="inline-list">
                  <xsl:for-each select="used-by/project">
                    <li><a href="/projects/{@code}"><xsl:value-of select="op:t('calendars.project_ref', string(@code), string(@name))"/></a></li>
                  </xsl:for-each>
                </ul>
              </xsl:when>
              <xsl:otherwise><xsl:value-of select="op:t('calendars.unused')"/></xsl:otherwise>
            </xsl:choose>
          </dd>
        </xsl:if>
      </dl>
      <xsl:if test="@can-holidays = '1'">
        <section class="panel">
          <h2><xsl:value-of select="op:t('calendars.holidays.switch')"/></h2>
          <form class="form" method="post" action="{$base}/holidays" accept-charset="UTF-8">
            <xsl:call-template name="csrf"/>
            <div class="field">
              <label for="f-holidays"><xsl:value-of select="op:t('calendars.holidays')"/></label>
              <select id="f-holidays" name="holidays">
                <xsl:call-template name="field-attrs">
                  <xsl:with-param name="field" select="'holidays'"/>
                  <xsl:with-param name="hint" select="true()"/>
                </xsl:call-template>
                <option value="china">
                  <xsl:if test="@holidays = 'china'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                  <xsl:value-of select="op:t('calendars.holidays.china')"/>
                </option>
                <option value="none">
                  <xsl:if test="@holidays = 'none'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                  <xsl:value-of select="op:t('calendars.holidays.none')"/>
                </option>
              </select>
              <p class="hint" id="f-holidays-hint"><xsl:value-of select="op:t('calendars.holidays.hint')"/></p>
              <xsl:call-template name="field-error">
                <xsl:with-param name="field" select="'holidays'"/>
              </xsl:call-template>
            </div>
            <div class="actions">
              <button type="submit" class="button primary"><xsl:value-of select="op:t('action.save')"/></button>
            </div>
          </form>
        </section>
      </xsl:if>
      <xsl:if test="$admin">
        <section class="panel">
          <h2><xsl:value-of select="op:t('calendars.settings')"/></h2>
          <form class="form" method="post" action="{$base}/settings" accept-charset="UTF-8">
            <xsl:call-template name="csrf"/>
            <xsl:call-template name="calendar-fields">
              <xsl:with-param name="values" select="settings"/>
              <xsl:with-param name="with-name" select="@global != '1'"/>
            </xsl:call-template>
            <div class="actions">
              <button type="submit" class="button primary"><xsl:value-of select="op:t('action.save')"/></button>
            </div>
          </form>
        </section>
        <section class="panel">
          <h2><xsl:value-of select="op:t('calendar.import')"/></h2>
          <form method="post" action="{$base}/import" enctype="multipart/form-data" accept-charset="UTF-8">
            <xsl:call-template name="csrf"/>
            <p class="hint"><xsl:value-of select="op:t('calendar.import_hint')"/></p>
            <label for="f-file"><xsl:value-of select="op:t('calendar.file')"/></label>
            <xsl:text> </xsl:text>
            <input type="file" id="f-file" name="file" accept=".ics,.csv,text/calendar,text/csv" required="required"/>
            <xsl:text> </xsl:text>
            <button type="submit" class="button primary"><xsl:value-of select="op:t('calendar.import_submit')"/></button>
          </form>
          <h2><xsl:value-of select="op:t('calendar.set_day')"/></h2>
          <form method="post" action="{$base}/day" accept-charset="UTF-8" class="calendar-day">
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
            <label for="f-dayname"><xsl:value-of select="op:t('calendar.name')"/></label>
            <xsl:text> </xsl:text>
            <input type="text" id="f-dayname" name="name" maxlength="60"/>
            <xsl:text> </xsl:text>
            <button type="submit" class="button"><xsl:value-of select="op:t('action.save')"/></button>
          </form>
        </section>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="year">
          <xsl:for-each select="year">
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
      <xsl:if test="$admin and @global != '1'">
        <section class="panel danger">
          <h2><xsl:value-of select="op:t('calendars.delete')"/></h2>
          <form method="post" action="{$base}/delete" accept-charset="UTF-8">
            <xsl:call-template name="csrf"/>
            <p class="hint"><xsl:value-of select="op:t('calendars.delete_hint')"/></p>
            <xsl:call-template name="field-error">
              <xsl:with-param name="field" select="'delete'"/>
            </xsl:call-template>
            <button type="submit" class="button danger"><xsl:value-of select="op:t('action.delete')"/></button>
          </form>
        </section>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- Weekdays, hours and minutes in one line; context: an element with weekdays hours minutes
       hours-per-day (a <calendar>). -->
  <xsl:template name="calendar-summary">
    <xsl:variable name="days">
      <xsl:call-template name="weekday-names">
        <xsl:with-param name="digits" select="string(@weekdays)"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:value-of select="op:t('calendars.summary', string($days), string(@hours), op:t('calendars.per_day', string(@minutes), string(@hours-per-day)))"/>
  </xsl:template>

  <!-- "周一 周二 …" for the digits "12…". -->
  <xsl:template name="weekday-names">
    <xsl:param name="digits"/>
    <xsl:if test="$digits != ''">
      <xsl:value-of select="op:t(concat('weekday.', substring($digits, 1, 1)))"/>
      <xsl:if test="string-length($digits) &gt; 1">
        <xsl:value-of select="op:t('calendars.weekday_sep')"/>
        <xsl:call-template name="weekday-names">
          <xsl:with-param name="digits" select="substring($digits, 2)"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- The fields of a calendar form: name (project calendars), weekday boxes, hours. $values: an
       element with name weekdays hours. -->
  <xsl:template name="calendar-fields">
    <xsl:param name="values"/>
    <xsl:param name="with-name" select="true()"/>
    <xsl:if test="$with-name">
      <xsl:call-template name="input-field">
        <xsl:with-param name="field" select="'name'"/>
        <xsl:with-param name="label" select="op:t('calendars.name')"/>
        <xsl:with-param name="value" select="$values/@name"/>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="maxlength" select="'64'"/>
      </xsl:call-template>
    </xsl:if>
    <fieldset class="field weekdays">
      <legend><xsl:value-of select="op:t('calendars.weekdays')"/></legend>
      <xsl:call-template name="weekday-box"><xsl:with-param name="d" select="1"/><xsl:with-param name="values" select="$values"/></xsl:call-template>
      <xsl:call-template name="weekday-box"><xsl:with-param name="d" select="2"/><xsl:with-param name="values" select="$values"/></xsl:call-template>
      <xsl:call-template name="weekday-box"><xsl:with-param name="d" select="3"/><xsl:with-param name="values" select="$values"/></xsl:call-template>
      <xsl:call-template name="weekday-box"><xsl:with-param name="d" select="4"/><xsl:with-param name="values" select="$values"/></xsl:call-template>
      <xsl:call-template name="weekday-box"><xsl:with-param name="d" select="5"/><xsl:with-param name="values" select="$values"/></xsl:call-template>
      <xsl:call-template name="weekday-box"><xsl:with-param name="d" select="6"/><xsl:with-param name="values" select="$values"/></xsl:call-template>
      <xsl:call-template name="weekday-box"><xsl:with-param name="d" select="7"/><xsl:with-param name="values" select="$values"/></xsl:call-template>
      <xsl:call-template name="field-error">
        <xsl:with-param name="field" select="'weekdays'"/>
      </xsl:call-template>
    </fieldset>
    <xsl:call-template name="input-field">
      <xsl:with-param name="field" select="'hours'"/>
      <xsl:with-param name="label" select="op:t('calendars.hours')"/>
      <xsl:with-param name="value" select="$values/@hours"/>
      <xsl:with-param name="required" select="true()"/>
      <xsl:with-param name="maxlength" select="'63'"/>
      <xsl:with-param name="hint" select="op:t('calendars.hours_hint')"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="weekday-box">
    <xsl:param name="d"/>
    <xsl:param name="values"/>
    <label class="check" for="f-weekdays-{$d}">
      <input type="checkbox" id="f-weekdays-{$d}" name="weekdays" value="{$d}">
        <xsl:call-template name="field-attrs">
          <xsl:with-param name="field" select="'weekdays'"/>
        </xsl:call-template>
        <xsl:if test="contains(string($values/@weekdays), string($d))">
          <xsl:attribute name="checked">checked</xsl:attribute>
        </xsl:if>
      </input>
      <xsl:text> </xsl:text>
      <xsl:value-of select="op:t(concat('weekday.', $d))"/>
    </label>
    <xsl:text> </xsl:text>
  </xsl:template>

</xsl:stylesheet>
