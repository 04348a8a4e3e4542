<?xml version="1.0" encoding="UTF-8"?>
<!--
  queue.xsl - the approver's queue (/changes/queue): the changes in assessment or authorisation
  whose current approval step waits for the user's decision (or for the approver they stand in
  for today): number, title, type, risk, requester, planned window, the step and its count.
  Model: <queue count><change id number title type risk-level state requester requester-name
  planned-start planned-end policy policy-name step step-name approvals needed on-behalf
  on-behalf-name/>…</queue>.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <xsl:template match="/page[@name='queue']" mode="title">
    <xsl:value-of select="op:t('apr.queue.title')"/>
  </xsl:template>

  <xsl:template match="/page[@name='queue']" mode="content">
    <p class="hint"><xsl:value-of select="op:t('apr.queue.intro')"/></p>
    <xsl:call-template name="apr-links"/>
    <xsl:choose>
      <xsl:when test="queue/change">
        <div class="table-wrap">
          <table class="data queue">
            <caption><xsl:value-of select="op:t('apr.queue.count', string(queue/@count))"/></caption>
            <thead>
              <tr>
                <th scope="col"><xsl:value-of select="op:t('apr.change.number')"/></th>
                <th scope="col"><xsl:value-of select="op:t('apr.change.title')"/></th>
                <th scope="col"><xsl:value-of select="op:t('apr.policy.type')"/></th>
                <th scope="col"><xsl:value-of select="op:t('apr.policy.risk')"/></th>
                <th scope="col"><xsl:value-of select="op:t('apr.change.requester')"/></th>
                <th scope="col"><xsl:value-of select="op:t('apr.change.window')"/></th>
                <th scope="col"><xsl:value-of select="op:t('apr.change.step')"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="queue/change">
                <tr id="change-{@number}">
                  <td><a href="/changes/{@number}#approval"><xsl:value-of select="@number"/></a></td>
                  <td><xsl:value-of select="@title"/></td>
                  <td><xsl:value-of select="op:t(concat('apr.type.', @type))"/></td>
                  <td><xsl:call-template name="apr-label"><xsl:with-param name="prefix" select="'apr.risk.'"/><xsl:with-param name="v" select="@risk-level"/></xsl:call-template></td>
                  <td title="{@requester}"><xsl:value-of select="@requester-name"/></td>
                  <td>
                    <xsl:choose>
                      <xsl:when test="string(@planned-start) != ''">
                        <xsl:value-of select="concat(translate(@planned-start, 'T', ' '), ' – ', translate(@planned-end, 'T', ' '))"/>
                      </xsl:when>
                      <xsl:otherwise><xsl:value-of select="op:t('apr.change.unplanned')"/></xsl:otherwise>
                    </xsl:choose>
                  </td>
                  <td>
                    <xsl:value-of select="op:t('apr.step.number', string(@step))"/>
                    <xsl:if test="string(@step-name) != ''"><xsl:text> </xsl:text><xsl:value-of select="@step-name"/></xsl:if>
                    <xsl:text> </xsl:text>
                    <xsl:value-of select="op:t('apr.queue.progress', string(@approvals), string(@needed))"/>
                    <xsl:if test="string(@on-behalf) != ''">
                      <br/>
                      <xsl:value-of select="op:t('apr.queue.on_behalf', string(@on-behalf-name))"/>
                    </xsl:if>
                    <xsl:if test="@freeze = '1'">
                      <br/>
                      <span class="tag"><xsl:value-of select="op:t('chg.queue_freeze')"/></span>
                    </xsl:if>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise><p class="empty"><xsl:value-of select="op:t('apr.queue.empty')"/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
