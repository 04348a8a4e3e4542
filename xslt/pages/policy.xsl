<?xml version="1.0" encoding="UTF-8"?>
<!--
  policy.xsl - one approval policy (/changes/policies/ID): its header and steps (name, quorum,
  approvers) and, for admins, the header form, one sub-form per step (so no JavaScript is
  needed to edit a step), the form that appends a step and the one that removes the last.
  Model: <policy id name kind type risk-level active created steps><step step name quorum n>
  <approver login name/>…</step>…</policy><policy-form …/><next-step step/><eligible><user login
  name roles/>…</eligible><can edit/> and, after a refused step, <step-form step name quorum n>
  <approver>LOGIN</approver>…</step-form> + <errors>.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <xsl:template match="/page[@name='policy']" mode="title">
    <xsl:value-of select="op:t('apr.policy.title', string(policy/@name))"/>
  </xsl:template>

  <xsl:template match="/page[@name='policy']" mode="content">
    <xsl:variable name="p" select="policy"/>
    <p><a href="/changes/policies"><xsl:value-of select="op:t('apr.policy.back')"/></a></p>
    <dl class="facts">
      <dt><xsl:value-of select="op:t('apr.policy.kind')"/></dt>
      <dd><xsl:value-of select="op:t(concat('apr.kind.', $p/@kind))"/></dd>
      <dt><xsl:value-of select="op:t('apr.policy.type')"/></dt>
      <dd><xsl:call-template name="apr-label"><xsl:with-param name="prefix" select="'apr.type.'"/><xsl:with-param name="v" select="$p/@type"/></xsl:call-template></dd>
      <dt><xsl:value-of select="op:t('apr.policy.risk')"/></dt>
      <dd><xsl:call-template name="apr-label"><xsl:with-param name="prefix" select="'apr.risk.'"/><xsl:with-param name="v" select="$p/@risk-level"/></xsl:call-template></dd>
      <dt><xsl:value-of select="op:t('apr.policy.active')"/></dt>
      <dd><xsl:call-template name="apr-yesno"><xsl:with-param name="v" select="$p/@active"/></xsl:call-template></dd>
    </dl>
    <section class="panel" id="steps">
      <h2><xsl:value-of select="op:t('apr.policy.steps')"/></h2>
      <xsl:choose>
        <xsl:when test="$p/step">
          <ol class="steps">
            <xsl:for-each select="$p/step">
              <li id="step-{@step}">
                <strong><xsl:value-of select="op:t('apr.step.number', string(@step))"/></strong>
                <xsl:if test="string(@name) != ''"><xsl:text> </xsl:text><xsl:value-of select="@name"/></xsl:if>
                <xsl:text>: </xsl:text>
                <xsl:call-template name="apr-quorum"/>
                <xsl:text> — </xsl:text>
                <xsl:for-each select="approver">
                  <xsl:if test="position() &gt; 1"><xsl:value-of select="op:t('apr.sep')"/></xsl:if>
                  <span title="{@login}"><xsl:value-of select="concat(@name, substring(@login, 1, 64 * (string(@name) = '')))"/></span>
                </xsl:for-each>
              </li>
            </xsl:for-each>
          </ol>
        </xsl:when>
        <xsl:otherwise><p class="empty"><xsl:value-of select="op:t('apr.steps.empty')"/></p></xsl:otherwise>
      </xsl:choose>
    </section>
    <xsl:if test="can/@edit = '1'">
      <section class="panel">
        <h2><xsl:value-of select="op:t('apr.policy.edit')"/></h2>
        <form class="form" method="post" action="/changes/policies/{$p/@id}" accept-charset="UTF-8">
          <xsl:call-template name="csrf"/>
          <xsl:call-template name="policy-fields"/>
          <div class="actions">
            <button type="submit" class="button primary"><xsl:value-of select="op:t('action.save')"/></button>
          </div>
        </form>
      </section>
      <xsl:for-each select="$p/step">
        <xsl:call-template name="step-form">
          <xsl:with-param name="no" select="string(@step)"/>
          <xsl:with-param name="stored" select="."/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:if test="next-step/@step &lt;= 9">
        <xsl:call-template name="step-form">
          <xsl:with-param name="no" select="string(next-step/@step)"/>
          <xsl:with-param name="stored" select="/.."/>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="$p/step">
        <section class="panel danger">
          <h2><xsl:value-of select="op:t('apr.step.delete')"/></h2>
          <form method="post" action="/changes/policies/{$p/@id}/steps/delete" accept-charset="UTF-8">
            <xsl:call-template name="csrf"/>
            <input type="hidden" name="step" value="{count($p/step)}"/>
            <p class="hint"><xsl:value-of select="op:t('apr.step.delete_hint', string(count($p/step)))"/></p>
            <button type="submit" class="button danger"><xsl:value-of select="op:t('apr.step.delete')"/></button>
          </form>
        </section>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <xsl:template name="apr-quorum">
    <xsl:choose>
      <xsl:when test="@quorum = 'n'"><xsl:value-of select="op:t('apr.quorum.n_of', string(@n), string(count(approver)))"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="op:t(concat('apr.quorum.', @quorum))"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One step's sub-form: the stored step, a new one (stored empty), or the values entered in
       a refused POST when /page/step-form is this step. -->
  <xsl:template name="step-form">
    <xsl:param name="no"/>
    <xsl:param name="stored"/>
    <xsl:variable name="entered" select="/page/step-form[@step = $no]"/>
    <xsl:variable name="mine" select="boolean($entered)"/>
    <xsl:variable name="name">
      <xsl:choose>
        <xsl:when test="$mine"><xsl:value-of select="$entered/@name"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$stored/@name"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="quorum">
      <xsl:choose>
        <xsl:when test="$mine"><xsl:value-of select="$entered/@quorum"/></xsl:when>
        <xsl:when test="$stored"><xsl:value-of select="$stored/@quorum"/></xsl:when>
        <xsl:otherwise>any</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="n">
      <xsl:choose>
        <xsl:when test="$mine"><xsl:value-of select="$entered/@n"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$stored/@n"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="chosen">
      <xsl:text> </xsl:text>
      <xsl:choose>
        <xsl:when test="$mine"><xsl:for-each select="$entered/approver"><xsl:value-of select="concat(., ' ')"/></xsl:for-each></xsl:when>
        <xsl:otherwise><xsl:for-each select="$stored/approver"><xsl:value-of select="concat(@login, ' ')"/></xsl:for-each></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="id" select="concat('s', $no, '-')"/>
    <section class="panel step-form" id="step-form-{$no}">
      <h2>
        <xsl:choose>
          <xsl:when test="$stored"><xsl:value-of select="op:t('apr.step.edit', $no)"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="op:t('apr.step.add', $no)"/></xsl:otherwise>
        </xsl:choose>
      </h2>
      <form class="form" method="post" action="/changes/policies/{/page/policy/@id}/steps" accept-charset="UTF-8">
        <xsl:call-template name="csrf"/>
        <input type="hidden" name="step" value="{$no}"/>
        <xsl:call-template name="input-field">
          <xsl:with-param name="field" select="'step_name'"/>
          <xsl:with-param name="id" select="concat($id, 'name')"/>
          <xsl:with-param name="label" select="op:t('apr.step.name')"/>
          <xsl:with-param name="value" select="$name"/>
          <xsl:with-param name="maxlength" select="'100'"/>
          <xsl:with-param name="errors" select="$mine"/>
        </xsl:call-template>
        <xsl:call-template name="apr-select">
          <xsl:with-param name="field" select="'quorum'"/>
          <xsl:with-param name="id" select="concat($id, 'quorum')"/>
          <xsl:with-param name="label" select="op:t('apr.step.quorum')"/>
          <xsl:with-param name="prefix" select="'apr.quorum.'"/>
          <xsl:with-param name="values" select="'any all n'"/>
          <xsl:with-param name="current" select="$quorum"/>
          <xsl:with-param name="errors" select="$mine"/>
        </xsl:call-template>
        <xsl:call-template name="input-field">
          <xsl:with-param name="field" select="'n'"/>
          <xsl:with-param name="id" select="concat($id, 'n')"/>
          <xsl:with-param name="label" select="op:t('apr.step.n')"/>
          <xsl:with-param name="value" select="$n"/>
          <xsl:with-param name="type" select="'number'"/>
          <xsl:with-param name="min" select="'1'"/>
          <xsl:with-param name="hint" select="op:t('apr.step.n_hint')"/>
          <xsl:with-param name="errors" select="$mine"/>
        </xsl:call-template>
        <fieldset class="field approvers">
          <legend><xsl:value-of select="op:t('apr.step.approvers')"/></legend>
          <xsl:for-each select="/page/eligible/user">
            <label class="check">
              <input type="checkbox" name="approver" value="{@login}">
                <xsl:if test="contains($chosen, concat(' ', @login, ' '))"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
              </input>
              <xsl:text> </xsl:text>
              <xsl:value-of select="concat(@name, ' (', @login, ')')"/>
            </label>
          </xsl:for-each>
          <p class="hint"><xsl:value-of select="op:t('apr.step.approvers_hint')"/></p>
          <xsl:if test="$mine">
            <xsl:call-template name="field-error"><xsl:with-param name="field" select="'approver'"/><xsl:with-param name="id" select="concat($id, 'approver')"/></xsl:call-template>
          </xsl:if>
        </fieldset>
        <div class="actions">
          <button type="submit" class="button primary">
            <xsl:choose>
              <xsl:when test="$stored"><xsl:value-of select="op:t('action.save')"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="op:t('apr.step.add_button')"/></xsl:otherwise>
            </xsl:choose>
          </button>
        </div>
      </form>
    </section>
  </xsl:template>

</xsl:stylesheet>
