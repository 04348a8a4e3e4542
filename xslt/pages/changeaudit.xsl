<?xml version="1.0" encoding="UTF-8"?>
<!--
  changeaudit.xsl - the auditor's period reports on change management (ISO/IEC 20000-1 8.5.1, 7.5),
  three pages sharing the period form (GET from/to) and the links between them:
  changeaudit (GET /changes/audit): (1) every change created or implemented in the period with its
    approvals, (2) emergency changes, (3) failed changes (unsuccessful or rolled back), (4) changes
    implemented before their approval, (5) approvals by the change's own requester; an empty section
    says "none". Model: <change-audit from to prev-from prev-to next-from next-to><changes count>
    <change number title type state close-code risk-level requester requester-name created
    actual-start><approval id policy-name step approver approver-name on-behalf on-behalf-name
    decision at><comment/></approval>…</change>…</changes><emergency count><change/>…</emergency>
    <failed count>…</failed><early count><change … implemented-at reason approvals/>…</early>
    <self count><approval … number title requester-name/>…</self></change-audit>.
  changekpi (GET /changes/kpi): <change-kpi from to … total closed-with-code successful success-pct
    emergency emergency-pct lead-n lead-hours><type code n/>…<state/>…<close/>…<ci code n/>…
    </change-kpi>.
  evidence (GET /changes/evidence): <evidence from to …><file name size sha256/>…</evidence>.
  The forms and links are not printed (print.css); the tables are.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <!-- The period form and the links to the other reports; $path is the page's own path. -->
  <xsl:template name="caud-period">
    <xsl:param name="path"/>
    <xsl:variable name="q" select="concat('?from=', @from, '&amp;to=', @to)"/>
    <nav class="caud-nav no-print" aria-label="{op:t('caud.links')}">
      <a href="/changes"><xsl:value-of select="op:t('ccal.back')"/></a>
      <xsl:text> · </xsl:text>
      <a href="/changes/audit{$q}"><xsl:value-of select="op:t('caud.link.audit')"/></a>
      <xsl:text> · </xsl:text>
      <a href="/changes/kpi{$q}"><xsl:value-of select="op:t('caud.link.kpi')"/></a>
      <xsl:text> · </xsl:text>
      <a href="/changes/evidence{$q}"><xsl:value-of select="op:t('caud.link.evidence')"/></a>
      <xsl:if test="string(@prev-from) != ''">
        <xsl:text> · </xsl:text>
        <a rel="prev" href="{$path}?from={@prev-from}&amp;to={@prev-to}"><xsl:value-of select="op:t('caud.prev')"/></a>
      </xsl:if>
      <xsl:if test="string(@next-from) != ''">
        <xsl:text> · </xsl:text>
        <a rel="next" href="{$path}?from={@next-from}&amp;to={@next-to}"><xsl:value-of select="op:t('caud.next')"/></a>
      </xsl:if>
    </nav>
    <form class="filter no-print" method="get" action="{$path}" accept-charset="UTF-8">
      <fieldset>
        <legend><xsl:value-of select="op:t('caud.period')"/></legend>
        <div class="field">
          <label for="p-from"><xsl:value-of select="op:t('caud.from')"/></label>
          <input type="date" id="p-from" name="from" value="{@from}" required="required"/>
        </div>
        <div class="field">
          <label for="p-to"><xsl:value-of select="op:t('caud.to')"/></label>
          <input type="date" id="p-to" name="to" value="{@to}" required="required"/>
        </div>
        <div class="actions">
          <button type="submit" class="button primary"><xsl:value-of select="op:t('caud.show')"/></button>
        </div>
      </fieldset>
    </form>
  </xsl:template>

  <xsl:template name="caud-none">
    <p class="empty caud-none"><xsl:value-of select="op:t('caud.none')"/></p>
  </xsl:template>

  <!-- A change's number (linked), title, type and state as table cells. -->
  <xsl:template match="change" mode="caud-cells">
    <td class="code"><a href="/changes/{@number}"><xsl:value-of select="@number"/></a></td>
    <th scope="row"><xsl:value-of select="@title"/></th>
    <td><xsl:value-of select="op:t(concat('chg.type.', @type))"/></td>
    <td>
      <xsl:value-of select="op:t(concat('chg.state.', @state))"/>
      <xsl:if test="string(@close-code) != ''">
        <xsl:value-of select="concat(' (', op:t(concat('chg.close.', @close-code)), ')')"/>
      </xsl:if>
    </td>
  </xsl:template>

  <xsl:template name="caud-change-head">
    <th scope="col"><xsl:value-of select="op:t('chg.number')"/></th>
    <th scope="col"><xsl:value-of select="op:t('chg.f.title')"/></th>
    <th scope="col"><xsl:value-of select="op:t('chg.f.type')"/></th>
    <th scope="col"><xsl:value-of select="op:t('chg.state')"/></th>
  </xsl:template>

  <!-- A section of changes (emergency, failed): the table or "none". -->
  <xsl:template match="emergency | failed" mode="caud">
    <section class="caud-section caud-{local-name()}">
      <h2><xsl:value-of select="op:t(concat('caud.sec.', local-name()), string(@count))"/></h2>
      <xsl:choose>
        <xsl:when test="change">
          <div class="table-wrap">
            <table class="data caud">
              <thead><tr>
                <xsl:call-template name="caud-change-head"/>
                <th scope="col"><xsl:value-of select="op:t('chg.requester')"/></th>
                <th scope="col"><xsl:value-of select="op:t('caud.col.actual_start')"/></th>
              </tr></thead>
              <tbody>
                <xsl:for-each select="change">
                  <tr>
                    <xsl:apply-templates select="." mode="caud-cells"/>
                    <td><xsl:value-of select="@requester-name"/></td>
                    <td class="time"><xsl:value-of select="translate(@actual-start, 'T', ' ')"/></td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </xsl:when>
        <xsl:otherwise><xsl:call-template name="caud-none"/></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template name="caud-approver">
    <xsl:value-of select="@approver-name"/>
    <xsl:if test="string(@on-behalf) != ''">
      <xsl:value-of select="concat(' ', op:t('caud.for', string(@on-behalf-name)))"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="/page[@name='changeaudit']" mode="title">
    <xsl:value-of select="op:t('caud.title.audit', string(change-audit/@from), string(change-audit/@to))"/>
  </xsl:template>

  <xsl:template match="/page[@name='changeaudit']" mode="content">
    <xsl:for-each select="change-audit">
      <xsl:call-template name="caud-period"><xsl:with-param name="path" select="'/changes/audit'"/></xsl:call-template>
      <p class="hint"><xsl:value-of select="op:t('caud.intro')"/></p>

      <section class="caud-section caud-changes">
        <h2><xsl:value-of select="op:t('caud.sec.changes', string(changes/@count))"/></h2>
        <p class="actions no-print">
          <a class="button" href="/changes/audit?from={@from}&amp;to={@to}&amp;format=csv"><xsl:value-of select="op:t('caud.csv')"/></a>
        </p>
        <xsl:choose>
          <xsl:when test="changes/change">
            <div class="table-wrap">
              <table class="data caud caud-approvals">
                <thead><tr>
                  <xsl:call-template name="caud-change-head"/>
                  <th scope="col"><xsl:value-of select="op:t('chg.requester')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('caud.col.step')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('caud.col.approver')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('caud.col.decision')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('caud.col.at')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('caud.col.comment')"/></th>
                </tr></thead>
                <xsl:for-each select="changes/change">
                  <tbody class="caud-change">
                    <tr>
                      <xsl:apply-templates select="." mode="caud-cells"/>
                      <td><xsl:value-of select="@requester-name"/></td>
                      <xsl:choose>
                        <xsl:when test="approval">
                          <xsl:for-each select="approval[1]"><xsl:call-template name="caud-approval-cells"/></xsl:for-each>
                        </xsl:when>
                        <xsl:otherwise>
                          <td colspan="5" class="empty"><xsl:value-of select="op:t('caud.no_approvals')"/></td>
                        </xsl:otherwise>
                      </xsl:choose>
                    </tr>
                    <xsl:for-each select="approval[position() &gt; 1]">
                      <tr>
                        <td colspan="5"/>
                        <xsl:call-template name="caud-approval-cells"/>
                      </tr>
                    </xsl:for-each>
                  </tbody>
                </xsl:for-each>
              </table>
            </div>
          </xsl:when>
          <xsl:otherwise><xsl:call-template name="caud-none"/></xsl:otherwise>
        </xsl:choose>
      </section>

      <xsl:apply-templates select="emergency" mode="caud"/>
      <xsl:apply-templates select="failed" mode="caud"/>

      <section class="caud-section caud-early">
        <h2><xsl:value-of select="op:t('caud.sec.early', string(early/@count))"/></h2>
        <xsl:choose>
          <xsl:when test="early/change">
            <div class="table-wrap">
              <table class="data caud">
                <thead><tr>
                  <xsl:call-template name="caud-change-head"/>
                  <th scope="col"><xsl:value-of select="op:t('caud.col.implemented')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('caud.col.reason')"/></th>
                </tr></thead>
                <tbody>
                  <xsl:for-each select="early/change">
                    <tr class="caud-finding">
                      <xsl:apply-templates select="." mode="caud-cells"/>
                      <td class="time"><xsl:value-of select="@implemented-at"/></td>
                      <td><xsl:value-of select="op:t(concat('caud.reason.', @reason))"/></td>
                    </tr>
                  </xsl:for-each>
                </tbody>
              </table>
            </div>
          </xsl:when>
          <xsl:otherwise><xsl:call-template name="caud-none"/></xsl:otherwise>
        </xsl:choose>
      </section>

      <section class="caud-section caud-self">
        <h2><xsl:value-of select="op:t('caud.sec.self', string(self/@count))"/></h2>
        <xsl:choose>
          <xsl:when test="self/approval">
            <div class="table-wrap">
              <table class="data caud">
                <thead><tr>
                  <th scope="col"><xsl:value-of select="op:t('chg.number')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('chg.f.title')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('chg.requester')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('caud.col.step')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('caud.col.approver')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('caud.col.decision')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('caud.col.at')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('caud.col.comment')"/></th>
                </tr></thead>
                <tbody>
                  <xsl:for-each select="self/approval">
                    <tr class="caud-finding">
                      <td class="code"><a href="/changes/{@number}"><xsl:value-of select="@number"/></a></td>
                      <th scope="row"><xsl:value-of select="@title"/></th>
                      <td><xsl:value-of select="@requester-name"/></td>
                      <xsl:call-template name="caud-approval-cells"/>
                    </tr>
                  </xsl:for-each>
                </tbody>
              </table>
            </div>
          </xsl:when>
          <xsl:otherwise><xsl:call-template name="caud-none"/></xsl:otherwise>
        </xsl:choose>
      </section>
    </xsl:for-each>
  </xsl:template>

  <!-- step, approver (for whom), decision, time, comment of the approval in context -->
  <xsl:template name="caud-approval-cells">
    <td><xsl:value-of select="op:t('apr.step.number', string(@step))"/><xsl:value-of select="concat(' · ', @policy-name)"/></td>
    <td><xsl:call-template name="caud-approver"/></td>
    <td><span class="tag decision-{@decision}"><xsl:value-of select="op:t(concat('caud.decision.', @decision))"/></span></td>
    <td class="time"><time datetime="{@at}"><xsl:value-of select="@at"/></time></td>
    <td><xsl:value-of select="comment"/></td>
  </xsl:template>

  <!-- a figure, or "no data" when empty -->
  <xsl:template name="caud-figure">
    <xsl:param name="v"/>
    <xsl:param name="unit" select="''"/>
    <xsl:choose>
      <xsl:when test="string($v) != ''"><xsl:value-of select="concat($v, $unit)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="op:t('caud.kpi.na')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="caud-counts">
    <xsl:param name="rows"/>
    <xsl:param name="title"/>
    <xsl:param name="prefix"/>
    <section class="caud-section">
      <h2><xsl:value-of select="$title"/></h2>
      <table class="data caud-counts">
        <thead><tr>
          <th scope="col"><xsl:value-of select="$title"/></th>
          <th scope="col" class="num"><xsl:value-of select="op:t('caud.kpi.count')"/></th>
        </tr></thead>
        <tbody>
          <xsl:for-each select="$rows">
            <tr class="caud-{local-name()}-{@code}">
              <th scope="row"><xsl:value-of select="op:t(concat($prefix, @code))"/></th>
              <td class="num"><xsl:value-of select="@n"/></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </section>
  </xsl:template>

  <xsl:template match="/page[@name='changekpi']" mode="title">
    <xsl:value-of select="op:t('caud.title.kpi', string(change-kpi/@from), string(change-kpi/@to))"/>
  </xsl:template>

  <xsl:template match="/page[@name='changekpi']" mode="content">
    <xsl:for-each select="change-kpi">
      <xsl:call-template name="caud-period"><xsl:with-param name="path" select="'/changes/kpi'"/></xsl:call-template>
      <dl class="facts caud-kpi">
        <dt><xsl:value-of select="op:t('caud.kpi.total')"/></dt>
        <dd class="kpi-total"><xsl:value-of select="@total"/></dd>
        <dt><xsl:value-of select="op:t('caud.kpi.success')"/></dt>
        <dd class="kpi-success">
          <xsl:call-template name="caud-figure"><xsl:with-param name="v" select="@success-pct"/><xsl:with-param name="unit" select="' %'"/></xsl:call-template>
          <span class="hint"><xsl:value-of select="concat(' ', op:t('caud.kpi.success_hint', string(@successful), string(@closed-with-code)))"/></span>
        </dd>
        <dt><xsl:value-of select="op:t('caud.kpi.emergency')"/></dt>
        <dd class="kpi-emergency">
          <xsl:call-template name="caud-figure"><xsl:with-param name="v" select="@emergency-pct"/><xsl:with-param name="unit" select="' %'"/></xsl:call-template>
          <span class="hint"><xsl:value-of select="concat(' ', op:t('caud.kpi.of', string(@emergency), string(@total)))"/></span>
        </dd>
        <dt><xsl:value-of select="op:t('caud.kpi.lead')"/></dt>
        <dd class="kpi-lead">
          <xsl:call-template name="caud-figure"><xsl:with-param name="v" select="@lead-hours"/></xsl:call-template>
          <span class="hint"><xsl:value-of select="concat(' ', op:t('caud.kpi.lead_hint', string(@lead-n)))"/></span>
        </dd>
      </dl>
      <xsl:call-template name="caud-counts">
        <xsl:with-param name="rows" select="type"/>
        <xsl:with-param name="title" select="op:t('caud.kpi.by_type')"/>
        <xsl:with-param name="prefix" select="'chg.type.'"/>
      </xsl:call-template>
      <xsl:call-template name="caud-counts">
        <xsl:with-param name="rows" select="state"/>
        <xsl:with-param name="title" select="op:t('caud.kpi.by_state')"/>
        <xsl:with-param name="prefix" select="'chg.state.'"/>
      </xsl:call-template>
      <xsl:call-template name="caud-counts">
        <xsl:with-param name="rows" select="close"/>
        <xsl:with-param name="title" select="op:t('caud.kpi.by_close')"/>
        <xsl:with-param name="prefix" select="'chg.close.'"/>
      </xsl:call-template>
      <section class="caud-section">
        <h2><xsl:value-of select="op:t('caud.kpi.per_ci')"/></h2>
        <xsl:choose>
          <xsl:when test="ci">
            <table class="data caud-counts caud-ci">
              <thead><tr>
                <th scope="col"><xsl:value-of select="op:t('chg.f.cis')"/></th>
                <th scope="col" class="num"><xsl:value-of select="op:t('caud.kpi.count')"/></th>
              </tr></thead>
              <tbody>
                <xsl:for-each select="ci">
                  <tr>
                    <th scope="row"><a href="/cmdb/{@code}"><xsl:value-of select="@code"/></a></th>
                    <td class="num"><xsl:value-of select="@n"/></td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </xsl:when>
          <xsl:otherwise><xsl:call-template name="caud-none"/></xsl:otherwise>
        </xsl:choose>
      </section>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="/page[@name='evidence']" mode="title">
    <xsl:value-of select="op:t('caud.title.evidence', string(evidence/@from), string(evidence/@to))"/>
  </xsl:template>

  <xsl:template match="/page[@name='evidence']" mode="content">
    <xsl:for-each select="evidence">
      <xsl:call-template name="caud-period"><xsl:with-param name="path" select="'/changes/evidence'"/></xsl:call-template>
      <p class="hint"><xsl:value-of select="op:t('caud.ev.intro')"/></p>
      <div class="table-wrap">
        <table class="data caud-evidence">
          <thead><tr>
            <th scope="col"><xsl:value-of select="op:t('caud.ev.file')"/></th>
            <th scope="col" class="num"><xsl:value-of select="op:t('caud.ev.size')"/></th>
            <th scope="col"><xsl:value-of select="op:t('caud.ev.sha256')"/></th>
          </tr></thead>
          <tbody>
            <xsl:for-each select="file">
              <tr>
                <th scope="row"><a href="/changes/evidence/{@name}?from={../@from}&amp;to={../@to}"><xsl:value-of select="@name"/></a></th>
                <td class="num"><xsl:value-of select="@size"/></td>
                <td class="code sha256"><xsl:value-of select="@sha256"/></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
      <p class="hint"><xsl:value-of select="op:t('caud.ev.cli', string(@from), string(@to))"/></p>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
