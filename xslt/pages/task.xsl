<?xml version="1.0" encoding="UTF-8"?>
<!--
  task.xsl - one task: facts, progress report form and history, comments,
  change history, subtasks.
  Model: <task …row attributes… description predecessors created updated
  parent-id parent-name needs-reason>
    <progress id at user user-name percent hours remaining status note delay-reason/>…
    <comment id at user user-name>body</comment>…
    <history><record id at actor action reason><old>…</old><new>…</new></record>…</history>
    <children><task …/>…</children>
  </task> <can edit progress comment/> + lists (delay_reason, task_category)
  + <project code name/>.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <xsl:template match="/page[@name='task']" mode="title">
    <xsl:value-of select="op:t('task.title', string(task/@wbs), string(task/@name))"/>
  </xsl:template>

  <xsl:template match="/page[@name='task']" mode="content">
    <xsl:variable name="can" select="can"/>
    <xsl:variable name="proj" select="project"/>
    <xsl:for-each select="task">
      <nav class="breadcrumb" aria-label="{op:t('breadcrumb.label')}">
        <ol>
          <li><a href="/projects"><xsl:value-of select="op:t('nav.projects')"/></a></li>
          <li>
            <a href="/projects/{$proj/@code}">
              <xsl:value-of select="op:t('project.title', string($proj/@code), string($proj/@name))"/>
            </a>
          </li>
          <xsl:if test="string(@parent-id) != ''">
            <li><a href="/tasks/{@parent-id}"><xsl:value-of select="@parent-name"/></a></li>
          </xsl:if>
          <li aria-current="page"><xsl:value-of select="@name"/></li>
        </ol>
      </nav>

      <div class="toolbar">
        <p class="badges">
          <span class="tstatus tstatus-{@status}"><xsl:value-of select="op:t(concat('task.status.', @status))"/></span>
          <xsl:text> </xsl:text>
          <span class="prio prio-{@priority}"><xsl:value-of select="op:t(concat('priority.', @priority))"/></span>
          <xsl:if test="@milestone = '1'">
            <xsl:text> </xsl:text>
            <span class="badge badge-milestone">
              <span class="milestone-mark" aria-hidden="true"><xsl:value-of select="$tc-milestone-mark"/></span>
              <xsl:value-of select="$tc-milestone"/>
            </span>
          </xsl:if>
          <xsl:if test="@summary = '1'">
            <xsl:text> </xsl:text>
            <span class="badge badge-summary"><xsl:value-of select="$tc-summary"/></span>
          </xsl:if>
          <xsl:text> </xsl:text>
          <xsl:call-template name="task-flags"/>
        </p>
        <xsl:if test="$can/@edit = '1'">
          <div class="actions">
            <a class="button" href="/tasks/{@id}/edit"><xsl:value-of select="op:t('task.edit')"/></a>
            <a class="button" href="/projects/{$proj/@code}/tasks/new?parent={@id}"><xsl:value-of select="op:t('task.add_child')"/></a>
            <xsl:call-template name="move-form"/>
            <a class="button danger" href="/tasks/{@id}/delete"><xsl:value-of select="op:t('task.delete')"/></a>
          </div>
        </xsl:if>
      </div>

      <xsl:if test="string(@followup-of) != ''">
        <p class="followup-of">
          <xsl:value-of select="op:t('chgf.of')"/>
          <xsl:text> </xsl:text>
          <a href="/changes/{@followup-of}#followups"><code><xsl:value-of select="@followup-of"/></code></a>
        </p>
      </xsl:if>
      <dl class="facts task-facts">
        <dt><xsl:value-of select="op:t('task.col.wbs')"/></dt>
        <dd><xsl:value-of select="@wbs"/></dd>
        <dt><xsl:value-of select="op:t('field.owner')"/></dt>
        <dd>
          <xsl:choose>
            <xsl:when test="string(@owner) != ''">
              <xsl:call-template name="person-name">
                <xsl:with-param name="login" select="string(@owner)"/>
                <xsl:with-param name="name" select="string(@owner-name)"/>
              </xsl:call-template>
            </xsl:when>
            <xsl:otherwise><span class="muted"><xsl:value-of select="$tc-unassigned"/></span></xsl:otherwise>
          </xsl:choose>
        </dd>
        <dt><xsl:value-of select="op:t('field.category')"/></dt>
        <dd>
          <xsl:choose>
            <xsl:when test="string(@category) != ''">
              <xsl:call-template name="list-label">
                <xsl:with-param name="kind" select="'task_category'"/>
                <xsl:with-param name="code" select="string(@category)"/>
              </xsl:call-template>
            </xsl:when>
            <xsl:otherwise><span class="muted"><xsl:value-of select="$tc-none"/></span></xsl:otherwise>
          </xsl:choose>
        </dd>
        <dt><xsl:value-of select="op:t('task.planned')"/></dt>
        <dd class="date">
          <xsl:call-template name="date-range">
            <xsl:with-param name="from" select="string(@start)"/>
            <xsl:with-param name="to" select="string(@finish)"/>
          </xsl:call-template>
        </dd>
        <dt><xsl:value-of select="op:t('task.actual')"/></dt>
        <dd class="date">
          <xsl:call-template name="date-range">
            <xsl:with-param name="from" select="string(@actual-start)"/>
            <xsl:with-param name="to" select="string(@actual-finish)"/>
          </xsl:call-template>
        </dd>
        <dt><xsl:value-of select="op:t('field.percent')"/></dt>
        <dd>
          <xsl:call-template name="percent">
            <xsl:with-param name="percent" select="@percent"/>
          </xsl:call-template>
        </dd>
        <dt><xsl:value-of select="op:t('task.hours')"/></dt>
        <dd>
          <xsl:variable name="e"><xsl:call-template name="num"><xsl:with-param name="n" select="@estimate"/></xsl:call-template></xsl:variable>
          <xsl:variable name="r"><xsl:call-template name="num"><xsl:with-param name="n" select="@remaining"/></xsl:call-template></xsl:variable>
          <xsl:value-of select="op:t('task.hours_value', string($e), string($r))"/>
        </dd>
        <dt><xsl:value-of select="op:t('field.predecessors')"/></dt>
        <dd>
          <xsl:choose>
            <xsl:when test="string(@predecessors) != ''"><code><xsl:value-of select="@predecessors"/></code></xsl:when>
            <xsl:otherwise><span class="muted"><xsl:value-of select="$tc-none"/></span></xsl:otherwise>
          </xsl:choose>
        </dd>
        <xsl:if test="string(@total-float) != ''">
          <!-- Why this date: the predecessor and link that set the start, and the float -->
          <dt><xsl:value-of select="op:t('task.why')"/></dt>
          <dd class="why">
            <xsl:if test="string(@driving-id) != ''">
              <xsl:value-of select="op:t('task.driving')"/>
              <xsl:text> </xsl:text>
              <a href="/tasks/{@driving-id}"><xsl:value-of select="@driving-name"/></a>
              <xsl:text> </xsl:text>
              <code><xsl:value-of select="@driving-link"/></code>
              <xsl:text>; </xsl:text>
            </xsl:if>
            <xsl:if test="string(@calendar-gap) != '' and @calendar-gap != '0'">
              <xsl:value-of select="op:t('task.calendar_gap', string(@calendar-gap))"/>
              <xsl:text>; </xsl:text>
            </xsl:if>
            <xsl:value-of select="op:t('task.total_float')"/>
            <xsl:text> </xsl:text>
            <xsl:value-of select="@total-float"/>
            <xsl:text>; </xsl:text>
            <xsl:value-of select="op:t('task.free_float')"/>
            <xsl:text> </xsl:text>
            <xsl:value-of select="@free-float"/>
            <xsl:if test="@critical = '1'">
              <xsl:text> </xsl:text>
              <strong class="badge critical"><xsl:value-of select="op:t('task.critical')"/></strong>
            </xsl:if>
          </dd>
        </xsl:if>
        <xsl:if test="string(@early-start) != ''">
          <dt><xsl:value-of select="op:t('task.early_late')"/></dt>
          <dd class="time">
            <xsl:value-of select="op:t('task.early_value', translate(@early-start, 'T', ' '),
                          translate(@early-finish, 'T', ' '))"/>
            <xsl:text>; </xsl:text>
            <xsl:value-of select="op:t('task.late_value', translate(@late-start, 'T', ' '),
                          translate(@late-finish, 'T', ' '))"/>
          </dd>
        </xsl:if>
        <xsl:if test="string(@constraint-type) != '' and @constraint-type != 'ASAP'">
          <dt><xsl:value-of select="op:t('field.constraint_type')"/></dt>
          <dd>
            <xsl:value-of select="op:t(concat('constraint.', @constraint-type))"/>
            <xsl:text> </xsl:text>
            <xsl:value-of select="@constraint-date"/>
            <xsl:if test="@deadline-missed = '1'">
              <xsl:text> </xsl:text>
              <strong class="badge critical">&#9632; <xsl:value-of select="op:t('task.deadline_missed')"/></strong>
            </xsl:if>
          </dd>
        </xsl:if>
        <dt><xsl:value-of select="op:t('task.created_updated')"/></dt>
        <dd class="time">
          <xsl:value-of select="op:t('common.date_range', op:time(string(@created)), op:time(string(@updated)))"/>
        </dd>
        <xsl:if test="string(@description) != ''">
          <dt><xsl:value-of select="op:t('field.description')"/></dt>
          <dd class="text-block"><xsl:value-of select="@description"/></dd>
        </xsl:if>
      </dl>

      <xsl:if test="children/task">
        <section aria-labelledby="h-children">
          <h2 id="h-children"><xsl:value-of select="op:t('task.children')"/></h2>
          <div class="table-wrap">
            <table class="data tasks wbs">
              <xsl:call-template name="task-head">
                <xsl:with-param name="tree" select="true()"/>
              </xsl:call-template>
              <tbody>
                <xsl:for-each select="children/task">
                  <xsl:call-template name="task-row">
                    <xsl:with-param name="tree" select="true()"/>
                  </xsl:call-template>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </section>
      </xsl:if>

      <section aria-labelledby="h-progress">
        <h2 id="h-progress"><xsl:value-of select="op:t('task.progress')"/></h2>
        <xsl:if test="$can/@progress = '1' and @summary != '1'">
          <xsl:if test="@needs-reason = '1'">
            <p class="notice reason-notice"><xsl:value-of select="op:t('progress.reason_notice')"/></p>
          </xsl:if>
          <xsl:call-template name="progress-form">
            <xsl:with-param name="return-to" select="concat('/tasks/', @id)"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:if test="$can/@progress = '1' and @summary = '1'">
          <p class="hint"><xsl:value-of select="op:t('progress.summary_hint')"/></p>
        </xsl:if>
        <xsl:choose>
          <xsl:when test="progress">
            <div class="table-wrap">
              <table class="data progress-history">
                <thead>
                  <tr>
                    <th scope="col"><xsl:value-of select="op:t('progress.at')"/></th>
                    <th scope="col"><xsl:value-of select="op:t('progress.user')"/></th>
                    <th scope="col" class="num"><xsl:value-of select="op:t('field.percent')"/></th>
                    <th scope="col" class="num"><xsl:value-of select="op:t('field.hours_spent')"/></th>
                    <th scope="col" class="num"><xsl:value-of select="op:t('field.remaining_hours')"/></th>
                    <th scope="col"><xsl:value-of select="op:t('field.status')"/></th>
                    <th scope="col"><xsl:value-of select="op:t('field.delay_reason')"/></th>
                    <th scope="col"><xsl:value-of select="op:t('field.note')"/></th>
                  </tr>
                </thead>
                <tbody>
                  <xsl:for-each select="progress">
                    <tr>
                      <td class="time"><time datetime="{@at}"><xsl:value-of select="op:time(string(@at))"/></time></td>
                      <td>
                        <xsl:call-template name="person-name">
                          <xsl:with-param name="login" select="string(@user)"/>
                          <xsl:with-param name="name" select="string(@user-name)"/>
                        </xsl:call-template>
                      </td>
                      <td class="num"><xsl:value-of select="op:t('unit.percent', format-number(number(concat('0', @percent)), '0'))"/></td>
                      <td class="num"><xsl:call-template name="num"><xsl:with-param name="n" select="@hours"/></xsl:call-template></td>
                      <td class="num"><xsl:call-template name="num"><xsl:with-param name="n" select="@remaining"/></xsl:call-template></td>
                      <td><span class="tstatus tstatus-{@status}"><xsl:value-of select="op:t(concat('task.status.', @status))"/></span></td>
                      <td>
                        <xsl:if test="string(@delay-reason) != ''">
                          <xsl:call-template name="list-label">
                            <xsl:with-param name="kind" select="'delay_reason'"/>
                            <xsl:with-param name="code" select="string(@delay-reason)"/>
                          </xsl:call-template>
                        </xsl:if>
                      </td>
                      <td class="text-block"><xsl:value-of select="@note"/></td>
                    </tr>
                  </xsl:for-each>
                </tbody>
              </table>
            </div>
          </xsl:when>
          <xsl:otherwise>
            <p class="empty"><xsl:value-of select="op:t('progress.none')"/></p>
          </xsl:otherwise>
        </xsl:choose>
      </section>

      <section id="comments" aria-labelledby="h-comments">
        <h2 id="h-comments"><xsl:value-of select="op:t('task.comments')"/></h2>
        <xsl:choose>
          <xsl:when test="comment">
            <ol class="comments">
              <xsl:for-each select="comment">
                <li class="comment" id="comment-{@id}">
                  <p class="comment-meta">
                    <span class="comment-user">
                      <xsl:call-template name="person-name">
                        <xsl:with-param name="login" select="string(@user)"/>
                        <xsl:with-param name="name" select="string(@user-name)"/>
                      </xsl:call-template>
                    </span>
                    <xsl:text> </xsl:text>
                    <time class="time" datetime="{@at}"><xsl:value-of select="op:time(string(@at))"/></time>
                  </p>
                  <div class="comment-body text-block"><xsl:value-of select="."/></div>
                </li>
              </xsl:for-each>
            </ol>
          </xsl:when>
          <xsl:otherwise>
            <p class="empty"><xsl:value-of select="op:t('comment.none')"/></p>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:if test="$can/@comment = '1'">
          <form class="form comment-form" method="post" action="/tasks/{@id}/comments" accept-charset="UTF-8">
            <xsl:call-template name="csrf"/>
            <xsl:call-template name="textarea-field">
              <xsl:with-param name="field" select="'body'"/>
              <xsl:with-param name="label" select="op:t('field.body')"/>
              <xsl:with-param name="value" select="''"/>
              <xsl:with-param name="required" select="true()"/>
            </xsl:call-template>
            <div class="actions">
              <button type="submit" class="button primary"><xsl:value-of select="op:t('comment.submit')"/></button>
            </div>
          </form>
        </xsl:if>
      </section>

      <xsl:if test="history/record">
        <section aria-labelledby="h-history">
          <h2 id="h-history"><xsl:value-of select="op:t('task.history')"/></h2>
          <div class="table-wrap">
            <table class="data audit">
              <thead>
                <tr>
                  <th scope="col"><xsl:value-of select="op:t('audit.at')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('audit.actor')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('audit.action')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('audit.change')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('audit.reason')"/></th>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="history/record">
                  <tr>
                    <td class="time"><time datetime="{@at}"><xsl:value-of select="op:time(string(@at))"/></time></td>
                    <td><xsl:value-of select="@actor"/></td>
                    <td><code class="action"><xsl:value-of select="@action"/></code></td>
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
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </section>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- "from – to"; a dash for a missing end. -->
  <xsl:template name="date-range">
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:choose>
      <xsl:when test="$from = '' and $to = ''">
        <span class="muted"><xsl:value-of select="$tc-none"/></span>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="f">
          <xsl:choose>
            <xsl:when test="$from != ''"><xsl:value-of select="$from"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="op:t('common.dash')"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:variable name="t">
          <xsl:choose>
            <xsl:when test="$to != ''"><xsl:value-of select="$to"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="op:t('common.dash')"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:value-of select="op:t('common.date_range', string($f), string($t))"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
