<?xml version="1.0" encoding="UTF-8"?>
<!--
  change-record.xsl - the auditor's printable record of one change (GET /changes/NUMBER/record):
  an A4 portrait document (static/print.css, "Change record") with every field of the RFC (empty
  ones as "—", so the reader sees they are empty), the risk answers and the level they gave, every
  decision with the conflict check its approver saw, the implementation log, the attachments with
  their SHA-256, the whole audit history of the change (oldest first) and, at the bottom, the seal:
  the id and row hash of the change's last audit record, the verification code derived from it
  (`opsplan audit verify - -change NUMBER - -code CODE` checks it), the print time and who printed.
  A running head and foot (number, code) repeat on every printed page.
  Model: the change page's <change …> (change.xsl) with <history> holding every record oldest
  first, and under <approval> each <decision> with <snapshot><conflict …/></snapshot>; plus
  <seal audit-id hash code/> (no attributes: the change has no audit record).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <xsl:template match="/page[@name='change-record']" mode="title">
    <xsl:value-of select="op:t('rec.title', string(change/@number))"/>
  </xsl:template>

  <xsl:template match="/page[@name='change-record']" mode="content">
    <xsl:variable name="en" select="/page/meta/@lang = 'en'"/>
    <xsl:variable name="seal" select="/page/seal"/>
    <xsl:for-each select="change">
      <xsl:variable name="n" select="@number"/>
      <p class="toolbar rec-screen">
        <a class="button secondary" href="/changes/{$n}"><xsl:value-of select="op:t('rec.back')"/></a>
        <xsl:text> </xsl:text>
        <span class="hint"><xsl:value-of select="op:t('rec.hint')"/></span>
      </p>
      <div class="rec-doc">
        <div class="rec-running rec-head" aria-hidden="true">
          <span><xsl:value-of select="op:t('rec.running', string($n))"/></span>
          <span class="rec-running-code"><xsl:value-of select="op:t('rec.code.short', string($seal/@code))"/></span>
        </div>
        <div class="rec-running rec-foot" aria-hidden="true">
          <span><xsl:value-of select="concat($n, ' · ', op:t('app.name'))"/></span>
          <span><xsl:value-of select="op:t('rec.printed', op:time(string(/page/meta/@now)), string(/page/meta/user/@name), string(/page/meta/user/@login))"/></span>
        </div>
        <div class="rec-body"><div class="rec-row"><div class="rec-cell">
          <section class="rec-section" aria-labelledby="r-fields">
            <h2 id="r-fields"><xsl:value-of select="concat($n, ' ', title)"/></h2>
            <dl class="rec-fields">
              <xsl:call-template name="rec-field">
                <xsl:with-param name="key" select="'chg.number'"/><xsl:with-param name="v" select="$n"/>
              </xsl:call-template>
              <xsl:call-template name="rec-field">
                <xsl:with-param name="key" select="'chg.state'"/>
                <xsl:with-param name="v" select="op:t(concat('chg.state.', @state))"/>
              </xsl:call-template>
              <xsl:call-template name="rec-field">
                <xsl:with-param name="key" select="'chg.f.type'"/>
                <xsl:with-param name="v" select="concat(op:t(concat('chg.type.', @type)), substring(concat(' · ', @standard, ' ', @standard-name), 1, 1000 * (string(@standard) != '')))"/>
              </xsl:call-template>
              <xsl:call-template name="rec-field">
                <xsl:with-param name="key" select="'chg.f.category'"/>
                <xsl:with-param name="v">
                  <xsl:choose>
                    <xsl:when test="$en"><xsl:value-of select="@category-en"/></xsl:when>
                    <xsl:otherwise><xsl:value-of select="@category-zh"/></xsl:otherwise>
                  </xsl:choose>
                </xsl:with-param>
              </xsl:call-template>
              <xsl:call-template name="rec-field">
                <xsl:with-param name="key" select="'chg.f.close_code'"/>
                <xsl:with-param name="v">
                  <xsl:if test="string(@close-code) != ''"><xsl:value-of select="op:t(concat('chg.close.', @close-code))"/></xsl:if>
                </xsl:with-param>
              </xsl:call-template>
              <xsl:call-template name="rec-field">
                <xsl:with-param name="key" select="'chg.risk.level'"/>
                <xsl:with-param name="v">
                  <xsl:if test="string(@risk-level) != ''">
                    <xsl:value-of select="op:t('chg.risk.result', string(@risk-score), op:t(concat('chg.risk.level.', @risk-level)))"/>
                  </xsl:if>
                </xsl:with-param>
              </xsl:call-template>
              <xsl:call-template name="rec-field">
                <xsl:with-param name="key" select="'chg.requester'"/>
                <xsl:with-param name="v" select="concat(@requester-name, ' (', @requester, ')')"/>
              </xsl:call-template>
              <xsl:call-template name="rec-field">
                <xsl:with-param name="key" select="'chg.f.implementer'"/>
                <xsl:with-param name="v" select="substring(concat(@implementer-name, ' (', @implementer, ')'), 1, 1000 * (string(@implementer) != ''))"/>
              </xsl:call-template>
              <xsl:call-template name="rec-field">
                <xsl:with-param name="key" select="'chg.f.planned_start'"/>
                <xsl:with-param name="v" select="translate(@planned-start, 'T', ' ')"/>
              </xsl:call-template>
              <xsl:call-template name="rec-field">
                <xsl:with-param name="key" select="'chg.f.planned_end'"/>
                <xsl:with-param name="v" select="translate(@planned-end, 'T', ' ')"/>
              </xsl:call-template>
              <xsl:call-template name="rec-field">
                <xsl:with-param name="key" select="'chg.f.actual_start'"/>
                <xsl:with-param name="v" select="translate(@actual-start, 'T', ' ')"/>
              </xsl:call-template>
              <xsl:call-template name="rec-field">
                <xsl:with-param name="key" select="'chg.f.actual_end'"/>
                <xsl:with-param name="v" select="translate(@actual-end, 'T', ' ')"/>
              </xsl:call-template>
              <xsl:call-template name="rec-field">
                <xsl:with-param name="key" select="'chg.f.outage'"/>
                <xsl:with-param name="v" select="op:t(concat('chg.yesno.', @outage))"/>
              </xsl:call-template>
              <xsl:call-template name="rec-field">
                <xsl:with-param name="key" select="'chg.review_due'"/>
                <xsl:with-param name="v" select="translate(@review-due, 'T', ' ')"/>
              </xsl:call-template>
              <xsl:call-template name="rec-field">
                <xsl:with-param name="key" select="'chg.created'"/>
                <xsl:with-param name="v" select="op:time(string(@created))"/>
              </xsl:call-template>
              <xsl:call-template name="rec-field">
                <xsl:with-param name="key" select="'chg.closed_at'"/>
                <xsl:with-param name="v" select="substring(op:time(string(@closed)), 1, 1000 * (string(@closed) != ''))"/>
              </xsl:call-template>
              <xsl:call-template name="rec-field">
                <xsl:with-param name="key" select="'chg.f.project'"/>
                <xsl:with-param name="v" select="normalize-space(concat(@project, ' ', @project-name))"/>
              </xsl:call-template>
              <xsl:call-template name="rec-field">
                <xsl:with-param name="key" select="'chg.f.tasks'"/>
                <xsl:with-param name="v">
                  <xsl:for-each select="tasks/task">
                    <xsl:if test="position() > 1">; </xsl:if>
                    <xsl:value-of select="concat(@project, ' ', @wbs, ' ', @name)"/>
                  </xsl:for-each>
                </xsl:with-param>
              </xsl:call-template>
              <xsl:call-template name="rec-field">
                <xsl:with-param name="key" select="'chg.f.cis'"/>
                <xsl:with-param name="wide" select="true()"/>
                <xsl:with-param name="v">
                  <xsl:for-each select="cis/ci">
                    <xsl:if test="position() > 1">; </xsl:if>
                    <xsl:value-of select="concat(@code, ' ', @name, ' [', @type, ']')"/>
                  </xsl:for-each>
                </xsl:with-param>
              </xsl:call-template>
            </dl>
          </section>

          <section class="rec-section" aria-labelledby="r-texts">
            <h2 id="r-texts"><xsl:value-of select="op:t('rec.texts')"/></h2>
            <dl class="rec-texts">
              <xsl:for-each select="reason | description | impact-services | impact-users | impact-capacity
                                    | impact-availability | impact-continuity | impact-security | implementation-plan
                                    | test-plan | backout-plan | verification-result | rollback-reason | rollback-result
                                    | review-outcome | review-lessons | reject-reason">
                <xsl:if test="local-name() != 'reject-reason' or string(.) != ''">
                  <xsl:call-template name="rec-field">
                    <xsl:with-param name="key" select="concat('chg.f.', translate(local-name(), '-', '_'))"/>
                    <xsl:with-param name="v" select="string(.)"/>
                  </xsl:call-template>
                </xsl:if>
                <xsl:if test="local-name() = 'rollback-reason'">
                  <xsl:call-template name="rec-field">
                    <xsl:with-param name="key" select="'chg.f.rollback_at'"/>
                    <xsl:with-param name="v" select="translate(../@rollback-at, 'T', ' ')"/>
                  </xsl:call-template>
                </xsl:if>
              </xsl:for-each>
            </dl>
          </section>

          <section class="rec-section" aria-labelledby="r-risk">
            <h2 id="r-risk"><xsl:value-of select="op:t('chg.risk')"/></h2>
            <xsl:choose>
              <xsl:when test="risk-answers/answer">
                <dl class="rec-fields rec-risk">
                  <xsl:for-each select="risk-answers/answer">
                    <xsl:call-template name="rec-field">
                      <xsl:with-param name="key" select="concat('chg.risk.q.', @question)"/>
                      <xsl:with-param name="v" select="concat(@value, ' · ', op:t(concat('chg.risk.q.', @question, '.', @value)))"/>
                    </xsl:call-template>
                  </xsl:for-each>
                </dl>
              </xsl:when>
              <xsl:otherwise><p class="empty"><xsl:value-of select="op:t('chg.risk.none')"/></p></xsl:otherwise>
            </xsl:choose>
            <xsl:if test="string(@risk-level) != ''">
              <p class="rec-note">
                <xsl:value-of select="op:t('chg.risk.result', string(@risk-score), op:t(concat('chg.risk.level.', @risk-level)))"/>
              </p>
            </xsl:if>
          </section>

          <section class="rec-section" aria-labelledby="r-approvals">
            <h2 id="r-approvals"><xsl:value-of select="op:t('rec.approvals')"/></h2>
            <xsl:for-each select="approval">
              <p class="rec-note"><xsl:value-of select="op:t(concat('dec.status.', @status))"/></p>
              <xsl:choose>
                <xsl:when test="decision">
                  <table class="rec-table rec-decisions">
                    <thead><tr>
                      <th scope="col"><xsl:value-of select="op:t('dec.col.name')"/></th>
                      <th scope="col"><xsl:value-of select="op:t('dec.col.role')"/></th>
                      <th scope="col"><xsl:value-of select="op:t('dec.col.decision')"/></th>
                      <th scope="col"><xsl:value-of select="op:t('dec.col.at')"/></th>
                      <th scope="col"><xsl:value-of select="op:t('dec.col.comment')"/></th>
                      <th scope="col"><xsl:value-of select="op:t('dec.col.on_behalf')"/></th>
                    </tr></thead>
                    <xsl:for-each select="decision">
                      <tbody class="rec-decision">
                        <tr>
                          <td><xsl:value-of select="concat(@user-name, ' (', @user, ')')"/></td>
                          <td><xsl:value-of select="concat(@policy-name, ' · ', @step, ' ', @step-name)"/></td>
                          <td><xsl:value-of select="op:t(concat('dec.decision.', @decision))"/></td>
                          <td class="time"><xsl:value-of select="op:time(string(@at))"/></td>
                          <td class="text"><xsl:value-of select="comment"/></td>
                          <td><xsl:value-of select="@on-behalf-name"/></td>
                        </tr>
                        <tr class="rec-snapshot">
                          <td colspan="6">
                            <span class="rec-label"><xsl:value-of select="op:t('rec.saw')"/></span>
                            <xsl:text> </xsl:text>
                            <xsl:choose>
                              <xsl:when test="snapshot/conflict">
                                <xsl:for-each select="snapshot/conflict">
                                  <xsl:if test="position() > 1"><xsl:text>; </xsl:text></xsl:if>
                                  <xsl:call-template name="dec-conflict"/>
                                </xsl:for-each>
                              </xsl:when>
                              <xsl:otherwise><xsl:value-of select="op:t('dec.conflicts.none')"/></xsl:otherwise>
                            </xsl:choose>
                          </td>
                        </tr>
                      </tbody>
                    </xsl:for-each>
                  </table>
                </xsl:when>
                <xsl:otherwise><p class="empty"><xsl:value-of select="op:t('dec.none')"/></p></xsl:otherwise>
              </xsl:choose>
            </xsl:for-each>
          </section>

          <section class="rec-section" aria-labelledby="r-log">
            <h2 id="r-log"><xsl:value-of select="op:t('chg.log')"/></h2>
            <xsl:choose>
              <xsl:when test="log/entry">
                <table class="rec-table rec-log">
                  <tbody>
                    <xsl:for-each select="log/entry">
                      <tr>
                        <td class="time"><xsl:value-of select="op:time(string(@at))"/></td>
                        <td><xsl:value-of select="@user-name"/></td>
                        <td class="text"><xsl:value-of select="."/></td>
                      </tr>
                    </xsl:for-each>
                  </tbody>
                </table>
              </xsl:when>
              <xsl:otherwise><p class="empty"><xsl:value-of select="op:t('chg.log.none')"/></p></xsl:otherwise>
            </xsl:choose>
          </section>

          <section class="rec-section" aria-labelledby="r-att">
            <h2 id="r-att"><xsl:value-of select="op:t('chg.attachments')"/></h2>
            <xsl:choose>
              <xsl:when test="attachments/attachment">
                <table class="rec-table rec-attachments">
                  <thead><tr>
                    <th scope="col"><xsl:value-of select="op:t('chg.att.name')"/></th>
                    <th scope="col" class="num"><xsl:value-of select="op:t('chg.att.size')"/></th>
                    <th scope="col"><xsl:value-of select="op:t('chg.att.sha256')"/></th>
                  </tr></thead>
                  <tbody>
                    <xsl:for-each select="attachments/attachment">
                      <tr>
                        <td><xsl:value-of select="@name"/></td>
                        <td class="num"><xsl:value-of select="@size"/></td>
                        <td><code class="hash"><xsl:value-of select="@sha256"/></code></td>
                      </tr>
                    </xsl:for-each>
                  </tbody>
                </table>
              </xsl:when>
              <xsl:otherwise><p class="empty"><xsl:value-of select="op:t('chg.att.none')"/></p></xsl:otherwise>
            </xsl:choose>
          </section>

          <section class="rec-section" aria-labelledby="r-history">
            <h2 id="r-history"><xsl:value-of select="op:t('rec.history')"/></h2>
            <p class="rec-note"><xsl:value-of select="concat(op:t('audit.id'), ' · ', op:t('audit.at'), ' · ', op:t('audit.actor'), ' · ', op:t('audit.action'), ' · ', op:t('audit.change'))"/></p>
            <ol class="rec-history">
              <xsl:for-each select="history/record">
                <li>
                  <span class="rec-label"><xsl:value-of select="@id"/></span>
                  <xsl:value-of select="concat(' · ', op:time(string(@at)), ' · ', @actor, ' · ')"/>
                  <code class="rec-action"><xsl:value-of select="@action"/></code>
                  <xsl:if test="string(@reason) != ''"><xsl:value-of select="concat(' · ', @reason)"/></xsl:if>
                  <xsl:if test="field">
                    <xsl:text> </xsl:text>
                    <span class="rec-values">
                      <xsl:for-each select="field">
                        <xsl:if test="position() &gt; 1"><xsl:text>; </xsl:text></xsl:if>
                        <span class="rec-key"><xsl:value-of select="@key"/></span>
                        <xsl:text>: </xsl:text>
                        <xsl:choose>
                          <xsl:when test="@new-items or @old-items">
                            <!-- a list (the conflict check an approver saw is printed with the
                                 approvals above): how many entries -->
                            <xsl:if test="@old-items">
                              <xsl:value-of select="concat(op:t('rec.items', string(@old-items)), ' ', op:t('audit.arrow'), ' ')"/>
                            </xsl:if>
                            <xsl:value-of select="op:t('rec.items', string(@new-items))"/>
                          </xsl:when>
                          <xsl:otherwise>
                        <xsl:if test="@old">
                          <code><xsl:value-of select="@old"/></code>
                          <xsl:value-of select="concat(' ', op:t('audit.arrow'), ' ')"/>
                        </xsl:if>
                        <code>
                          <xsl:choose>
                            <xsl:when test="@new"><xsl:value-of select="@new"/></xsl:when>
                            <xsl:otherwise>—</xsl:otherwise>
                          </xsl:choose>
                        </code>
                          </xsl:otherwise>
                        </xsl:choose>
                      </xsl:for-each>
                    </span>
                  </xsl:if>
                  <xsl:if test="not(field) and (string(old) != '' or string(new) != '')">
                    <xsl:text> </xsl:text>
                    <span class="rec-values">
                      <xsl:if test="string(old) != ''"><code><xsl:value-of select="old"/></code></xsl:if>
                      <xsl:if test="string(old) != '' and string(new) != ''">
                        <xsl:value-of select="concat(' ', op:t('audit.arrow'), ' ')"/>
                      </xsl:if>
                      <xsl:if test="string(new) != ''"><code><xsl:value-of select="new"/></code></xsl:if>
                    </span>
                  </xsl:if>
                </li>
              </xsl:for-each>
            </ol>
          </section>

          <section class="rec-section rec-seal" aria-labelledby="r-seal">
            <h2 id="r-seal"><xsl:value-of select="op:t('rec.seal')"/></h2>
            <dl class="rec-fields">
              <xsl:call-template name="rec-field">
                <xsl:with-param name="key" select="'rec.code'"/>
                <xsl:with-param name="v" select="string($seal/@code)"/>
                <xsl:with-param name="class" select="'rec-code'"/>
              </xsl:call-template>
              <xsl:call-template name="rec-field">
                <xsl:with-param name="key" select="'rec.audit_id'"/>
                <xsl:with-param name="v" select="string($seal/@audit-id)"/>
              </xsl:call-template>
              <xsl:call-template name="rec-field">
                <xsl:with-param name="key" select="'rec.hash'"/>
                <xsl:with-param name="v" select="string($seal/@hash)"/>
                <xsl:with-param name="wide" select="true()"/>
                <xsl:with-param name="class" select="'hash'"/>
              </xsl:call-template>
              <xsl:call-template name="rec-field">
                <xsl:with-param name="key" select="'rec.printed_at'"/>
                <xsl:with-param name="v" select="concat(op:time(string(/page/meta/@now)), ' (', /page/meta/@tz, ')')"/>
              </xsl:call-template>
              <xsl:call-template name="rec-field">
                <xsl:with-param name="key" select="'rec.printed_by'"/>
                <xsl:with-param name="v" select="concat(/page/meta/user/@name, ' (', /page/meta/user/@login, ')')"/>
              </xsl:call-template>
            </dl>
            <p class="rec-note"><xsl:value-of select="op:t('rec.verify', string($n), string($seal/@code))"/></p>
          </section>
        </div></div></div>
      </div>
    </xsl:for-each>
  </xsl:template>

  <!-- One field as <dt>label</dt><dd>value</dd>; an empty value prints as "—". -->
  <xsl:template name="rec-field">
    <xsl:param name="key"/>
    <xsl:param name="v"/>
    <xsl:param name="wide" select="false()"/>
    <xsl:param name="class" select="''"/>
    <div>
      <xsl:attribute name="class">
        <xsl:value-of select="normalize-space(concat('rec-f ', substring('rec-wide', 1, 8 * $wide)))"/>
      </xsl:attribute>
      <dt><xsl:value-of select="op:t($key)"/></dt>
      <dd>
        <xsl:if test="$class != ''"><xsl:attribute name="class"><xsl:value-of select="$class"/></xsl:attribute></xsl:if>
        <xsl:choose>
          <xsl:when test="normalize-space($v) != ''"><xsl:value-of select="$v"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="op:t('rec.empty')"/></xsl:otherwise>
        </xsl:choose>
      </dd>
    </div>
  </xsl:template>

</xsl:stylesheet>
