<?xml version="1.0" encoding="UTF-8"?>
<!--
  layout.xsl - the page shell shared by every HTML page.

  Each page sheet does <xsl:import href="layout.xsl"/> and overrides two named
  templates, both called with the context node /page:
    title    - the page title as plain text (used in <title> and the <h1>)
    content  - the body of <main> below the <h1>
  Helpers for page sheets: the named templates field-error, field-attrs,
  field-label and csrf, and the key field-error (errors/error by @field).

  Rules (see security.md 2.3 and 3.4): every visible string comes from
  op:t('key'); text only via xsl:value-of / attribute value templates; output
  escaping is never disabled; no script, no style elements or attributes.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <xsl:output method="html" encoding="UTF-8" indent="no"
      doctype-system="about:legacy-compat"/>

  <!-- The signed-in user's roles, by name: key('my-role', 'admin'). -->
  <xsl:key name="my-role" match="/page/meta/user/role" use="."/>
  <!-- Validation errors of a re-rendered form, by field name. -->
  <xsl:key name="field-error" match="/page/errors/error" use="@field"/>

  <!-- Defaults; every page sheet overrides both. -->
  <xsl:template match="*" mode="title"/>
  <xsl:template match="*" mode="content"/>

  <xsl:template match="/">
    <xsl:for-each select="page">
      <xsl:variable name="title">
        <xsl:apply-templates select="." mode="title"/>
      </xsl:variable>
      <html lang="{meta/@lang}">
        <head>
          <!-- libxslt inserts this meta into every HTML head unless it is
               already there; writing <meta charset> as well would give the
               page two charset declarations (invalid HTML). -->
          <meta http-equiv="Content-Type" content="text/html; charset=UTF-8"/>
          <meta name="viewport" content="width=device-width, initial-scale=1"/>
          <title>
            <xsl:value-of select="op:t('title.format', string($title), op:t('app.name'))"/>
          </title>
          <link rel="stylesheet" href="/static/opsplan.css"/>
          <link rel="stylesheet" media="print" href="/static/print.css"/>
        </head>
        <body class="page-{@name}">
          <a class="skip-link" href="#main">
            <xsl:value-of select="op:t('app.skip')"/>
          </a>
          <xsl:call-template name="header"/>
          <xsl:apply-templates select="meta/flash" mode="layout"/>
          <main id="main">
            <h1 class="page-title">
              <xsl:value-of select="$title"/>
            </h1>
            <xsl:apply-templates select="errors[error]" mode="layout"/>
            <xsl:apply-templates select="." mode="content"/>
          </main>
          <xsl:call-template name="footer"/>
        </body>
      </html>
    </xsl:for-each>
  </xsl:template>

  <!-- Header: app name, navigation, who is signed in, language switch.
       Without a known user (identity errors) only the app name is shown. -->
  <xsl:template name="header">
    <header class="site-header">
      <div class="brand">
        <a href="/">
          <xsl:value-of select="op:t('app.name')"/>
        </a>
      </div>
      <xsl:if test="meta/user">
        <nav class="site-nav" aria-label="{op:t('nav.label')}">
          <ul>
            <xsl:call-template name="nav-item">
              <xsl:with-param name="href" select="'/'"/>
              <xsl:with-param name="page" select="'home'"/>
              <xsl:with-param name="text" select="op:t('nav.home')"/>
            </xsl:call-template>
            <xsl:call-template name="nav-item">
              <xsl:with-param name="href" select="'/projects'"/>
              <xsl:with-param name="page" select="'projects project project-form task task-form task-delete import'"/>
              <xsl:with-param name="text" select="op:t('nav.projects')"/>
            </xsl:call-template>
            <xsl:call-template name="nav-item">
              <xsl:with-param name="href" select="'/my'"/>
              <xsl:with-param name="page" select="'mytasks'"/>
              <xsl:with-param name="text" select="op:t('nav.my')"/>
            </xsl:call-template>
            <xsl:call-template name="nav-item">
              <xsl:with-param name="href" select="'/tasks'"/>
              <xsl:with-param name="page" select="'search'"/>
              <xsl:with-param name="text" select="op:t('nav.tasks')"/>
            </xsl:call-template>
            <xsl:call-template name="nav-item">
              <xsl:with-param name="href" select="'/templates'"/>
              <xsl:with-param name="page" select="'templates'"/>
              <xsl:with-param name="text" select="op:t('nav.templates')"/>
            </xsl:call-template>
            <xsl:call-template name="nav-item">
              <xsl:with-param name="href" select="'/cmdb'"/>
              <xsl:with-param name="page" select="'cmdb cmdb-form cmdb-item'"/>
              <xsl:with-param name="text" select="op:t('cmdb.nav')"/>
            </xsl:call-template>
            <xsl:call-template name="nav-item">
              <xsl:with-param name="href" select="'/changes'"/>
              <xsl:with-param name="page" select="'changes change-form change'"/>
              <xsl:with-param name="text" select="op:t('chg.nav')"/>
            </xsl:call-template>
            <xsl:call-template name="nav-item">
              <xsl:with-param name="href" select="'/profile'"/>
              <xsl:with-param name="page" select="'profile'"/>
              <xsl:with-param name="text" select="op:t('nav.profile')"/>
            </xsl:call-template>
            <xsl:if test="key('my-role', 'admin')">
              <xsl:call-template name="nav-item">
                <xsl:with-param name="href" select="'/admin/users'"/>
                <xsl:with-param name="page" select="'admin-users'"/>
                <xsl:with-param name="text" select="op:t('nav.users')"/>
              </xsl:call-template>
            </xsl:if>
            <xsl:if test="key('my-role', 'admin')">
              <xsl:call-template name="nav-item">
                <xsl:with-param name="href" select="'/admin/lists'"/>
                <xsl:with-param name="page" select="'lists'"/>
                <xsl:with-param name="text" select="op:t('nav.lists')"/>
              </xsl:call-template>
            </xsl:if>
            <xsl:if test="key('my-role', 'admin') or key('my-role', 'manager') or key('my-role', 'auditor')">
              <xsl:call-template name="nav-item">
                <xsl:with-param name="href" select="'/admin/calendar'"/>
                <xsl:with-param name="page" select="'calendar calendars leave'"/>
                <xsl:with-param name="text" select="op:t('nav.calendar')"/>
              </xsl:call-template>
            </xsl:if>
            <xsl:call-template name="nav-item">
              <xsl:with-param name="href" select="'/changes/windows'"/>
              <xsl:with-param name="page" select="'windows window windows-check windows-calendar'"/>
              <xsl:with-param name="text" select="op:t('nav.windows')"/>
            </xsl:call-template>
            <xsl:if test="key('my-role', 'admin') or key('my-role', 'manager') or key('my-role', 'approver')">
              <xsl:call-template name="nav-item">
                <xsl:with-param name="href" select="'/changes/queue'"/>
                <xsl:with-param name="page" select="'queue policies policy delegations'"/>
                <xsl:with-param name="text" select="op:t('apr.nav')"/>
              </xsl:call-template>
            </xsl:if>
            <xsl:if test="key('my-role', 'admin') or key('my-role', 'manager') or key('my-role', 'auditor')">
              <xsl:call-template name="nav-item">
                <xsl:with-param name="href" select="'/changes/audit'"/>
                <xsl:with-param name="page" select="'changeaudit changekpi evidence'"/>
                <xsl:with-param name="text" select="op:t('caud.nav')"/>
              </xsl:call-template>
            </xsl:if>
            <xsl:if test="key('my-role', 'admin') or key('my-role', 'auditor')">
              <xsl:call-template name="nav-item">
                <xsl:with-param name="href" select="'/audit'"/>
                <xsl:with-param name="page" select="'audit'"/>
                <xsl:with-param name="text" select="op:t('nav.audit')"/>
              </xsl:call-template>
            </xsl:if>
          </ul>
        </nav>
        <div class="account">
          <xsl:for-each select="meta/user">
            <span class="account-label">
              <xsl:value-of select="op:t('user.label')"/>
            </span>
            <span class="account-name" title="{@login}">
              <xsl:choose>
                <xsl:when test="string(@name) != ''">
                  <xsl:value-of select="@name"/>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:value-of select="@login"/>
                </xsl:otherwise>
              </xsl:choose>
            </span>
            <xsl:if test="role">
              <ul class="roles" aria-label="{op:t('user.roles')}">
                <xsl:for-each select="role">
                  <li class="role role-{.}">
                    <xsl:value-of select="op:t(concat('role.', .))"/>
                  </li>
                </xsl:for-each>
              </ul>
            </xsl:if>
          </xsl:for-each>
          <xsl:call-template name="lang-switch"/>
        </div>
      </xsl:if>
    </header>
  </xsl:template>

  <!-- $page: the page name(s) (space-separated) for which the item is current. -->
  <xsl:template name="nav-item">
    <xsl:param name="href"/>
    <xsl:param name="page"/>
    <xsl:param name="text"/>
    <li>
      <a href="{$href}">
        <xsl:if test="contains(concat(' ', $page, ' '), concat(' ', /page/@name, ' '))">
          <xsl:attribute name="class">current</xsl:attribute>
          <xsl:attribute name="aria-current">page</xsl:attribute>
        </xsl:if>
        <xsl:value-of select="$text"/>
      </a>
    </li>
  </xsl:template>

  <!-- A plain POST form; the server sets the language and answers 303 return_to. -->
  <xsl:template name="lang-switch">
    <form class="lang-switch" method="post" action="/lang" accept-charset="UTF-8">
      <xsl:call-template name="csrf"/>
      <input type="hidden" name="return_to">
        <xsl:attribute name="value">
          <xsl:value-of select="/page/meta/@path"/>
          <xsl:if test="string(/page/meta/@query) != ''">
            <xsl:value-of select="concat('?', /page/meta/@query)"/>
          </xsl:if>
        </xsl:attribute>
      </input>
      <span class="lang-label" id="lang-switch-label">
        <xsl:value-of select="op:t('lang.label')"/>
      </span>
      <span class="lang-buttons" role="group" aria-labelledby="lang-switch-label">
        <xsl:call-template name="lang-button">
          <xsl:with-param name="code" select="'zh-CN'"/>
          <xsl:with-param name="text" select="op:t('lang.zh-CN')"/>
        </xsl:call-template>
        <xsl:call-template name="lang-button">
          <xsl:with-param name="code" select="'en'"/>
          <xsl:with-param name="text" select="op:t('lang.en')"/>
        </xsl:call-template>
      </span>
    </form>
  </xsl:template>

  <xsl:template name="lang-button">
    <xsl:param name="code"/>
    <xsl:param name="text"/>
    <button type="submit" name="lang" value="{$code}" lang="{$code}">
      <xsl:choose>
        <xsl:when test="/page/meta/@lang = $code">
          <xsl:attribute name="class">lang-button current</xsl:attribute>
          <xsl:attribute name="aria-current">true</xsl:attribute>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="class">lang-button</xsl:attribute>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:value-of select="$text"/>
    </button>
  </xsl:template>

  <xsl:template match="flash" mode="layout">
    <div class="flash" role="status">
      <xsl:value-of select="op:t(string(@key))"/>
    </div>
  </xsl:template>

  <!-- Summary of all validation errors at the top of <main>; page sheets
       also show each one next to its field (template field-error). -->
  <xsl:template match="errors" mode="layout">
    <div class="error-summary" role="alert">
      <p class="error-summary-title">
        <xsl:value-of select="op:t('form.errors')"/>
      </p>
      <ul>
        <xsl:for-each select="error">
          <li>
            <xsl:call-template name="error-text"/>
          </li>
        </xsl:for-each>
      </ul>
    </div>
  </xsl:template>

  <!-- Context: an <error>. Its message; {1} = the field's label, {2} = @arg (e.g. a loop). -->
  <xsl:template name="error-text">
    <xsl:variable name="label">
      <xsl:call-template name="field-label">
        <xsl:with-param name="field" select="string(@field)"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:value-of select="op:t(string(@key), string($label), string(@arg))"/>
  </xsl:template>

  <!-- The errors of one field, shown under its input; id = {$id}-error so
       the input can point at it with aria-describedby (field-attrs). -->
  <xsl:template name="field-error">
    <xsl:param name="field"/>
    <xsl:param name="id" select="concat('f-', $field)"/>
    <xsl:if test="key('field-error', $field)">
      <p class="field-error" id="{$id}-error">
        <span class="field-error-marker">
          <xsl:value-of select="op:t('form.error_prefix')"/>
        </span>
        <xsl:text> </xsl:text>
        <xsl:for-each select="key('field-error', $field)">
          <xsl:if test="position() &gt; 1">
            <xsl:text> </xsl:text>
          </xsl:if>
          <xsl:call-template name="error-text"/>
        </xsl:for-each>
      </p>
    </xsl:if>
  </xsl:template>

  <!-- Attributes for an input (call inside the element): class="invalid",
       aria-invalid and aria-describedby when the field has errors. -->
  <xsl:template name="field-attrs">
    <xsl:param name="field"/>
    <xsl:param name="id" select="concat('f-', $field)"/>
    <xsl:param name="hint" select="false()"/>
    <xsl:variable name="has-error" select="boolean(key('field-error', $field))"/>
    <xsl:if test="$has-error">
      <xsl:attribute name="class">invalid</xsl:attribute>
      <xsl:attribute name="aria-invalid">true</xsl:attribute>
    </xsl:if>
    <xsl:if test="$has-error or $hint">
      <xsl:attribute name="aria-describedby">
        <xsl:if test="$hint">
          <xsl:value-of select="concat($id, '-hint')"/>
        </xsl:if>
        <xsl:if test="$hint and $has-error">
          <xsl:text> </xsl:text>
        </xsl:if>
        <xsl:if test="$has-error">
          <xsl:value-of select="concat($id, '-error')"/>
        </xsl:if>
      </xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- The translated label of a known form field, else the name itself. -->
  <xsl:template name="field-label">
    <xsl:param name="field"/>
    <xsl:choose>
      <xsl:when test="starts-with(/page/@name, 'change')"><xsl:value-of select="op:t(concat('chg.f.', $field))"/></xsl:when>
      <xsl:when test="starts-with(/page/@name, 'standard')"><xsl:value-of select="op:t(concat('std.f.', $field))"/></xsl:when>
      <xsl:when test="$field = 'display_name'"><xsl:value-of select="op:t('field.display_name')"/></xsl:when>
      <xsl:when test="$field = 'email'"><xsl:value-of select="op:t('field.email')"/></xsl:when>
      <xsl:when test="$field = 'phone'"><xsl:value-of select="op:t('field.phone')"/></xsl:when>
      <xsl:when test="$field = 'lang'"><xsl:value-of select="op:t('field.lang')"/></xsl:when>
      <xsl:when test="$field = 'login'"><xsl:value-of select="op:t('field.login')"/></xsl:when>
      <xsl:when test="$field = 'role'"><xsl:value-of select="op:t('field.role')"/></xsl:when>
      <xsl:when test="$field = 'reason'"><xsl:value-of select="op:t('field.reason')"/></xsl:when>
      <xsl:when test="$field = 'user'"><xsl:value-of select="op:t('field.user')"/></xsl:when>
      <xsl:when test="$field = 'entity'"><xsl:value-of select="op:t('field.entity')"/></xsl:when>
      <xsl:when test="$field = 'from'"><xsl:value-of select="op:t('field.from')"/></xsl:when>
      <xsl:when test="$field = 'to'"><xsl:value-of select="op:t('field.to')"/></xsl:when>
      <xsl:when test="$field = 'page'"><xsl:value-of select="op:t('field.page')"/></xsl:when>
      <xsl:when test="$field = 'return_to'"><xsl:value-of select="op:t('field.return_to')"/></xsl:when>
      <xsl:when test="$field = 'code'"><xsl:value-of select="op:t('field.code')"/></xsl:when>
      <xsl:when test="$field = 'name'"><xsl:value-of select="op:t('field.name')"/></xsl:when>
      <xsl:when test="$field = 'description'"><xsl:value-of select="op:t('field.description')"/></xsl:when>
      <xsl:when test="$field = 'manager'"><xsl:value-of select="op:t('field.manager')"/></xsl:when>
      <xsl:when test="$field = 'category'"><xsl:value-of select="op:t('field.category')"/></xsl:when>
      <xsl:when test="$field = 'planned_start'"><xsl:value-of select="op:t('field.planned_start')"/></xsl:when>
      <xsl:when test="$field = 'planned_finish'"><xsl:value-of select="op:t('field.planned_finish')"/></xsl:when>
      <xsl:when test="$field = 'status'"><xsl:value-of select="op:t('field.status')"/></xsl:when>
      <xsl:when test="$field = 'owner'"><xsl:value-of select="op:t('field.owner')"/></xsl:when>
      <xsl:when test="$field = 'estimate_hours'"><xsl:value-of select="op:t('field.estimate_hours')"/></xsl:when>
      <xsl:when test="$field = 'duration_days'"><xsl:value-of select="op:t('field.duration_days')"/></xsl:when>
      <xsl:when test="$field = 'actual_start'"><xsl:value-of select="op:t('field.actual_start')"/></xsl:when>
      <xsl:when test="$field = 'actual_finish'"><xsl:value-of select="op:t('field.actual_finish')"/></xsl:when>
      <xsl:when test="$field = 'priority'"><xsl:value-of select="op:t('field.priority')"/></xsl:when>
      <xsl:when test="$field = 'milestone'"><xsl:value-of select="op:t('field.milestone')"/></xsl:when>
      <xsl:when test="$field = 'percent'"><xsl:value-of select="op:t('field.percent')"/></xsl:when>
      <xsl:when test="$field = 'remaining_hours'"><xsl:value-of select="op:t('field.remaining_hours')"/></xsl:when>
      <xsl:when test="$field = 'predecessors'"><xsl:value-of select="op:t('field.predecessors')"/></xsl:when>
      <xsl:when test="$field = 'parent'"><xsl:value-of select="op:t('field.parent')"/></xsl:when>
      <xsl:when test="$field = 'hours_spent'"><xsl:value-of select="op:t('field.hours_spent')"/></xsl:when>
      <xsl:when test="$field = 'note'"><xsl:value-of select="op:t('field.note')"/></xsl:when>
      <xsl:when test="$field = 'delay_reason'"><xsl:value-of select="op:t('field.delay_reason')"/></xsl:when>
      <xsl:when test="$field = 'body'"><xsl:value-of select="op:t('field.body')"/></xsl:when>
      <xsl:when test="$field = 'confirm'"><xsl:value-of select="op:t('field.confirm')"/></xsl:when>
      <xsl:when test="$field = 'rule'"><xsl:value-of select="op:t('field.rule')"/></xsl:when>
      <xsl:when test="$field = 'code_prefix'"><xsl:value-of select="op:t('field.code_prefix')"/></xsl:when>
      <xsl:when test="$field = 'start'"><xsl:value-of select="op:t('field.start')"/></xsl:when>
      <xsl:when test="$field = 'kind' and /page/@name = 'cmdb-item'"><xsl:value-of select="op:t('cmdb.relation.kind')"/></xsl:when>
      <xsl:when test="$field = 'target'"><xsl:value-of select="op:t('cmdb.relation.target')"/></xsl:when>
      <xsl:when test="$field = 'type'"><xsl:value-of select="op:t('cmdb.type')"/></xsl:when>
      <xsl:when test="$field = 'kind'"><xsl:value-of select="op:t('field.kind')"/></xsl:when>
      <xsl:when test="$field = 'label_zh'"><xsl:value-of select="op:t('field.label_zh')"/></xsl:when>
      <xsl:when test="$field = 'label_en'"><xsl:value-of select="op:t('field.label_en')"/></xsl:when>
      <xsl:when test="$field = 'sort'"><xsl:value-of select="op:t('field.sort')"/></xsl:when>
      <xsl:when test="$field = 'active'"><xsl:value-of select="op:t('field.active')"/></xsl:when>
      <xsl:when test="$field = 'file'"><xsl:value-of select="op:t('field.file')"/></xsl:when>
      <xsl:when test="$field = 'q'"><xsl:value-of select="op:t('field.q')"/></xsl:when>
      <xsl:when test="$field = 'project'"><xsl:value-of select="op:t('field.project')"/></xsl:when>
      <xsl:when test="$field = 'due_from'"><xsl:value-of select="op:t('field.due_from')"/></xsl:when>
      <xsl:when test="$field = 'due_to'"><xsl:value-of select="op:t('field.due_to')"/></xsl:when>
      <xsl:when test="$field = 'op'"><xsl:value-of select="op:t('field.op')"/></xsl:when>
      <xsl:when test="$field = 'scale'"><xsl:value-of select="op:t('gantt.scale')"/></xsl:when>
      <xsl:when test="$field = 'paper'"><xsl:value-of select="op:t('gantt.print.paper')"/></xsl:when>
      <xsl:when test="$field = 'end'"><xsl:value-of select="op:t('win.end')"/></xsl:when>
      <xsl:when test="$field = 'repeat'"><xsl:value-of select="op:t('win.repeat')"/></xsl:when>
      <xsl:when test="$field = 'repeat_until'"><xsl:value-of select="op:t('win.repeat_until')"/></xsl:when>
      <xsl:when test="$field = 'ci'"><xsl:value-of select="op:t('win.ci')"/></xsl:when>
      <xsl:when test="$field = 'month'"><xsl:value-of select="op:t('win.month')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$field"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="csrf">
    <input type="hidden" name="csrf_token" value="{/page/meta/@csrf}"/>
  </xsl:template>

  <xsl:template name="footer">
    <footer class="site-footer">
      <span class="request-id">
        <xsl:value-of select="op:t('footer.request', string(meta/@request-id))"/>
      </span>
      <span class="generated">
        <xsl:value-of select="op:t('footer.time', op:time(string(meta/@now)), string(meta/@tz))"/>
      </span>
    </footer>
  </xsl:template>

</xsl:stylesheet>
