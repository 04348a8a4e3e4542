<?xml version="1.0" encoding="UTF-8"?>
<!--
  windows-check.xsl - the check of a proposed change (GET /changes/windows/check?start=&end=&ci=…):
  a GET form (start, end, one CI code per ci field) and, after a check, the CIs looked at (those
  entered and those related to them) and every finding: inside a freeze window (which window,
  which occurrence) or outside the maintenance windows of a CI, fully or partly.
  Model: <check-form start end><ci>CODE</ci>…</check-form><cis><ci code name/>…</cis>
  <check start end minutes><ci code name type given via via-name relation/>…<finding kind extent
  window name ci ci-name occ-start occ-end from to minutes/>…</check> + optional <errors>.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <xsl:template match="/page[@name='windows-check']" mode="title">
    <xsl:value-of select="op:t('win.check.title')"/>
  </xsl:template>

  <xsl:template match="/page[@name='windows-check']" mode="content">
    <p><a href="/changes/windows"><xsl:value-of select="op:t('win.back')"/></a></p>
    <p class="hint"><xsl:value-of select="op:t('win.check.intro')"/></p>
    <form class="form" method="get" action="/changes/windows/check" accept-charset="UTF-8">
      <xsl:call-template name="input-field">
        <xsl:with-param name="field" select="'start'"/>
        <xsl:with-param name="label" select="op:t('win.check.start')"/>
        <xsl:with-param name="value" select="check-form/@start"/>
        <xsl:with-param name="type" select="'datetime-local'"/>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="hint" select="op:t('win.time_hint')"/>
      </xsl:call-template>
      <xsl:call-template name="input-field">
        <xsl:with-param name="field" select="'end'"/>
        <xsl:with-param name="label" select="op:t('win.check.end')"/>
        <xsl:with-param name="value" select="check-form/@end"/>
        <xsl:with-param name="type" select="'datetime-local'"/>
        <xsl:with-param name="required" select="true()"/>
      </xsl:call-template>
      <fieldset class="field">
        <legend><xsl:value-of select="op:t('win.check.cis')"/></legend>
        <xsl:for-each select="check-form/ci">
          <input type="text" name="ci" value="{.}" list="ci-codes" maxlength="64" id="f-ci-{position()}"
                 aria-label="{op:t('win.ci')}">
            <xsl:call-template name="field-attrs"><xsl:with-param name="field" select="'ci'"/></xsl:call-template>
          </input>
          <xsl:text> </xsl:text>
        </xsl:for-each>
        <input type="text" name="ci" value="" list="ci-codes" maxlength="64" id="f-ci" aria-label="{op:t('win.ci')}">
          <xsl:call-template name="field-attrs"><xsl:with-param name="field" select="'ci'"/></xsl:call-template>
        </input>
        <xsl:call-template name="ci-datalist"/>
        <p class="hint"><xsl:value-of select="op:t('win.check.cis_hint')"/></p>
        <xsl:call-template name="field-error"><xsl:with-param name="field" select="'ci'"/></xsl:call-template>
      </fieldset>
      <div class="actions">
        <button type="submit" class="button primary"><xsl:value-of select="op:t('win.check.submit')"/></button>
      </div>
    </form>
    <xsl:for-each select="check">
      <section class="panel check-result">
        <h2>
          <xsl:value-of select="op:t('win.check.result', translate(@start, 'T', ' '), translate(@end, 'T', ' '))"/>
        </h2>
        <xsl:choose>
          <xsl:when test="ci">
            <h3><xsl:value-of select="op:t('win.check.cis_checked')"/></h3>
            <ul class="plain-list">
              <xsl:for-each select="ci">
                <li>
                  <strong><xsl:value-of select="@code"/></strong>
                  <xsl:value-of select="concat(' ', @name)"/>
                  <xsl:if test="@given = '0'">
                    <xsl:text> — </xsl:text>
                    <xsl:value-of select="op:t(concat('win.check.via.', @relation), string(@via))"/>
                  </xsl:if>
                </li>
              </xsl:for-each>
            </ul>
          </xsl:when>
          <xsl:otherwise><p class="hint"><xsl:value-of select="op:t('win.check.no_cis')"/></p></xsl:otherwise>
        </xsl:choose>
        <xsl:choose>
          <xsl:when test="finding">
            <p class="check-bad"><strong><xsl:value-of select="op:t('win.check.findings', string(count(finding)))"/></strong></p>
            <div class="table-wrap">
              <table class="data findings">
                <thead>
                  <tr>
                    <th scope="col"><xsl:value-of select="op:t('win.check.finding')"/></th>
                    <th scope="col"><xsl:value-of select="op:t('win.check.extent')"/></th>
                    <th scope="col"><xsl:value-of select="op:t('win.check.what')"/></th>
                    <th scope="col"><xsl:value-of select="op:t('win.check.concerned')"/></th>
                  </tr>
                </thead>
                <tbody>
                  <xsl:for-each select="finding">
                    <tr class="finding-{@kind}">
                      <td>
                        <xsl:if test="@kind = 'freeze'"><xsl:value-of select="op:t('win.freeze_mark')"/><xsl:text> </xsl:text></xsl:if>
                        <xsl:value-of select="op:t(concat('win.finding.', @kind))"/>
                      </td>
                      <td><xsl:value-of select="op:t(concat('win.extent.', @extent))"/></td>
                      <td>
                        <xsl:choose>
                          <xsl:when test="@kind = 'freeze'">
                            <a href="/changes/windows/{@window}"><xsl:value-of select="@name"/></a>
                            <xsl:text> (</xsl:text>
                            <xsl:value-of select="concat(translate(@occ-start, 'T', ' '), ' – ', translate(@occ-end, 'T', ' '))"/>
                            <xsl:text>; </xsl:text>
                            <xsl:choose>
                              <xsl:when test="string(@ci) != ''"><xsl:value-of select="@ci"/></xsl:when>
                              <xsl:otherwise><xsl:value-of select="op:t('win.ci.all')"/></xsl:otherwise>
                            </xsl:choose>
                            <xsl:text>)</xsl:text>
                          </xsl:when>
                          <xsl:otherwise>
                            <xsl:value-of select="op:t('win.check.outside_ci', string(@ci), string(@ci-name))"/>
                          </xsl:otherwise>
                        </xsl:choose>
                      </td>
                      <td>
                        <xsl:value-of select="concat(translate(@from, 'T', ' '), ' – ', translate(@to, 'T', ' '))"/>
                        <xsl:text> </xsl:text>
                        <xsl:value-of select="op:t('win.check.minutes', string(@minutes))"/>
                      </td>
                    </tr>
                  </xsl:for-each>
                </tbody>
              </table>
            </div>
          </xsl:when>
          <xsl:otherwise>
            <p class="check-ok"><strong><xsl:value-of select="op:t('win.check.none')"/></strong></p>
          </xsl:otherwise>
        </xsl:choose>
      </section>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
