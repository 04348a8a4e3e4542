<?xml version="1.0" encoding="UTF-8"?>
<!--
  delegations.xsl - delegation while away (/changes/delegations): the delegations of the user
  (and those naming them as delegate; every one for admins and auditors) with a button to
  withdraw one not yet over, and the form naming a delegate and a date range.
  Model: <delegations><delegation id user user-name delegate delegate-name start end state
  mine/>…</delegations><delegation-form delegate start end today/><eligible><user login name
  roles/>…</eligible><can delegate/> + optional <errors>.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <xsl:template match="/page[@name='delegations']" mode="title">
    <xsl:value-of select="op:t('apr.delegations.title')"/>
  </xsl:template>

  <xsl:template match="/page[@name='delegations']" mode="content">
    <p class="hint"><xsl:value-of select="op:t('apr.delegations.intro')"/></p>
    <xsl:call-template name="apr-links"/>
    <xsl:choose>
      <xsl:when test="delegations/delegation">
        <div class="table-wrap">
          <table class="data delegations">
            <thead>
              <tr>
                <th scope="col"><xsl:value-of select="op:t('apr.delegation.user')"/></th>
                <th scope="col"><xsl:value-of select="op:t('apr.delegation.delegate')"/></th>
                <th scope="col"><xsl:value-of select="op:t('apr.delegation.start')"/></th>
                <th scope="col"><xsl:value-of select="op:t('apr.delegation.end')"/></th>
                <th scope="col"><xsl:value-of select="op:t('apr.delegation.state')"/></th>
                <th scope="col"><span class="visually-hidden"><xsl:value-of select="op:t('apr.delegation.cancel')"/></span></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="delegations/delegation">
                <tr id="delegation-{@id}" class="state-{@state}">
                  <td title="{@user}"><xsl:value-of select="@user-name"/></td>
                  <td title="{@delegate}"><xsl:value-of select="@delegate-name"/></td>
                  <td><xsl:value-of select="@start"/></td>
                  <td><xsl:value-of select="@end"/></td>
                  <td><xsl:value-of select="op:t(concat('apr.delegation.state.', @state))"/></td>
                  <td>
                    <xsl:if test="@state != 'over' and (@mine = '1' or key('my-role', 'admin')) and /page/can/@delegate = '1'">
                      <form method="post" action="/changes/delegations/{@id}/cancel" accept-charset="UTF-8">
                        <xsl:call-template name="csrf"/>
                        <button type="submit" class="button"><xsl:value-of select="op:t('apr.delegation.cancel')"/></button>
                      </form>
                    </xsl:if>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise><p class="empty"><xsl:value-of select="op:t('apr.delegations.empty')"/></p></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="can/@delegate = '1'">
      <xsl:variable name="v" select="delegation-form"/>
      <section class="panel">
        <h2><xsl:value-of select="op:t('apr.delegation.new')"/></h2>
        <form class="form" method="post" action="/changes/delegations" accept-charset="UTF-8">
          <xsl:call-template name="csrf"/>
          <div class="field">
            <label for="f-delegate"><xsl:value-of select="op:t('apr.delegation.delegate')"/></label>
            <select id="f-delegate" name="delegate" required="required">
              <xsl:call-template name="field-attrs"><xsl:with-param name="field" select="'delegate'"/></xsl:call-template>
              <option value=""><xsl:value-of select="op:t('apr.delegation.choose')"/></option>
              <xsl:for-each select="eligible/user[@login != /page/meta/user/@login]">
                <option value="{@login}">
                  <xsl:if test="@login = $v/@delegate"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                  <xsl:value-of select="concat(@name, ' (', @login, ')')"/>
                </option>
              </xsl:for-each>
            </select>
            <xsl:call-template name="field-error"><xsl:with-param name="field" select="'delegate'"/></xsl:call-template>
          </div>
          <xsl:call-template name="input-field">
            <xsl:with-param name="field" select="'start'"/>
            <xsl:with-param name="label" select="op:t('apr.delegation.start')"/>
            <xsl:with-param name="value" select="$v/@start"/>
            <xsl:with-param name="type" select="'date'"/>
            <xsl:with-param name="required" select="true()"/>
          </xsl:call-template>
          <xsl:call-template name="input-field">
            <xsl:with-param name="field" select="'end'"/>
            <xsl:with-param name="label" select="op:t('apr.delegation.end')"/>
            <xsl:with-param name="value" select="$v/@end"/>
            <xsl:with-param name="type" select="'date'"/>
            <xsl:with-param name="required" select="true()"/>
            <xsl:with-param name="hint" select="op:t('apr.delegation.dates_hint')"/>
          </xsl:call-template>
          <div class="actions">
            <button type="submit" class="button primary"><xsl:value-of select="op:t('apr.delegation.create')"/></button>
          </div>
        </form>
      </section>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
