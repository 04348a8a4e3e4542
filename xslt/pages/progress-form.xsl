<?xml version="1.0" encoding="UTF-8"?>
<!--
  progress-form.xsl - the progress report form of a task (task page, my tasks), imported by
  site.xsl next to tasks-common.xsl, whose helpers (code-options, list-options, input-field, the
  tc-* strings) it uses.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <!-- ===== Progress report ================================================ -->
  <!-- Context: a <task>. POST /tasks/ID/progress. $prefix makes the ids
       unique when a page has one form per task (my tasks).
       After a refused report the page has <progress-form task="ID" percent
       hours_spent remaining_hours status note delay_reason/> with the entered
       values: that task's form shows them and the field errors; the other
       forms of the page show the task's current values and no errors.
       A delay reason is needed when the task is overdue or at risk
       (@needs-reason, or the row's flags where the model has none); it is
       marked, but left to the server to enforce (a cancellation needs none). -->
  <xsl:template name="progress-form">
    <xsl:param name="return-to"/>
    <xsl:param name="prefix" select="'f-'"/>
    <xsl:param name="compact" select="false()"/>
    <xsl:variable name="needs-reason"
        select="@needs-reason = '1' or (not(@needs-reason) and (@overdue = '1' or @at-risk = '1'))"/>
    <xsl:variable name="in" select="/page/progress-form[@task = current()/@id]"/>
    <!-- errors belong to this form: the only one, or the one that was posted -->
    <xsl:variable name="ef">
      <xsl:if test="$compact and not($in)">#</xsl:if>
    </xsl:variable>
    <xsl:variable name="percent">
      <xsl:choose>
        <xsl:when test="$in"><xsl:value-of select="$in/@percent"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="format-number(number(concat('0', @percent)), '0')"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="remaining">
      <xsl:choose>
        <xsl:when test="$in"><xsl:value-of select="$in/@remaining_hours"/></xsl:when>
        <xsl:otherwise><xsl:call-template name="num"><xsl:with-param name="n" select="@remaining"/></xsl:call-template></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="status">
      <xsl:choose>
        <xsl:when test="$in"><xsl:value-of select="$in/@status"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="@status"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <form method="post" action="/tasks/{@id}/progress" accept-charset="UTF-8">
      <xsl:attribute name="class">
        <xsl:choose>
          <xsl:when test="$compact">progress-form compact</xsl:when>
          <xsl:otherwise>form progress-form</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:call-template name="csrf"/>
      <input type="hidden" name="return_to" value="{$return-to}"/>
      <div class="field field-percent">
        <label for="{$prefix}percent"><xsl:value-of select="op:t('field.percent')"/></label>
        <input type="number" id="{$prefix}percent" name="percent" min="0" max="100" step="any" required="required"
               value="{$percent}">
          <xsl:call-template name="field-attrs">
            <xsl:with-param name="field" select="concat($ef, 'percent')"/>
            <xsl:with-param name="id" select="concat($prefix, 'percent')"/>
          </xsl:call-template>
        </input>
        <xsl:call-template name="field-error">
          <xsl:with-param name="field" select="concat($ef, 'percent')"/>
          <xsl:with-param name="id" select="concat($prefix, 'percent')"/>
        </xsl:call-template>
      </div>
      <div class="field field-hours">
        <label for="{$prefix}hours_spent"><xsl:value-of select="op:t('field.hours_spent')"/></label>
        <input type="number" id="{$prefix}hours_spent" name="hours_spent" min="0" max="1000" step="any">
          <xsl:attribute name="value">
            <xsl:choose>
              <xsl:when test="$in"><xsl:value-of select="$in/@hours_spent"/></xsl:when>
              <xsl:otherwise>0</xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <xsl:call-template name="field-attrs">
            <xsl:with-param name="field" select="concat($ef, 'hours_spent')"/>
            <xsl:with-param name="id" select="concat($prefix, 'hours_spent')"/>
          </xsl:call-template>
        </input>
        <xsl:call-template name="field-error">
          <xsl:with-param name="field" select="concat($ef, 'hours_spent')"/>
          <xsl:with-param name="id" select="concat($prefix, 'hours_spent')"/>
        </xsl:call-template>
      </div>
      <div class="field field-hours">
        <label for="{$prefix}remaining_hours"><xsl:value-of select="op:t('field.remaining_hours')"/></label>
        <input type="number" id="{$prefix}remaining_hours" name="remaining_hours" min="0" step="any" required="required"
               value="{$remaining}">
          <xsl:call-template name="field-attrs">
            <xsl:with-param name="field" select="concat($ef, 'remaining_hours')"/>
            <xsl:with-param name="id" select="concat($prefix, 'remaining_hours')"/>
          </xsl:call-template>
        </input>
        <xsl:call-template name="field-error">
          <xsl:with-param name="field" select="concat($ef, 'remaining_hours')"/>
          <xsl:with-param name="id" select="concat($prefix, 'remaining_hours')"/>
        </xsl:call-template>
      </div>
      <div class="field field-status">
        <label for="{$prefix}status"><xsl:value-of select="op:t('field.status')"/></label>
        <select id="{$prefix}status" name="status">
          <xsl:call-template name="field-attrs">
            <xsl:with-param name="field" select="concat($ef, 'status')"/>
            <xsl:with-param name="id" select="concat($prefix, 'status')"/>
          </xsl:call-template>
          <xsl:call-template name="code-options">
            <xsl:with-param name="codes" select="'not_started in_progress blocked done cancelled'"/>
            <xsl:with-param name="prefix" select="'task.status.'"/>
            <xsl:with-param name="current" select="string($status)"/>
          </xsl:call-template>
        </select>
        <xsl:call-template name="field-error">
          <xsl:with-param name="field" select="concat($ef, 'status')"/>
          <xsl:with-param name="id" select="concat($prefix, 'status')"/>
        </xsl:call-template>
      </div>
      <div class="field field-reason">
        <label for="{$prefix}delay_reason">
          <xsl:value-of select="op:t('field.delay_reason')"/>
          <xsl:if test="$needs-reason">
            <span class="required-mark"><xsl:value-of select="op:t('form.required')"/></span>
          </xsl:if>
        </label>
        <select id="{$prefix}delay_reason" name="delay_reason">
          <xsl:call-template name="field-attrs">
            <xsl:with-param name="field" select="concat($ef, 'delay_reason')"/>
            <xsl:with-param name="id" select="concat($prefix, 'delay_reason')"/>
            <xsl:with-param name="hint" select="$needs-reason and not($compact)"/>
          </xsl:call-template>
          <option value=""><xsl:value-of select="op:t('progress.no_reason')"/></option>
          <xsl:call-template name="list-options">
            <xsl:with-param name="kind" select="'delay_reason'"/>
            <xsl:with-param name="current" select="string($in/@delay_reason)"/>
          </xsl:call-template>
        </select>
        <xsl:if test="$needs-reason and not($compact)">
          <p class="hint" id="{$prefix}delay_reason-hint"><xsl:value-of select="op:t('progress.reason_hint')"/></p>
        </xsl:if>
        <xsl:call-template name="field-error">
          <xsl:with-param name="field" select="concat($ef, 'delay_reason')"/>
          <xsl:with-param name="id" select="concat($prefix, 'delay_reason')"/>
        </xsl:call-template>
      </div>
      <div class="field field-note">
        <label for="{$prefix}note"><xsl:value-of select="op:t('field.note')"/></label>
        <xsl:choose>
          <xsl:when test="$compact">
            <input type="text" id="{$prefix}note" name="note" maxlength="2000" value="{$in/@note}">
              <xsl:call-template name="field-attrs">
                <xsl:with-param name="field" select="concat($ef, 'note')"/>
                <xsl:with-param name="id" select="concat($prefix, 'note')"/>
              </xsl:call-template>
            </input>
          </xsl:when>
          <xsl:otherwise>
            <textarea id="{$prefix}note" name="note" rows="3" maxlength="2000">
              <xsl:call-template name="field-attrs">
                <xsl:with-param name="field" select="concat($ef, 'note')"/>
                <xsl:with-param name="id" select="concat($prefix, 'note')"/>
              </xsl:call-template>
              <xsl:value-of select="$in/@note"/>
            </textarea>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="field-error">
          <xsl:with-param name="field" select="concat($ef, 'note')"/>
          <xsl:with-param name="id" select="concat($prefix, 'note')"/>
        </xsl:call-template>
      </div>
      <div class="actions">
        <button type="submit" class="button primary"><xsl:value-of select="op:t('progress.submit')"/></button>
      </div>
    </form>
  </xsl:template>

</xsl:stylesheet>
