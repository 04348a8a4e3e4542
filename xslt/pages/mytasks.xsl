<?xml version="1.0" encoding="UTF-8"?>
<!--
  mytasks.xsl - the signed-in user's open tasks, each with an inline progress
  report (POST /tasks/ID/progress … return_to=/my).
  Model: <my today=""><task …row attributes…/>…</my> + lists (delay_reason).
  One <tbody> per task: the task row and the row with its form. A delay
  reason is required for overdue or at-risk tasks. Validation errors of a
  refused report are listed in the page's error summary.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <xsl:template match="/page[@name='mytasks']" mode="title">
    <xsl:value-of select="op:t('my.title')"/>
  </xsl:template>

  <xsl:template match="/page[@name='mytasks']" mode="content">
    <xsl:for-each select="my">
      <div class="toolbar">
        <p class="summary">
          <xsl:value-of select="op:t('my.summary', string(count(task)), string(count(task[@overdue = '1'])),
              string(count(task[@at-risk = '1'])))"/>
          <xsl:text> </xsl:text>
          <xsl:value-of select="op:t('my.today', string(@today))"/>
        </p>
        <p class="actions">
          <a class="button" href="/tasks?owner={/page/meta/user/@login}">
            <xsl:value-of select="op:t('my.search')"/>
          </a>
          <xsl:text> </xsl:text>
          <a class="button" href="/my.ics"><xsl:value-of select="op:t('my.ics')"/></a>
        </p>
      </div>
      <xsl:choose>
        <xsl:when test="task">
          <div class="table-wrap">
            <table class="data tasks my-tasks">
              <xsl:call-template name="task-head">
                <xsl:with-param name="project" select="true()"/>
                <xsl:with-param name="owner" select="false()"/>
                <xsl:with-param name="hours" select="false()"/>
              </xsl:call-template>
              <xsl:for-each select="task">
                <tbody>
                  <xsl:call-template name="task-row">
                    <xsl:with-param name="project" select="true()"/>
                    <xsl:with-param name="owner" select="false()"/>
                    <xsl:with-param name="hours" select="false()"/>
                  </xsl:call-template>
                  <xsl:if test="@summary != '1'">
                    <tr class="progress-row">
                      <td colspan="9">
                        <xsl:call-template name="progress-form">
                          <xsl:with-param name="return-to" select="'/my'"/>
                          <xsl:with-param name="prefix" select="concat('p', @id, '-')"/>
                          <xsl:with-param name="compact" select="true()"/>
                        </xsl:call-template>
                      </td>
                    </tr>
                  </xsl:if>
                </tbody>
              </xsl:for-each>
            </table>
          </div>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty"><xsl:value-of select="op:t('my.empty')"/></p>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
