<?xml version="1.0" encoding="UTF-8"?>
<!--
  project-form.xsl - create (POST /projects) or edit (POST /projects/CODE) a project.
  Model: <project-form mode="new|edit" code name description manager category
  planned-start planned-finish status calendar/> + <lists> (project_category) + <people>
  + <calendars><calendar id name global …/>…</calendars> + optional <errors>. calendar: the
  chosen working calendar's id, "" for the global one. The code cannot be changed once the project exists.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <xsl:template match="/page[@name='project-form']" mode="title">
    <xsl:choose>
      <xsl:when test="project-form/@mode = 'edit'">
        <xsl:value-of select="op:t('project_form.title.edit', string(project-form/@code))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="op:t('project_form.title.new')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="/page[@name='project-form']" mode="content">
    <xsl:for-each select="project-form">
      <xsl:variable name="edit" select="@mode = 'edit'"/>
      <form class="form" method="post" accept-charset="UTF-8">
        <xsl:attribute name="action">
          <xsl:choose>
            <xsl:when test="$edit"><xsl:value-of select="concat('/projects/', @code)"/></xsl:when>
            <xsl:otherwise>/projects</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <xsl:call-template name="csrf"/>

        <xsl:choose>
          <xsl:when test="$edit">
            <div class="field">
              <span class="label"><xsl:value-of select="op:t('project.code')"/></span>
              <span class="readonly code"><xsl:value-of select="@code"/></span>
            </div>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="input-field">
              <xsl:with-param name="field" select="'code'"/>
              <xsl:with-param name="label" select="op:t('project.code')"/>
              <xsl:with-param name="value" select="@code"/>
              <xsl:with-param name="required" select="true()"/>
              <xsl:with-param name="maxlength" select="'32'"/>
              <xsl:with-param name="pattern" select="'[A-Z0-9\-]{2,32}'"/>
              <xsl:with-param name="hint" select="op:t('project_form.code.hint')"/>
              <xsl:with-param name="class" select="'field-code'"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>

        <xsl:call-template name="input-field">
          <xsl:with-param name="field" select="'name'"/>
          <xsl:with-param name="label" select="op:t('field.name')"/>
          <xsl:with-param name="value" select="@name"/>
          <xsl:with-param name="required" select="true()"/>
          <xsl:with-param name="maxlength" select="'200'"/>
        </xsl:call-template>

        <xsl:call-template name="textarea-field">
          <xsl:with-param name="field" select="'description'"/>
          <xsl:with-param name="label" select="op:t('field.description')"/>
          <xsl:with-param name="value" select="@description"/>
        </xsl:call-template>

        <div class="field">
          <label for="f-manager"><xsl:value-of select="op:t('field.manager')"/></label>
          <select id="f-manager" name="manager" required="required">
            <xsl:call-template name="field-attrs">
              <xsl:with-param name="field" select="'manager'"/>
            </xsl:call-template>
            <xsl:call-template name="person-options">
              <xsl:with-param name="current" select="string(@manager)"/>
            </xsl:call-template>
          </select>
          <xsl:call-template name="field-error">
            <xsl:with-param name="field" select="'manager'"/>
          </xsl:call-template>
        </div>

        <div class="field">
          <label for="f-category"><xsl:value-of select="op:t('field.category')"/></label>
          <select id="f-category" name="category">
            <xsl:call-template name="field-attrs">
              <xsl:with-param name="field" select="'category'"/>
            </xsl:call-template>
            <xsl:call-template name="list-options">
              <xsl:with-param name="kind" select="'project_category'"/>
              <xsl:with-param name="current" select="string(@category)"/>
            </xsl:call-template>
          </select>
          <xsl:call-template name="field-error">
            <xsl:with-param name="field" select="'category'"/>
          </xsl:call-template>
        </div>

        <div class="field-row">
          <xsl:call-template name="input-field">
            <xsl:with-param name="field" select="'planned_start'"/>
            <xsl:with-param name="label" select="op:t('field.planned_start')"/>
            <xsl:with-param name="value" select="@planned-start"/>
            <xsl:with-param name="type" select="'date'"/>
            <xsl:with-param name="required" select="true()"/>
          </xsl:call-template>
          <xsl:call-template name="input-field">
            <xsl:with-param name="field" select="'planned_finish'"/>
            <xsl:with-param name="label" select="op:t('field.planned_finish')"/>
            <xsl:with-param name="value" select="@planned-finish"/>
            <xsl:with-param name="type" select="'date'"/>
            <xsl:with-param name="required" select="true()"/>
          </xsl:call-template>
        </div>

        <div class="field">
          <label for="f-status"><xsl:value-of select="op:t('field.status')"/></label>
          <select id="f-status" name="status">
            <xsl:call-template name="field-attrs">
              <xsl:with-param name="field" select="'status'"/>
            </xsl:call-template>
            <xsl:call-template name="code-options">
              <xsl:with-param name="codes" select="'planning active on_hold done cancelled'"/>
              <xsl:with-param name="prefix" select="'project.status.'"/>
              <xsl:with-param name="current" select="string(@status)"/>
            </xsl:call-template>
          </select>
          <xsl:call-template name="field-error">
            <xsl:with-param name="field" select="'status'"/>
          </xsl:call-template>
        </div>

        <div class="field">
          <label for="f-calendar"><xsl:value-of select="op:t('project.calendar')"/></label>
          <xsl:variable name="cur" select="string(@calendar)"/>
          <select id="f-calendar" name="calendar">
            <xsl:call-template name="field-attrs">
              <xsl:with-param name="field" select="'calendar'"/>
              <xsl:with-param name="hint" select="true()"/>
            </xsl:call-template>
            <xsl:for-each select="/page/calendars/calendar">
              <xsl:variable name="v">
                <xsl:if test="@global != '1'"><xsl:value-of select="@id"/></xsl:if>
              </xsl:variable>
              <option value="{$v}">
                <xsl:if test="$v = $cur"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                <xsl:choose>
                  <xsl:when test="@global = '1'"><xsl:value-of select="op:t('calendars.global_option', string(@name))"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="@name"/></xsl:otherwise>
                </xsl:choose>
              </option>
            </xsl:for-each>
          </select>
          <p class="hint" id="f-calendar-hint"><xsl:value-of select="op:t('project_form.calendar.hint')"/></p>
          <xsl:call-template name="field-error">
            <xsl:with-param name="field" select="'calendar'"/>
          </xsl:call-template>
        </div>

        <div class="actions">
          <button type="submit" class="button primary">
            <xsl:choose>
              <xsl:when test="$edit"><xsl:value-of select="op:t('action.save')"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="op:t('project_form.create')"/></xsl:otherwise>
            </xsl:choose>
          </button>
          <a class="button secondary">
            <xsl:attribute name="href">
              <xsl:choose>
                <xsl:when test="$edit"><xsl:value-of select="concat('/projects/', @code)"/></xsl:when>
                <xsl:otherwise>/projects</xsl:otherwise>
              </xsl:choose>
            </xsl:attribute>
            <xsl:value-of select="op:t('action.cancel')"/>
          </a>
        </div>
      </form>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
