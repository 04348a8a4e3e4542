<?xml version="1.0" encoding="UTF-8"?>
<!--
  tasks-common.xsl - helpers shared by the project and task pages. A page sheet
  imports layout.xsl first and this sheet second:
    <xsl:import href="layout.xsl"/>
    <xsl:import href="tasks-common.xsl"/>
  (the templates here call layout's csrf, field-attrs and field-error).

  Lookups are keys, never // scans:
    list-item  /page/lists/list/item by "kind:code"   (editable list labels)
    person     /page/people/person by login
  Templates:
    list-label, list-options     labels / <option>s of an editable list in the page language
    person-name, person-options  people pickers
    code-options                 <option>s for a space-separated code list ("task.status." …)
    option                       one <option>
    bar                          progress bar (inline SVG, no style attribute)
    health                       project health: shape + text + colour class
    task-flags                   overdue / at-risk / deadline-missed badges of a task row
    task-head, task-row          the task table used by project, search, mytasks, task
    input-field, textarea-field  a labelled control with hint and errors
    num                          a number without trailing zeros
  Strings repeated on every row of a 1,000-task page are looked up once, in
  global variables (tc-*). The progress report form is in progress-form.xsl.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <xsl:key name="list-item" match="/page/lists/list/item" use="concat(../@kind, ':', @code)"/>
  <xsl:key name="person" match="/page/people/person" use="@login"/>

  <xsl:variable name="tc-en" select="/page/meta/@lang = 'en'"/>
  <xsl:variable name="tc-edit" select="op:t('action.edit')"/>
  <xsl:variable name="tc-delete" select="op:t('action.delete')"/>
  <xsl:variable name="tc-save" select="op:t('action.save')"/>
  <xsl:variable name="tc-up" select="op:t('task.move.up')"/>
  <xsl:variable name="tc-down" select="op:t('task.move.down')"/>
  <xsl:variable name="tc-indent" select="op:t('task.move.indent')"/>
  <xsl:variable name="tc-outdent" select="op:t('task.move.outdent')"/>
  <xsl:variable name="tc-up-icon" select="op:t('task.move.up.icon')"/>
  <xsl:variable name="tc-down-icon" select="op:t('task.move.down.icon')"/>
  <xsl:variable name="tc-indent-icon" select="op:t('task.move.indent.icon')"/>
  <xsl:variable name="tc-outdent-icon" select="op:t('task.move.outdent.icon')"/>
  <xsl:variable name="tc-milestone" select="op:t('task.milestone')"/>
  <xsl:variable name="tc-milestone-mark" select="op:t('task.milestone.mark')"/>
  <xsl:variable name="tc-summary" select="op:t('task.summary')"/>
  <xsl:variable name="tc-unassigned" select="op:t('task.unassigned')"/>
  <xsl:variable name="tc-at-risk" select="op:t('task.at_risk')"/>
  <xsl:variable name="tc-none" select="op:t('common.none')"/>

  <!-- ===== Editable lists and people ===================================== -->

  <!-- The label of list entry $code of $kind in the page language; the code
       itself when the model has no such entry. -->
  <xsl:template name="list-label">
    <xsl:param name="kind"/>
    <xsl:param name="code"/>
    <xsl:variable name="item" select="key('list-item', concat($kind, ':', $code))"/>
    <xsl:choose>
      <xsl:when test="not($item)"><xsl:value-of select="$code"/></xsl:when>
      <xsl:when test="$tc-en and string($item/@label-en) != ''"><xsl:value-of select="$item/@label-en"/></xsl:when>
      <xsl:when test="string($item/@label-zh) != ''"><xsl:value-of select="$item/@label-zh"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$item/@label-en"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- <option>s of the active entries of list $kind; a retired entry is
       listed only when it is the current value (so saving keeps it). -->
  <xsl:template name="list-options">
    <xsl:param name="kind"/>
    <xsl:param name="current"/>
    <xsl:for-each select="/page/lists/list[@kind = $kind]/item[@active != '0' or @code = $current]">
      <option value="{@code}">
        <xsl:if test="@code = $current">
          <xsl:attribute name="selected">selected</xsl:attribute>
        </xsl:if>
        <xsl:call-template name="list-label">
          <xsl:with-param name="kind" select="$kind"/>
          <xsl:with-param name="code" select="string(@code)"/>
        </xsl:call-template>
        <xsl:if test="@active = '0'">
          <xsl:value-of select="op:t('list.retired_suffix')"/>
        </xsl:if>
      </option>
    </xsl:for-each>
  </xsl:template>

  <!-- A person's display name: $name when given, else from people, else the login. -->
  <xsl:template name="person-name">
    <xsl:param name="login"/>
    <xsl:param name="name" select="''"/>
    <xsl:choose>
      <xsl:when test="string($name) != ''"><xsl:value-of select="$name"/></xsl:when>
      <xsl:when test="string(key('person', $login)/@name) != ''"><xsl:value-of select="key('person', $login)/@name"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$login"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- <option>s for /page/people ("Name (login)"); $current selected, and
       kept as an option even when it is not in the list. -->
  <xsl:template name="person-options">
    <xsl:param name="current"/>
    <xsl:if test="string($current) != '' and not(key('person', $current))">
      <option value="{$current}" selected="selected"><xsl:value-of select="$current"/></option>
    </xsl:if>
    <xsl:for-each select="/page/people/person">
      <option value="{@login}">
        <xsl:if test="@login = $current">
          <xsl:attribute name="selected">selected</xsl:attribute>
        </xsl:if>
        <xsl:choose>
          <xsl:when test="string(@name) != '' and @name != @login">
            <xsl:value-of select="op:t('person.option', string(@name), string(@login))"/>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="@login"/></xsl:otherwise>
        </xsl:choose>
      </option>
    </xsl:for-each>
  </xsl:template>

  <!-- One <option>. -->
  <xsl:template name="option">
    <xsl:param name="value"/>
    <xsl:param name="text"/>
    <xsl:param name="current"/>
    <option value="{$value}">
      <xsl:if test="string($value) = string($current)">
        <xsl:attribute name="selected">selected</xsl:attribute>
      </xsl:if>
      <xsl:value-of select="$text"/>
    </option>
  </xsl:template>

  <!-- <option>s for a space-separated list of codes, text = op:t($prefix + code),
       e.g. codes "not_started in_progress" with prefix "task.status.". -->
  <xsl:template name="code-options">
    <xsl:param name="codes"/>
    <xsl:param name="prefix"/>
    <xsl:param name="current"/>
    <xsl:variable name="rest" select="normalize-space($codes)"/>
    <xsl:if test="$rest != ''">
      <xsl:variable name="code">
        <xsl:choose>
          <xsl:when test="contains($rest, ' ')"><xsl:value-of select="substring-before($rest, ' ')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$rest"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:call-template name="option">
        <xsl:with-param name="value" select="$code"/>
        <xsl:with-param name="text" select="op:t(concat($prefix, $code))"/>
        <xsl:with-param name="current" select="$current"/>
      </xsl:call-template>
      <xsl:call-template name="code-options">
        <xsl:with-param name="codes" select="substring-after($rest, ' ')"/>
        <xsl:with-param name="prefix" select="$prefix"/>
        <xsl:with-param name="current" select="$current"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- ===== Form fields ==================================================== -->

  <!-- A labelled <input> with its hint and errors (layout's field-attrs and
       field-error). $type: text, date, number…; $min/$max/$step for numbers. -->
  <xsl:template name="input-field">
    <xsl:param name="field"/>
    <xsl:param name="label"/>
    <xsl:param name="value"/>
    <xsl:param name="type" select="'text'"/>
    <xsl:param name="id" select="concat('f-', $field)"/>
    <xsl:param name="required" select="false()"/>
    <xsl:param name="hint" select="''"/>
    <xsl:param name="maxlength" select="''"/>
    <xsl:param name="pattern" select="''"/>
    <xsl:param name="min" select="''"/>
    <xsl:param name="max" select="''"/>
    <xsl:param name="step" select="''"/>
    <xsl:param name="class" select="''"/>
    <!-- false() on pages with several forms with the same field names: the
         errors are then shown in the page summary only. -->
    <xsl:param name="errors" select="true()"/>
    <xsl:variable name="ef">
      <xsl:if test="not($errors)">#</xsl:if>
    </xsl:variable>
    <div class="field {$class}">
      <label for="{$id}">
        <xsl:value-of select="$label"/>
        <xsl:if test="$required">
          <span class="required-mark"><xsl:value-of select="op:t('form.required')"/></span>
        </xsl:if>
      </label>
      <input type="{$type}" id="{$id}" name="{$field}" value="{$value}">
        <xsl:if test="$required"><xsl:attribute name="required">required</xsl:attribute></xsl:if>
        <xsl:if test="$maxlength != ''"><xsl:attribute name="maxlength"><xsl:value-of select="$maxlength"/></xsl:attribute></xsl:if>
        <xsl:if test="$pattern != ''"><xsl:attribute name="pattern"><xsl:value-of select="$pattern"/></xsl:attribute></xsl:if>
        <xsl:if test="$min != ''"><xsl:attribute name="min"><xsl:value-of select="$min"/></xsl:attribute></xsl:if>
        <xsl:if test="$max != ''"><xsl:attribute name="max"><xsl:value-of select="$max"/></xsl:attribute></xsl:if>
        <xsl:if test="$step != ''"><xsl:attribute name="step"><xsl:value-of select="$step"/></xsl:attribute></xsl:if>
        <xsl:call-template name="field-attrs">
          <xsl:with-param name="field" select="concat($ef, $field)"/>
          <xsl:with-param name="id" select="$id"/>
          <xsl:with-param name="hint" select="$hint != ''"/>
        </xsl:call-template>
      </input>
      <xsl:if test="$hint != ''">
        <p class="hint" id="{$id}-hint"><xsl:value-of select="$hint"/></p>
      </xsl:if>
      <xsl:call-template name="field-error">
        <xsl:with-param name="field" select="concat($ef, $field)"/>
        <xsl:with-param name="id" select="$id"/>
      </xsl:call-template>
    </div>
  </xsl:template>

  <!-- A labelled <textarea>. -->
  <xsl:template name="textarea-field">
    <xsl:param name="field"/>
    <xsl:param name="label"/>
    <xsl:param name="value"/>
    <xsl:param name="id" select="concat('f-', $field)"/>
    <xsl:param name="rows" select="4"/>
    <xsl:param name="required" select="false()"/>
    <xsl:param name="hint" select="''"/>
    <div class="field">
      <label for="{$id}">
        <xsl:value-of select="$label"/>
        <xsl:if test="$required">
          <span class="required-mark"><xsl:value-of select="op:t('form.required')"/></span>
        </xsl:if>
      </label>
      <textarea id="{$id}" name="{$field}" rows="{$rows}">
        <xsl:if test="$required"><xsl:attribute name="required">required</xsl:attribute></xsl:if>
        <xsl:call-template name="field-attrs">
          <xsl:with-param name="field" select="$field"/>
          <xsl:with-param name="id" select="$id"/>
          <xsl:with-param name="hint" select="$hint != ''"/>
        </xsl:call-template>
        <xsl:value-of select="$value"/>
      </textarea>
      <xsl:if test="$hint != ''">
        <p class="hint" id="{$id}-hint"><xsl:value-of select="$hint"/></p>
      </xsl:if>
      <xsl:call-template name="field-error">
        <xsl:with-param name="field" select="$field"/>
        <xsl:with-param name="id" select="$id"/>
      </xsl:call-template>
    </div>
  </xsl:template>

  <!-- ===== Small display helpers ========================================= -->

  <!-- A number without trailing zeros ("16", "7.5"); empty stays empty. -->
  <xsl:template name="num">
    <xsl:param name="n"/>
    <xsl:if test="string($n) != '' and number($n) = number($n)">
      <xsl:value-of select="format-number($n, '0.#')"/>
    </xsl:if>
  </xsl:template>

  <!-- Progress bar: an inline SVG (CSP allows its presentation attributes but
       no inline styles). $planned, when given, draws a marker at the planned
       percentage. Decorative: the caller shows the number as text. -->
  <xsl:template name="bar">
    <xsl:param name="percent"/>
    <xsl:param name="planned" select="''"/>
    <xsl:param name="class" select="''"/>
    <xsl:variable name="p">
      <xsl:choose>
        <xsl:when test="not(number($percent) = number($percent)) or number($percent) &lt; 0">0</xsl:when>
        <xsl:when test="number($percent) &gt; 100">100</xsl:when>
        <xsl:otherwise><xsl:value-of select="format-number($percent, '0.#')"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <svg class="bar {$class}" viewBox="0 0 100 8" width="100" height="8" aria-hidden="true" focusable="false">
      <rect class="bar-bg" width="100" height="8"/>
      <rect class="bar-fill" width="{$p}" height="8"/>
      <xsl:if test="string($planned) != '' and number($planned) = number($planned)">
        <xsl:variable name="x">
          <xsl:choose>
            <xsl:when test="number($planned) &lt; 1">0</xsl:when>
            <xsl:when test="number($planned) &gt; 99">98</xsl:when>
            <xsl:otherwise><xsl:value-of select="format-number($planned - 1, '0.#')"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <rect class="bar-plan" x="{$x}" y="0" width="2" height="8"/>
      </xsl:if>
    </svg>
  </xsl:template>

  <!-- Percent cell content: bar + "40%". -->
  <xsl:template name="percent">
    <xsl:param name="percent"/>
    <xsl:param name="planned" select="''"/>
    <xsl:param name="class" select="''"/>
    <span class="pct">
      <xsl:call-template name="bar">
        <xsl:with-param name="percent" select="$percent"/>
        <xsl:with-param name="planned" select="$planned"/>
        <xsl:with-param name="class" select="$class"/>
      </xsl:call-template>
      <span class="pct-text">
        <xsl:value-of select="op:t('unit.percent', format-number(number(concat('0', $percent)), '0'))"/>
      </span>
    </span>
  </xsl:template>

  <!-- Project health: shape and text (never colour alone). -->
  <xsl:template name="health">
    <xsl:param name="code"/>
    <xsl:if test="string($code) != ''">
      <span class="health health-{$code}">
        <span class="health-shape" aria-hidden="true">
          <xsl:value-of select="op:t(concat('health.', $code, '.shape'))"/>
        </span>
        <span class="health-text">
          <xsl:value-of select="op:t(concat('health.', $code))"/>
        </span>
      </span>
    </xsl:if>
  </xsl:template>

  <xsl:template name="project-status">
    <xsl:param name="code"/>
    <span class="pstatus pstatus-{$code}">
      <xsl:value-of select="op:t(concat('project.status.', $code))"/>
    </span>
  </xsl:template>

  <!-- Context: a task. Overdue / at-risk badges (text, not colour alone). -->
  <xsl:template name="task-flags">
    <xsl:if test="@overdue = '1'">
      <span class="badge badge-overdue">
        <xsl:choose>
          <xsl:when test="number(@late-days) &gt; 0">
            <xsl:value-of select="op:t('task.overdue_days', string(@late-days))"/>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="op:t('task.overdue')"/></xsl:otherwise>
        </xsl:choose>
      </span>
    </xsl:if>
    <xsl:if test="@at-risk = '1'">
      <xsl:if test="@overdue = '1'"><xsl:text> </xsl:text></xsl:if>
      <span class="badge badge-risk"><xsl:value-of select="$tc-at-risk"/></span>
    </xsl:if>
    <xsl:if test="@due-in">
      <xsl:if test="@at-risk = '1'"><xsl:text> </xsl:text></xsl:if>
      <span class="badge badge-due">
        <xsl:choose>
          <xsl:when test="@due-in = '0'"><xsl:value-of select="op:t('task.due_today')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="op:t('task.due_in', string(@due-in))"/></xsl:otherwise>
        </xsl:choose>
      </span>
    </xsl:if>
    <xsl:if test="@deadline-missed = '1'">
      <xsl:if test="@overdue = '1' or @at-risk = '1' or @due-in"><xsl:text> </xsl:text></xsl:if>
      <span class="badge badge-overdue">&#9632; <xsl:value-of select="op:t('task.deadline_missed')"/></span>
    </xsl:if>
  </xsl:template>

  <!-- ===== The task table ================================================= -->
  <!-- Columns, by parameter (same in task-head and task-row):
         project   show the project column (search, my tasks)
         owner     show the owner column (not on my tasks)
         tree      indent the name by depth (project page, children)
         hours     estimate and remaining hours
         actions   move buttons and edit/delete links (project page, can edit)
       Sorting (search only): sort-base = "/tasks?…&" (already encoded),
       sort / dir = the current order. -->

  <xsl:template name="task-head">
    <xsl:param name="project" select="false()"/>
    <xsl:param name="tree" select="false()"/>
    <xsl:param name="links" select="false()"/>
    <xsl:param name="owner" select="true()"/>
    <xsl:param name="hours" select="true()"/>
    <xsl:param name="actions" select="false()"/>
    <xsl:param name="sort-base" select="''"/>
    <xsl:param name="sort" select="''"/>
    <xsl:param name="dir" select="''"/>
    <thead>
      <tr>
        <xsl:if test="$project">
          <xsl:call-template name="task-th">
            <xsl:with-param name="col" select="'project'"/>
            <xsl:with-param name="text" select="op:t('task.col.project')"/>
            <xsl:with-param name="sort-base" select="$sort-base"/>
            <xsl:with-param name="sort" select="$sort"/>
            <xsl:with-param name="dir" select="$dir"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:call-template name="task-th">
          <xsl:with-param name="col" select="'wbs'"/>
          <xsl:with-param name="text" select="op:t('task.col.wbs')"/>
          <xsl:with-param name="sort-base" select="$sort-base"/>
          <xsl:with-param name="sort" select="$sort"/>
          <xsl:with-param name="dir" select="$dir"/>
        </xsl:call-template>
        <xsl:call-template name="task-th">
          <xsl:with-param name="col" select="'name'"/>
          <xsl:with-param name="text" select="op:t('task.col.name')"/>
          <xsl:with-param name="sort-base" select="$sort-base"/>
          <xsl:with-param name="sort" select="$sort"/>
          <xsl:with-param name="dir" select="$dir"/>
        </xsl:call-template>
        <xsl:if test="$owner">
          <xsl:call-template name="task-th">
            <xsl:with-param name="col" select="'owner'"/>
            <xsl:with-param name="text" select="op:t('task.col.owner')"/>
            <xsl:with-param name="sort-base" select="$sort-base"/>
            <xsl:with-param name="sort" select="$sort"/>
            <xsl:with-param name="dir" select="$dir"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:call-template name="task-th">
          <xsl:with-param name="col" select="'status'"/>
          <xsl:with-param name="text" select="op:t('task.col.status')"/>
          <xsl:with-param name="sort-base" select="$sort-base"/>
          <xsl:with-param name="sort" select="$sort"/>
          <xsl:with-param name="dir" select="$dir"/>
        </xsl:call-template>
        <xsl:call-template name="task-th">
          <xsl:with-param name="col" select="'priority'"/>
          <xsl:with-param name="text" select="op:t('task.col.priority')"/>
          <xsl:with-param name="sort-base" select="$sort-base"/>
          <xsl:with-param name="sort" select="$sort"/>
          <xsl:with-param name="dir" select="$dir"/>
        </xsl:call-template>
        <th scope="col" class="date"><xsl:value-of select="op:t('task.col.start')"/></th>
        <xsl:call-template name="task-th">
          <xsl:with-param name="col" select="'finish'"/>
          <xsl:with-param name="text" select="op:t('task.col.finish')"/>
          <xsl:with-param name="class" select="'date'"/>
          <xsl:with-param name="sort-base" select="$sort-base"/>
          <xsl:with-param name="sort" select="$sort"/>
          <xsl:with-param name="dir" select="$dir"/>
        </xsl:call-template>
        <xsl:call-template name="task-th">
          <xsl:with-param name="col" select="'percent'"/>
          <xsl:with-param name="text" select="op:t('task.col.percent')"/>
          <xsl:with-param name="sort-base" select="$sort-base"/>
          <xsl:with-param name="sort" select="$sort"/>
          <xsl:with-param name="dir" select="$dir"/>
        </xsl:call-template>
        <xsl:if test="$hours">
          <th scope="col" class="num"><xsl:value-of select="op:t('task.col.estimate')"/></th>
          <th scope="col" class="num"><xsl:value-of select="op:t('task.col.remaining')"/></th>
        </xsl:if>
        <xsl:if test="$links">
          <th scope="col"><xsl:value-of select="op:t('field.predecessors')"/></th>
        </xsl:if>
        <th scope="col"><xsl:value-of select="op:t('task.col.flags')"/></th>
        <xsl:if test="$actions">
          <th scope="col" class="col-form"><xsl:value-of select="op:t('task.col.actions')"/></th>
        </xsl:if>
      </tr>
    </thead>
  </xsl:template>

  <!-- A column header; a sort link when sort-base is given. -->
  <xsl:template name="task-th">
    <xsl:param name="col"/>
    <xsl:param name="text"/>
    <xsl:param name="class" select="''"/>
    <xsl:param name="sort-base"/>
    <xsl:param name="sort"/>
    <xsl:param name="dir"/>
    <th scope="col">
      <xsl:if test="$class != ''">
        <xsl:attribute name="class"><xsl:value-of select="$class"/></xsl:attribute>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="$sort-base = ''">
          <xsl:value-of select="$text"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:variable name="current" select="$sort = $col"/>
          <xsl:variable name="next-dir">
            <xsl:choose>
              <xsl:when test="$current and $dir != 'desc'">desc</xsl:when>
              <xsl:otherwise>asc</xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <xsl:if test="$current">
            <xsl:attribute name="aria-sort">
              <xsl:choose>
                <xsl:when test="$dir = 'desc'">descending</xsl:when>
                <xsl:otherwise>ascending</xsl:otherwise>
              </xsl:choose>
            </xsl:attribute>
          </xsl:if>
          <a class="sort-link" href="{concat($sort-base, 'sort=', $col, '&amp;dir=', $next-dir)}">
            <xsl:value-of select="$text"/>
            <xsl:if test="$current">
              <span class="sort-mark" aria-hidden="true">
                <xsl:choose>
                  <xsl:when test="$dir = 'desc'"><xsl:value-of select="op:t('sort.desc.mark')"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="op:t('sort.asc.mark')"/></xsl:otherwise>
                </xsl:choose>
              </span>
              <span class="visually-hidden">
                <xsl:choose>
                  <xsl:when test="$dir = 'desc'"><xsl:value-of select="op:t('sort.desc')"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="op:t('sort.asc')"/></xsl:otherwise>
                </xsl:choose>
              </span>
            </xsl:if>
          </a>
        </xsl:otherwise>
      </xsl:choose>
    </th>
  </xsl:template>

  <!-- Context: one <task> row of the model. Kept lean: a 1,000-task project
       page is 1,000 of these, and XSLT time grows with the output. The model
       already formats percent and hours (no float noise), so they are copied
       as they are; the bar is a <progress> element. -->
  <xsl:template name="task-row">
    <xsl:param name="project" select="false()"/>
    <xsl:param name="tree" select="false()"/>
    <xsl:param name="links" select="false()"/>
    <xsl:param name="owner" select="true()"/>
    <xsl:param name="hours" select="true()"/>
    <xsl:param name="actions" select="false()"/>
    <!-- each @x is an XPath scan of the row's ~25 attributes: read the
         repeated ones once -->
    <xsl:variable name="url" select="concat('/tasks/', @id)"/>
    <xsl:variable name="st" select="string(@status)"/>
    <xsl:variable name="summary" select="@summary = '1'"/>
    <xsl:variable name="late" select="@overdue = '1'"/>
    <xsl:variable name="risk" select="@at-risk = '1'"/>
    <tr id="task-{@id}">
      <xsl:attribute name="class">
        <xsl:value-of select="concat('st-', $st)"/>
        <xsl:if test="$summary"> summary</xsl:if>
        <xsl:if test="$late"> overdue</xsl:if>
        <xsl:if test="$risk"> at-risk</xsl:if>
      </xsl:attribute>
      <xsl:if test="$project">
        <td><a href="/projects/{@project}" title="{@project-name}"><xsl:value-of select="@project"/></a></td>
      </xsl:if>
      <td class="wbs"><xsl:value-of select="@wbs"/></td>
      <th scope="row">
        <xsl:if test="$tree">
          <xsl:attribute name="class">
            <xsl:choose>
              <xsl:when test="@depth &gt; 8">depth-8</xsl:when>
              <xsl:otherwise><xsl:value-of select="concat('depth-', @depth)"/></xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
        </xsl:if>
        <xsl:if test="@milestone = '1'">
          <span class="milestone-mark" aria-hidden="true"><xsl:value-of select="$tc-milestone-mark"/></span>
          <span class="visually-hidden"><xsl:value-of select="$tc-milestone"/></span>
        </xsl:if>
        <a href="{$url}"><xsl:value-of select="@name"/></a>
        <xsl:if test="$summary">
          <span class="visually-hidden"><xsl:value-of select="$tc-summary"/></span>
        </xsl:if>
      </th>
      <xsl:if test="$owner">
        <td>
          <xsl:choose>
            <xsl:when test="@owner-name != ''"><xsl:value-of select="@owner-name"/></xsl:when>
            <xsl:when test="@owner != ''"><xsl:value-of select="@owner"/></xsl:when>
            <xsl:otherwise><span class="muted"><xsl:value-of select="$tc-unassigned"/></span></xsl:otherwise>
          </xsl:choose>
        </td>
      </xsl:if>
      <td class="ts-{$st}"><xsl:value-of select="op:t(concat('task.status.', $st))"/></td>
      <td class="p{@priority}"><xsl:value-of select="op:t(concat('priority.', @priority))"/></td>
      <td><xsl:value-of select="@start"/></td>
      <td><xsl:value-of select="@finish"/></td>
      <xsl:variable name="pct" select="string(@percent)"/>
      <td class="pc">
        <progress max="100" value="{$pct}" aria-hidden="true"/>
        <xsl:value-of select="op:t('unit.percent', $pct)"/>
      </td>
      <xsl:if test="$hours">
        <td class="num"><xsl:value-of select="@estimate"/></td>
        <td class="num"><xsl:value-of select="@remaining"/></td>
      </xsl:if>
      <xsl:if test="$links">
        <td class="links">
          <xsl:choose>
            <xsl:when test="$actions and not($summary)">
              <!-- belongs to the row's own form (form attribute): the table sits in
                   the move buttons' form, and forms cannot nest -->
              <input name="predecessors" form="lk-{@id}" value="{@predecessors}" maxlength="200"
                     aria-label="{op:t('task.links_of', string(@wbs))}"/>
              <button type="submit" form="lk-{@id}" class="mini"><xsl:value-of select="$tc-save"/></button>
            </xsl:when>
            <xsl:when test="@predecessors"><code><xsl:value-of select="@predecessors"/></code></xsl:when>
          </xsl:choose>
        </td>
      </xsl:if>
      <td>
        <xsl:if test="$late or $risk or @deadline-missed = '1' or @due-in">
          <xsl:call-template name="task-flags"/>
        </xsl:if>
        <xsl:if test="@variance and @variance != '0'">
          <!-- compared with a baseline (?baseline=ID): the finish's shift in working days -->
          <xsl:text> </xsl:text>
          <span class="badge badge-variance"><xsl:value-of select="op:t('baseline.row_variance', string(@variance))"/></span>
        </xsl:if>
      </td>
      <xsl:if test="$actions">
        <td class="act">
          <xsl:call-template name="move-buttons">
            <xsl:with-param name="url" select="$url"/>
          </xsl:call-template>
          <a href="{$url}/edit"><xsl:value-of select="$tc-edit"/></a>
          <xsl:text> </xsl:text>
          <a class="danger" href="{$url}/delete"><xsl:value-of select="$tc-delete"/></a>
        </td>
      </xsl:if>
    </tr>
  </xsl:template>

  <!-- Context: a task. Four submit buttons (op = up, down, outdent, indent)
       posting to /tasks/ID/move through formaction, so that one form with
       one csrf_token can hold the buttons of every row of a table (the WBS
       table on the project page); the task page puts them in a form of their
       own (move-form). The symbol is the visible text, aria-label the name;
       a CSS tooltip shows the label on hover and focus. -->
  <xsl:template name="move-buttons">
    <xsl:param name="url" select="concat('/tasks/', @id)"/>
    <xsl:variable name="a" select="concat($url, '/move')"/>
    <button class="mv" formaction="{$a}" name="op" value="up" aria-label="{$tc-up}"><xsl:value-of select="$tc-up-icon"/></button>
    <button class="mv" formaction="{$a}" name="op" value="down" aria-label="{$tc-down}"><xsl:value-of select="$tc-down-icon"/></button>
    <button class="mv" formaction="{$a}" name="op" value="outdent" aria-label="{$tc-outdent}"><xsl:value-of select="$tc-outdent-icon"/></button>
    <button class="mv" formaction="{$a}" name="op" value="indent" aria-label="{$tc-indent}"><xsl:value-of select="$tc-indent-icon"/></button>
  </xsl:template>

  <!-- Context: a task. The move buttons in a form of their own (task page);
       the formaction of the buttons is the form's action. -->
  <xsl:template name="move-form">
    <form class="move-form" method="post" action="/tasks/{@id}/move" accept-charset="UTF-8">
      <xsl:call-template name="csrf"/>
      <xsl:call-template name="move-buttons"/>
    </form>
  </xsl:template>

</xsl:stylesheet>
