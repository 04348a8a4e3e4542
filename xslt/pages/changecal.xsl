<?xml version="1.0" encoding="UTF-8"?>
<!--
  changecal.xsl - the change calendar (GET /changes/calendar?view=month&month=YYYY-MM or
  ?view=week&week=YYYY-MM-DD): the changes planned in a month (a table Monday to Sunday) or a week
  (a column per day, a row per hour, entries listed by start time), each with its number (linked),
  title, state, type, risk level, outage and CIs. Emergency changes are marked by text ("◆"),
  a dashed thick border and a colour; freeze days by text, a hatched pattern and a colour, so both
  survive black-and-white printing. Previous/next links, the filter form (GET) and the CSV link
  are not printed. No script.
  Model: <change-calendar view value first last prev next state type ci count truncated>
  <hour h label/>×24 (week) <week><day date d weekday in-month today freeze><freeze window name
  from to ci/>… <entry number title type state risk-level outage start end from to hour
  cont-before cont-after><ci code/>…</entry>…</day>…</week>…</change-calendar> + <ci-codes>.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <xsl:template match="/page[@name='changecal']" mode="title">
    <xsl:for-each select="change-calendar">
      <xsl:choose>
        <xsl:when test="@view = 'week'"><xsl:value-of select="op:t('ccal.title.week', string(@first), string(@last))"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="op:t('ccal.title.month', string(@value))"/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="/page[@name='changecal']" mode="content">
    <xsl:for-each select="change-calendar">
      <!-- the filters carried by every navigation link -->
      <xsl:variable name="fq">
        <xsl:if test="string(@state) != ''"><xsl:value-of select="concat('&amp;state=', @state)"/></xsl:if>
        <xsl:if test="string(@type) != ''"><xsl:value-of select="concat('&amp;type=', @type)"/></xsl:if>
        <xsl:if test="string(@ci) != ''"><xsl:value-of select="concat('&amp;ci=', @ci)"/></xsl:if>
      </xsl:variable>
      <xsl:variable name="here">
        <xsl:choose>
          <xsl:when test="@view = 'week'"><xsl:value-of select="concat('view=week&amp;week=', @value)"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="concat('view=month&amp;month=', @value)"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <nav class="ccal-nav no-print" aria-label="{op:t('ccal.nav')}">
        <a href="/changes"><xsl:value-of select="op:t('ccal.back')"/></a>
        <xsl:choose>
          <xsl:when test="@view = 'week'">
            <xsl:if test="string(@prev) != ''">
              <xsl:text> · </xsl:text>
              <a class="ccal-prev" rel="prev" href="/changes/calendar?view=week&amp;week={@prev}{$fq}"><xsl:value-of select="op:t('ccal.prev_week')"/></a>
            </xsl:if>
            <xsl:text> · </xsl:text>
            <a class="ccal-next" rel="next" href="/changes/calendar?view=week&amp;week={@next}{$fq}"><xsl:value-of select="op:t('ccal.next_week')"/></a>
            <xsl:text> · </xsl:text>
            <a class="ccal-other-view" href="/changes/calendar?view=month&amp;month={substring(@value, 1, 7)}{$fq}"><xsl:value-of select="op:t('ccal.month_view')"/></a>
          </xsl:when>
          <xsl:otherwise>
            <xsl:if test="string(@prev) != ''">
              <xsl:text> · </xsl:text>
              <a class="ccal-prev" rel="prev" href="/changes/calendar?view=month&amp;month={@prev}{$fq}"><xsl:value-of select="op:t('ccal.prev_month')"/></a>
            </xsl:if>
            <xsl:text> · </xsl:text>
            <a class="ccal-next" rel="next" href="/changes/calendar?view=month&amp;month={@next}{$fq}"><xsl:value-of select="op:t('ccal.next_month')"/></a>
            <xsl:text> · </xsl:text>
            <a class="ccal-other-view" href="/changes/calendar?view=week&amp;week={@first}{$fq}"><xsl:value-of select="op:t('ccal.week_view')"/></a>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:text> · </xsl:text>
        <a class="ccal-csv" href="/changes/calendar?{$here}{$fq}&amp;format=csv"><xsl:value-of select="op:t('ccal.csv')"/></a>
        <xsl:text> · </xsl:text>
        <a href="/changes/windows/calendar?month={substring(@first, 1, 7)}"><xsl:value-of select="op:t('ccal.windows')"/></a>
      </nav>

      <form class="filter no-print" method="get" action="/changes/calendar" accept-charset="UTF-8">
        <fieldset>
          <legend><xsl:value-of select="op:t('ccal.filter')"/></legend>
          <input type="hidden" name="view" value="{@view}"/>
          <xsl:choose>
            <xsl:when test="@view = 'week'"><input type="hidden" name="week" value="{@value}"/></xsl:when>
            <xsl:otherwise><input type="hidden" name="month" value="{@value}"/></xsl:otherwise>
          </xsl:choose>
          <div class="field">
            <label for="f-state"><xsl:value-of select="op:t('chg.state')"/></label>
            <select id="f-state" name="state">
              <option value=""><xsl:value-of select="op:t('chg.all')"/></option>
              <xsl:call-template name="code-options">
                <xsl:with-param name="codes" select="'new assess authorize scheduled implement review closed'"/>
                <xsl:with-param name="prefix" select="'chg.state.'"/>
                <xsl:with-param name="current" select="string(@state)"/>
              </xsl:call-template>
            </select>
          </div>
          <div class="field">
            <label for="f-type"><xsl:value-of select="op:t('chg.f.type')"/></label>
            <select id="f-type" name="type">
              <option value=""><xsl:value-of select="op:t('chg.all')"/></option>
              <xsl:call-template name="code-options">
                <xsl:with-param name="codes" select="'normal standard emergency'"/>
                <xsl:with-param name="prefix" select="'chg.type.'"/>
                <xsl:with-param name="current" select="string(@type)"/>
              </xsl:call-template>
            </select>
          </div>
          <div class="field">
            <label for="f-ci"><xsl:value-of select="op:t('chg.f.cis')"/></label>
            <select id="f-ci" name="ci">
              <option value=""><xsl:value-of select="op:t('chg.all')"/></option>
              <xsl:variable name="cur" select="string(@ci)"/>
              <xsl:for-each select="/page/ci-codes/ci">
                <option value="{@code}">
                  <xsl:if test="@code = $cur"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                  <xsl:value-of select="concat(@code, ' ', @name)"/>
                </option>
              </xsl:for-each>
            </select>
          </div>
          <div class="actions">
            <button type="submit" class="button primary"><xsl:value-of select="op:t('action.filter')"/></button>
            <a class="button secondary" href="/changes/calendar?{$here}"><xsl:value-of select="op:t('action.reset')"/></a>
          </div>
        </fieldset>
      </form>

      <p class="hint ccal-legend"><xsl:value-of select="op:t('ccal.legend')"/></p>
      <p class="summary">
        <xsl:value-of select="op:t('ccal.count', string(@count))"/>
        <xsl:if test="@truncated = '1'"><xsl:text> </xsl:text><xsl:value-of select="op:t('ccal.truncated')"/></xsl:if>
      </p>

      <xsl:choose>
        <xsl:when test="@view = 'week'"><xsl:call-template name="ccal-week"/></xsl:when>
        <xsl:otherwise><xsl:call-template name="ccal-month"/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="ccal-weekday-heads">
    <th scope="col"><xsl:value-of select="op:t('weekday.1')"/></th>
    <th scope="col"><xsl:value-of select="op:t('weekday.2')"/></th>
    <th scope="col"><xsl:value-of select="op:t('weekday.3')"/></th>
    <th scope="col"><xsl:value-of select="op:t('weekday.4')"/></th>
    <th scope="col"><xsl:value-of select="op:t('weekday.5')"/></th>
    <th scope="col"><xsl:value-of select="op:t('weekday.6')"/></th>
    <th scope="col"><xsl:value-of select="op:t('weekday.7')"/></th>
  </xsl:template>

  <!-- The class of a day's cell. -->
  <xsl:template name="ccal-day-class">
    <xsl:attribute name="class">
      <xsl:text>ccal-day</xsl:text>
      <xsl:if test="@in-month = '0'"> other-month</xsl:if>
      <xsl:if test="@freeze = '1'"> ccal-freeze-day</xsl:if>
      <xsl:if test="@today = '1'"> ccal-today</xsl:if>
    </xsl:attribute>
  </xsl:template>

  <!-- A day's freeze mark and the freeze windows on it. -->
  <xsl:template name="ccal-freezes">
    <xsl:if test="@freeze = '1'">
      <strong class="ccal-freeze-label"><xsl:value-of select="op:t('ccal.freeze_day')"/></strong>
      <ul class="ccal-freezes">
        <xsl:for-each select="freeze">
          <li>
            <xsl:value-of select="concat(@from, '–', @to, ' ')"/>
            <a href="/changes/windows/{@window}"><xsl:value-of select="@name"/></a>
            <xsl:if test="string(@ci) != ''"><xsl:value-of select="concat(' (', @ci, ')')"/></xsl:if>
          </li>
        </xsl:for-each>
      </ul>
    </xsl:if>
  </xsl:template>

  <xsl:template name="ccal-month">
    <table class="data ccal-month">
      <caption><xsl:value-of select="op:t('ccal.title.month', string(@value))"/></caption>
      <thead><tr><xsl:call-template name="ccal-weekday-heads"/></tr></thead>
      <tbody>
        <xsl:for-each select="week">
          <tr>
            <xsl:for-each select="day">
              <td data-date="{@date}">
                <xsl:call-template name="ccal-day-class"/>
                <a class="ccal-date" href="/changes/calendar?view=week&amp;week={@date}"><xsl:value-of select="@d"/></a>
                <xsl:text> </xsl:text>
                <xsl:call-template name="ccal-freezes"/>
                <xsl:if test="entry">
                  <ul class="ccal-entries"><xsl:apply-templates select="entry" mode="ccal"/></ul>
                </xsl:if>
              </td>
            </xsl:for-each>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
  </xsl:template>

  <xsl:template name="ccal-week">
    <xsl:variable name="days" select="week/day"/>
    <table class="data ccal-week">
      <caption><xsl:value-of select="op:t('ccal.title.week', string(@first), string(@last))"/></caption>
      <thead>
        <tr>
          <th scope="col" class="ccal-hour"><xsl:value-of select="op:t('ccal.hour')"/></th>
          <xsl:for-each select="$days">
            <th scope="col" data-date="{@date}">
              <xsl:call-template name="ccal-day-class"/>
              <xsl:value-of select="concat(op:t(concat('weekday.', @weekday)), ' ', @date)"/>
            </th>
          </xsl:for-each>
        </tr>
      </thead>
      <tbody>
        <xsl:if test="$days[@freeze = '1']">
          <tr class="ccal-freeze-row">
            <th scope="row" class="ccal-hour"><xsl:value-of select="op:t('ccal.freezes')"/></th>
            <xsl:for-each select="$days">
              <td data-date="{@date}">
                <xsl:call-template name="ccal-day-class"/>
                <xsl:call-template name="ccal-freezes"/>
              </td>
            </xsl:for-each>
          </tr>
        </xsl:if>
        <xsl:for-each select="hour">
          <xsl:variable name="h" select="string(@h)"/>
          <tr data-hour="{@h}">
            <th scope="row" class="ccal-hour"><xsl:value-of select="@label"/></th>
            <xsl:for-each select="$days">
              <td data-date="{@date}">
                <xsl:call-template name="ccal-day-class"/>
                <xsl:if test="entry[@hour = $h]">
                  <ul class="ccal-entries"><xsl:apply-templates select="entry[@hour = $h]" mode="ccal"/></ul>
                </xsl:if>
              </td>
            </xsl:for-each>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
  </xsl:template>

  <!-- One change on one day. -->
  <xsl:template match="entry" mode="ccal">
    <li data-number="{@number}">
      <xsl:attribute name="class">
        <xsl:value-of select="concat('ccal-entry ccal-type-', @type, ' ccal-state-', @state)"/>
        <xsl:if test="@type = 'emergency'"> ccal-emergency</xsl:if>
      </xsl:attribute>
      <span class="ccal-time">
        <xsl:if test="@cont-before = '1'">… </xsl:if>
        <xsl:value-of select="concat(@from, '–', @to)"/>
        <xsl:if test="@cont-after = '1'"> …</xsl:if>
      </span>
      <xsl:text> </xsl:text>
      <xsl:if test="@type = 'emergency'">
        <strong class="ccal-emergency-mark"><xsl:value-of select="op:t('ccal.emergency_mark')"/></strong>
        <xsl:text> </xsl:text>
      </xsl:if>
      <a class="ccal-number" href="/changes/{@number}"><xsl:value-of select="@number"/></a>
      <xsl:text> </xsl:text>
      <span class="ccal-title"><xsl:value-of select="@title"/></span>
      <span class="ccal-facts">
        <xsl:text> · </xsl:text>
        <span class="ccal-state"><xsl:value-of select="op:t(concat('chg.state.', @state))"/></span>
        <xsl:text> · </xsl:text>
        <span class="ccal-type"><xsl:value-of select="op:t(concat('chg.type.', @type))"/></span>
        <xsl:text> · </xsl:text>
        <span class="ccal-risk">
          <xsl:value-of select="op:t('ccal.risk')"/>
          <xsl:choose>
            <xsl:when test="string(@risk-level) != ''"><xsl:value-of select="op:t(concat('chg.risk.level.', @risk-level))"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="op:t('ccal.risk_none')"/></xsl:otherwise>
          </xsl:choose>
        </span>
        <xsl:text> · </xsl:text>
        <span class="ccal-outage">
          <xsl:choose>
            <xsl:when test="@outage = '1'"><xsl:value-of select="op:t('ccal.outage_yes')"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="op:t('ccal.outage_no')"/></xsl:otherwise>
          </xsl:choose>
        </span>
        <xsl:if test="ci">
          <xsl:text> · </xsl:text>
          <span class="ccal-cis">
            <xsl:for-each select="ci">
              <xsl:if test="position() > 1"><xsl:text> </xsl:text></xsl:if>
              <code><xsl:value-of select="@code"/></code>
            </xsl:for-each>
          </span>
        </xsl:if>
      </span>
    </li>
  </xsl:template>

</xsl:stylesheet>
