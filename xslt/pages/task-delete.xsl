<?xml version="1.0" encoding="UTF-8"?>
<!--
  task-delete.xsl - confirmation before deleting a task (POST /tasks/ID/delete confirm=yes).
  Model: <task id wbs name project="CODE"><descendant id wbs name/>…<dependent id wbs name/>…</task>
  Descendants are deleted with the task; dependents are tasks whose
  predecessors mention it (they keep a dangling reference to fix).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <xsl:template match="/page[@name='task-delete']" mode="title">
    <xsl:value-of select="op:t('task_delete.title', string(task/@wbs), string(task/@name))"/>
  </xsl:template>

  <xsl:template match="/page[@name='task-delete']" mode="content">
    <xsl:for-each select="task">
      <div class="notice danger-notice">
        <p class="lead">
          <xsl:value-of select="op:t('task_delete.question', string(@wbs), string(@name), string(@project))"/>
        </p>
        <xsl:choose>
          <xsl:when test="descendant">
            <p><xsl:value-of select="op:t('task_delete.descendants', string(count(descendant)))"/></p>
            <ul class="task-list">
              <xsl:for-each select="descendant">
                <li>
                  <span class="wbs"><xsl:value-of select="@wbs"/></span>
                  <xsl:text> </xsl:text>
                  <a href="/tasks/{@id}"><xsl:value-of select="@name"/></a>
                </li>
              </xsl:for-each>
            </ul>
          </xsl:when>
          <xsl:otherwise>
            <p><xsl:value-of select="op:t('task_delete.no_descendants')"/></p>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:if test="dependent">
          <p class="warning">
            <span class="badge badge-risk"><xsl:value-of select="op:t('task_delete.warning')"/></span>
            <xsl:text> </xsl:text>
            <xsl:value-of select="op:t('task_delete.dependents', string(count(dependent)))"/>
          </p>
          <ul class="task-list">
            <xsl:for-each select="dependent">
              <li>
                <span class="wbs"><xsl:value-of select="@wbs"/></span>
                <xsl:text> </xsl:text>
                <a href="/tasks/{@id}"><xsl:value-of select="@name"/></a>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:if>
        <p><xsl:value-of select="op:t('task_delete.audit')"/></p>
      </div>

      <form class="form" method="post" action="/tasks/{@id}/delete" accept-charset="UTF-8">
        <xsl:call-template name="csrf"/>
        <div class="field check-field">
          <input type="checkbox" id="f-confirm" name="confirm" value="yes" required="required">
            <xsl:call-template name="field-attrs">
              <xsl:with-param name="field" select="'confirm'"/>
            </xsl:call-template>
          </input>
          <label for="f-confirm">
            <xsl:choose>
              <xsl:when test="descendant">
                <xsl:value-of select="op:t('task_delete.confirm_tree', string(count(descendant)))"/>
              </xsl:when>
              <xsl:otherwise>
                <xsl:value-of select="op:t('task_delete.confirm')"/>
              </xsl:otherwise>
            </xsl:choose>
          </label>
          <xsl:call-template name="field-error">
            <xsl:with-param name="field" select="'confirm'"/>
          </xsl:call-template>
        </div>
        <div class="actions">
          <button type="submit" class="button danger-primary"><xsl:value-of select="op:t('task_delete.submit')"/></button>
          <a class="button secondary" href="/tasks/{@id}"><xsl:value-of select="op:t('action.cancel')"/></a>
          <a class="button secondary" href="/projects/{@project}"><xsl:value-of select="op:t('task_delete.back_project')"/></a>
        </div>
      </form>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
