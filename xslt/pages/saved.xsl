<?xml version="1.0" encoding="UTF-8"?>
<!--
  saved.xsl - "already saved": the same form (same CSRF token, same body) was
  posted twice; nothing was written the second time. Model: <saved location="/profile"/>.
  The location is a local path chosen by the server.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <xsl:template match="/page[@name='saved']" mode="title">
    <xsl:value-of select="op:t('saved.title')"/>
  </xsl:template>

  <xsl:template match="/page[@name='saved']" mode="content">
    <div class="notice">
      <p><xsl:value-of select="op:t('saved.text')"/></p>
    </div>
    <p class="actions">
      <a class="button primary" href="{saved/@location}">
        <xsl:value-of select="op:t('saved.link')"/>
      </a>
    </p>
  </xsl:template>

</xsl:stylesheet>
