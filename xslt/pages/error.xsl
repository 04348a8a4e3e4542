<?xml version="1.0" encoding="UTF-8"?>
<!--
  error.xsl - every error page. Model: <error status="403" key="error.csrf" field=""/>.
  The page may have no meta/user (identity errors); the layout then shows no
  navigation and no language switch.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <xsl:template match="/page[@name='error']" mode="title">
    <xsl:value-of select="op:t('error.title', string(error/@status))"/>
  </xsl:template>

  <xsl:template match="/page[@name='error']" mode="content">
    <xsl:for-each select="error">
      <div class="error-box status-{@status}">
        <p class="error-message">
          <xsl:choose>
            <xsl:when test="string(@key) != ''">
              <xsl:call-template name="error-text"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="op:t(concat('error.', @status))"/>
            </xsl:otherwise>
          </xsl:choose>
        </p>
        <xsl:if test="string(@field) != ''">
          <p class="error-field">
            <xsl:value-of select="op:t('error.field_name')"/>
            <xsl:text> </xsl:text>
            <code><xsl:value-of select="@field"/></code>
          </p>
        </xsl:if>
        <xsl:if test="@key = 'error.csrf'">
          <p class="error-hint">
            <xsl:value-of select="op:t('error.csrf_hint')"/>
          </p>
        </xsl:if>
        <p class="error-request">
          <xsl:value-of select="op:t('error.request', string(/page/meta/@request-id))"/>
        </p>
      </div>
      <p class="actions">
        <a class="button" href="/"><xsl:value-of select="op:t('error.home')"/></a>
      </p>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
