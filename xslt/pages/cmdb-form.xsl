<?xml version="1.0" encoding="UTF-8"?>
<!--
  cmdb-form.xsl - create (POST /cmdb) or edit (POST /cmdb/CODE) a configuration item. The code
  cannot be changed once the CI exists; retiring a CI is the status "retired" (CIs are never
  deleted). The type and status codes are the variables of cmdb.xsl.
  Model: <ci-form mode="new|edit" code name type status owner description/> + <people> +
  optional <errors>.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <xsl:template match="/page[@name='cmdb-form']" mode="title">
    <xsl:choose>
      <xsl:when test="ci-form/@mode = 'edit'">
        <xsl:value-of select="op:t('cmdb.form.edit', string(ci-form/@code))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="op:t('cmdb.form.new')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="/page[@name='cmdb-form']" mode="content">
    <xsl:for-each select="ci-form">
      <xsl:variable name="edit" select="@mode = 'edit'"/>
      <form class="form" method="post" accept-charset="UTF-8">
        <xsl:attribute name="action">
          <xsl:choose>
            <xsl:when test="$edit"><xsl:value-of select="concat('/cmdb/', @code)"/></xsl:when>
            <xsl:otherwise>/cmdb</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <xsl:call-template name="csrf"/>
        <xsl:choose>
          <xsl:when test="$edit">
            <div class="field">
              <span class="label"><xsl:value-of select="op:t('cmdb.code')"/></span>
              <span class="readonly code"><xsl:value-of select="@code"/></span>
            </div>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="input-field">
              <xsl:with-param name="field" select="'code'"/>
              <xsl:with-param name="label" select="op:t('cmdb.code')"/>
              <xsl:with-param name="value" select="@code"/>
              <xsl:with-param name="required" select="true()"/>
              <xsl:with-param name="maxlength" select="'64'"/>
              <xsl:with-param name="pattern" select="'[A-Z0-9._\-]{2,64}'"/>
              <xsl:with-param name="hint" select="op:t('cmdb.code.hint')"/>
              <xsl:with-param name="class" select="'field-code'"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>

        <xsl:call-template name="input-field">
          <xsl:with-param name="field" select="'name'"/>
          <xsl:with-param name="label" select="op:t('cmdb.name')"/>
          <xsl:with-param name="value" select="@name"/>
          <xsl:with-param name="required" select="true()"/>
          <xsl:with-param name="maxlength" select="'200'"/>
        </xsl:call-template>

        <div class="field-row">
          <xsl:call-template name="cmdb-select">
            <xsl:with-param name="field" select="'type'"/>
            <xsl:with-param name="label" select="op:t('cmdb.type')"/>
            <xsl:with-param name="codes" select="$cmdb-types"/>
            <xsl:with-param name="prefix" select="'cmdb.type.'"/>
            <xsl:with-param name="current" select="string(@type)"/>
          </xsl:call-template>
          <xsl:call-template name="cmdb-select">
            <xsl:with-param name="field" select="'status'"/>
            <xsl:with-param name="label" select="op:t('cmdb.status')"/>
            <xsl:with-param name="codes" select="$cmdb-statuses"/>
            <xsl:with-param name="prefix" select="'cmdb.status.'"/>
            <xsl:with-param name="current" select="string(@status)"/>
          </xsl:call-template>
        </div>

        <div class="field">
          <label for="f-owner"><xsl:value-of select="op:t('cmdb.owner')"/></label>
          <select id="f-owner" name="owner">
            <xsl:call-template name="field-attrs">
              <xsl:with-param name="field" select="'owner'"/>
            </xsl:call-template>
            <option value=""><xsl:value-of select="op:t('cmdb.owner.none')"/></option>
            <xsl:call-template name="person-options">
              <xsl:with-param name="current" select="string(@owner)"/>
            </xsl:call-template>
          </select>
          <xsl:call-template name="field-error">
            <xsl:with-param name="field" select="'owner'"/>
          </xsl:call-template>
        </div>

        <xsl:call-template name="textarea-field">
          <xsl:with-param name="field" select="'description'"/>
          <xsl:with-param name="label" select="op:t('cmdb.description')"/>
          <xsl:with-param name="value" select="@description"/>
        </xsl:call-template>

        <xsl:if test="$edit">
          <p class="hint"><xsl:value-of select="op:t('cmdb.retire.hint')"/></p>
        </xsl:if>
        <div class="actions">
          <button type="submit" class="button primary"><xsl:value-of select="op:t('cmdb.save')"/></button>
          <a class="button secondary">
            <xsl:attribute name="href">
              <xsl:choose>
                <xsl:when test="$edit"><xsl:value-of select="concat('/cmdb/', @code)"/></xsl:when>
                <xsl:otherwise>/cmdb</xsl:otherwise>
              </xsl:choose>
            </xsl:attribute>
            <xsl:value-of select="op:t('cmdb.cancel')"/>
          </a>
        </div>
      </form>
    </xsl:for-each>
  </xsl:template>

  <!-- A required select of codes with its label and errors. -->
  <xsl:template name="cmdb-select">
    <xsl:param name="field"/>
    <xsl:param name="label"/>
    <xsl:param name="codes"/>
    <xsl:param name="prefix"/>
    <xsl:param name="current"/>
    <div class="field">
      <label for="f-{$field}"><xsl:value-of select="$label"/></label>
      <select id="f-{$field}" name="{$field}" required="required">
        <xsl:call-template name="field-attrs">
          <xsl:with-param name="field" select="$field"/>
        </xsl:call-template>
        <xsl:call-template name="code-options">
          <xsl:with-param name="codes" select="$codes"/>
          <xsl:with-param name="prefix" select="$prefix"/>
          <xsl:with-param name="current" select="$current"/>
        </xsl:call-template>
      </select>
      <xsl:call-template name="field-error">
        <xsl:with-param name="field" select="$field"/>
      </xsl:call-template>
    </div>
  </xsl:template>

</xsl:stylesheet>
