<?xml version="1.0" encoding="UTF-8"?>
<!-- home.xsl - the dashboard (placeholder until projects exist). Model: <home projects="N"/>. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <xsl:import href="layout.xsl"/>

  <xsl:template name="title">
    <xsl:value-of select="op:t('home.title')"/>
  </xsl:template>

  <xsl:template name="content">
    <xsl:variable name="user" select="meta/user"/>
    <section class="panel home-welcome">
      <p class="lead">
        <xsl:choose>
          <xsl:when test="string($user/@name) != ''">
            <xsl:value-of select="op:t('home.welcome', string($user/@name))"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="op:t('home.welcome', string($user/@login))"/>
          </xsl:otherwise>
        </xsl:choose>
      </p>
      <p class="home-projects">
        <xsl:choose>
          <xsl:when test="not(home/@projects) or number(home/@projects) = 0">
            <xsl:attribute name="class">home-projects empty</xsl:attribute>
            <xsl:value-of select="op:t('home.no_projects')"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="op:t('home.projects', string(home/@projects))"/>
          </xsl:otherwise>
        </xsl:choose>
      </p>
    </section>
    <section class="panel home-coming">
      <h2>
        <xsl:value-of select="op:t('home.coming')"/>
      </h2>
      <ul class="feature-list">
        <li>
          <strong><xsl:value-of select="op:t('home.plans')"/></strong>
          <span class="feature-text"><xsl:value-of select="op:t('home.plans.text')"/></span>
        </li>
        <li>
          <strong><xsl:value-of select="op:t('home.progress')"/></strong>
          <span class="feature-text"><xsl:value-of select="op:t('home.progress.text')"/></span>
        </li>
        <li>
          <strong><xsl:value-of select="op:t('home.changes')"/></strong>
          <span class="feature-text"><xsl:value-of select="op:t('home.changes.text')"/></span>
        </li>
      </ul>
    </section>
  </xsl:template>

</xsl:stylesheet>
