<?xml version="1.0" encoding="UTF-8"?>
<!--
  project.xsl - one project: facts, members, the WBS task table, the Gantt chart.
  Model: <project code name description category status manager manager-name
  planned-start planned-finish percent estimate tasks health is-template gantt-scale baseline>
    <members><member login name role/>…</members>
    <tasks status="" owner="" q=""><task …/>…</tasks>
  </project> <can edit="1|0" progress="1|0"/> + lists + people.
  Rows come in WBS order with @depth; the name cell gets class depth-N
  (0..8). With can/@edit each row has move buttons (POST /tasks/ID/move)
  and edit / delete links. The filter form is GET; its second button asks
  for the same filtered list as CSV (format=csv), so the browser encodes the
  user's filter values.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <xsl:template match="/page[@name='project']" mode="title">
    <xsl:value-of select="op:t('project.title', string(project/@code), string(project/@name))"/>
  </xsl:template>

  <xsl:template match="/page[@name='project']" mode="content">
    <xsl:variable name="can-edit" select="can/@edit = '1'"/>
    <xsl:for-each select="project">
      <xsl:variable name="base" select="concat('/projects/', @code)"/>

      <div class="toolbar">
        <p class="badges">
          <xsl:if test="@is-template = '1'">
            <span class="badge badge-template"><xsl:value-of select="op:t('project.is_template')"/></span>
            <xsl:text> </xsl:text>
          </xsl:if>
          <xsl:call-template name="project-status">
            <xsl:with-param name="code" select="string(@status)"/>
          </xsl:call-template>
          <xsl:text> </xsl:text>
          <xsl:call-template name="health">
            <xsl:with-param name="code" select="string(@health)"/>
          </xsl:call-template>
        </p>
        <xsl:if test="$can-edit">
          <p class="actions">
            <a class="button primary" href="{$base}/tasks/new"><xsl:value-of select="op:t('project.new_task')"/></a>
            <a class="button" href="{$base}/edit"><xsl:value-of select="op:t('project.edit')"/></a>
            <a class="button" href="{$base}/import"><xsl:value-of select="op:t('project.import')"/></a>
          </p>
        </xsl:if>
        <p class="actions">
          <a class="button" href="{$base}/milestones.ics"><xsl:value-of select="op:t('project.milestones_ics')"/></a>
          <a class="button" href="{$base}/export.xml" download="{@code}.xml"><xsl:value-of select="op:t('project.export_mspdi')"/></a>
          <a class="button" href="{$base}/schedule.csv" download="{@code}-schedule.csv"><xsl:value-of select="op:t('project.export_schedule_csv')"/></a>
        </p>
      </div>

      <dl class="facts project-facts">
        <dt><xsl:value-of select="op:t('project.code')"/></dt>
        <dd class="code"><xsl:value-of select="@code"/></dd>
        <dt><xsl:value-of select="op:t('project.category')"/></dt>
        <dd>
          <xsl:call-template name="list-label">
            <xsl:with-param name="kind" select="'project_category'"/>
            <xsl:with-param name="code" select="string(@category)"/>
          </xsl:call-template>
        </dd>
        <dt><xsl:value-of select="op:t('project.manager')"/></dt>
        <dd>
          <xsl:call-template name="person-name">
            <xsl:with-param name="login" select="string(@manager)"/>
            <xsl:with-param name="name" select="string(@manager-name)"/>
          </xsl:call-template>
        </dd>
        <dt><xsl:value-of select="op:t('project.planned')"/></dt>
        <dd class="date">
          <xsl:value-of select="op:t('common.date_range', string(@planned-start), string(@planned-finish))"/>
        </dd>
        <dt><xsl:value-of select="op:t('project.calendar')"/></dt>
        <dd class="project-calendar">
          <xsl:for-each select="calendar">
            <xsl:value-of select="op:t('project.calendar_line', string(@name))"/>
            <xsl:if test="@global = '1'">
              <xsl:value-of select="op:t('calendars.global_mark')"/>
            </xsl:if>
            <xsl:value-of select="op:t('calendars.line_sep')"/>
            <xsl:call-template name="calendar-summary"/>
            <xsl:value-of select="op:t(concat('calendars.base_note.', @holidays))"/>
          </xsl:for-each>
        </dd>
        <dt><xsl:value-of select="op:t('project.percent')"/></dt>
        <dd>
          <xsl:call-template name="percent">
            <xsl:with-param name="percent" select="@percent"/>
          </xsl:call-template>
        </dd>
        <dt><xsl:value-of select="op:t('project.estimate')"/></dt>
        <dd>
          <xsl:variable name="h">
            <xsl:call-template name="num"><xsl:with-param name="n" select="@estimate"/></xsl:call-template>
          </xsl:variable>
          <xsl:value-of select="op:t('unit.hours', string($h))"/>
        </dd>
        <dt><xsl:value-of select="op:t('project.tasks')"/></dt>
        <dd><xsl:value-of select="@tasks"/></dd>
        <xsl:if test="string(@description) != ''">
          <dt><xsl:value-of select="op:t('project.description')"/></dt>
          <dd class="text-block"><xsl:value-of select="@description"/></dd>
        </xsl:if>
      </dl>

      <xsl:call-template name="members">
        <xsl:with-param name="can-edit" select="$can-edit"/>
        <xsl:with-param name="base" select="$base"/>
      </xsl:call-template>

      <section class="wbs-section" aria-labelledby="h-wbs">
        <h2 id="h-wbs"><xsl:value-of select="op:t('project.wbs')"/></h2>
        <xsl:for-each select="tasks">
          <xsl:call-template name="task-filter">
            <xsl:with-param name="base" select="$base"/>
          </xsl:call-template>
          <xsl:variable name="filtered" select="string(@status) != '' or string(@owner) != '' or string(@q) != ''"/>
          <p class="summary">
            <xsl:choose>
              <xsl:when test="$filtered">
                <xsl:value-of select="op:t('project.tasks_filtered', string(count(task)), string(../@tasks))"/>
              </xsl:when>
              <xsl:otherwise>
                <xsl:value-of select="op:t('project.tasks_count', string(count(task)))"/>
              </xsl:otherwise>
            </xsl:choose>
          </p>
          <xsl:choose>
            <xsl:when test="task">
              <xsl:if test="$can-edit">
                <!-- The structure controls (move, edit, delete per row) only in the edit view
                     (?edit=1): a 1,000-task plan is read far more often than restructured. -->
                <p class="actions wbs-mode">
                  <xsl:choose>
                    <xsl:when test="@edit = '1'">
                      <a class="button" href="{$base}"><xsl:value-of select="op:t('project.view_wbs')"/></a>
                    </xsl:when>
                    <xsl:otherwise>
                      <a class="button" href="{$base}?edit=1"><xsl:value-of select="op:t('project.edit_wbs')"/></a>
                    </xsl:otherwise>
                  </xsl:choose>
                </p>
              </xsl:if>
              <xsl:choose>
                <xsl:when test="$can-edit and @edit = '1'">
                  <!-- One form around the table: every row's move buttons post
                       to /tasks/ID/move through formaction, sharing this form's
                       single csrf_token (a form per row would add 1,000 forms
                       and tokens to a 1,000-task page). The form's own action
                       is never used: no control submits without formaction. -->
                  <form class="wbs-form" method="post" action="{$base}/tasks/move" accept-charset="UTF-8">
                    <xsl:call-template name="csrf"/>
                    <xsl:call-template name="wbs-table">
                      <xsl:with-param name="can-edit" select="true()"/>
                    </xsl:call-template>
                  </form>
                  <!-- each row's predecessors field posts on its own (POST /tasks/ID/links) -->
                  <xsl:variable name="tok" select="/page/meta/@csrf"/>
                  <xsl:for-each select="task[@summary != '1']">
                    <form id="lk-{@id}" method="post" action="/tasks/{@id}/links">
                      <input type="hidden" name="csrf_token" value="{$tok}"/>
                    </form>
                  </xsl:for-each>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:call-template name="wbs-table">
                    <xsl:with-param name="can-edit" select="false()"/>
                  </xsl:call-template>
                </xsl:otherwise>
              </xsl:choose>
              <xsl:if test="$can-edit and @edit = '1'">
                <p class="hint move-hint"><xsl:value-of select="op:t('project.move_hint')"/></p>
              </xsl:if>
            </xsl:when>
            <xsl:when test="$filtered">
              <p class="empty"><xsl:value-of select="op:t('project.no_match')"/></p>
            </xsl:when>
            <xsl:otherwise>
              <p class="empty"><xsl:value-of select="op:t('project.no_tasks')"/></p>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </section>

      <section class="panel baselines" id="baselines">
        <h2><xsl:value-of select="op:t('baseline.title')"/></h2>
        <xsl:if test="string(@baseline) != ''">
          <p class="baseline-variance">
            <xsl:value-of select="op:t('baseline.project_variance', string(@baseline-name), string(@variance))"/>
          </p>
        </xsl:if>
        <xsl:if test="baselines/baseline">
          <form class="baseline-compare" method="get" action="{$base}" accept-charset="UTF-8">
            <label for="f-baseline"><xsl:value-of select="op:t('baseline.compare')"/></label>
            <xsl:text> </xsl:text>
            <select id="f-baseline" name="baseline">
              <option value=""><xsl:value-of select="op:t('baseline.none')"/></option>
              <xsl:variable name="cur" select="string(@baseline)"/>
              <xsl:for-each select="baselines/baseline">
                <option value="{@id}">
                  <xsl:if test="@id = $cur"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                  <xsl:value-of select="concat(@name, ' (', op:time(string(@created)), ')')"/>
                </option>
              </xsl:for-each>
            </select>
            <xsl:text> </xsl:text>
            <button type="submit" class="button"><xsl:value-of select="op:t('action.filter')"/></button>
          </form>
        </xsl:if>
        <xsl:if test="$can-edit">
          <form class="baseline-save" method="post" action="{$base}/baselines" accept-charset="UTF-8">
            <xsl:call-template name="csrf"/>
            <label for="f-baseline-name"><xsl:value-of select="op:t('baseline.name')"/></label>
            <xsl:text> </xsl:text>
            <input type="text" id="f-baseline-name" name="name" maxlength="100" required="required"/>
            <xsl:text> </xsl:text>
            <button type="submit" class="button"><xsl:value-of select="op:t('baseline.save')"/></button>
          </form>
        </xsl:if>
      </section>

      <xsl:if test="@tasks &gt; 0 and @is-template != '1'">
        <section class="panel burndown" id="burndown">
          <h2><xsl:value-of select="op:t('project.burndown')"/></h2>
          <img class="burndown" src="{$base}/burndown" alt="{op:t('project.burndown')}" loading="lazy"/>
        </section>
      </xsl:if>

      <xsl:if test="@tasks &gt; 0 and @is-template != '1'">
        <section class="panel milestone-trend" id="milestone-trend">
          <h2><xsl:value-of select="op:t('project.milestone_trend')"/></h2>
          <img class="milestone-trend" src="{$base}/milestone-trend.svg" alt="{op:t('project.milestone_trend')}" loading="lazy"/>
        </section>
      </xsl:if>

      <xsl:if test="@tasks &gt; 0">
        <xsl:call-template name="gantt-section">
          <xsl:with-param name="base" select="$base"/>
        </xsl:call-template>
      </xsl:if>

      <xsl:if test="$can-edit and @is-template != '1'">
        <details class="panel save-template">
          <summary><xsl:value-of select="op:t('project.save_template')"/></summary>
          <form class="form inline-form" method="post" action="{$base}/template" accept-charset="UTF-8">
            <xsl:call-template name="csrf"/>
            <p class="hint"><xsl:value-of select="op:t('project.save_template.hint')"/></p>
            <xsl:call-template name="input-field">
              <xsl:with-param name="field" select="'code'"/>
              <xsl:with-param name="id" select="'t-code'"/>
              <xsl:with-param name="label" select="op:t('template.code')"/>
              <xsl:with-param name="value" select="''"/>
              <xsl:with-param name="required" select="true()"/>
              <xsl:with-param name="maxlength" select="'32'"/>
              <xsl:with-param name="pattern" select="'[A-Z0-9\-]{2,32}'"/>
              <xsl:with-param name="hint" select="op:t('project_form.code.hint')"/>
            </xsl:call-template>
            <xsl:call-template name="input-field">
              <xsl:with-param name="field" select="'name'"/>
              <xsl:with-param name="id" select="'t-name'"/>
              <xsl:with-param name="label" select="op:t('template.name')"/>
              <xsl:with-param name="value" select="''"/>
              <xsl:with-param name="required" select="true()"/>
              <xsl:with-param name="maxlength" select="'200'"/>
            </xsl:call-template>
            <div class="actions">
              <button type="submit" class="button primary"><xsl:value-of select="op:t('project.save_template.submit')"/></button>
            </div>
          </form>
        </details>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- Context: <tasks>. -->
  <xsl:template name="wbs-table">
    <xsl:param name="can-edit"/>
    <div class="table-wrap">
      <table class="data tasks wbs">
        <caption class="visually-hidden">
          <xsl:value-of select="op:t('project.wbs_caption', string(../@code))"/>
        </caption>
        <xsl:call-template name="task-head">
          <xsl:with-param name="tree" select="true()"/>
          <xsl:with-param name="links" select="true()"/>
          <xsl:with-param name="actions" select="$can-edit"/>
        </xsl:call-template>
        <tbody>
          <xsl:for-each select="task">
            <xsl:call-template name="task-row">
              <xsl:with-param name="tree" select="true()"/>
              <xsl:with-param name="links" select="true()"/>
              <xsl:with-param name="actions" select="$can-edit"/>
            </xsl:call-template>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <!-- Context: <project>. Members; with edit rights, forms to change a role,
       remove a member and add one (POST /projects/CODE/members login role). -->
  <xsl:template name="members">
    <xsl:param name="can-edit"/>
    <xsl:param name="base"/>
    <section class="members" aria-labelledby="h-members">
      <h2 id="h-members"><xsl:value-of select="op:t('project.members')"/></h2>
      <xsl:choose>
        <xsl:when test="not(members/member)">
          <p class="empty"><xsl:value-of select="op:t('project.no_members')"/></p>
        </xsl:when>
        <xsl:when test="not($can-edit)">
          <ul class="member-list">
            <xsl:for-each select="members/member">
              <li>
                <span class="member-name">
                  <xsl:call-template name="person-name">
                    <xsl:with-param name="login" select="string(@login)"/>
                    <xsl:with-param name="name" select="string(@name)"/>
                  </xsl:call-template>
                </span>
                <xsl:text> </xsl:text>
                <span class="member-role member-role-{@role}"><xsl:value-of select="op:t(concat('member.role.', @role))"/></span>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise>
          <div class="table-wrap narrow">
            <table class="data members-table">
              <thead>
                <tr>
                  <th scope="col"><xsl:value-of select="op:t('member.name')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('field.login')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('member.role')"/></th>
                  <th scope="col" class="col-form"><xsl:value-of select="op:t('member.change')"/></th>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="members/member">
                  <xsl:variable name="mid" select="concat('m', generate-id())"/>
                  <tr>
                    <th scope="row">
                      <xsl:call-template name="person-name">
                        <xsl:with-param name="login" select="string(@login)"/>
                        <xsl:with-param name="name" select="string(@name)"/>
                      </xsl:call-template>
                    </th>
                    <td class="login"><xsl:value-of select="@login"/></td>
                    <td>
                      <span class="member-role member-role-{@role}"><xsl:value-of select="op:t(concat('member.role.', @role))"/></span>
                    </td>
                    <td class="col-form">
                      <form class="member-form" method="post" action="{$base}/members" accept-charset="UTF-8">
                        <xsl:call-template name="csrf"/>
                        <input type="hidden" name="login" value="{@login}"/>
                        <label class="visually-hidden" for="{$mid}-role">
                          <xsl:value-of select="op:t('member.role_for', string(@login))"/>
                        </label>
                        <select id="{$mid}-role" name="role">
                          <xsl:call-template name="code-options">
                            <xsl:with-param name="codes" select="'manager engineer viewer'"/>
                            <xsl:with-param name="prefix" select="'member.role.'"/>
                            <xsl:with-param name="current" select="string(@role)"/>
                          </xsl:call-template>
                        </select>
                        <button type="submit" class="button small"><xsl:value-of select="op:t('member.update')"/></button>
                      </form>
                      <form class="member-form" method="post" action="{$base}/members" accept-charset="UTF-8">
                        <xsl:call-template name="csrf"/>
                        <input type="hidden" name="login" value="{@login}"/>
                        <button type="submit" class="button small danger" name="role" value="remove">
                          <xsl:value-of select="op:t('member.remove')"/>
                        </button>
                      </form>
                    </td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </xsl:otherwise>
      </xsl:choose>

      <xsl:if test="$can-edit">
        <form class="filter member-add" method="post" action="{$base}/members" accept-charset="UTF-8">
          <xsl:call-template name="csrf"/>
          <fieldset>
            <legend><xsl:value-of select="op:t('member.add')"/></legend>
            <div class="field">
              <label for="f-login"><xsl:value-of select="op:t('member.person')"/></label>
              <select id="f-login" name="login" required="required">
                <xsl:call-template name="field-attrs">
                  <xsl:with-param name="field" select="'login'"/>
                </xsl:call-template>
                <option value=""><xsl:value-of select="op:t('common.choose')"/></option>
                <xsl:call-template name="person-options">
                  <xsl:with-param name="current" select="''"/>
                </xsl:call-template>
              </select>
              <xsl:call-template name="field-error">
                <xsl:with-param name="field" select="'login'"/>
              </xsl:call-template>
            </div>
            <div class="field">
              <label for="f-role"><xsl:value-of select="op:t('member.role')"/></label>
              <select id="f-role" name="role">
                <xsl:call-template name="field-attrs">
                  <xsl:with-param name="field" select="'role'"/>
                </xsl:call-template>
                <xsl:call-template name="code-options">
                  <xsl:with-param name="codes" select="'engineer manager viewer'"/>
                  <xsl:with-param name="prefix" select="'member.role.'"/>
                  <xsl:with-param name="current" select="'engineer'"/>
                </xsl:call-template>
              </select>
              <xsl:call-template name="field-error">
                <xsl:with-param name="field" select="'role'"/>
              </xsl:call-template>
            </div>
            <div class="actions">
              <button type="submit" class="button"><xsl:value-of select="op:t('member.add.submit')"/></button>
            </div>
          </fieldset>
        </form>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- Context: <tasks>. GET filter: status, owner, q; "export" asks for CSV. -->
  <xsl:template name="task-filter">
    <xsl:param name="base"/>
    <form class="filter" method="get" action="{$base}" accept-charset="UTF-8">
      <fieldset>
        <legend><xsl:value-of select="op:t('project.filter')"/></legend>
        <div class="field">
          <label for="f-status"><xsl:value-of select="op:t('field.status')"/></label>
          <select id="f-status" name="status">
            <option value=""><xsl:value-of select="op:t('common.all')"/></option>
            <xsl:call-template name="code-options">
              <xsl:with-param name="codes" select="'not_started in_progress blocked done cancelled'"/>
              <xsl:with-param name="prefix" select="'task.status.'"/>
              <xsl:with-param name="current" select="string(@status)"/>
            </xsl:call-template>
          </select>
        </div>
        <div class="field">
          <label for="f-owner"><xsl:value-of select="op:t('field.owner')"/></label>
          <select id="f-owner" name="owner">
            <option value=""><xsl:value-of select="op:t('common.all')"/></option>
            <xsl:call-template name="person-options">
              <xsl:with-param name="current" select="string(@owner)"/>
            </xsl:call-template>
          </select>
        </div>
        <div class="field">
          <label for="f-q"><xsl:value-of select="op:t('field.q')"/></label>
          <input type="search" id="f-q" name="q" value="{@q}"/>
        </div>
        <div class="actions">
          <button type="submit" class="button primary"><xsl:value-of select="op:t('action.filter')"/></button>
          <button type="submit" class="button export" name="format" value="csv"><xsl:value-of select="op:t('action.export_csv')"/></button>
          <a class="button secondary" href="{$base}"><xsl:value-of select="op:t('action.reset')"/></a>
        </div>
      </fieldset>
    </form>
  </xsl:template>

  <!-- Context: <project>. The Gantt chart: an SVG image (GET /projects/CODE/gantt, drawn by
       gantt.svg.xsl) at the scale chosen by ?scale= on this page (@gantt-scale, default week),
       with the compared baseline (@baseline) passed on; links to the other scales, to the
       image itself at full size and to its print view on A3 or A4 (gantt-print.xsl). -->
  <xsl:template name="gantt-section">
    <xsl:param name="base"/>
    <xsl:variable name="scale">
      <xsl:choose>
        <xsl:when test="@gantt-scale = 'day' or @gantt-scale = 'month' or @gantt-scale = 'quarter'">
          <xsl:value-of select="@gantt-scale"/>
        </xsl:when>
        <xsl:otherwise>week</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="with-base">
      <xsl:if test="string(@baseline) != ''">
        <xsl:value-of select="concat('&amp;baseline=', @baseline)"/>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="src" select="concat($base, '/gantt?scale=', $scale, $with-base)"/>
    <section class="gantt-section" id="gantt" aria-labelledby="h-gantt">
      <h2 id="h-gantt"><xsl:value-of select="op:t('gantt.heading')"/></h2>
      <p class="actions gantt-scales">
        <span class="label" id="gantt-scale-label"><xsl:value-of select="op:t('gantt.scale')"/></span>
        <xsl:text> </xsl:text>
        <span role="group" aria-labelledby="gantt-scale-label">
          <xsl:call-template name="gantt-scale-link">
            <xsl:with-param name="base" select="$base"/>
            <xsl:with-param name="code" select="'day'"/>
            <xsl:with-param name="current" select="$scale"/>
            <xsl:with-param name="with-base" select="$with-base"/>
          </xsl:call-template>
          <xsl:call-template name="gantt-scale-link">
            <xsl:with-param name="base" select="$base"/>
            <xsl:with-param name="code" select="'week'"/>
            <xsl:with-param name="current" select="$scale"/>
            <xsl:with-param name="with-base" select="$with-base"/>
          </xsl:call-template>
          <xsl:call-template name="gantt-scale-link">
            <xsl:with-param name="base" select="$base"/>
            <xsl:with-param name="code" select="'month'"/>
            <xsl:with-param name="current" select="$scale"/>
            <xsl:with-param name="with-base" select="$with-base"/>
          </xsl:call-template>
          <xsl:call-template name="gantt-scale-link">
            <xsl:with-param name="base" select="$base"/>
            <xsl:with-param name="code" select="'quarter'"/>
            <xsl:with-param name="current" select="$scale"/>
            <xsl:with-param name="with-base" select="$with-base"/>
          </xsl:call-template>
        </span>
      </p>
      <div class="table-wrap gantt-wrap">
        <img class="gantt" src="{$src}" loading="lazy"
            alt="{op:t('gantt.alt', string(@code), op:t(concat('gantt.scale.', $scale)))}"/>
      </div>
      <p class="gantt-open">
        <a href="{$src}"><xsl:value-of select="op:t('gantt.open')"/></a>
        <xsl:text> </xsl:text>
        <a class="gantt-print" href="{$base}/gantt/print?paper=a3&amp;scale={$scale}{$with-base}">
          <xsl:value-of select="op:t('gantt.print.a3')"/>
        </a>
        <xsl:text> </xsl:text>
        <a class="gantt-print" href="{$base}/gantt/print?paper=a4&amp;scale={$scale}{$with-base}">
          <xsl:value-of select="op:t('gantt.print.a4')"/>
        </a>
      </p>
    </section>
  </xsl:template>

  <xsl:template name="gantt-scale-link">
    <xsl:param name="base"/>
    <xsl:param name="code"/>
    <xsl:param name="current"/>
    <xsl:param name="with-base"/>
    <a href="{$base}?scale={$code}{$with-base}#gantt">
      <xsl:choose>
        <xsl:when test="$code = $current">
          <xsl:attribute name="class">button small current</xsl:attribute>
          <xsl:attribute name="aria-current">true</xsl:attribute>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="class">button small</xsl:attribute>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:value-of select="op:t(concat('gantt.scale.', $code))"/>
    </a>
    <xsl:text> </xsl:text>
  </xsl:template>

</xsl:stylesheet>
