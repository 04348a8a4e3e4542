<?xml version="1.0" encoding="UTF-8"?>
<!--
  audit.xsl - the audit log: filter form (GET /audit), CSV export link, table, pages.
  Model: <audit total="" page="" pages="" per-page="" query="user=li.na&amp;entity=user">
  <filter user="" entity="" from="" to=""/> <entities><entity>..</entity></entities>
  <record id="" at="ISO" actor="" action="" entity="" entity-id="" reason=""
  request-id="" hash=""><old>json</old><new>json</new></record>..</audit>.
  @query is the current filter query string, already URL-encoded by the
  server, without page and format; links append &page=N or &format=csv.
  The filter form is GET, so it carries no csrf_token (tokens never in URLs).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <xsl:template match="/page[@name='audit']" mode="title">
    <xsl:value-of select="op:t('audit.title')"/>
  </xsl:template>

  <xsl:template match="/page[@name='audit']" mode="content">
    <xsl:for-each select="audit">
      <xsl:call-template name="audit-filter-form"/>
      <div class="toolbar">
        <p class="summary">
          <xsl:value-of select="op:t('audit.total', string(@total))"/>
        </p>
        <a class="button export">
          <xsl:attribute name="href">
            <xsl:call-template name="audit-url">
              <xsl:with-param name="extra" select="'format=csv'"/>
            </xsl:call-template>
          </xsl:attribute>
          <xsl:value-of select="op:t('audit.csv')"/>
        </a>
      </div>
      <xsl:choose>
        <xsl:when test="record">
          <div class="table-wrap">
            <table class="data audit">
              <thead>
                <tr>
                  <th scope="col" class="num"><xsl:value-of select="op:t('audit.id')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('audit.at')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('audit.actor')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('audit.action')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('audit.entity')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('audit.change')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('audit.reason')"/></th>
                </tr>
              </thead>
              <tbody>
                <xsl:apply-templates select="record" mode="audit"/>
              </tbody>
            </table>
          </div>
          <xsl:call-template name="audit-pager"/>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty"><xsl:value-of select="op:t('audit.empty')"/></p>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- Context: <audit>. -->
  <xsl:template name="audit-filter-form">
    <xsl:variable name="f" select="filter"/>
    <form class="filter" method="get" action="/audit" accept-charset="UTF-8">
      <fieldset>
        <legend><xsl:value-of select="op:t('audit.filter')"/></legend>
        <div class="field">
          <label for="f-user"><xsl:value-of select="op:t('field.user')"/></label>
          <input type="text" id="f-user" name="user" value="{$f/@user}">
            <xsl:call-template name="field-attrs">
              <xsl:with-param name="field" select="'user'"/>
            </xsl:call-template>
          </input>
          <xsl:call-template name="field-error">
            <xsl:with-param name="field" select="'user'"/>
          </xsl:call-template>
        </div>
        <div class="field">
          <label for="f-entity"><xsl:value-of select="op:t('field.entity')"/></label>
          <select id="f-entity" name="entity">
            <xsl:call-template name="field-attrs">
              <xsl:with-param name="field" select="'entity'"/>
            </xsl:call-template>
            <option value=""><xsl:value-of select="op:t('common.all')"/></option>
            <xsl:for-each select="entities/entity">
              <option value="{.}">
                <xsl:if test=". = $f/@entity">
                  <xsl:attribute name="selected">selected</xsl:attribute>
                </xsl:if>
                <xsl:value-of select="."/>
              </option>
            </xsl:for-each>
          </select>
          <xsl:call-template name="field-error">
            <xsl:with-param name="field" select="'entity'"/>
          </xsl:call-template>
        </div>
        <div class="field">
          <label for="f-from"><xsl:value-of select="op:t('field.from')"/></label>
          <input type="date" id="f-from" name="from" value="{$f/@from}">
            <xsl:call-template name="field-attrs">
              <xsl:with-param name="field" select="'from'"/>
            </xsl:call-template>
          </input>
          <xsl:call-template name="field-error">
            <xsl:with-param name="field" select="'from'"/>
          </xsl:call-template>
        </div>
        <div class="field">
          <label for="f-to"><xsl:value-of select="op:t('field.to')"/></label>
          <input type="date" id="f-to" name="to" value="{$f/@to}">
            <xsl:call-template name="field-attrs">
              <xsl:with-param name="field" select="'to'"/>
            </xsl:call-template>
          </input>
          <xsl:call-template name="field-error">
            <xsl:with-param name="field" select="'to'"/>
          </xsl:call-template>
        </div>
        <div class="actions">
          <button type="submit" class="button primary"><xsl:value-of select="op:t('action.filter')"/></button>
          <a class="button secondary" href="/audit"><xsl:value-of select="op:t('action.reset')"/></a>
        </div>
      </fieldset>
    </form>
  </xsl:template>

  <xsl:template match="record" mode="audit">
    <tr>
      <td class="num"><xsl:value-of select="@id"/></td>
      <td class="time">
        <time datetime="{@at}"><xsl:value-of select="op:time(string(@at))"/></time>
      </td>
      <td><xsl:value-of select="@actor"/></td>
      <td><code class="action"><xsl:value-of select="@action"/></code></td>
      <td class="entity">
        <xsl:value-of select="@entity"/>
        <xsl:if test="string(@entity-id) != ''">
          <xsl:text> </xsl:text>
          <span class="entity-id"><xsl:value-of select="@entity-id"/></span>
        </xsl:if>
      </td>
      <td class="change">
        <xsl:if test="string(old) != ''">
          <code class="old"><xsl:value-of select="old"/></code>
        </xsl:if>
        <xsl:if test="string(old) != '' and string(new) != ''">
          <span class="arrow"><xsl:value-of select="op:t('audit.arrow')"/></span>
        </xsl:if>
        <xsl:if test="string(new) != ''">
          <code class="new"><xsl:value-of select="new"/></code>
        </xsl:if>
      </td>
      <td class="reason"><xsl:value-of select="@reason"/></td>
    </tr>
  </xsl:template>

  <!-- Context: <audit>. First / previous / "page x of y" / next / last. -->
  <xsl:template name="audit-pager">
    <xsl:variable name="page" select="number(@page)"/>
    <xsl:variable name="pages" select="number(@pages)"/>
    <xsl:if test="$pages &gt; 1">
      <nav class="pager" aria-label="{op:t('pager.label')}">
        <xsl:if test="$page &gt; 1">
          <xsl:call-template name="page-link">
            <xsl:with-param name="n" select="1"/>
            <xsl:with-param name="text" select="op:t('pager.first')"/>
            <xsl:with-param name="rel" select="'first'"/>
          </xsl:call-template>
          <xsl:call-template name="page-link">
            <xsl:with-param name="n" select="$page - 1"/>
            <xsl:with-param name="text" select="op:t('pager.prev')"/>
            <xsl:with-param name="rel" select="'prev'"/>
          </xsl:call-template>
        </xsl:if>
        <span class="pager-status" aria-current="page">
          <xsl:value-of select="op:t('pager.status', string($page), string($pages))"/>
        </span>
        <xsl:if test="$page &lt; $pages">
          <xsl:call-template name="page-link">
            <xsl:with-param name="n" select="$page + 1"/>
            <xsl:with-param name="text" select="op:t('pager.next')"/>
            <xsl:with-param name="rel" select="'next'"/>
          </xsl:call-template>
          <xsl:call-template name="page-link">
            <xsl:with-param name="n" select="$pages"/>
            <xsl:with-param name="text" select="op:t('pager.last')"/>
            <xsl:with-param name="rel" select="'last'"/>
          </xsl:call-template>
        </xsl:if>
      </nav>
    </xsl:if>
  </xsl:template>

  <xsl:template name="page-link">
    <xsl:param name="n"/>
    <xsl:param name="text"/>
    <xsl:param name="rel"/>
    <a class="pager-link pager-{$rel}">
      <xsl:attribute name="href">
        <xsl:call-template name="audit-url">
          <xsl:with-param name="extra" select="concat('page=', $n)"/>
        </xsl:call-template>
      </xsl:attribute>
      <xsl:if test="$rel = 'prev' or $rel = 'next'">
        <xsl:attribute name="rel"><xsl:value-of select="$rel"/></xsl:attribute>
      </xsl:if>
      <xsl:value-of select="$text"/>
    </a>
  </xsl:template>

  <!-- Context: <audit>. /audit?{@query}&{$extra}; @query is already encoded. -->
  <xsl:template name="audit-url">
    <xsl:param name="extra"/>
    <xsl:choose>
      <xsl:when test="string(@query) != ''">
        <xsl:value-of select="concat('/audit?', @query, '&amp;', $extra)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat('/audit?', $extra)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
