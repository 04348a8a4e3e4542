<?xml version="1.0" encoding="UTF-8"?>
<!--
  change-form.xsl - raise an RFC (POST /changes) or edit it while it is new
  (POST /changes/NUMBER): title, type (a standard change names its standard change, whose plans
  and risk level it takes), category, the affected CIs (a multiple select), the linked project
  and its tasks by WBS number, implementer, planned window (local time) and outage, the impact on
  services, users, capacity, availability, continuity and security, the plans, and the risk
  questionnaire (each question answered 1-4; not needed for a standard change).
  Model: <change-form mode="new|edit" number title type standard category implementer project
  planned-start planned-end outage tasks><description/>…<ci code/>…<answer q v/>…</change-form>
  + <standards><standard code name category risk_level/></standards>
  + <categories><category code label_zh label_en/></categories> + <ci-codes> + <people>
  + optional <errors>.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <xsl:template match="/page[@name='change-form']" mode="title">
    <xsl:choose>
      <xsl:when test="change-form/@mode = 'edit'">
        <xsl:value-of select="op:t('chg.form.edit', string(change-form/@number))"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="op:t('chg.form.new')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="/page[@name='change-form']" mode="content">
    <xsl:for-each select="change-form">
      <xsl:variable name="edit" select="@mode = 'edit'"/>
      <xsl:variable name="en" select="/page/meta/@lang = 'en'"/>
      <xsl:variable name="form" select="."/>
      <form class="form" method="post" accept-charset="UTF-8">
        <xsl:attribute name="action">
          <xsl:choose>
            <xsl:when test="$edit"><xsl:value-of select="concat('/changes/', @number)"/></xsl:when>
            <xsl:otherwise>/changes</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <xsl:call-template name="csrf"/>
        <xsl:call-template name="input-field">
          <xsl:with-param name="field" select="'title'"/>
          <xsl:with-param name="label" select="op:t('chg.f.title')"/>
          <xsl:with-param name="value" select="@title"/>
          <xsl:with-param name="required" select="true()"/>
          <xsl:with-param name="maxlength" select="'200'"/>
        </xsl:call-template>

        <div class="field-row">
          <div class="field">
            <label for="f-type"><xsl:value-of select="op:t('chg.f.type')"/></label>
            <select id="f-type" name="type" required="required">
              <xsl:call-template name="field-attrs"><xsl:with-param name="field" select="'type'"/></xsl:call-template>
              <xsl:call-template name="code-options">
                <xsl:with-param name="codes" select="$chg-types"/>
                <xsl:with-param name="prefix" select="'chg.type.'"/>
                <xsl:with-param name="current" select="string(@type)"/>
              </xsl:call-template>
            </select>
            <xsl:call-template name="field-error"><xsl:with-param name="field" select="'type'"/></xsl:call-template>
          </div>
          <div class="field">
            <label for="f-standard"><xsl:value-of select="op:t('chg.f.standard')"/></label>
            <select id="f-standard" name="standard" aria-describedby="f-standard-hint">
              <xsl:call-template name="field-attrs"><xsl:with-param name="field" select="'standard'"/></xsl:call-template>
              <option value=""><xsl:value-of select="op:t('chg.none')"/></option>
              <xsl:for-each select="/page/standards/standard">
                <option value="{@code}">
                  <xsl:if test="@code = $form/@standard"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                  <xsl:value-of select="concat(@code, ' ', @name)"/>
                </option>
              </xsl:for-each>
            </select>
            <p class="hint" id="f-standard-hint"><xsl:value-of select="op:t('chg.standard.hint')"/></p>
            <xsl:call-template name="field-error"><xsl:with-param name="field" select="'standard'"/></xsl:call-template>
          </div>
          <div class="field">
            <label for="f-category"><xsl:value-of select="op:t('chg.f.category')"/></label>
            <select id="f-category" name="category">
              <xsl:call-template name="field-attrs"><xsl:with-param name="field" select="'category'"/></xsl:call-template>
              <option value=""><xsl:value-of select="op:t('chg.none')"/></option>
              <xsl:for-each select="/page/categories/category">
                <option value="{@code}">
                  <xsl:if test="@code = $form/@category"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                  <xsl:choose>
                    <xsl:when test="$en"><xsl:value-of select="@label_en"/></xsl:when>
                    <xsl:otherwise><xsl:value-of select="@label_zh"/></xsl:otherwise>
                  </xsl:choose>
                </option>
              </xsl:for-each>
            </select>
            <xsl:call-template name="field-error"><xsl:with-param name="field" select="'category'"/></xsl:call-template>
          </div>
        </div>

        <xsl:call-template name="textarea-field">
          <xsl:with-param name="field" select="'description'"/>
          <xsl:with-param name="label" select="op:t('chg.f.description')"/>
          <xsl:with-param name="value" select="description"/>
        </xsl:call-template>
        <xsl:call-template name="textarea-field">
          <xsl:with-param name="field" select="'reason'"/>
          <xsl:with-param name="label" select="op:t('chg.f.reason')"/>
          <xsl:with-param name="value" select="reason"/>
        </xsl:call-template>

        <fieldset>
          <legend><xsl:value-of select="op:t('chg.scope')"/></legend>
          <div class="field">
            <label for="f-cis"><xsl:value-of select="op:t('chg.f.cis')"/></label>
            <select id="f-cis" name="cis" multiple="multiple" size="8">
              <xsl:call-template name="field-attrs"><xsl:with-param name="field" select="'cis'"/></xsl:call-template>
              <xsl:for-each select="/page/ci-codes/ci">
                <option value="{@code}">
                  <xsl:if test="$form/ci[@code = current()/@code]"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                  <xsl:value-of select="concat(@code, ' ', @name)"/>
                </option>
              </xsl:for-each>
            </select>
            <xsl:call-template name="field-error"><xsl:with-param name="field" select="'cis'"/></xsl:call-template>
          </div>
          <div class="field-row">
            <xsl:call-template name="input-field">
              <xsl:with-param name="field" select="'project'"/>
              <xsl:with-param name="label" select="op:t('chg.f.project')"/>
              <xsl:with-param name="value" select="@project"/>
              <xsl:with-param name="maxlength" select="'32'"/>
            </xsl:call-template>
            <xsl:call-template name="input-field">
              <xsl:with-param name="field" select="'tasks'"/>
              <xsl:with-param name="label" select="op:t('chg.f.tasks')"/>
              <xsl:with-param name="value" select="@tasks"/>
              <xsl:with-param name="hint" select="op:t('chg.tasks.hint')"/>
            </xsl:call-template>
          </div>
          <div class="field">
            <label for="f-implementer"><xsl:value-of select="op:t('chg.f.implementer')"/></label>
            <select id="f-implementer" name="implementer">
              <xsl:call-template name="field-attrs"><xsl:with-param name="field" select="'implementer'"/></xsl:call-template>
              <option value=""><xsl:value-of select="op:t('chg.none')"/></option>
              <xsl:call-template name="person-options">
                <xsl:with-param name="current" select="string(@implementer)"/>
              </xsl:call-template>
            </select>
            <xsl:call-template name="field-error"><xsl:with-param name="field" select="'implementer'"/></xsl:call-template>
          </div>
          <div class="field-row">
            <xsl:call-template name="input-field">
              <xsl:with-param name="field" select="'planned_start'"/>
              <xsl:with-param name="label" select="op:t('chg.f.planned_start')"/>
              <xsl:with-param name="value" select="@planned-start"/>
              <xsl:with-param name="type" select="'datetime-local'"/>
            </xsl:call-template>
            <xsl:call-template name="input-field">
              <xsl:with-param name="field" select="'planned_end'"/>
              <xsl:with-param name="label" select="op:t('chg.f.planned_end')"/>
              <xsl:with-param name="value" select="@planned-end"/>
              <xsl:with-param name="type" select="'datetime-local'"/>
            </xsl:call-template>
          </div>
          <div class="field checkbox">
            <input type="checkbox" id="f-outage" name="outage" value="1">
              <xsl:if test="@outage = '1'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
              <xsl:call-template name="field-attrs"><xsl:with-param name="field" select="'outage'"/></xsl:call-template>
            </input>
            <label for="f-outage"><xsl:value-of select="op:t('chg.f.outage')"/></label>
            <xsl:call-template name="field-error"><xsl:with-param name="field" select="'outage'"/></xsl:call-template>
          </div>
        </fieldset>

        <fieldset>
          <legend><xsl:value-of select="op:t('chg.risk')"/></legend>
          <p class="hint"><xsl:value-of select="op:t('chg.risk.hint')"/></p>
          <xsl:for-each select="answer">
            <xsl:variable name="f" select="concat('risk_', @q)"/>
            <div class="field">
              <label for="f-{$f}"><xsl:value-of select="op:t(concat('chg.f.', $f))"/></label>
              <select id="f-{$f}" name="{$f}">
                <xsl:call-template name="field-attrs"><xsl:with-param name="field" select="$f"/></xsl:call-template>
                <option value=""><xsl:value-of select="op:t('chg.risk.unanswered')"/></option>
                <xsl:call-template name="code-options">
                  <xsl:with-param name="codes" select="'1 2 3 4'"/>
                  <xsl:with-param name="prefix" select="concat('chg.risk.q.', @q, '.')"/>
                  <xsl:with-param name="current" select="string(@v)"/>
                </xsl:call-template>
              </select>
              <xsl:call-template name="field-error"><xsl:with-param name="field" select="$f"/></xsl:call-template>
            </div>
          </xsl:for-each>
        </fieldset>

        <fieldset>
          <legend><xsl:value-of select="op:t('chg.impact')"/></legend>
          <xsl:for-each select="impact-services | impact-users | impact-capacity | impact-availability | impact-continuity | impact-security">
            <xsl:call-template name="textarea-field">
              <xsl:with-param name="field" select="translate(local-name(), '-', '_')"/>
              <xsl:with-param name="label" select="op:t(concat('chg.f.', translate(local-name(), '-', '_')))"/>
              <xsl:with-param name="value" select="."/>
              <xsl:with-param name="rows" select="2"/>
            </xsl:call-template>
          </xsl:for-each>
        </fieldset>

        <fieldset>
          <legend><xsl:value-of select="op:t('chg.plans')"/></legend>
          <p class="hint"><xsl:value-of select="op:t('chg.plans.hint')"/></p>
          <xsl:for-each select="implementation-plan | test-plan | backout-plan">
            <xsl:call-template name="textarea-field">
              <xsl:with-param name="field" select="translate(local-name(), '-', '_')"/>
              <xsl:with-param name="label" select="op:t(concat('chg.f.', translate(local-name(), '-', '_')))"/>
              <xsl:with-param name="value" select="."/>
            </xsl:call-template>
          </xsl:for-each>
        </fieldset>

        <div class="actions">
          <button type="submit" class="button primary"><xsl:value-of select="op:t('chg.save')"/></button>
          <a class="button secondary">
            <xsl:attribute name="href">
              <xsl:choose>
                <xsl:when test="$edit"><xsl:value-of select="concat('/changes/', @number)"/></xsl:when>
                <xsl:otherwise>/changes</xsl:otherwise>
              </xsl:choose>
            </xsl:attribute>
            <xsl:value-of select="op:t('chg.cancel_edit')"/>
          </a>
        </div>
      </form>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
