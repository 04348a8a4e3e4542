<?xml version="1.0" encoding="UTF-8"?>
<!--
  windows.xsl - change windows (/changes/windows): the list of maintenance and freeze windows
  (kind, name, times, repetition, CI or all CIs, note, active) with links to the check and the
  month view, the create form for admins and managers, and one window's page
  (/changes/windows/ID: its row, the edit form and the deactivate button).
  Model: <windows><window id kind name start end repeat repeat-until ci ci-name note active
  created weekday/>…</windows><window-form mode id kind name start end repeat repeat-until ci
  note/><cis><ci code name/>…</cis> + optional <errors>.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <xsl:template match="/page[@name='windows']" mode="title">
    <xsl:value-of select="op:t('win.title')"/>
  </xsl:template>

  <xsl:template match="/page[@name='window']" mode="title">
    <xsl:value-of select="op:t('win.edit_title', string(windows/window/@name))"/>
  </xsl:template>

  <xsl:template match="/page[@name='windows']" mode="content">
    <p class="hint"><xsl:value-of select="op:t('win.intro')"/></p>
    <xsl:call-template name="window-links"/>
    <xsl:call-template name="window-table"/>
    <xsl:if test="key('my-role', 'admin') or key('my-role', 'manager')">
      <section class="panel">
        <h2><xsl:value-of select="op:t('win.new')"/></h2>
        <form class="form" method="post" action="/changes/windows" accept-charset="UTF-8">
          <xsl:call-template name="csrf"/>
          <xsl:call-template name="window-fields"/>
          <div class="actions">
            <button type="submit" class="button primary"><xsl:value-of select="op:t('win.create')"/></button>
          </div>
        </form>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template match="/page[@name='window']" mode="content">
    <p><a href="/changes/windows"><xsl:value-of select="op:t('win.back')"/></a></p>
    <xsl:call-template name="window-table"/>
    <xsl:if test="key('my-role', 'admin') or key('my-role', 'manager')">
      <section class="panel">
        <h2><xsl:value-of select="op:t('win.edit')"/></h2>
        <form class="form" method="post" action="/changes/windows/{window-form/@id}" accept-charset="UTF-8">
          <xsl:call-template name="csrf"/>
          <xsl:call-template name="window-fields"/>
          <div class="actions">
            <button type="submit" class="button primary"><xsl:value-of select="op:t('action.save')"/></button>
          </div>
        </form>
      </section>
      <xsl:if test="windows/window/@active = '1'">
        <section class="panel danger">
          <h2><xsl:value-of select="op:t('win.deactivate')"/></h2>
          <form method="post" action="/changes/windows/{window-form/@id}/deactivate" accept-charset="UTF-8">
            <xsl:call-template name="csrf"/>
            <p class="hint"><xsl:value-of select="op:t('win.deactivate_hint')"/></p>
            <button type="submit" class="button danger"><xsl:value-of select="op:t('win.deactivate')"/></button>
          </form>
        </section>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <xsl:template name="window-links">
    <ul class="plain-list links">
      <li><a href="/changes/windows/check"><xsl:value-of select="op:t('win.check.title')"/></a></li>
      <li><a href="/changes/windows/calendar"><xsl:value-of select="op:t('win.cal.link')"/></a></li>
    </ul>
  </xsl:template>

  <xsl:template name="window-kind">
    <span class="tag win-{@kind}">
      <xsl:if test="@kind = 'freeze'"><xsl:value-of select="op:t('win.freeze_mark')"/><xsl:text> </xsl:text></xsl:if>
      <xsl:value-of select="op:t(concat('win.kind.', @kind))"/>
    </span>
  </xsl:template>

  <xsl:template name="window-table">
    <xsl:choose>
      <xsl:when test="windows/window">
        <div class="table-wrap">
          <table class="data windows">
            <thead>
              <tr>
                <th scope="col"><xsl:value-of select="op:t('win.kind')"/></th>
                <th scope="col"><xsl:value-of select="op:t('win.name')"/></th>
                <th scope="col"><xsl:value-of select="op:t('win.start')"/></th>
                <th scope="col"><xsl:value-of select="op:t('win.end')"/></th>
                <th scope="col"><xsl:value-of select="op:t('win.repeat')"/></th>
                <th scope="col"><xsl:value-of select="op:t('win.ci')"/></th>
                <th scope="col"><xsl:value-of select="op:t('win.note')"/></th>
                <th scope="col"><xsl:value-of select="op:t('win.active')"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="windows/window">
                <tr id="window-{@id}" class="win-row win-{@kind} active-{@active}">
                  <td><xsl:call-template name="window-kind"/></td>
                  <td><a href="/changes/windows/{@id}"><xsl:value-of select="@name"/></a></td>
                  <td><xsl:value-of select="translate(@start, 'T', ' ')"/></td>
                  <td><xsl:value-of select="translate(@end, 'T', ' ')"/></td>
                  <td>
                    <xsl:choose>
                      <xsl:when test="@repeat = 'weekly'">
                        <xsl:value-of select="op:t('win.repeat.weekly_on', op:t(concat('weekday.', @weekday)))"/>
                        <xsl:if test="string(@repeat-until) != ''">
                          <xsl:text> </xsl:text>
                          <xsl:value-of select="op:t('win.until', string(@repeat-until))"/>
                        </xsl:if>
                      </xsl:when>
                      <xsl:otherwise><xsl:value-of select="op:t('win.repeat.none')"/></xsl:otherwise>
                    </xsl:choose>
                  </td>
                  <td>
                    <xsl:choose>
                      <xsl:when test="string(@ci) != ''"><xsl:value-of select="concat(@ci, ' ', @ci-name)"/></xsl:when>
                      <xsl:otherwise><xsl:value-of select="op:t('win.ci.all')"/></xsl:otherwise>
                    </xsl:choose>
                  </td>
                  <td><xsl:value-of select="@note"/></td>
                  <td>
                    <xsl:choose>
                      <xsl:when test="@active = '1'"><xsl:value-of select="op:t('win.active.yes')"/></xsl:when>
                      <xsl:otherwise><xsl:value-of select="op:t('win.active.no')"/></xsl:otherwise>
                    </xsl:choose>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise><p class="empty"><xsl:value-of select="op:t('win.empty')"/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="window-fields">
    <xsl:variable name="v" select="window-form"/>
    <div class="field">
      <label for="f-kind"><xsl:value-of select="op:t('win.kind')"/></label>
      <select id="f-kind" name="kind">
        <xsl:call-template name="field-attrs"><xsl:with-param name="field" select="'kind'"/></xsl:call-template>
        <option value="maintenance">
          <xsl:if test="$v/@kind = 'maintenance'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
          <xsl:value-of select="op:t('win.kind.maintenance')"/>
        </option>
        <option value="freeze">
          <xsl:if test="$v/@kind = 'freeze'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
          <xsl:value-of select="op:t('win.kind.freeze')"/>
        </option>
      </select>
      <xsl:call-template name="field-error"><xsl:with-param name="field" select="'kind'"/></xsl:call-template>
    </div>
    <xsl:call-template name="input-field">
      <xsl:with-param name="field" select="'name'"/>
      <xsl:with-param name="label" select="op:t('win.name')"/>
      <xsl:with-param name="value" select="$v/@name"/>
      <xsl:with-param name="required" select="true()"/>
      <xsl:with-param name="maxlength" select="'100'"/>
    </xsl:call-template>
    <xsl:call-template name="input-field">
      <xsl:with-param name="field" select="'start'"/>
      <xsl:with-param name="label" select="op:t('win.start')"/>
      <xsl:with-param name="value" select="$v/@start"/>
      <xsl:with-param name="type" select="'datetime-local'"/>
      <xsl:with-param name="required" select="true()"/>
      <xsl:with-param name="hint" select="op:t('win.time_hint')"/>
    </xsl:call-template>
    <xsl:call-template name="input-field">
      <xsl:with-param name="field" select="'end'"/>
      <xsl:with-param name="label" select="op:t('win.end')"/>
      <xsl:with-param name="value" select="$v/@end"/>
      <xsl:with-param name="type" select="'datetime-local'"/>
      <xsl:with-param name="required" select="true()"/>
    </xsl:call-template>
    <div class="field">
      <label for="f-repeat"><xsl:value-of select="op:t('win.repeat')"/></label>
      <select id="f-repeat" name="repeat">
        <xsl:call-template name="field-attrs"><xsl:with-param name="field" select="'repeat'"/></xsl:call-template>
        <option value="none">
          <xsl:if test="$v/@repeat = 'none'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
          <xsl:value-of select="op:t('win.repeat.none')"/>
        </option>
        <option value="weekly">
          <xsl:if test="$v/@repeat = 'weekly'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
          <xsl:value-of select="op:t('win.repeat.weekly')"/>
        </option>
      </select>
      <xsl:call-template name="field-error"><xsl:with-param name="field" select="'repeat'"/></xsl:call-template>
    </div>
    <xsl:call-template name="input-field">
      <xsl:with-param name="field" select="'repeat_until'"/>
      <xsl:with-param name="label" select="op:t('win.repeat_until')"/>
      <xsl:with-param name="value" select="$v/@repeat-until"/>
      <xsl:with-param name="type" select="'date'"/>
      <xsl:with-param name="hint" select="op:t('win.repeat_until_hint')"/>
    </xsl:call-template>
    <div class="field">
      <label for="f-ci"><xsl:value-of select="op:t('win.ci')"/></label>
      <input type="text" id="f-ci" name="ci" value="{$v/@ci}" list="ci-codes" maxlength="64">
        <xsl:call-template name="field-attrs">
          <xsl:with-param name="field" select="'ci'"/>
          <xsl:with-param name="hint" select="true()"/>
        </xsl:call-template>
      </input>
      <xsl:call-template name="ci-datalist"/>
      <p class="hint" id="f-ci-hint"><xsl:value-of select="op:t('win.ci_hint')"/></p>
      <xsl:call-template name="field-error"><xsl:with-param name="field" select="'ci'"/></xsl:call-template>
    </div>
    <xsl:call-template name="input-field">
      <xsl:with-param name="field" select="'note'"/>
      <xsl:with-param name="label" select="op:t('win.note')"/>
      <xsl:with-param name="value" select="$v/@note"/>
      <xsl:with-param name="maxlength" select="'500'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="ci-datalist">
    <datalist id="ci-codes">
      <xsl:for-each select="/page/cis/ci">
        <option value="{@code}"><xsl:value-of select="@name"/></option>
      </xsl:for-each>
    </datalist>
  </xsl:template>

</xsl:stylesheet>
