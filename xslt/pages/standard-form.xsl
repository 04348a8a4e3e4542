<?xml version="1.0" encoding="UTF-8"?>
<!--
  standard-form.xsl - a new standard change (GET /changes/standard/new, POST /changes/standard):
  code (fixed once saved), name, category, risk level (low or medium), description and the
  implementation, test and back-out plans. Saving it is approving it: the user becomes its
  approver. The fields are the template std-fields, shared with the edit form of standard.xsl.
  Model: <standard-form mode="new|edit" id code name category risk-level reason><description/>
  <implementation-plan/><test-plan/><backout-plan/></standard-form> + <categories> + <errors>.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <xsl:template match="/page[@name='standard-form']" mode="title">
    <xsl:value-of select="op:t('std.new')"/>
  </xsl:template>

  <xsl:template match="/page[@name='standard-form']" mode="content">
    <xsl:for-each select="standard-form">
      <form class="form" method="post" action="/changes/standard" accept-charset="UTF-8">
        <xsl:call-template name="csrf"/>
        <p class="hint"><xsl:value-of select="op:t('std.approve.hint')"/></p>
        <xsl:call-template name="input-field">
          <xsl:with-param name="field" select="'code'"/>
          <xsl:with-param name="label" select="op:t('std.f.code')"/>
          <xsl:with-param name="value" select="@code"/>
          <xsl:with-param name="required" select="true()"/>
          <xsl:with-param name="maxlength" select="'32'"/>
          <xsl:with-param name="pattern" select="'[A-Z0-9._\-]{2,32}'"/>
          <xsl:with-param name="hint" select="op:t('std.f.code.hint')"/>
          <xsl:with-param name="class" select="'field-code'"/>
        </xsl:call-template>
        <xsl:call-template name="std-fields"/>
        <xsl:call-template name="textarea-field">
          <xsl:with-param name="field" select="'reason'"/>
          <xsl:with-param name="label" select="op:t('std.f.reason')"/>
          <xsl:with-param name="value" select="@reason"/>
          <xsl:with-param name="rows" select="2"/>
        </xsl:call-template>
        <div class="actions">
          <button type="submit" class="button primary"><xsl:value-of select="op:t('std.save')"/></button>
          <a class="button secondary" href="/changes/standard"><xsl:value-of select="op:t('std.cancel')"/></a>
        </div>
      </form>
    </xsl:for-each>
  </xsl:template>

  <!-- The fields of a standard change after its code, for the context node <standard-form>. -->
  <xsl:template name="std-fields">
    <xsl:variable name="en" select="/page/meta/@lang = 'en'"/>
    <xsl:variable name="form" select="."/>
    <xsl:call-template name="input-field">
      <xsl:with-param name="field" select="'name'"/>
      <xsl:with-param name="label" select="op:t('std.f.name')"/>
      <xsl:with-param name="value" select="@name"/>
      <xsl:with-param name="required" select="true()"/>
      <xsl:with-param name="maxlength" select="'200'"/>
    </xsl:call-template>
    <div class="field-row">
      <div class="field">
        <label for="f-category"><xsl:value-of select="op:t('std.f.category')"/></label>
        <select id="f-category" name="category" required="required">
          <xsl:call-template name="field-attrs"><xsl:with-param name="field" select="'category'"/></xsl:call-template>
          <xsl:for-each select="/page/categories/category">
            <xsl:call-template name="option">
              <xsl:with-param name="value" select="@code"/>
              <xsl:with-param name="text">
                <xsl:choose>
                  <xsl:when test="$en"><xsl:value-of select="@label_en"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="@label_zh"/></xsl:otherwise>
                </xsl:choose>
              </xsl:with-param>
              <xsl:with-param name="current" select="string($form/@category)"/>
            </xsl:call-template>
          </xsl:for-each>
        </select>
        <xsl:call-template name="field-error"><xsl:with-param name="field" select="'category'"/></xsl:call-template>
      </div>
      <div class="field">
        <label for="f-risk_level"><xsl:value-of select="op:t('std.f.risk_level')"/></label>
        <select id="f-risk_level" name="risk_level" required="required">
          <xsl:call-template name="field-attrs"><xsl:with-param name="field" select="'risk_level'"/></xsl:call-template>
          <xsl:call-template name="code-options">
            <xsl:with-param name="codes" select="'low medium'"/>
            <xsl:with-param name="prefix" select="'chg.risk.level.'"/>
            <xsl:with-param name="current" select="string(@risk-level)"/>
          </xsl:call-template>
        </select>
        <xsl:call-template name="field-error"><xsl:with-param name="field" select="'risk_level'"/></xsl:call-template>
      </div>
    </div>
    <xsl:call-template name="textarea-field">
      <xsl:with-param name="field" select="'description'"/>
      <xsl:with-param name="label" select="op:t('std.f.description')"/>
      <xsl:with-param name="value" select="description"/>
      <xsl:with-param name="rows" select="3"/>
    </xsl:call-template>
    <xsl:call-template name="textarea-field">
      <xsl:with-param name="field" select="'implementation_plan'"/>
      <xsl:with-param name="label" select="op:t('std.f.implementation_plan')"/>
      <xsl:with-param name="value" select="implementation-plan"/>
      <xsl:with-param name="required" select="true()"/>
    </xsl:call-template>
    <xsl:call-template name="textarea-field">
      <xsl:with-param name="field" select="'test_plan'"/>
      <xsl:with-param name="label" select="op:t('std.f.test_plan')"/>
      <xsl:with-param name="value" select="test-plan"/>
      <xsl:with-param name="required" select="true()"/>
    </xsl:call-template>
    <xsl:call-template name="textarea-field">
      <xsl:with-param name="field" select="'backout_plan'"/>
      <xsl:with-param name="label" select="op:t('std.f.backout_plan')"/>
      <xsl:with-param name="value" select="backout-plan"/>
      <xsl:with-param name="required" select="true()"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
