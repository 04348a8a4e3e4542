<?xml version="1.0" encoding="UTF-8"?>
<!--
  standards.xsl - the standard change catalogue (GET /changes/standard): the pre-approved
  procedures an RFC of type "standard" follows, active ones first, retired ones marked (they stay
  for the history of the changes made from them but are not offered on the RFC form), with who
  approved each and when, and for administrators and managers the link to a new one.
  Model: <standards total active><standard id code name category category-zh category-en
  risk-level approved-by approved-by-name approved-at active uses/>…</standards> + <can create/>.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <xsl:template match="/page[@name='standards']" mode="title">
    <xsl:value-of select="op:t('std.title')"/>
  </xsl:template>

  <xsl:template match="/page[@name='standards']" mode="content">
    <xsl:variable name="en" select="/page/meta/@lang = 'en'"/>
    <p class="hint"><xsl:value-of select="op:t('std.intro')"/></p>
    <p class="actions">
      <a class="button secondary" href="/changes"><xsl:value-of select="op:t('std.back_changes')"/></a>
      <xsl:if test="can/@create = '1'">
        <xsl:text> </xsl:text>
        <a class="button primary" href="/changes/standard/new"><xsl:value-of select="op:t('std.new')"/></a>
      </xsl:if>
    </p>
    <xsl:for-each select="standards">
      <xsl:choose>
        <xsl:when test="standard">
          <div class="table-wrap">
            <table class="data standards">
              <thead>
                <tr>
                  <th scope="col"><xsl:value-of select="op:t('std.f.code')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('std.f.name')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('std.f.category')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('std.f.risk_level')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('std.approved')"/></th>
                  <th scope="col" class="num"><xsl:value-of select="op:t('std.uses')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('std.state')"/></th>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="standard">
                  <tr>
                    <xsl:if test="@active = '0'"><xsl:attribute name="class">retired</xsl:attribute></xsl:if>
                    <td class="code"><a href="/changes/standard/{@id}"><xsl:value-of select="@code"/></a></td>
                    <th scope="row"><xsl:value-of select="@name"/></th>
                    <td>
                      <xsl:choose>
                        <xsl:when test="$en"><xsl:value-of select="@category-en"/></xsl:when>
                        <xsl:otherwise><xsl:value-of select="@category-zh"/></xsl:otherwise>
                      </xsl:choose>
                    </td>
                    <td><xsl:value-of select="op:t(concat('chg.risk.level.', @risk-level))"/></td>
                    <td>
                      <xsl:value-of select="@approved-by-name"/>
                      <xsl:text> </xsl:text>
                      <time datetime="{@approved-at}"><xsl:value-of select="op:time(string(@approved-at))"/></time>
                    </td>
                    <td class="num"><xsl:value-of select="@uses"/></td>
                    <td>
                      <span class="tag std-{@active}">
                        <xsl:choose>
                          <xsl:when test="@active = '1'"><xsl:value-of select="op:t('std.active')"/></xsl:when>
                          <xsl:otherwise><xsl:value-of select="op:t('std.retired')"/></xsl:otherwise>
                        </xsl:choose>
                      </span>
                    </td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </xsl:when>
        <xsl:otherwise><p class="empty"><xsl:value-of select="op:t('std.none')"/></p></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
