<?xml version="1.0" encoding="UTF-8"?>
<!--
  home.xsl - the dashboard. Model:
  <dashboard today="2026-11-25">
    <project code name status health manager-name planned-percent percent
             planned-finish forecast-finish deviation overdue at-risk tasks>
      <next-milestone id name finish/>            (optional)
    </project>…
    <bottlenecks><person login name overdue blocked open/>…</bottlenecks>
  </dashboard>
  deviation = forecast - planned finish in working days (positive = late).
  Project codes are [A-Z0-9-] and logins [a-z0-9._@-], so they go into
  query strings as they are. A person's open count links to
  /tasks?owner=LOGIN&open=1 (open leaf tasks of running projects, which is
  what the count counts).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <xsl:template match="/page[@name='home']" mode="title">
    <xsl:value-of select="op:t('home.title')"/>
  </xsl:template>

  <xsl:template match="/page[@name='home']" mode="content">
    <xsl:variable name="user" select="meta/user"/>
    <xsl:variable name="can-create" select="key('my-role', 'admin') or key('my-role', 'manager')"/>
    <xsl:for-each select="dashboard">
      <div class="toolbar">
        <p class="summary">
          <xsl:value-of select="op:t('home.welcome_today', string($user/@name[. != ''] | $user/@login[not(../@name != '')]), string(@today))"/>
        </p>
        <p class="actions">
          <a class="button" href="/my"><xsl:value-of select="op:t('home.my_tasks')"/></a>
          <xsl:if test="$can-create">
            <a class="button primary" href="/projects/new"><xsl:value-of select="op:t('projects.new')"/></a>
          </xsl:if>
        </p>
      </div>

      <xsl:choose>
        <xsl:when test="project">
          <xsl:call-template name="health-summary"/>
          <section class="dashboard-projects" aria-labelledby="h-projects">
            <h2 id="h-projects"><xsl:value-of select="op:t('home.projects_heading')"/></h2>
            <div class="table-wrap">
              <table class="data dashboard">
                <thead>
                  <tr>
                    <th scope="col"><xsl:value-of select="op:t('home.col.project')"/></th>
                    <th scope="col"><xsl:value-of select="op:t('home.col.health')"/></th>
                    <th scope="col"><xsl:value-of select="op:t('home.col.status')"/></th>
                    <th scope="col"><xsl:value-of select="op:t('home.col.manager')"/></th>
                    <th scope="col"><xsl:value-of select="op:t('home.col.progress')"/></th>
                    <th scope="col" class="date"><xsl:value-of select="op:t('home.col.planned_finish')"/></th>
                    <th scope="col" class="date"><xsl:value-of select="op:t('home.col.forecast_finish')"/></th>
                    <th scope="col" class="num"><xsl:value-of select="op:t('home.col.deviation')"/></th>
                    <th scope="col" class="num"><xsl:value-of select="op:t('home.col.overdue')"/></th>
                    <th scope="col" class="num"><xsl:value-of select="op:t('home.col.at_risk')"/></th>
                    <th scope="col" class="num"><xsl:value-of select="op:t('home.col.tasks')"/></th>
                    <th scope="col"><xsl:value-of select="op:t('home.col.milestone')"/></th>
                  </tr>
                </thead>
                <tbody>
                  <xsl:apply-templates select="project" mode="dashboard"/>
                </tbody>
              </table>
            </div>
            <p class="hint legend">
              <xsl:value-of select="op:t('home.legend')"/>
            </p>
          </section>
        </xsl:when>
        <xsl:otherwise>
          <section class="panel">
            <p class="empty"><xsl:value-of select="op:t('home.no_projects')"/></p>
            <p>
              <a href="/projects"><xsl:value-of select="op:t('home.all_projects')"/></a>
            </p>
          </section>
        </xsl:otherwise>
      </xsl:choose>

      <section class="dashboard-people" aria-labelledby="h-people">
        <h2 id="h-people"><xsl:value-of select="op:t('home.bottlenecks')"/></h2>
        <xsl:choose>
          <xsl:when test="bottlenecks/person">
            <p class="hint"><xsl:value-of select="op:t('home.bottlenecks.hint')"/></p>
            <div class="table-wrap narrow">
              <table class="data bottlenecks">
                <thead>
                  <tr>
                    <th scope="col"><xsl:value-of select="op:t('home.col.person')"/></th>
                    <th scope="col" class="num"><xsl:value-of select="op:t('home.col.overdue')"/></th>
                    <th scope="col" class="num"><xsl:value-of select="op:t('home.col.blocked')"/></th>
                    <th scope="col" class="num"><xsl:value-of select="op:t('home.col.open')"/></th>
                  </tr>
                </thead>
                <tbody>
                  <xsl:for-each select="bottlenecks/person">
                    <tr>
                      <th scope="row">
                        <xsl:call-template name="person-name">
                          <xsl:with-param name="login" select="string(@login)"/>
                          <xsl:with-param name="name" select="string(@name)"/>
                        </xsl:call-template>
                      </th>
                      <td class="num">
                        <xsl:call-template name="count-link">
                          <xsl:with-param name="n" select="@overdue"/>
                          <xsl:with-param name="href" select="concat('/tasks?owner=', @login, '&amp;overdue=1')"/>
                          <xsl:with-param name="class" select="'count-overdue'"/>
                        </xsl:call-template>
                      </td>
                      <td class="num">
                        <xsl:call-template name="count-link">
                          <xsl:with-param name="n" select="@blocked"/>
                          <xsl:with-param name="href" select="concat('/tasks?owner=', @login, '&amp;status=blocked')"/>
                          <xsl:with-param name="class" select="'count-blocked'"/>
                        </xsl:call-template>
                      </td>
                      <td class="num">
                        <xsl:call-template name="count-link">
                          <xsl:with-param name="n" select="@open"/>
                          <xsl:with-param name="href" select="concat('/tasks?owner=', @login, '&amp;open=1')"/>
                        </xsl:call-template>
                      </td>
                    </tr>
                  </xsl:for-each>
                </tbody>
              </table>
            </div>
          </xsl:when>
          <xsl:otherwise>
            <p class="empty"><xsl:value-of select="op:t('home.no_bottlenecks')"/></p>
          </xsl:otherwise>
        </xsl:choose>
      </section>
    </xsl:for-each>
  </xsl:template>

  <!-- Context: <dashboard>. Count of projects per health. -->
  <xsl:template name="health-summary">
    <ul class="health-summary" aria-label="{op:t('home.health_summary')}">
      <xsl:call-template name="health-count">
        <xsl:with-param name="code" select="'late'"/>
      </xsl:call-template>
      <xsl:call-template name="health-count">
        <xsl:with-param name="code" select="'at_risk'"/>
      </xsl:call-template>
      <xsl:call-template name="health-count">
        <xsl:with-param name="code" select="'on_track'"/>
      </xsl:call-template>
      <xsl:call-template name="health-count">
        <xsl:with-param name="code" select="'done'"/>
      </xsl:call-template>
    </ul>
  </xsl:template>

  <xsl:template name="health-count">
    <xsl:param name="code"/>
    <li class="health-card health-card-{$code}">
      <span class="health-count"><xsl:value-of select="count(project[@health = $code])"/></span>
      <xsl:call-template name="health">
        <xsl:with-param name="code" select="$code"/>
      </xsl:call-template>
    </li>
  </xsl:template>

  <xsl:template match="project" mode="dashboard">
    <tr class="health-row-{@health}">
      <th scope="row" class="project-name">
        <a href="/projects/{@code}">
          <span class="code"><xsl:value-of select="@code"/></span>
          <xsl:text> </xsl:text>
          <xsl:value-of select="@name"/>
        </a>
      </th>
      <td>
        <xsl:call-template name="health">
          <xsl:with-param name="code" select="string(@health)"/>
        </xsl:call-template>
      </td>
      <td>
        <xsl:call-template name="project-status">
          <xsl:with-param name="code" select="string(@status)"/>
        </xsl:call-template>
      </td>
      <td><xsl:value-of select="@manager-name"/></td>
      <td class="progress">
        <xsl:call-template name="bar">
          <xsl:with-param name="percent" select="@percent"/>
          <xsl:with-param name="planned" select="@planned-percent"/>
          <xsl:with-param name="class" select="concat('health-', @health)"/>
        </xsl:call-template>
        <span class="pct-text">
          <xsl:value-of select="op:t('home.progress_text',
              format-number(number(concat('0', @percent)), '0'),
              format-number(number(concat('0', @planned-percent)), '0'))"/>
        </span>
      </td>
      <td class="date"><xsl:value-of select="@planned-finish"/></td>
      <td class="date"><xsl:value-of select="@forecast-finish"/></td>
      <td class="num">
        <xsl:variable name="d" select="number(@deviation)"/>
        <xsl:choose>
          <xsl:when test="not($d = $d)"/>
          <xsl:when test="$d &gt; 0">
            <span class="deviation late"><xsl:value-of select="op:t('home.deviation.late', string($d))"/></span>
          </xsl:when>
          <xsl:when test="$d &lt; 0">
            <span class="deviation early"><xsl:value-of select="op:t('home.deviation.early', string(-$d))"/></span>
          </xsl:when>
          <xsl:otherwise>
            <span class="deviation"><xsl:value-of select="op:t('home.deviation.none')"/></span>
          </xsl:otherwise>
        </xsl:choose>
      </td>
      <td class="num">
        <xsl:call-template name="count-link">
          <xsl:with-param name="n" select="@overdue"/>
          <xsl:with-param name="href" select="concat('/tasks?project=', @code, '&amp;overdue=1')"/>
          <xsl:with-param name="class" select="'count-overdue'"/>
        </xsl:call-template>
      </td>
      <td class="num">
        <xsl:call-template name="count-link">
          <xsl:with-param name="n" select="@at-risk"/>
          <xsl:with-param name="href" select="concat('/tasks?project=', @code, '&amp;at_risk=1')"/>
          <xsl:with-param name="class" select="'count-risk'"/>
        </xsl:call-template>
      </td>
      <td class="num">
        <a href="/projects/{@code}"><xsl:value-of select="@tasks"/></a>
      </td>
      <td class="milestone-cell">
        <xsl:for-each select="next-milestone">
          <span class="milestone-mark" aria-hidden="true"><xsl:value-of select="$tc-milestone-mark"/></span>
          <span class="visually-hidden"><xsl:value-of select="$tc-milestone"/></span>
          <a href="/tasks/{@id}"><xsl:value-of select="@name"/></a>
          <xsl:text> </xsl:text>
          <span class="date"><xsl:value-of select="@finish"/></span>
        </xsl:for-each>
      </td>
    </tr>
  </xsl:template>

  <!-- A count; a link (and emphasised) when it is not zero. -->
  <xsl:template name="count-link">
    <xsl:param name="n"/>
    <xsl:param name="href"/>
    <xsl:param name="class" select="''"/>
    <xsl:choose>
      <xsl:when test="number($n) &gt; 0">
        <a class="count {$class}" href="{$href}"><xsl:value-of select="$n"/></a>
      </xsl:when>
      <xsl:otherwise>
        <span class="count zero"><xsl:value-of select="concat('', number(concat('0', $n)))"/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
