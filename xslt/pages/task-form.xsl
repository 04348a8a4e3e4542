<?xml version="1.0" encoding="UTF-8"?>
<!--
  task-form.xsl - create (POST /projects/CODE/tasks) or edit (POST /tasks/ID) a task.
  Model: <task-form mode="new|edit" id project="CODE" parent="ID" name description
  owner estimate_hours duration_days planned_start planned_finish actual_start
  actual_finish priority status milestone percent remaining_hours category
  predecessors/> + <parents><task id wbs name depth/>…</parents> (the possible
  parents: in edit mode every task but this one and its subtree; parent "0" =
  top level) + lists (task_category) + people + optional errors.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <xsl:template match="/page[@name='task-form']" mode="title">
    <xsl:choose>
      <xsl:when test="task-form/@mode = 'edit'">
        <xsl:value-of select="op:t('task_form.title.edit', string(task-form/@name))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="op:t('task_form.title.new', string(task-form/@project))"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="/page[@name='task-form']" mode="content">
    <xsl:variable name="parents" select="parents/task"/>
    <xsl:for-each select="task-form">
      <xsl:variable name="edit" select="@mode = 'edit'"/>
      <form class="form task-form" method="post" accept-charset="UTF-8">
        <xsl:attribute name="action">
          <xsl:choose>
            <xsl:when test="$edit"><xsl:value-of select="concat('/tasks/', @id)"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="concat('/projects/', @project, '/tasks')"/></xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <xsl:call-template name="csrf"/>

        <fieldset>
          <legend><xsl:value-of select="op:t('task_form.basics')"/></legend>
          <xsl:if test="/page/parents">
            <xsl:variable name="parent" select="string(@parent)"/>
            <div class="field">
              <label for="f-parent"><xsl:value-of select="op:t('field.parent')"/></label>
              <select id="f-parent" name="parent">
                <xsl:call-template name="field-attrs">
                  <xsl:with-param name="field" select="'parent'"/>
                </xsl:call-template>
                <option value=""><xsl:value-of select="op:t('task_form.top_level')"/></option>
                <xsl:for-each select="$parents">
                  <option value="{@id}">
                    <xsl:attribute name="class">
                      <xsl:text>depth-</xsl:text>
                      <xsl:choose>
                        <xsl:when test="number(@depth) &gt; 8">8</xsl:when>
                        <xsl:when test="number(@depth) &gt;= 0"><xsl:value-of select="number(@depth)"/></xsl:when>
                        <xsl:otherwise>0</xsl:otherwise>
                      </xsl:choose>
                    </xsl:attribute>
                    <xsl:if test="@id = $parent">
                      <xsl:attribute name="selected">selected</xsl:attribute>
                    </xsl:if>
                    <xsl:value-of select="op:t('task_form.parent_option', string(@wbs), string(@name))"/>
                  </option>
                </xsl:for-each>
              </select>
              <xsl:call-template name="field-error">
                <xsl:with-param name="field" select="'parent'"/>
              </xsl:call-template>
            </div>
          </xsl:if>

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

          <div class="field-row">
            <div class="field">
              <label for="f-owner"><xsl:value-of select="op:t('field.owner')"/></label>
              <select id="f-owner" name="owner">
                <xsl:call-template name="field-attrs">
                  <xsl:with-param name="field" select="'owner'"/>
                </xsl:call-template>
                <option value=""><xsl:value-of select="$tc-unassigned"/></option>
                <xsl:call-template name="person-options">
                  <xsl:with-param name="current" select="string(@owner)"/>
                </xsl:call-template>
              </select>
              <xsl:call-template name="field-error">
                <xsl:with-param name="field" select="'owner'"/>
              </xsl:call-template>
            </div>
            <div class="field">
              <label for="f-category"><xsl:value-of select="op:t('field.category')"/></label>
              <select id="f-category" name="category">
                <xsl:call-template name="field-attrs">
                  <xsl:with-param name="field" select="'category'"/>
                </xsl:call-template>
                <option value=""><xsl:value-of select="$tc-none"/></option>
                <xsl:call-template name="list-options">
                  <xsl:with-param name="kind" select="'task_category'"/>
                  <xsl:with-param name="current" select="string(@category)"/>
                </xsl:call-template>
              </select>
              <xsl:call-template name="field-error">
                <xsl:with-param name="field" select="'category'"/>
              </xsl:call-template>
            </div>
          </div>

          <div class="field-row">
            <div class="field">
              <label for="f-priority"><xsl:value-of select="op:t('field.priority')"/></label>
              <select id="f-priority" name="priority">
                <xsl:call-template name="field-attrs">
                  <xsl:with-param name="field" select="'priority'"/>
                </xsl:call-template>
                <xsl:call-template name="code-options">
                  <xsl:with-param name="codes" select="'1 2 3 4'"/>
                  <xsl:with-param name="prefix" select="'priority.long.'"/>
                  <xsl:with-param name="current">
                    <xsl:choose>
                      <xsl:when test="string(@priority) != ''"><xsl:value-of select="@priority"/></xsl:when>
                      <xsl:otherwise>3</xsl:otherwise>
                    </xsl:choose>
                  </xsl:with-param>
                </xsl:call-template>
              </select>
              <xsl:call-template name="field-error">
                <xsl:with-param name="field" select="'priority'"/>
              </xsl:call-template>
            </div>
            <div class="field">
              <label for="f-status"><xsl:value-of select="op:t('field.status')"/></label>
              <select id="f-status" name="status">
                <xsl:call-template name="field-attrs">
                  <xsl:with-param name="field" select="'status'"/>
                </xsl:call-template>
                <xsl:call-template name="code-options">
                  <xsl:with-param name="codes" select="'not_started in_progress blocked done cancelled'"/>
                  <xsl:with-param name="prefix" select="'task.status.'"/>
                  <xsl:with-param name="current" select="string(@status)"/>
                </xsl:call-template>
              </select>
              <xsl:call-template name="field-error">
                <xsl:with-param name="field" select="'status'"/>
              </xsl:call-template>
            </div>
          </div>

          <div class="field check-field">
            <input type="checkbox" id="f-milestone" name="milestone" value="1">
              <xsl:if test="@milestone = '1'">
                <xsl:attribute name="checked">checked</xsl:attribute>
              </xsl:if>
              <xsl:call-template name="field-attrs">
                <xsl:with-param name="field" select="'milestone'"/>
                <xsl:with-param name="hint" select="true()"/>
              </xsl:call-template>
            </input>
            <label for="f-milestone">
              <span class="milestone-mark" aria-hidden="true"><xsl:value-of select="$tc-milestone-mark"/></span>
              <xsl:value-of select="op:t('field.milestone')"/>
            </label>
            <p class="hint" id="f-milestone-hint"><xsl:value-of select="op:t('task_form.milestone.hint')"/></p>
            <xsl:call-template name="field-error">
              <xsl:with-param name="field" select="'milestone'"/>
            </xsl:call-template>
          </div>
        </fieldset>

        <fieldset>
          <legend><xsl:value-of select="op:t('task_form.schedule')"/></legend>
          <div class="field-row">
            <xsl:call-template name="input-field">
              <xsl:with-param name="field" select="'planned_start'"/>
              <xsl:with-param name="label" select="op:t('field.planned_start')"/>
              <xsl:with-param name="value" select="@planned_start"/>
              <xsl:with-param name="type" select="'date'"/>
              <xsl:with-param name="hint" select="op:t('task_form.start.hint')"/>
            </xsl:call-template>
            <xsl:call-template name="input-field">
              <xsl:with-param name="field" select="'planned_finish'"/>
              <xsl:with-param name="label" select="op:t('field.planned_finish')"/>
              <xsl:with-param name="value" select="@planned_finish"/>
              <xsl:with-param name="type" select="'date'"/>
            </xsl:call-template>
            <xsl:call-template name="input-field">
              <xsl:with-param name="field" select="'duration_days'"/>
              <xsl:with-param name="label" select="op:t('field.duration_days')"/>
              <xsl:with-param name="value" select="@duration_days"/>
              <xsl:with-param name="type" select="'number'"/>
              <xsl:with-param name="min" select="'0'"/>
              <xsl:with-param name="step" select="'0.5'"/>
              <xsl:with-param name="class" select="'field-num'"/>
            </xsl:call-template>
          </div>
          <div class="field-row">
            <xsl:call-template name="input-field">
              <xsl:with-param name="field" select="'actual_start'"/>
              <xsl:with-param name="label" select="op:t('field.actual_start')"/>
              <xsl:with-param name="value" select="@actual_start"/>
              <xsl:with-param name="type" select="'date'"/>
            </xsl:call-template>
            <xsl:call-template name="input-field">
              <xsl:with-param name="field" select="'actual_finish'"/>
              <xsl:with-param name="label" select="op:t('field.actual_finish')"/>
              <xsl:with-param name="value" select="@actual_finish"/>
              <xsl:with-param name="type" select="'date'"/>
            </xsl:call-template>
          </div>
          <div class="field-row">
            <div class="field">
              <label for="f-constraint_type"><xsl:value-of select="op:t('field.constraint_type')"/></label>
              <select id="f-constraint_type" name="constraint_type">
                <xsl:call-template name="field-attrs">
                  <xsl:with-param name="field" select="'constraint_type'"/>
                  <xsl:with-param name="hint" select="true()"/>
                </xsl:call-template>
                <xsl:call-template name="code-options">
                  <xsl:with-param name="codes" select="'ASAP SNET FNLT MSO'"/>
                  <xsl:with-param name="prefix" select="'constraint.'"/>
                  <xsl:with-param name="current" select="string(@constraint_type)"/>
                </xsl:call-template>
              </select>
              <p class="hint" id="f-constraint_type-hint"><xsl:value-of select="op:t('task_form.constraint.hint')"/></p>
              <xsl:call-template name="field-error">
                <xsl:with-param name="field" select="'constraint_type'"/>
              </xsl:call-template>
            </div>
            <xsl:call-template name="input-field">
              <xsl:with-param name="field" select="'constraint_date'"/>
              <xsl:with-param name="label" select="op:t('field.constraint_date')"/>
              <xsl:with-param name="value" select="@constraint_date"/>
              <xsl:with-param name="type" select="'date'"/>
            </xsl:call-template>
          </div>
          <xsl:call-template name="input-field">
            <xsl:with-param name="field" select="'predecessors'"/>
            <xsl:with-param name="label" select="op:t('field.predecessors')"/>
            <xsl:with-param name="value" select="@predecessors"/>
            <xsl:with-param name="maxlength" select="'200'"/>
            <xsl:with-param name="hint" select="op:t('task_form.predecessors.hint')"/>
          </xsl:call-template>
        </fieldset>

        <fieldset>
          <legend><xsl:value-of select="op:t('task_form.effort')"/></legend>
          <div class="field-row">
            <xsl:call-template name="input-field">
              <xsl:with-param name="field" select="'estimate_hours'"/>
              <xsl:with-param name="label" select="op:t('field.estimate_hours')"/>
              <xsl:with-param name="value" select="@estimate_hours"/>
              <xsl:with-param name="type" select="'number'"/>
              <xsl:with-param name="min" select="'0'"/>
              <xsl:with-param name="step" select="'0.5'"/>
              <xsl:with-param name="class" select="'field-num'"/>
            </xsl:call-template>
            <xsl:call-template name="input-field">
              <xsl:with-param name="field" select="'remaining_hours'"/>
              <xsl:with-param name="label" select="op:t('field.remaining_hours')"/>
              <xsl:with-param name="value" select="@remaining_hours"/>
              <xsl:with-param name="type" select="'number'"/>
              <xsl:with-param name="min" select="'0'"/>
              <xsl:with-param name="step" select="'0.5'"/>
              <xsl:with-param name="class" select="'field-num'"/>
            </xsl:call-template>
            <xsl:call-template name="input-field">
              <xsl:with-param name="field" select="'percent'"/>
              <xsl:with-param name="label" select="op:t('field.percent')"/>
              <xsl:with-param name="value" select="@percent"/>
              <xsl:with-param name="type" select="'number'"/>
              <xsl:with-param name="min" select="'0'"/>
              <xsl:with-param name="max" select="'100'"/>
              <xsl:with-param name="step" select="'1'"/>
              <xsl:with-param name="class" select="'field-num'"/>
            </xsl:call-template>
          </div>
          <p class="hint"><xsl:value-of select="op:t('task_form.summary.hint')"/></p>
        </fieldset>

        <div class="actions">
          <button type="submit" class="button primary">
            <xsl:choose>
              <xsl:when test="$edit"><xsl:value-of select="op:t('action.save')"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="op:t('task_form.create')"/></xsl:otherwise>
            </xsl:choose>
          </button>
          <a class="button secondary">
            <xsl:attribute name="href">
              <xsl:choose>
                <xsl:when test="$edit"><xsl:value-of select="concat('/tasks/', @id)"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="concat('/projects/', @project)"/></xsl:otherwise>
              </xsl:choose>
            </xsl:attribute>
            <xsl:value-of select="op:t('action.cancel')"/>
          </a>
        </div>
      </form>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
