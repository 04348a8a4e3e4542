<?xml version="1.0" encoding="UTF-8"?>
<!--
  search.xsl - task search across projects (GET /tasks).
  Model: <search total page pages query sort dir>
    <filter project owner status priority due_from due_to overdue at_risk q/>
    <task …row attributes…/>…
  </search> + people + <projects-list><project code name/>…</projects-list>.
  @query: the filters, URL-encoded by the server, without page, sort, dir
  and format. Links: sort headers /tasks?{query}&sort=COL&dir=asc|desc,
  pages …&sort&dir&page=N, CSV /tasks?{query}&format=csv. Sort and dir only
  go into links when they are one of the known values.
  The filter form is GET (no token); it keeps the current order in hidden fields.
  open=1 (open leaf tasks of running projects, the dashboard's count) is not
  in <filter>; its checkbox reads the request's query string.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <xsl:template match="/page[@name='search']" mode="title">
    <xsl:value-of select="op:t('search.title')"/>
  </xsl:template>

  <xsl:template match="/page[@name='search']" mode="content">
    <xsl:for-each select="search">
      <xsl:variable name="base">
        <xsl:choose>
          <xsl:when test="string(@query) != ''"><xsl:value-of select="concat('/tasks?', @query, '&amp;')"/></xsl:when>
          <xsl:otherwise>/tasks?</xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="sort">
        <xsl:if test="contains(' wbs name owner status priority finish percent project ', concat(' ', @sort, ' ')) and string(@sort) != ''">
          <xsl:value-of select="@sort"/>
        </xsl:if>
      </xsl:variable>
      <xsl:variable name="dir">
        <xsl:choose>
          <xsl:when test="@dir = 'desc'">desc</xsl:when>
          <xsl:otherwise>asc</xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <!-- base + current order, for the pager -->
      <xsl:variable name="ordered">
        <xsl:value-of select="$base"/>
        <xsl:if test="$sort != ''">
          <xsl:value-of select="concat('sort=', $sort, '&amp;dir=', $dir, '&amp;')"/>
        </xsl:if>
      </xsl:variable>

      <xsl:call-template name="search-filter-form">
        <xsl:with-param name="sort" select="string($sort)"/>
        <xsl:with-param name="dir" select="string($dir)"/>
      </xsl:call-template>

      <div class="toolbar">
        <p class="summary"><xsl:value-of select="op:t('search.total', string(@total))"/></p>
        <a class="button export">
          <xsl:attribute name="href">
            <xsl:choose>
              <xsl:when test="string(@query) != ''"><xsl:value-of select="concat('/tasks?', @query, '&amp;format=csv')"/></xsl:when>
              <xsl:otherwise>/tasks?format=csv</xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <xsl:value-of select="op:t('action.export_csv')"/>
        </a>
      </div>

      <xsl:choose>
        <xsl:when test="task">
          <div class="table-wrap">
            <table class="data tasks search-results">
              <xsl:call-template name="task-head">
                <xsl:with-param name="project" select="true()"/>
                <xsl:with-param name="hours" select="false()"/>
                <xsl:with-param name="sort-base" select="string($base)"/>
                <xsl:with-param name="sort" select="string($sort)"/>
                <xsl:with-param name="dir" select="string($dir)"/>
              </xsl:call-template>
              <tbody>
                <xsl:for-each select="task">
                  <xsl:call-template name="task-row">
                    <xsl:with-param name="project" select="true()"/>
                    <xsl:with-param name="hours" select="false()"/>
                  </xsl:call-template>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
          <xsl:call-template name="search-pager">
            <xsl:with-param name="base" select="string($ordered)"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty"><xsl:value-of select="op:t('search.empty')"/></p>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- Context: <search>. -->
  <xsl:template name="search-filter-form">
    <xsl:param name="sort"/>
    <xsl:param name="dir"/>
    <xsl:variable name="f" select="filter"/>
    <form class="filter" method="get" action="/tasks" accept-charset="UTF-8">
      <fieldset>
        <legend><xsl:value-of select="op:t('search.filter')"/></legend>
        <xsl:if test="$sort != ''">
          <input type="hidden" name="sort" value="{$sort}"/>
          <input type="hidden" name="dir" value="{$dir}"/>
        </xsl:if>
        <div class="field">
          <label for="f-project"><xsl:value-of select="op:t('field.project')"/></label>
          <select id="f-project" name="project">
            <xsl:call-template name="field-attrs"><xsl:with-param name="field" select="'project'"/></xsl:call-template>
            <option value=""><xsl:value-of select="op:t('common.all')"/></option>
            <xsl:if test="string($f/@project) != '' and not(/page/projects-list/project[@code = $f/@project])">
              <option value="{$f/@project}" selected="selected"><xsl:value-of select="$f/@project"/></option>
            </xsl:if>
            <xsl:for-each select="/page/projects-list/project">
              <option value="{@code}">
                <xsl:if test="@code = $f/@project">
                  <xsl:attribute name="selected">selected</xsl:attribute>
                </xsl:if>
                <xsl:value-of select="op:t('project.title', string(@code), string(@name))"/>
              </option>
            </xsl:for-each>
          </select>
        </div>
        <div class="field">
          <label for="f-owner"><xsl:value-of select="op:t('field.owner')"/></label>
          <select id="f-owner" name="owner">
            <xsl:call-template name="field-attrs"><xsl:with-param name="field" select="'owner'"/></xsl:call-template>
            <option value=""><xsl:value-of select="op:t('common.all')"/></option>
            <xsl:call-template name="person-options">
              <xsl:with-param name="current" select="string($f/@owner)"/>
            </xsl:call-template>
          </select>
        </div>
        <div class="field">
          <label for="f-status"><xsl:value-of select="op:t('field.status')"/></label>
          <select id="f-status" name="status">
            <xsl:call-template name="field-attrs"><xsl:with-param name="field" select="'status'"/></xsl:call-template>
            <option value=""><xsl:value-of select="op:t('common.all')"/></option>
            <xsl:call-template name="code-options">
              <xsl:with-param name="codes" select="'not_started in_progress blocked done cancelled'"/>
              <xsl:with-param name="prefix" select="'task.status.'"/>
              <xsl:with-param name="current" select="string($f/@status)"/>
            </xsl:call-template>
          </select>
        </div>
        <div class="field">
          <label for="f-priority"><xsl:value-of select="op:t('field.priority')"/></label>
          <select id="f-priority" name="priority">
            <xsl:call-template name="field-attrs"><xsl:with-param name="field" select="'priority'"/></xsl:call-template>
            <option value=""><xsl:value-of select="op:t('common.all')"/></option>
            <xsl:call-template name="code-options">
              <xsl:with-param name="codes" select="'1 2 3 4'"/>
              <xsl:with-param name="prefix" select="'priority.'"/>
              <xsl:with-param name="current" select="string($f/@priority)"/>
            </xsl:call-template>
          </select>
        </div>
        <div class="field">
          <label for="f-due_from"><xsl:value-of select="op:t('field.due_from')"/></label>
          <input type="date" id="f-due_from" name="due_from" value="{$f/@due_from}">
            <xsl:call-template name="field-attrs"><xsl:with-param name="field" select="'due_from'"/></xsl:call-template>
          </input>
          <xsl:call-template name="field-error"><xsl:with-param name="field" select="'due_from'"/></xsl:call-template>
        </div>
        <div class="field">
          <label for="f-due_to"><xsl:value-of select="op:t('field.due_to')"/></label>
          <input type="date" id="f-due_to" name="due_to" value="{$f/@due_to}">
            <xsl:call-template name="field-attrs"><xsl:with-param name="field" select="'due_to'"/></xsl:call-template>
          </input>
          <xsl:call-template name="field-error"><xsl:with-param name="field" select="'due_to'"/></xsl:call-template>
        </div>
        <div class="field">
          <label for="f-q"><xsl:value-of select="op:t('field.q')"/></label>
          <input type="search" id="f-q" name="q" value="{$f/@q}"/>
        </div>
        <div class="field checks">
          <span class="check">
            <input type="checkbox" id="f-overdue" name="overdue" value="1">
              <xsl:if test="$f/@overdue = '1'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
            </input>
            <label for="f-overdue"><xsl:value-of select="op:t('search.overdue_only')"/></label>
          </span>
          <span class="check">
            <input type="checkbox" id="f-open" name="open" value="1">
              <xsl:if test="contains(concat('&amp;', /page/meta/@query, '&amp;'), '&amp;open=1&amp;')">
                <xsl:attribute name="checked">checked</xsl:attribute>
              </xsl:if>
            </input>
            <label for="f-open"><xsl:value-of select="op:t('search.open_only')"/></label>
          </span>
          <span class="check">
            <input type="checkbox" id="f-at_risk" name="at_risk" value="1">
              <xsl:if test="$f/@at_risk = '1'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
            </input>
            <label for="f-at_risk"><xsl:value-of select="op:t('search.at_risk_only')"/></label>
          </span>
        </div>
        <div class="actions">
          <button type="submit" class="button primary"><xsl:value-of select="op:t('action.filter')"/></button>
          <a class="button secondary" href="/tasks"><xsl:value-of select="op:t('action.reset')"/></a>
        </div>
      </fieldset>
    </form>
  </xsl:template>

  <!-- Context: <search>. $base ends with "?" or "&". -->
  <xsl:template name="search-pager">
    <xsl:param name="base"/>
    <xsl:variable name="page" select="number(@page)"/>
    <xsl:variable name="pages" select="number(@pages)"/>
    <xsl:if test="$pages &gt; 1">
      <nav class="pager" aria-label="{op:t('pager.label')}">
        <xsl:if test="$page &gt; 1">
          <a class="pager-link pager-first" href="{concat($base, 'page=1')}"><xsl:value-of select="op:t('pager.first')"/></a>
          <a class="pager-link pager-prev" rel="prev" href="{concat($base, 'page=', $page - 1)}"><xsl:value-of select="op:t('pager.prev')"/></a>
        </xsl:if>
        <span class="pager-status" aria-current="page">
          <xsl:value-of select="op:t('pager.status', string($page), string($pages))"/>
        </span>
        <xsl:if test="$page &lt; $pages">
          <a class="pager-link pager-next" rel="next" href="{concat($base, 'page=', $page + 1)}"><xsl:value-of select="op:t('pager.next')"/></a>
          <a class="pager-link pager-last" href="{concat($base, 'page=', $pages)}"><xsl:value-of select="op:t('pager.last')"/></a>
        </xsl:if>
      </nav>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
