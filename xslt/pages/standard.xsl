<?xml version="1.0" encoding="UTF-8"?>
<!--
  standard.xsl - one standard change (GET /changes/standard/ID): its fields and plans, who
  approved it and when, whether it is retired, the RFCs made from it (linked), its audit history;
  for administrators and managers the edit form (POST /changes/standard/ID; saving approves it
  again and needs a reason) and retire or reactivate (POST …/retire, …/reactivate).
  Model: <standard id code name category category-zh category-en risk-level approved-by
  approved-by-name approved-at active><description/><implementation-plan/><test-plan/>
  <backout-plan/><changes><change number title state type updated/>…</changes>
  <history><record …/></history></standard> + <can edit/> + (editors) <standard-form mode="edit" …>
  + <categories> + <errors>.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <xsl:template match="/page[@name='standard']" mode="title">
    <xsl:value-of select="op:t('std.item.title', string(standard/@code), string(standard/@name))"/>
  </xsl:template>

  <xsl:template match="/page[@name='standard']" mode="content">
    <xsl:variable name="en" select="/page/meta/@lang = 'en'"/>
    <xsl:for-each select="standard">
      <xsl:if test="@active = '0'">
        <p class="notice retired"><xsl:value-of select="op:t('std.retired.notice')"/></p>
      </xsl:if>
      <dl class="facts std-facts">
        <dt><xsl:value-of select="op:t('std.f.code')"/></dt>
        <dd class="code"><xsl:value-of select="@code"/></dd>
        <dt><xsl:value-of select="op:t('std.f.category')"/></dt>
        <dd>
          <xsl:choose>
            <xsl:when test="$en"><xsl:value-of select="@category-en"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="@category-zh"/></xsl:otherwise>
          </xsl:choose>
        </dd>
        <dt><xsl:value-of select="op:t('std.f.risk_level')"/></dt>
        <dd><xsl:value-of select="op:t(concat('chg.risk.level.', @risk-level))"/></dd>
        <dt><xsl:value-of select="op:t('std.approved')"/></dt>
        <dd>
          <xsl:value-of select="@approved-by-name"/>
          <xsl:text> </xsl:text>
          <time datetime="{@approved-at}"><xsl:value-of select="op:time(string(@approved-at))"/></time>
        </dd>
        <dt><xsl:value-of select="op:t('std.state')"/></dt>
        <dd>
          <xsl:choose>
            <xsl:when test="@active = '1'"><xsl:value-of select="op:t('std.active')"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="op:t('std.retired')"/></xsl:otherwise>
          </xsl:choose>
        </dd>
      </dl>
      <p class="actions">
        <a class="button secondary" href="/changes/standard"><xsl:value-of select="op:t('std.back')"/></a>
      </p>

      <section aria-labelledby="h-plans">
        <h2 id="h-plans"><xsl:value-of select="op:t('std.plans')"/></h2>
        <dl class="fields">
          <dt><xsl:value-of select="op:t('std.f.description')"/></dt>
          <dd class="text-block"><xsl:value-of select="description"/></dd>
          <dt><xsl:value-of select="op:t('std.f.implementation_plan')"/></dt>
          <dd class="text-block"><xsl:value-of select="implementation-plan"/></dd>
          <dt><xsl:value-of select="op:t('std.f.test_plan')"/></dt>
          <dd class="text-block"><xsl:value-of select="test-plan"/></dd>
          <dt><xsl:value-of select="op:t('std.f.backout_plan')"/></dt>
          <dd class="text-block"><xsl:value-of select="backout-plan"/></dd>
        </dl>
      </section>

      <section aria-labelledby="h-std-changes">
        <h2 id="h-std-changes"><xsl:value-of select="op:t('std.changes')"/></h2>
        <xsl:choose>
          <xsl:when test="changes/change">
            <ul class="std-changes">
              <xsl:for-each select="changes/change">
                <li>
                  <a href="/changes/{@number}"><code><xsl:value-of select="@number"/></code></a>
                  <xsl:text> </xsl:text><xsl:value-of select="@title"/>
                  <xsl:text> </xsl:text>
                  <span class="tag"><xsl:value-of select="op:t(concat('chg.state.', @state))"/></span>
                </li>
              </xsl:for-each>
            </ul>
          </xsl:when>
          <xsl:otherwise><p class="empty"><xsl:value-of select="op:t('std.changes.none')"/></p></xsl:otherwise>
        </xsl:choose>
      </section>

      <xsl:if test="/page/can/@edit = '1'">
        <section aria-labelledby="h-std-edit" id="edit">
          <h2 id="h-std-edit"><xsl:value-of select="op:t('std.edit')"/></h2>
          <xsl:for-each select="/page/standard-form">
            <form class="form" method="post" action="/changes/standard/{@id}" accept-charset="UTF-8">
              <xsl:call-template name="csrf"/>
              <p class="hint"><xsl:value-of select="op:t('std.approve.hint')"/></p>
              <xsl:call-template name="std-fields"/>
              <xsl:call-template name="textarea-field">
                <xsl:with-param name="field" select="'reason'"/>
                <xsl:with-param name="label" select="op:t('std.f.reason')"/>
                <xsl:with-param name="value" select="@reason"/>
                <xsl:with-param name="rows" select="2"/>
                <xsl:with-param name="required" select="true()"/>
              </xsl:call-template>
              <div class="actions">
                <button type="submit" class="button primary"><xsl:value-of select="op:t('std.save')"/></button>
              </div>
            </form>
          </xsl:for-each>
          <form class="form" method="post" accept-charset="UTF-8">
            <xsl:attribute name="action">
              <xsl:value-of select="concat('/changes/standard/', @id)"/>
              <xsl:choose>
                <xsl:when test="@active = '1'">/retire</xsl:when>
                <xsl:otherwise>/reactivate</xsl:otherwise>
              </xsl:choose>
            </xsl:attribute>
            <xsl:call-template name="csrf"/>
            <div class="field">
              <label for="f-active-reason"><xsl:value-of select="op:t('std.f.active_reason')"/></label>
              <input type="text" id="f-active-reason" name="reason" maxlength="500"/>
            </div>
            <div class="actions">
              <xsl:choose>
                <xsl:when test="@active = '1'">
                  <button type="submit" class="button danger"><xsl:value-of select="op:t('std.retire')"/></button>
                  <p class="hint"><xsl:value-of select="op:t('std.retire.hint')"/></p>
                </xsl:when>
                <xsl:otherwise>
                  <button type="submit" class="button"><xsl:value-of select="op:t('std.reactivate')"/></button>
                </xsl:otherwise>
              </xsl:choose>
            </div>
          </form>
        </section>
      </xsl:if>

      <xsl:if test="history/record">
        <section aria-labelledby="h-history">
          <h2 id="h-history"><xsl:value-of select="op:t('std.history')"/></h2>
          <div class="table-wrap">
            <table class="data audit">
              <thead>
                <tr>
                  <th scope="col"><xsl:value-of select="op:t('audit.at')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('audit.actor')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('audit.action')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('audit.change')"/></th>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="history/record">
                  <tr>
                    <td class="time"><time datetime="{@at}"><xsl:value-of select="op:time(string(@at))"/></time></td>
                    <td><xsl:value-of select="@actor"/></td>
                    <td><code class="action"><xsl:value-of select="@action"/></code>
                      <xsl:if test="string(@reason) != ''"><br/><xsl:value-of select="@reason"/></xsl:if></td>
                    <td class="change">
                      <xsl:if test="string(old) != ''"><code class="old"><xsl:value-of select="old"/></code></xsl:if>
                      <xsl:if test="string(old) != '' and string(new) != ''">
                        <span class="arrow"><xsl:value-of select="op:t('audit.arrow')"/></span>
                      </xsl:if>
                      <xsl:if test="string(new) != ''"><code class="new"><xsl:value-of select="new"/></code></xsl:if>
                    </td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </section>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
