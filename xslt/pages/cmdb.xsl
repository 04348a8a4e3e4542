<?xml version="1.0" encoding="UTF-8"?>
<!--
  cmdb.xsl - the configuration items (GET /cmdb): filters type, status, owner and free text on
  code and name (GET form), the list sorted by code, its CSV download, and for administrators and
  managers the link to create a CI.
  Model: <cmdb type status owner q total><ci code name type status owner owner-name description
  updated/>…</cmdb> + <people> + <can create="1|0"/>.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <xsl:variable name="cmdb-types" select="'server database network application service storage other'"/>
  <xsl:variable name="cmdb-statuses" select="'planned active maintenance retired'"/>

  <xsl:template match="/page[@name='cmdb']" mode="title">
    <xsl:value-of select="op:t('cmdb.title')"/>
  </xsl:template>

  <xsl:template match="/page[@name='cmdb']" mode="content">
    <xsl:variable name="can-create" select="can/@create = '1'"/>
    <p class="hint"><xsl:value-of select="op:t('cmdb.intro')"/></p>
    <xsl:for-each select="cmdb">
      <form class="filter" method="get" action="/cmdb" accept-charset="UTF-8">
        <fieldset>
          <legend><xsl:value-of select="op:t('cmdb.filter')"/></legend>
          <div class="field">
            <label for="f-type"><xsl:value-of select="op:t('cmdb.type')"/></label>
            <select id="f-type" name="type">
              <option value=""><xsl:value-of select="op:t('cmdb.all')"/></option>
              <xsl:call-template name="code-options">
                <xsl:with-param name="codes" select="$cmdb-types"/>
                <xsl:with-param name="prefix" select="'cmdb.type.'"/>
                <xsl:with-param name="current" select="string(@type)"/>
              </xsl:call-template>
            </select>
          </div>
          <div class="field">
            <label for="f-status"><xsl:value-of select="op:t('cmdb.status')"/></label>
            <select id="f-status" name="status">
              <option value=""><xsl:value-of select="op:t('cmdb.all')"/></option>
              <xsl:call-template name="code-options">
                <xsl:with-param name="codes" select="$cmdb-statuses"/>
                <xsl:with-param name="prefix" select="'cmdb.status.'"/>
                <xsl:with-param name="current" select="string(@status)"/>
              </xsl:call-template>
            </select>
          </div>
          <div class="field">
            <label for="f-owner"><xsl:value-of select="op:t('cmdb.owner')"/></label>
            <select id="f-owner" name="owner">
              <option value=""><xsl:value-of select="op:t('cmdb.all')"/></option>
              <xsl:call-template name="person-options">
                <xsl:with-param name="current" select="string(@owner)"/>
              </xsl:call-template>
            </select>
          </div>
          <div class="field">
            <label for="f-q"><xsl:value-of select="op:t('cmdb.q')"/></label>
            <input type="search" id="f-q" name="q" value="{@q}" maxlength="200"/>
          </div>
          <div class="actions">
            <button type="submit" class="button primary"><xsl:value-of select="op:t('action.filter')"/></button>
            <a class="button secondary" href="/cmdb"><xsl:value-of select="op:t('action.reset')"/></a>
          </div>
        </fieldset>
      </form>

      <div class="toolbar">
        <p class="summary"><xsl:value-of select="op:t('cmdb.count', string(@total))"/></p>
        <p class="actions">
          <a class="button">
            <xsl:attribute name="href">
              <xsl:value-of select="'/cmdb?format=csv'"/>
              <xsl:if test="string(/page/meta/@query) != ''">
                <xsl:value-of select="concat('&amp;', /page/meta/@query)"/>
              </xsl:if>
            </xsl:attribute>
            <xsl:value-of select="op:t('cmdb.csv')"/>
          </a>
          <xsl:if test="$can-create">
            <a class="button primary" href="/cmdb/new"><xsl:value-of select="op:t('cmdb.new')"/></a>
          </xsl:if>
        </p>
      </div>

      <xsl:choose>
        <xsl:when test="ci">
          <div class="table-wrap">
            <table class="data cmdb">
              <thead>
                <tr>
                  <th scope="col"><xsl:value-of select="op:t('cmdb.code')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('cmdb.name')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('cmdb.type')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('cmdb.status')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('cmdb.owner')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('cmdb.updated')"/></th>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="ci">
                  <tr class="ci-{@status}">
                    <td class="code"><a href="/cmdb/{@code}"><xsl:value-of select="@code"/></a></td>
                    <th scope="row"><a href="/cmdb/{@code}"><xsl:value-of select="@name"/></a></th>
                    <td><xsl:value-of select="op:t(concat('cmdb.type.', @type))"/></td>
                    <td><xsl:value-of select="op:t(concat('cmdb.status.', @status))"/></td>
                    <td><xsl:value-of select="@owner-name"/></td>
                    <td class="time"><time datetime="{@updated}"><xsl:value-of select="op:time(string(@updated))"/></time></td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty"><xsl:value-of select="op:t('cmdb.empty')"/></p>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
