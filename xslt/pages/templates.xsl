<?xml version="1.0" encoding="UTF-8"?>
<!--
  templates.xsl - project templates, their recurrences, and (admin, manager)
  forms to instantiate a template (POST /templates/CODE/instantiate code name
  start manager) and to add a recurrence (POST /templates/CODE/recur rule
  code_prefix name manager).
  Model: <templates><template code name category tasks>
    <recurrence id rule code-prefix name manager-name active next/>…
  </template>…</templates> + people (+ lists for category labels, optional).
  Rules: monthly-first-workday, monthly-last-workday, monthly-day:N (1..28),
  weekly:D (1 = Monday .. 7 = Sunday), daily-workday.
  A page has one pair of forms per template, so validation errors are shown
  in the page summary only.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <xsl:template match="/page[@name='templates']" mode="title">
    <xsl:value-of select="op:t('templates.title')"/>
  </xsl:template>

  <xsl:template match="/page[@name='templates']" mode="content">
    <xsl:variable name="can" select="key('my-role', 'admin') or key('my-role', 'manager')"/>
    <p class="hint"><xsl:value-of select="op:t('templates.intro')"/></p>
    <xsl:choose>
      <xsl:when test="templates/template">
        <xsl:for-each select="templates/template">
          <section class="panel template" id="template-{@code}" aria-labelledby="h-{@code}">
            <h2 id="h-{@code}">
              <a href="/projects/{@code}">
                <span class="code"><xsl:value-of select="@code"/></span>
                <xsl:text> </xsl:text>
                <xsl:value-of select="@name"/>
              </a>
            </h2>
            <p class="summary">
              <xsl:variable name="cat">
                <xsl:call-template name="list-label">
                  <xsl:with-param name="kind" select="'project_category'"/>
                  <xsl:with-param name="code" select="string(@category)"/>
                </xsl:call-template>
              </xsl:variable>
              <xsl:value-of select="op:t('templates.facts', string($cat), string(@tasks))"/>
            </p>

            <h3><xsl:value-of select="op:t('templates.recurrences')"/></h3>
            <xsl:choose>
              <xsl:when test="recurrence">
                <div class="table-wrap">
                  <table class="data recurrences">
                    <thead>
                      <tr>
                        <th scope="col"><xsl:value-of select="op:t('field.rule')"/></th>
                        <th scope="col"><xsl:value-of select="op:t('field.code_prefix')"/></th>
                        <th scope="col"><xsl:value-of select="op:t('field.name')"/></th>
                        <th scope="col"><xsl:value-of select="op:t('field.manager')"/></th>
                        <th scope="col"><xsl:value-of select="op:t('field.active')"/></th>
                        <th scope="col" class="date"><xsl:value-of select="op:t('templates.next')"/></th>
                      </tr>
                    </thead>
                    <tbody>
                      <xsl:for-each select="recurrence">
                        <tr>
                          <xsl:if test="@active != '1'">
                            <xsl:attribute name="class">inactive</xsl:attribute>
                          </xsl:if>
                          <th scope="row">
                            <xsl:call-template name="recur-label">
                              <xsl:with-param name="rule" select="string(@rule)"/>
                            </xsl:call-template>
                          </th>
                          <td class="code"><xsl:value-of select="@code-prefix"/></td>
                          <td><xsl:value-of select="@name"/></td>
                          <td><xsl:value-of select="@manager-name"/></td>
                          <td>
                            <xsl:choose>
                              <xsl:when test="@active = '1'">
                                <span class="status status-active"><xsl:value-of select="op:t('common.active')"/></span>
                              </xsl:when>
                              <xsl:otherwise>
                                <span class="status status-inactive"><xsl:value-of select="op:t('common.inactive')"/></span>
                              </xsl:otherwise>
                            </xsl:choose>
                          </td>
                          <td class="date"><xsl:value-of select="@next"/></td>
                        </tr>
                      </xsl:for-each>
                    </tbody>
                  </table>
                </div>
              </xsl:when>
              <xsl:otherwise>
                <p class="empty"><xsl:value-of select="op:t('templates.no_recurrences')"/></p>
              </xsl:otherwise>
            </xsl:choose>

            <xsl:if test="$can">
              <div class="template-forms">
                <xsl:call-template name="instantiate-form"/>
                <xsl:call-template name="recur-form"/>
              </div>
            </xsl:if>
          </section>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty"><xsl:value-of select="op:t('templates.empty')"/></p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Context: <template>. -->
  <xsl:template name="instantiate-form">
    <xsl:variable name="p" select="concat('i-', @code, '-')"/>
    <form class="form template-form" method="post" action="/templates/{@code}/instantiate" accept-charset="UTF-8">
      <xsl:call-template name="csrf"/>
      <fieldset>
        <legend><xsl:value-of select="op:t('templates.instantiate')"/></legend>
        <xsl:call-template name="input-field">
          <xsl:with-param name="field" select="'code'"/>
          <xsl:with-param name="id" select="concat($p, 'code')"/>
          <xsl:with-param name="label" select="op:t('project.code')"/>
          <xsl:with-param name="value" select="''"/>
          <xsl:with-param name="required" select="true()"/>
          <xsl:with-param name="maxlength" select="'32'"/>
          <xsl:with-param name="pattern" select="'[A-Z0-9\-]{2,32}'"/>
          <xsl:with-param name="hint" select="op:t('project_form.code.hint')"/>
          <xsl:with-param name="errors" select="false()"/>
        </xsl:call-template>
        <xsl:call-template name="input-field">
          <xsl:with-param name="field" select="'name'"/>
          <xsl:with-param name="id" select="concat($p, 'name')"/>
          <xsl:with-param name="label" select="op:t('field.name')"/>
          <xsl:with-param name="value" select="@name"/>
          <xsl:with-param name="required" select="true()"/>
          <xsl:with-param name="maxlength" select="'200'"/>
          <xsl:with-param name="errors" select="false()"/>
        </xsl:call-template>
        <xsl:call-template name="input-field">
          <xsl:with-param name="field" select="'start'"/>
          <xsl:with-param name="id" select="concat($p, 'start')"/>
          <xsl:with-param name="label" select="op:t('field.start')"/>
          <xsl:with-param name="value" select="substring(op:time(string(/page/meta/@now)), 1, 10)"/>
          <xsl:with-param name="type" select="'date'"/>
          <xsl:with-param name="required" select="true()"/>
          <xsl:with-param name="hint" select="op:t('templates.start.hint')"/>
          <xsl:with-param name="errors" select="false()"/>
        </xsl:call-template>
        <xsl:call-template name="manager-field">
          <xsl:with-param name="id" select="concat($p, 'manager')"/>
        </xsl:call-template>
        <div class="actions">
          <button type="submit" class="button primary"><xsl:value-of select="op:t('templates.instantiate.submit')"/></button>
        </div>
      </fieldset>
    </form>
  </xsl:template>

  <!-- Context: <template>. -->
  <xsl:template name="recur-form">
    <xsl:variable name="p" select="concat('r-', @code, '-')"/>
    <form class="form template-form" method="post" action="/templates/{@code}/recur" accept-charset="UTF-8">
      <xsl:call-template name="csrf"/>
      <fieldset>
        <legend><xsl:value-of select="op:t('templates.recur')"/></legend>
        <div class="field">
          <label for="{$p}rule"><xsl:value-of select="op:t('field.rule')"/></label>
          <select id="{$p}rule" name="rule" required="required">
            <xsl:call-template name="option">
              <xsl:with-param name="value" select="'monthly-first-workday'"/>
              <xsl:with-param name="text" select="op:t('recur.monthly-first-workday')"/>
            </xsl:call-template>
            <xsl:call-template name="option">
              <xsl:with-param name="value" select="'monthly-last-workday'"/>
              <xsl:with-param name="text" select="op:t('recur.monthly-last-workday')"/>
            </xsl:call-template>
            <xsl:call-template name="option">
              <xsl:with-param name="value" select="'daily-workday'"/>
              <xsl:with-param name="text" select="op:t('recur.daily-workday')"/>
            </xsl:call-template>
            <optgroup label="{op:t('recur.group.weekly')}">
              <xsl:call-template name="weekly-options">
                <xsl:with-param name="d" select="1"/>
              </xsl:call-template>
            </optgroup>
            <optgroup label="{op:t('recur.group.monthly-day')}">
              <xsl:call-template name="monthly-day-options">
                <xsl:with-param name="n" select="1"/>
              </xsl:call-template>
            </optgroup>
          </select>
        </div>
        <xsl:call-template name="input-field">
          <xsl:with-param name="field" select="'code_prefix'"/>
          <xsl:with-param name="id" select="concat($p, 'code_prefix')"/>
          <xsl:with-param name="label" select="op:t('field.code_prefix')"/>
          <xsl:with-param name="value" select="''"/>
          <xsl:with-param name="required" select="true()"/>
          <xsl:with-param name="maxlength" select="'20'"/>
          <xsl:with-param name="pattern" select="'[A-Z0-9\-]{2,20}'"/>
          <xsl:with-param name="hint" select="op:t('templates.code_prefix.hint')"/>
          <xsl:with-param name="errors" select="false()"/>
        </xsl:call-template>
        <xsl:call-template name="input-field">
          <xsl:with-param name="field" select="'name'"/>
          <xsl:with-param name="id" select="concat($p, 'name')"/>
          <xsl:with-param name="label" select="op:t('field.name')"/>
          <xsl:with-param name="value" select="@name"/>
          <xsl:with-param name="required" select="true()"/>
          <xsl:with-param name="maxlength" select="'100'"/>
          <xsl:with-param name="hint" select="op:t('templates.recur_name.hint')"/>
          <xsl:with-param name="errors" select="false()"/>
        </xsl:call-template>
        <xsl:call-template name="manager-field">
          <xsl:with-param name="id" select="concat($p, 'manager')"/>
        </xsl:call-template>
        <div class="actions">
          <button type="submit" class="button"><xsl:value-of select="op:t('templates.recur.submit')"/></button>
        </div>
      </fieldset>
    </form>
  </xsl:template>

  <xsl:template name="manager-field">
    <xsl:param name="id"/>
    <div class="field">
      <label for="{$id}"><xsl:value-of select="op:t('field.manager')"/></label>
      <select id="{$id}" name="manager" required="required">
        <xsl:call-template name="person-options">
          <xsl:with-param name="current" select="string(/page/meta/user/@login)"/>
        </xsl:call-template>
      </select>
    </div>
  </xsl:template>

  <xsl:template name="weekly-options">
    <xsl:param name="d"/>
    <xsl:if test="$d &lt;= 7">
      <option value="weekly:{$d}">
        <xsl:value-of select="op:t('recur.weekly', op:t(concat('weekday.', $d)))"/>
      </option>
      <xsl:call-template name="weekly-options">
        <xsl:with-param name="d" select="$d + 1"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="monthly-day-options">
    <xsl:param name="n"/>
    <xsl:if test="$n &lt;= 28">
      <option value="monthly-day:{$n}">
        <xsl:value-of select="op:t('recur.monthly-day', string($n))"/>
      </option>
      <xsl:call-template name="monthly-day-options">
        <xsl:with-param name="n" select="$n + 1"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The text of a rule; the rule itself when it is not a known form. -->
  <xsl:template name="recur-label">
    <xsl:param name="rule"/>
    <xsl:variable name="arg" select="substring-after($rule, ':')"/>
    <xsl:choose>
      <xsl:when test="starts-with($rule, 'weekly:') and string-length($arg) = 1 and contains('1234567', $arg)">
        <xsl:value-of select="op:t('recur.weekly', op:t(concat('weekday.', $arg)))"/>
      </xsl:when>
      <xsl:when test="starts-with($rule, 'monthly-day:') and number($arg) &gt;= 1 and number($arg) &lt;= 28">
        <xsl:value-of select="op:t('recur.monthly-day', string(number($arg)))"/>
      </xsl:when>
      <xsl:when test="$rule = 'monthly-first-workday' or $rule = 'monthly-last-workday' or $rule = 'daily-workday'">
        <xsl:value-of select="op:t(concat('recur.', $rule))"/>
      </xsl:when>
      <xsl:otherwise><code><xsl:value-of select="$rule"/></code></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
