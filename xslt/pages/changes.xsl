<?xml version="1.0" encoding="UTF-8"?>
<!--
  changes.xsl - the requests for change (GET /changes): filters state, type, risk level,
  requester, CI, free text on number, title and description, and overdue emergency reviews
  (GET form), the list newest first, 100 a page with a pager (search.xsl's search-pager), its CSV
  download (every change of the filter, all pages) and, for everyone who may raise an RFC, the
  link to a new one.
  Model: <changes state type risk requester ci q overdue query total page pages><change number title
  type category state risk-level risk-score requester requester-name implementer planned-start
  planned-end updated review-overdue="1"/>…
  </changes> + <people> + <ci-codes> + <can create="1|0"/>. @query is the filter, URL-encoded by
  the server, without page and format.
  The code lists are variables shared with change-form.xsl and change.xsl.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <xsl:variable name="chg-states" select="'new assess authorize scheduled implement review closed rejected cancelled'"/>
  <xsl:variable name="chg-types" select="'normal standard emergency'"/>
  <xsl:variable name="chg-risks" select="'low medium high very_high'"/>
  <xsl:variable name="chg-close-codes" select="'successful successful_with_issues unsuccessful rolled_back'"/>
  <xsl:variable name="chg-questions" select="'services users outage tested backout done_before'"/>

  <!-- A local time "YYYY-MM-DDTHH:MM" as "YYYY-MM-DD HH:MM". -->
  <xsl:template name="chg-local">
    <xsl:param name="t"/>
    <xsl:if test="string($t) != ''">
      <time datetime="{$t}"><xsl:value-of select="translate($t, 'T', ' ')"/></time>
    </xsl:if>
  </xsl:template>

  <xsl:template match="/page[@name='changes']" mode="title">
    <xsl:value-of select="op:t('chg.title')"/>
  </xsl:template>

  <xsl:template match="/page[@name='changes']" mode="content">
    <xsl:variable name="can-create" select="can/@create = '1'"/>
    <p class="hint"><xsl:value-of select="op:t('chg.intro')"/></p>
    <xsl:for-each select="changes">
      <form class="filter" method="get" action="/changes" accept-charset="UTF-8">
        <fieldset>
          <legend><xsl:value-of select="op:t('chg.filter')"/></legend>
          <div class="field">
            <label for="f-state"><xsl:value-of select="op:t('chg.state')"/></label>
            <select id="f-state" name="state">
              <option value=""><xsl:value-of select="op:t('chg.all')"/></option>
              <xsl:call-template name="code-options">
                <xsl:with-param name="codes" select="$chg-states"/>
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
                <xsl:with-param name="codes" select="$chg-types"/>
                <xsl:with-param name="prefix" select="'chg.type.'"/>
                <xsl:with-param name="current" select="string(@type)"/>
              </xsl:call-template>
            </select>
          </div>
          <div class="field">
            <label for="f-risk"><xsl:value-of select="op:t('chg.risk.level')"/></label>
            <select id="f-risk" name="risk">
              <option value=""><xsl:value-of select="op:t('chg.all')"/></option>
              <xsl:call-template name="code-options">
                <xsl:with-param name="codes" select="$chg-risks"/>
                <xsl:with-param name="prefix" select="'chg.risk.level.'"/>
                <xsl:with-param name="current" select="string(@risk)"/>
              </xsl:call-template>
            </select>
          </div>
          <div class="field">
            <label for="f-requester"><xsl:value-of select="op:t('chg.requester')"/></label>
            <select id="f-requester" name="requester">
              <option value=""><xsl:value-of select="op:t('chg.all')"/></option>
              <xsl:call-template name="person-options">
                <xsl:with-param name="current" select="string(@requester)"/>
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
          <div class="field">
            <label for="f-q"><xsl:value-of select="op:t('chg.q')"/></label>
            <input type="search" id="f-q" name="q" value="{@q}" maxlength="200"/>
          </div>
          <div class="field checkbox">
            <input type="checkbox" id="f-overdue" name="overdue" value="1">
              <xsl:if test="@overdue = '1'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
            </input>
            <label for="f-overdue"><xsl:value-of select="op:t('chg.filter_overdue')"/></label>
          </div>
          <div class="actions">
            <button type="submit" class="button primary"><xsl:value-of select="op:t('action.filter')"/></button>
            <a class="button secondary" href="/changes"><xsl:value-of select="op:t('action.reset')"/></a>
          </div>
        </fieldset>
      </form>

      <div class="toolbar">
        <p class="summary"><xsl:value-of select="op:t('chg.count', string(@total))"/></p>
        <p class="actions">
          <a class="button">
            <xsl:attribute name="href">
              <xsl:value-of select="'/changes?format=csv'"/>
              <xsl:if test="string(@query) != ''">
                <xsl:value-of select="concat('&amp;', @query)"/>
              </xsl:if>
            </xsl:attribute>
            <xsl:value-of select="op:t('chg.csv')"/>
          </a>
          <a class="button" href="/changes/calendar"><xsl:value-of select="op:t('ccal.link')"/></a>
          <a class="button" href="/changes/standard"><xsl:value-of select="op:t('std.link')"/></a>
          <xsl:if test="key('my-role', 'admin') or key('my-role', 'manager') or key('my-role', 'auditor')">
            <a class="button" href="/changes/audit"><xsl:value-of select="op:t('caud.link.audit')"/></a>
          </xsl:if>
          <xsl:if test="$can-create">
            <a class="button primary" href="/changes/new"><xsl:value-of select="op:t('chg.new')"/></a>
          </xsl:if>
        </p>
      </div>

      <xsl:choose>
        <xsl:when test="change">
          <div class="table-wrap">
            <table class="data changes">
              <thead>
                <tr>
                  <th scope="col"><xsl:value-of select="op:t('chg.number')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('chg.f.title')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('chg.f.type')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('chg.state')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('chg.risk.level')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('chg.requester')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('chg.f.planned_start')"/></th>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="change">
                  <tr class="chg-{@state}">
                    <td class="code"><a href="/changes/{@number}"><xsl:value-of select="@number"/></a></td>
                    <th scope="row"><a href="/changes/{@number}"><xsl:value-of select="@title"/></a></th>
                    <td><xsl:value-of select="op:t(concat('chg.type.', @type))"/></td>
                    <td>
                      <span class="tag"><xsl:value-of select="op:t(concat('chg.state.', @state))"/></span>
                      <xsl:if test="@review-overdue = '1'">
                        <xsl:text> </xsl:text>
                        <span class="badge badge-overdue review-overdue"><xsl:value-of select="op:t('chg.review_overdue')"/></span>
                      </xsl:if>
                    </td>
                    <td>
                      <xsl:if test="string(@risk-level) != ''">
                        <xsl:value-of select="op:t(concat('chg.risk.level.', @risk-level))"/>
                      </xsl:if>
                    </td>
                    <td><xsl:value-of select="@requester-name"/></td>
                    <td class="time">
                      <xsl:call-template name="chg-local"><xsl:with-param name="t" select="@planned-start"/></xsl:call-template>
                    </td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </xsl:when>
        <xsl:when test="@page &gt; 1">
          <p class="empty"><xsl:value-of select="op:t('error.page')"/></p>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty"><xsl:value-of select="op:t('chg.empty')"/></p>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="search-pager">
        <xsl:with-param name="base">
          <xsl:choose>
            <xsl:when test="string(@query) != ''"><xsl:value-of select="concat('/changes?', @query, '&amp;')"/></xsl:when>
            <xsl:otherwise>/changes?</xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
