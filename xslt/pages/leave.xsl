<?xml version="1.0" encoding="UTF-8"?>
<!--
  leave.xsl - everyone's leave (/admin/leave): administrators add a range for anyone (POST
  /admin/leave: login start end note) and remove one (POST /admin/leave/ID/delete); managers and
  auditors read. Model: <leave><range id start end days note created login name/>…</leave>
  <leave-form login start end note/> + <people> + optional <errors>.
  The named templates leave-table and leave-fields serve profile.xsl too.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <xsl:template match="/page[@name='leave']" mode="title">
    <xsl:value-of select="op:t('leave.admin_title')"/>
  </xsl:template>

  <xsl:template match="/page[@name='leave']" mode="content">
    <xsl:variable name="admin" select="key('my-role', 'admin')"/>
    <p class="hint"><xsl:value-of select="op:t('leave.intro')"/></p>
    <xsl:if test="$admin">
      <section class="panel">
        <h2><xsl:value-of select="op:t('leave.add')"/></h2>
        <form class="form" method="post" action="/admin/leave" accept-charset="UTF-8">
          <xsl:call-template name="csrf"/>
          <div class="field">
            <label for="f-login"><xsl:value-of select="op:t('leave.person')"/></label>
            <select id="f-login" name="login" required="required">
              <xsl:call-template name="field-attrs">
                <xsl:with-param name="field" select="'login'"/>
              </xsl:call-template>
              <xsl:call-template name="person-options">
                <xsl:with-param name="current" select="string(leave-form/@login)"/>
              </xsl:call-template>
            </select>
            <xsl:call-template name="field-error">
              <xsl:with-param name="field" select="'login'"/>
            </xsl:call-template>
          </div>
          <xsl:call-template name="leave-fields">
            <xsl:with-param name="values" select="leave-form"/>
          </xsl:call-template>
        </form>
      </section>
    </xsl:if>
    <xsl:call-template name="leave-table">
      <xsl:with-param name="remove" select="$admin"/>
      <xsl:with-param name="action" select="'/admin/leave/'"/>
      <xsl:with-param name="who" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Start, end, note and the submit button; $values: an element with start end note. -->
  <xsl:template name="leave-fields">
    <xsl:param name="values"/>
    <div class="field-row">
      <xsl:call-template name="input-field">
        <xsl:with-param name="field" select="'start'"/>
        <xsl:with-param name="label" select="op:t('leave.start')"/>
        <xsl:with-param name="value" select="$values/@start"/>
        <xsl:with-param name="type" select="'date'"/>
        <xsl:with-param name="required" select="true()"/>
      </xsl:call-template>
      <xsl:call-template name="input-field">
        <xsl:with-param name="field" select="'end'"/>
        <xsl:with-param name="label" select="op:t('leave.end')"/>
        <xsl:with-param name="value" select="$values/@end"/>
        <xsl:with-param name="type" select="'date'"/>
        <xsl:with-param name="required" select="true()"/>
      </xsl:call-template>
    </div>
    <xsl:call-template name="input-field">
      <xsl:with-param name="field" select="'note'"/>
      <xsl:with-param name="label" select="op:t('leave.note')"/>
      <xsl:with-param name="value" select="$values/@note"/>
      <xsl:with-param name="maxlength" select="'200'"/>
      <xsl:with-param name="hint" select="op:t('leave.note_hint')"/>
    </xsl:call-template>
    <div class="actions">
      <button type="submit" class="button primary"><xsl:value-of select="op:t('leave.add_submit')"/></button>
    </div>
  </xsl:template>

  <!-- The ranges of /page/leave; $remove: a remove button per row posting to {$action}ID/delete;
       $who: a column with the person. -->
  <xsl:template name="leave-table">
    <xsl:param name="remove" select="false()"/>
    <xsl:param name="action"/>
    <xsl:param name="who" select="false()"/>
    <xsl:choose>
      <xsl:when test="/page/leave/range">
        <div class="table-wrap">
          <table class="data leave">
            <thead>
              <tr>
                <xsl:if test="$who"><th scope="col"><xsl:value-of select="op:t('leave.person')"/></th></xsl:if>
                <th scope="col"><xsl:value-of select="op:t('leave.range')"/></th>
                <th scope="col"><xsl:value-of select="op:t('leave.days')"/></th>
                <th scope="col"><xsl:value-of select="op:t('leave.note')"/></th>
                <xsl:if test="$remove"><th scope="col"><xsl:value-of select="op:t('leave.actions')"/></th></xsl:if>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="/page/leave/range">
                <tr>
                  <xsl:if test="$who">
                    <td>
                      <xsl:call-template name="person-name">
                        <xsl:with-param name="login" select="string(@login)"/>
                        <xsl:with-param name="name" select="string(@name)"/>
                      </xsl:call-template>
                    </td>
                  </xsl:if>
                  <td class="date"><xsl:value-of select="op:t('common.date_range', string(@start), string(@end))"/></td>
                  <td class="num"><xsl:value-of select="@days"/></td>
                  <td><xsl:value-of select="@note"/></td>
                  <xsl:if test="$remove">
                    <td>
                      <form method="post" action="{concat($action, @id, '/delete')}" accept-charset="UTF-8" class="inline">
                        <xsl:call-template name="csrf"/>
                        <button type="submit" class="button small"><xsl:value-of select="op:t('leave.remove')"/></button>
                      </form>
                    </td>
                  </xsl:if>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty"><xsl:value-of select="op:t('leave.empty')"/></p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
