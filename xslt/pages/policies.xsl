<?xml version="1.0" encoding="UTF-8"?>
<!--
  policies.xsl - approval policies (/changes/policies): every policy (name, kind, change type,
  risk level, number of steps, active) and, for admins, the create form; the shared labels of
  kinds, types, risk levels and quorums (template apr-label) used by policy.xsl too.
  Model: <policies><policy id name kind type risk-level active created steps/>…</policies>
  <policy-form mode name kind type risk-level active/><can edit/> + optional <errors>.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <xsl:template match="/page[@name='policies']" mode="title">
    <xsl:value-of select="op:t('apr.policies.title')"/>
  </xsl:template>

  <xsl:template match="/page[@name='policies']" mode="content">
    <p class="hint"><xsl:value-of select="op:t('apr.policies.intro')"/></p>
    <xsl:call-template name="apr-links"/>
    <xsl:choose>
      <xsl:when test="policies/policy">
        <div class="table-wrap">
          <table class="data policies">
            <thead>
              <tr>
                <th scope="col"><xsl:value-of select="op:t('apr.policy.name')"/></th>
                <th scope="col"><xsl:value-of select="op:t('apr.policy.kind')"/></th>
                <th scope="col"><xsl:value-of select="op:t('apr.policy.type')"/></th>
                <th scope="col"><xsl:value-of select="op:t('apr.policy.risk')"/></th>
                <th scope="col"><xsl:value-of select="op:t('apr.policy.steps')"/></th>
                <th scope="col"><xsl:value-of select="op:t('apr.policy.active')"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="policies/policy">
                <tr id="policy-{@id}" class="active-{@active}">
                  <td><a href="/changes/policies/{@id}"><xsl:value-of select="@name"/></a></td>
                  <td><xsl:value-of select="op:t(concat('apr.kind.', @kind))"/></td>
                  <td><xsl:call-template name="apr-label"><xsl:with-param name="prefix" select="'apr.type.'"/><xsl:with-param name="v" select="@type"/></xsl:call-template></td>
                  <td><xsl:call-template name="apr-label"><xsl:with-param name="prefix" select="'apr.risk.'"/><xsl:with-param name="v" select="@risk-level"/></xsl:call-template></td>
                  <td><xsl:value-of select="@steps"/></td>
                  <td><xsl:call-template name="apr-yesno"><xsl:with-param name="v" select="@active"/></xsl:call-template></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise><p class="empty"><xsl:value-of select="op:t('apr.policies.empty')"/></p></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="can/@edit = '1'">
      <section class="panel">
        <h2><xsl:value-of select="op:t('apr.policy.new')"/></h2>
        <form class="form" method="post" action="/changes/policies" accept-charset="UTF-8">
          <xsl:call-template name="csrf"/>
          <xsl:call-template name="policy-fields"/>
          <div class="actions">
            <button type="submit" class="button primary"><xsl:value-of select="op:t('apr.policy.create')"/></button>
          </div>
        </form>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template name="apr-links">
    <ul class="plain-list links">
      <li><a href="/changes/queue"><xsl:value-of select="op:t('apr.queue.title')"/></a></li>
      <li><a href="/changes/policies"><xsl:value-of select="op:t('apr.policies.title')"/></a></li>
      <li><a href="/changes/delegations"><xsl:value-of select="op:t('apr.delegations.title')"/></a></li>
    </ul>
  </xsl:template>

  <!-- The label of a type or risk level; '*' is "any". -->
  <xsl:template name="apr-label">
    <xsl:param name="prefix"/>
    <xsl:param name="v"/>
    <xsl:choose>
      <xsl:when test="$v = '*'"><xsl:value-of select="op:t(concat($prefix, 'any'))"/></xsl:when>
      <xsl:when test="string($v) = ''"><xsl:value-of select="op:t('apr.risk.none')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="op:t(concat($prefix, $v))"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="apr-yesno">
    <xsl:param name="v"/>
    <xsl:choose>
      <xsl:when test="$v = '1'"><xsl:value-of select="op:t('apr.yes')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="op:t('apr.no')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="apr-select">
    <xsl:param name="field"/>
    <xsl:param name="label"/>
    <xsl:param name="prefix"/>
    <xsl:param name="values"/>
    <xsl:param name="current"/>
    <xsl:param name="id" select="concat('f-', $field)"/>
    <xsl:param name="errors" select="true()"/>
    <div class="field">
      <label for="{$id}"><xsl:value-of select="$label"/></label>
      <select id="{$id}" name="{$field}">
        <xsl:if test="$errors">
          <xsl:call-template name="field-attrs"><xsl:with-param name="field" select="$field"/><xsl:with-param name="id" select="$id"/></xsl:call-template>
        </xsl:if>
        <xsl:call-template name="apr-options">
          <xsl:with-param name="prefix" select="$prefix"/>
          <xsl:with-param name="rest" select="concat($values, ' ')"/>
          <xsl:with-param name="current" select="string($current)"/>
        </xsl:call-template>
      </select>
      <xsl:if test="$errors">
        <xsl:call-template name="field-error"><xsl:with-param name="field" select="$field"/><xsl:with-param name="id" select="$id"/></xsl:call-template>
      </xsl:if>
    </div>
  </xsl:template>

  <xsl:template name="apr-options">
    <xsl:param name="prefix"/>
    <xsl:param name="rest"/>
    <xsl:param name="current"/>
    <xsl:if test="normalize-space($rest) != ''">
      <xsl:variable name="v" select="substring-before($rest, ' ')"/>
      <option value="{$v}">
        <xsl:if test="$v = $current"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
        <xsl:call-template name="apr-label"><xsl:with-param name="prefix" select="$prefix"/><xsl:with-param name="v" select="$v"/></xsl:call-template>
      </option>
      <xsl:call-template name="apr-options">
        <xsl:with-param name="prefix" select="$prefix"/>
        <xsl:with-param name="rest" select="substring-after($rest, ' ')"/>
        <xsl:with-param name="current" select="$current"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="policy-fields">
    <xsl:variable name="v" select="/page/policy-form"/>
    <xsl:call-template name="input-field">
      <xsl:with-param name="field" select="'name'"/>
      <xsl:with-param name="label" select="op:t('apr.policy.name')"/>
      <xsl:with-param name="value" select="$v/@name"/>
      <xsl:with-param name="required" select="true()"/>
      <xsl:with-param name="maxlength" select="'100'"/>
    </xsl:call-template>
    <xsl:call-template name="apr-select">
      <xsl:with-param name="field" select="'kind'"/>
      <xsl:with-param name="label" select="op:t('apr.policy.kind')"/>
      <xsl:with-param name="prefix" select="'apr.kind.'"/>
      <xsl:with-param name="values" select="'change freeze_override'"/>
      <xsl:with-param name="current" select="$v/@kind"/>
    </xsl:call-template>
    <xsl:call-template name="apr-select">
      <xsl:with-param name="field" select="'type'"/>
      <xsl:with-param name="label" select="op:t('apr.policy.type')"/>
      <xsl:with-param name="prefix" select="'apr.type.'"/>
      <xsl:with-param name="values" select="'normal emergency *'"/>
      <xsl:with-param name="current" select="$v/@type"/>
    </xsl:call-template>
    <xsl:call-template name="apr-select">
      <xsl:with-param name="field" select="'risk_level'"/>
      <xsl:with-param name="label" select="op:t('apr.policy.risk')"/>
      <xsl:with-param name="prefix" select="'apr.risk.'"/>
      <xsl:with-param name="values" select="'low medium high very_high *'"/>
      <xsl:with-param name="current" select="$v/@risk-level"/>
    </xsl:call-template>
    <div class="field checkbox">
      <label>
        <input type="checkbox" name="active" value="1">
          <xsl:if test="$v/@active = '1'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
        </input>
        <xsl:text> </xsl:text>
        <xsl:value-of select="op:t('apr.policy.active')"/>
      </label>
    </div>
  </xsl:template>

</xsl:stylesheet>
