<?xml version="1.0" encoding="UTF-8"?>
<!--
  projects.xsl - the project list with a status filter (GET /projects?status=).
  Model: <projects status=""><project code name category status manager
  manager-name planned-start planned-finish percent tasks health/>…</projects>
  <can create="1"/>, optionally lists (category labels; the code is shown
  when the model has no lists).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <xsl:template match="/page[@name='projects']" mode="title">
    <xsl:value-of select="op:t('projects.title')"/>
  </xsl:template>

  <xsl:template match="/page[@name='projects']" mode="content">
    <xsl:variable name="can-create" select="can/@create = '1'"/>
    <xsl:for-each select="projects">
      <form class="filter" method="get" action="/projects" accept-charset="UTF-8">
        <fieldset>
          <legend><xsl:value-of select="op:t('projects.filter')"/></legend>
          <div class="field">
            <label for="f-status"><xsl:value-of select="op:t('field.status')"/></label>
            <select id="f-status" name="status">
              <xsl:call-template name="field-attrs">
                <xsl:with-param name="field" select="'status'"/>
              </xsl:call-template>
              <option value=""><xsl:value-of select="op:t('projects.status.all')"/></option>
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
          <div class="actions">
            <button type="submit" class="button primary"><xsl:value-of select="op:t('action.filter')"/></button>
            <a class="button secondary" href="/projects"><xsl:value-of select="op:t('action.reset')"/></a>
          </div>
        </fieldset>
      </form>

      <div class="toolbar">
        <p class="summary"><xsl:value-of select="op:t('projects.count', string(count(project)))"/></p>
        <p class="actions">
          <a class="button" href="/templates"><xsl:value-of select="op:t('nav.templates')"/></a>
          <xsl:if test="$can-create">
            <a class="button primary" href="/projects/new"><xsl:value-of select="op:t('projects.new')"/></a>
          </xsl:if>
        </p>
      </div>

      <xsl:choose>
        <xsl:when test="project">
          <div class="table-wrap">
            <table class="data projects">
              <thead>
                <tr>
                  <th scope="col"><xsl:value-of select="op:t('project.code')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('project.name')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('project.category')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('project.status')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('project.health')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('project.manager')"/></th>
                  <th scope="col" class="date"><xsl:value-of select="op:t('project.planned_start')"/></th>
                  <th scope="col" class="date"><xsl:value-of select="op:t('project.planned_finish')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('project.percent')"/></th>
                  <th scope="col" class="num"><xsl:value-of select="op:t('project.tasks')"/></th>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="project">
                  <tr>
                    <td class="code"><a href="/projects/{@code}"><xsl:value-of select="@code"/></a></td>
                    <th scope="row"><a href="/projects/{@code}"><xsl:value-of select="@name"/></a></th>
                    <td>
                      <xsl:call-template name="list-label">
                        <xsl:with-param name="kind" select="'project_category'"/>
                        <xsl:with-param name="code" select="string(@category)"/>
                      </xsl:call-template>
                    </td>
                    <td>
                      <xsl:call-template name="project-status">
                        <xsl:with-param name="code" select="string(@status)"/>
                      </xsl:call-template>
                    </td>
                    <td>
                      <xsl:call-template name="health">
                        <xsl:with-param name="code" select="string(@health)"/>
                      </xsl:call-template>
                    </td>
                    <td>
                      <xsl:call-template name="person-name">
                        <xsl:with-param name="login" select="string(@manager)"/>
                        <xsl:with-param name="name" select="string(@manager-name)"/>
                      </xsl:call-template>
                    </td>
                    <td class="date"><xsl:value-of select="@planned-start"/></td>
                    <td class="date"><xsl:value-of select="@planned-finish"/></td>
                    <td class="percent">
                      <xsl:call-template name="percent">
                        <xsl:with-param name="percent" select="@percent"/>
                      </xsl:call-template>
                    </td>
                    <td class="num"><xsl:value-of select="@tasks"/></td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty"><xsl:value-of select="op:t('projects.empty')"/></p>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
