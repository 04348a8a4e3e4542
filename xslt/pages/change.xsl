<?xml version="1.0" encoding="UTF-8"?>
<!--
  change.xsl - one request for change (GET /changes/NUMBER): every field, the risk answers and the
  level they gave, the CIs (linked to their CMDB pages), the project's tasks, the attachments
  (download, and upload for those who may), the implementation log (and its form while the
  change is being implemented), one small form per transition the user may take, and the audit
  history of the change.
  Model: <change number type … state … review-due review-overdue="1"><title/>…<risk-answers><answer question value kind/>
  </risk-answers><cis><ci code name type status/></cis><tasks><task id wbs name project/></tasks>
  <attachments><attachment id name mime size sha256 uploader at/></attachments>
  <log><entry at user user-name>text</entry></log><history><record …/></history>
  <transitions><transition to required needs fields/></transitions></change>
  <conflicts count freeze><conflict kind ref name ci via from to extra/></conflicts> (with a planned
  window) <approval status freeze policy-name step step-name approvals needed missing may reason
  on-behalf on-behalf-name><decision …><comment/><conflicts/></decision><decide-form/></approval>
  + <step-form to now …values of a refused step/> + <can edit attach log/> + optional <errors>.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <xsl:template match="/page[@name='change']" mode="title">
    <xsl:value-of select="op:t('chg.item.title', string(change/@number), string(change/title))"/>
  </xsl:template>

  <xsl:template match="/page[@name='change']" mode="content">
    <xsl:variable name="en" select="/page/meta/@lang = 'en'"/>
    <xsl:for-each select="change">
      <xsl:variable name="n" select="@number"/>
      <p class="toolbar">
        <span class="tag state-{@state}"><xsl:value-of select="op:t(concat('chg.state.', @state))"/></span>
        <xsl:text> </xsl:text>
        <span class="tag"><xsl:value-of select="op:t(concat('chg.type.', @type))"/></span>
        <xsl:if test="string(@risk-level) != ''">
          <xsl:text> </xsl:text>
          <span class="tag risk-{@risk-level}"><xsl:value-of select="op:t(concat('chg.risk.level.', @risk-level))"/></span>
        </xsl:if>
        <xsl:if test="@review-overdue = '1'">
          <xsl:text> </xsl:text>
          <span class="badge badge-overdue review-overdue"><xsl:value-of select="op:t('chg.review_overdue')"/></span>
        </xsl:if>
        <xsl:if test="/page/can/@edit = '1'">
          <xsl:text> </xsl:text>
          <a class="button" href="/changes/{$n}/edit"><xsl:value-of select="op:t('chg.edit')"/></a>
        </xsl:if>
        <xsl:text> </xsl:text>
        <a class="button secondary" href="/changes/{$n}/record"><xsl:value-of select="op:t('rec.print')"/></a>
        <xsl:text> </xsl:text>
        <a class="button secondary" href="/changes"><xsl:value-of select="op:t('chg.back')"/></a>
      </p>

      <section aria-labelledby="h-fields">
        <h2 id="h-fields"><xsl:value-of select="op:t('chg.details')"/></h2>
        <dl class="fields">
          <dt><xsl:value-of select="op:t('chg.number')"/></dt><dd class="code"><xsl:value-of select="$n"/></dd>
          <dt><xsl:value-of select="op:t('chg.f.category')"/></dt>
          <dd>
            <xsl:choose>
              <xsl:when test="$en"><xsl:value-of select="@category-en"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="@category-zh"/></xsl:otherwise>
            </xsl:choose>
          </dd>
          <xsl:if test="string(@standard) != ''">
            <dt><xsl:value-of select="op:t('chg.f.standard')"/></dt>
            <dd><a href="/changes/standard/{@standard-id}"><code><xsl:value-of select="@standard"/></code></a><xsl:text> </xsl:text><xsl:value-of select="@standard-name"/></dd>
          </xsl:if>
          <dt><xsl:value-of select="op:t('chg.requester')"/></dt><dd><xsl:value-of select="@requester-name"/></dd>
          <dt><xsl:value-of select="op:t('chg.f.implementer')"/></dt>
          <dd><xsl:value-of select="@implementer-name"/></dd>
          <dt><xsl:value-of select="op:t('chg.f.planned_start')"/></dt>
          <dd><xsl:call-template name="chg-local"><xsl:with-param name="t" select="@planned-start"/></xsl:call-template></dd>
          <dt><xsl:value-of select="op:t('chg.f.planned_end')"/></dt>
          <dd><xsl:call-template name="chg-local"><xsl:with-param name="t" select="@planned-end"/></xsl:call-template></dd>
          <dt><xsl:value-of select="op:t('chg.f.outage')"/></dt>
          <dd><xsl:value-of select="op:t(concat('chg.yesno.', @outage))"/></dd>
          <xsl:if test="string(@actual-start) != ''">
            <dt><xsl:value-of select="op:t('chg.f.actual_start')"/></dt>
            <dd><xsl:call-template name="chg-local"><xsl:with-param name="t" select="@actual-start"/></xsl:call-template></dd>
          </xsl:if>
          <xsl:if test="string(@actual-end) != ''">
            <dt><xsl:value-of select="op:t('chg.f.actual_end')"/></dt>
            <dd><xsl:call-template name="chg-local"><xsl:with-param name="t" select="@actual-end"/></xsl:call-template></dd>
          </xsl:if>
          <xsl:if test="string(@review-due) != ''">
            <dt><xsl:value-of select="op:t('chg.review_due')"/></dt>
            <dd>
              <xsl:value-of select="@review-due"/>
              <xsl:if test="@review-overdue = '1'">
                <xsl:text> </xsl:text>
                <span class="badge badge-overdue"><xsl:value-of select="op:t('chg.review_overdue_hint')"/></span>
              </xsl:if>
            </dd>
          </xsl:if>
          <xsl:if test="string(@close-code) != ''">
            <dt><xsl:value-of select="op:t('chg.f.close_code')"/></dt>
            <dd><xsl:value-of select="op:t(concat('chg.close.', @close-code))"/></dd>
          </xsl:if>
          <xsl:if test="string(@rollback-at) != ''">
            <dt><xsl:value-of select="op:t('chg.f.rollback_at')"/></dt>
            <dd><xsl:call-template name="chg-local"><xsl:with-param name="t" select="@rollback-at"/></xsl:call-template></dd>
          </xsl:if>
          <xsl:if test="string(@closed) != ''">
            <dt><xsl:value-of select="op:t('chg.closed_at')"/></dt>
            <dd><time datetime="{@closed}"><xsl:value-of select="op:time(string(@closed))"/></time></dd>
          </xsl:if>
          <dt><xsl:value-of select="op:t('chg.created')"/></dt>
          <dd><time datetime="{@created}"><xsl:value-of select="op:time(string(@created))"/></time></dd>
        </dl>
        <xsl:for-each select="description | reason | impact-services | impact-users | impact-capacity | impact-availability
                              | impact-continuity | impact-security | implementation-plan | test-plan | backout-plan
                              | verification-result | rollback-reason | rollback-result | review-outcome | review-lessons
                              | reject-reason">
          <xsl:if test="string(.) != ''">
            <h3><xsl:value-of select="op:t(concat('chg.f.', translate(local-name(), '-', '_')))"/></h3>
            <p class="text"><xsl:value-of select="."/></p>
          </xsl:if>
        </xsl:for-each>
      </section>

      <section aria-labelledby="h-risk">
        <h2 id="h-risk"><xsl:value-of select="op:t('chg.risk')"/></h2>
        <xsl:choose>
          <xsl:when test="risk-answers/answer">
            <table class="data risk">
              <tbody>
                <xsl:for-each select="risk-answers/answer">
                  <tr>
                    <th scope="row"><xsl:value-of select="op:t(concat('chg.risk.q.', @question))"/></th>
                    <td class="num"><xsl:value-of select="@value"/></td>
                    <td><xsl:value-of select="op:t(concat('chg.risk.q.', @question, '.', @value))"/></td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </xsl:when>
          <xsl:otherwise><p class="empty"><xsl:value-of select="op:t('chg.risk.none')"/></p></xsl:otherwise>
        </xsl:choose>
        <xsl:if test="string(@risk-score) != '' or string(@risk-level) != ''">
          <p class="summary">
            <xsl:value-of select="op:t('chg.risk.result', string(@risk-score), op:t(concat('chg.risk.level.', @risk-level)))"/>
          </p>
        </xsl:if>
      </section>

      <section aria-labelledby="h-cis">
        <h2 id="h-cis"><xsl:value-of select="op:t('chg.f.cis')"/></h2>
        <xsl:choose>
          <xsl:when test="cis/ci">
            <ul class="ci-rels">
              <xsl:for-each select="cis/ci">
                <li><a href="/cmdb/{@code}"><code><xsl:value-of select="@code"/></code></a><xsl:text> </xsl:text><xsl:value-of select="@name"/></li>
              </xsl:for-each>
            </ul>
          </xsl:when>
          <xsl:otherwise><p class="empty"><xsl:value-of select="op:t('chg.cis.none')"/></p></xsl:otherwise>
        </xsl:choose>
        <xsl:if test="string(@project) != ''">
          <h3><xsl:value-of select="op:t('chg.f.project')"/></h3>
          <p><a href="/projects/{@project}"><code><xsl:value-of select="@project"/></code></a><xsl:text> </xsl:text><xsl:value-of select="@project-name"/></p>
          <xsl:if test="tasks/task">
            <ul>
              <xsl:for-each select="tasks/task">
                <li><a href="/tasks/{@id}"><xsl:value-of select="concat(@wbs, ' ', @name)"/></a></li>
              </xsl:for-each>
            </ul>
          </xsl:if>
        </xsl:if>
      </section>

      <section aria-labelledby="h-approval" id="approval">
        <h2 id="h-approval"><xsl:value-of select="op:t('dec.title')"/></h2>
        <xsl:for-each select="conflicts">
          <h3 id="conflicts"><xsl:value-of select="op:t('dec.conflicts')"/></h3>
          <xsl:choose>
            <xsl:when test="conflict">
              <ul class="conflicts">
                <xsl:for-each select="conflict">
                  <li class="conflict conflict-{@kind}">
                    <xsl:call-template name="dec-conflict"/>
                  </li>
                </xsl:for-each>
              </ul>
            </xsl:when>
            <xsl:otherwise><p class="empty"><xsl:value-of select="op:t('dec.conflicts.none')"/></p></xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
        <xsl:for-each select="approval">
          <xsl:if test="@status != 'none' or ../@state = 'assess' or ../@state = 'authorize'">
            <p class="approval-status">
              <xsl:value-of select="op:t(concat('dec.status.', @status))"/>
              <xsl:if test="string(@step) != ''">
                <xsl:text> </xsl:text>
                <xsl:value-of select="op:t('dec.step', concat(@policy-name, ' · ', @step, ' ', @step-name), string(@approvals), string(@needed))"/>
              </xsl:if>
            </p>
          </xsl:if>
          <xsl:if test="@freeze = '1'">
            <p class="hint"><xsl:value-of select="op:t('dec.freeze')"/></p>
          </xsl:if>
          <xsl:if test="string(@missing) != ''">
            <p class="hint missing"><xsl:value-of select="op:t('dec.missing')"/></p>
          </xsl:if>
          <xsl:choose>
            <xsl:when test="decision">
              <table class="decisions">
                <thead><tr>
                  <th scope="col"><xsl:value-of select="op:t('dec.col.name')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('dec.col.role')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('dec.col.decision')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('dec.col.at')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('dec.col.comment')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('dec.col.on_behalf')"/></th>
                </tr></thead>
                <tbody>
                  <xsl:for-each select="decision">
                    <tr class="decision-{@decision}">
                      <td><xsl:value-of select="@user-name"/></td>
                      <td><xsl:value-of select="concat(@policy-name, ' · ', @step, ' ', @step-name)"/></td>
                      <td><xsl:value-of select="op:t(concat('dec.decision.', @decision))"/></td>
                      <td><time datetime="{@at}"><xsl:value-of select="op:time(string(@at))"/></time></td>
                      <td class="text"><xsl:value-of select="comment"/></td>
                      <td><xsl:value-of select="@on-behalf-name"/></td>
                    </tr>
                  </xsl:for-each>
                </tbody>
              </table>
            </xsl:when>
            <xsl:otherwise><p class="empty"><xsl:value-of select="op:t('dec.none')"/></p></xsl:otherwise>
          </xsl:choose>
          <xsl:choose>
            <xsl:when test="@may = '1'">
              <form class="form" method="post" action="/changes/{$n}/decide" accept-charset="UTF-8">
                <xsl:call-template name="csrf"/>
                <fieldset>
                  <legend><xsl:value-of select="op:t('dec.form')"/></legend>
                  <xsl:if test="string(@on-behalf) != ''">
                    <p class="hint"><xsl:value-of select="op:t('dec.on_behalf', string(@on-behalf-name))"/></p>
                  </xsl:if>
                  <div class="field">
                    <span class="label"><xsl:value-of select="op:t('chg.f.decision')"/></span>
                    <label><input type="radio" name="decision" value="approved">
                      <xsl:if test="decide-form/@decision != 'rejected' or not(decide-form)"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
                    </input><xsl:text> </xsl:text><xsl:value-of select="op:t('dec.decision.approved')"/></label>
                    <xsl:text> </xsl:text>
                    <label><input type="radio" name="decision" value="rejected">
                      <xsl:if test="decide-form/@decision = 'rejected'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
                    </input><xsl:text> </xsl:text><xsl:value-of select="op:t('dec.decision.rejected')"/></label>
                    <xsl:call-template name="field-error"><xsl:with-param name="field" select="'decision'"/></xsl:call-template>
                  </div>
                  <xsl:call-template name="textarea-field">
                    <xsl:with-param name="field" select="'comment'"/>
                    <xsl:with-param name="label" select="op:t('chg.f.comment')"/>
                    <xsl:with-param name="value" select="decide-form/@comment"/>
                    <xsl:with-param name="rows" select="2"/>
                  </xsl:call-template>
                  <p class="hint"><xsl:value-of select="op:t('dec.comment.hint')"/></p>
                  <div class="actions">
                    <button type="submit" class="button primary"><xsl:value-of select="op:t('dec.submit')"/></button>
                  </div>
                </fieldset>
              </form>
            </xsl:when>
            <xsl:when test="(../@state = 'assess' or ../@state = 'authorize') and @reason != 'closed'">
              <p class="hint"><xsl:value-of select="op:t(concat('apr.reason.', @reason))"/></p>
            </xsl:when>
          </xsl:choose>
        </xsl:for-each>
      </section>

      <xsl:if test="transitions/transition">
        <section aria-labelledby="h-steps">
          <h2 id="h-steps"><xsl:value-of select="op:t('chg.steps')"/></h2>
          <xsl:for-each select="transitions/transition">
            <form class="form step" method="post" action="/changes/{$n}/transition" accept-charset="UTF-8">
              <xsl:call-template name="csrf"/>
              <input type="hidden" name="to" value="{@to}"/>
              <fieldset>
                <legend><xsl:value-of select="op:t(concat('chg.to.', @to))"/></legend>
                <xsl:if test="string(@needs) != ''">
                  <p class="hint"><xsl:value-of select="op:t('chg.needs.hint')"/></p>
                </xsl:if>
                <xsl:call-template name="chg-step-fields">
                  <xsl:with-param name="fields" select="normalize-space(@fields)"/>
                  <xsl:with-param name="to" select="string(@to)"/>
                  <xsl:with-param name="required" select="concat(' ', @required, ' ')"/>
                </xsl:call-template>
                <div class="actions">
                  <button type="submit" class="button primary"><xsl:value-of select="op:t(concat('chg.to.', @to))"/></button>
                </div>
              </fieldset>
            </form>
          </xsl:for-each>
        </section>
      </xsl:if>

      <section aria-labelledby="h-log" id="log">
        <h2 id="h-log"><xsl:value-of select="op:t('chg.log')"/></h2>
        <xsl:choose>
          <xsl:when test="log/entry">
            <ol class="log">
              <xsl:for-each select="log/entry">
                <li>
                  <time datetime="{@at}"><xsl:value-of select="op:time(string(@at))"/></time>
                  <xsl:text> </xsl:text><strong><xsl:value-of select="@user-name"/></strong>
                  <xsl:text> </xsl:text><span class="text"><xsl:value-of select="."/></span>
                </li>
              </xsl:for-each>
            </ol>
          </xsl:when>
          <xsl:otherwise><p class="empty"><xsl:value-of select="op:t('chg.log.none')"/></p></xsl:otherwise>
        </xsl:choose>
        <xsl:if test="/page/can/@log = '1'">
          <form class="form" method="post" action="/changes/{$n}/log" accept-charset="UTF-8">
            <xsl:call-template name="csrf"/>
            <xsl:call-template name="textarea-field">
              <xsl:with-param name="field" select="'entry'"/>
              <xsl:with-param name="label" select="op:t('chg.f.entry')"/>
              <xsl:with-param name="value" select="/page/step-form/@entry"/>
              <xsl:with-param name="rows" select="2"/>
              <xsl:with-param name="required" select="true()"/>
            </xsl:call-template>
            <div class="actions">
              <button type="submit" class="button primary"><xsl:value-of select="op:t('chg.log.add')"/></button>
            </div>
          </form>
        </xsl:if>
      </section>

      <xsl:if test="followups/task or /page/can/@followup = '1'">
        <xsl:call-template name="chg-followups"/>
      </xsl:if>

      <section aria-labelledby="h-att" id="attachments">
        <h2 id="h-att"><xsl:value-of select="op:t('chg.attachments')"/></h2>
        <xsl:choose>
          <xsl:when test="attachments/attachment">
            <table class="data attachments">
              <thead>
                <tr>
                  <th scope="col"><xsl:value-of select="op:t('chg.att.name')"/></th>
                  <th scope="col" class="num"><xsl:value-of select="op:t('chg.att.size')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('chg.att.sha256')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('chg.att.by')"/></th>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="attachments/attachment">
                  <tr>
                    <th scope="row"><a href="/changes/{$n}/attachments/{@id}"><xsl:value-of select="@name"/></a></th>
                    <td class="num"><xsl:value-of select="@size"/></td>
                    <td><code class="hash"><xsl:value-of select="@sha256"/></code></td>
                    <td><xsl:value-of select="@uploader"/><xsl:text> </xsl:text>
                      <time datetime="{@at}"><xsl:value-of select="op:time(string(@at))"/></time></td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </xsl:when>
          <xsl:otherwise><p class="empty"><xsl:value-of select="op:t('chg.att.none')"/></p></xsl:otherwise>
        </xsl:choose>
        <xsl:if test="/page/can/@attach = '1'">
          <form class="form" method="post" action="/changes/{$n}/attachments" enctype="multipart/form-data" accept-charset="UTF-8">
            <xsl:call-template name="csrf"/>
            <div class="field">
              <label for="f-file"><xsl:value-of select="op:t('chg.f.file')"/></label>
              <input type="file" id="f-file" name="file" required="required">
                <xsl:call-template name="field-attrs"><xsl:with-param name="field" select="'file'"/></xsl:call-template>
              </input>
              <p class="hint"><xsl:value-of select="op:t('chg.att.hint')"/></p>
              <xsl:call-template name="field-error"><xsl:with-param name="field" select="'file'"/></xsl:call-template>
            </div>
            <div class="actions">
              <button type="submit" class="button primary"><xsl:value-of select="op:t('chg.att.upload')"/></button>
            </div>
          </form>
        </xsl:if>
      </section>

      <xsl:if test="history/record">
        <section aria-labelledby="h-history">
          <h2 id="h-history"><xsl:value-of select="op:t('chg.history')"/></h2>
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

  <!-- One conflict (the context <conflict kind ref name ci via from to extra/>) as a sentence with
       its time and, for another change, a link to it: the change page's current check and the
       snapshots stored with the decisions on the printed record (change-record.xsl). -->
  <xsl:template name="dec-conflict">
    <xsl:choose>
      <xsl:when test="@kind = 'change'">
        <xsl:value-of select="op:t('dec.conflict.change', string(@name), concat(@ci, substring(concat(' ↔ ', @via), 1, 3 * (@via != @ci) + string-length(@via) * (@via != @ci))), op:t(concat('chg.state.', @extra)))"/>
      </xsl:when>
      <xsl:when test="@kind = 'freeze'">
        <xsl:value-of select="op:t('dec.conflict.freeze', string(@name), op:t(concat('dec.extent.', @extra)))"/>
      </xsl:when>
      <xsl:when test="@kind = 'outside'">
        <xsl:value-of select="op:t('dec.conflict.outside', string(@ci), op:t(concat('dec.extent.', @extra)))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="op:t('dec.conflict.task', string(@name), string(@extra))"/>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:text> </xsl:text>
    <span class="when"><xsl:value-of select="concat(translate(@from, 'T', ' '), ' – ', translate(@to, 'T', ' '))"/></span>
    <xsl:if test="@kind = 'change'">
      <xsl:text> </xsl:text><a href="/changes/{@ref}"><xsl:value-of select="@ref"/></a>
    </xsl:if>
  </xsl:template>

  <!-- The inputs of a transition's form, one per field of the space-separated $fields; the values
       of a refused step are kept in its own form. -->
  <!-- The follow-up tasks of the post-implementation review (chgfollow.c) and, while the change
       is in review, the form that adds one (POST /changes/NUMBER/followups). -->
  <xsl:template name="chg-followups">
    <section aria-labelledby="h-followups" id="followups">
      <h2 id="h-followups"><xsl:value-of select="op:t('chgf.title')"/></h2>
      <xsl:choose>
        <xsl:when test="followups/task">
          <div class="table-wrap">
            <table class="data followups">
              <thead>
                <tr>
                  <th scope="col"><xsl:value-of select="op:t('chgf.task')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('chgf.project')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('chgf.owner')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('chgf.due')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('chgf.status')"/></th>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="followups/task">
                  <tr>
                    <th scope="row"><a href="/tasks/{@id}"><xsl:value-of select="@name"/></a></th>
                    <td><a href="/projects/{@project}"><code><xsl:value-of select="@project"/></code></a></td>
                    <td><xsl:value-of select="@owner-name"/></td>
                    <td><xsl:value-of select="@planned-finish"/></td>
                    <td><xsl:value-of select="op:t(concat('task.status.', @status))"/></td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </xsl:when>
        <xsl:otherwise><p class="empty"><xsl:value-of select="op:t('chgf.none')"/></p></xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="/page/followup-form">
        <form class="form" method="post" action="/changes/{/page/change/@number}/followups" accept-charset="UTF-8">
          <xsl:call-template name="csrf"/>
          <p class="hint"><xsl:value-of select="op:t('chgf.hint')"/></p>
          <xsl:call-template name="input-field">
            <xsl:with-param name="field" select="'title'"/>
            <xsl:with-param name="label" select="op:t('chgf.f.title')"/>
            <xsl:with-param name="value" select="@title"/>
            <xsl:with-param name="required" select="true()"/>
            <xsl:with-param name="maxlength" select="'200'"/>
          </xsl:call-template>
          <div class="field-row">
            <div class="field">
              <label for="f-project"><xsl:value-of select="op:t('chgf.project')"/></label>
              <select id="f-project" name="project" required="required">
                <xsl:call-template name="field-attrs"><xsl:with-param name="field" select="'project'"/></xsl:call-template>
                <option value=""><xsl:value-of select="op:t('chgf.project.choose')"/></option>
                <xsl:variable name="cur" select="string(@project)"/>
                <xsl:for-each select="projects/project">
                  <xsl:call-template name="option">
                    <xsl:with-param name="value" select="@code"/>
                    <xsl:with-param name="text" select="concat(@code, ' ', @name)"/>
                    <xsl:with-param name="current" select="$cur"/>
                  </xsl:call-template>
                </xsl:for-each>
              </select>
              <xsl:call-template name="field-error"><xsl:with-param name="field" select="'project'"/></xsl:call-template>
            </div>
            <div class="field">
              <label for="f-owner"><xsl:value-of select="op:t('chgf.owner')"/></label>
              <select id="f-owner" name="owner">
                <xsl:call-template name="field-attrs"><xsl:with-param name="field" select="'owner'"/></xsl:call-template>
                <option value=""><xsl:value-of select="op:t('chgf.owner.none')"/></option>
                <xsl:call-template name="person-options">
                  <xsl:with-param name="current" select="string(@owner)"/>
                </xsl:call-template>
              </select>
              <xsl:call-template name="field-error"><xsl:with-param name="field" select="'owner'"/></xsl:call-template>
            </div>
            <xsl:call-template name="input-field">
              <xsl:with-param name="field" select="'due'"/>
              <xsl:with-param name="label" select="op:t('chgf.due')"/>
              <xsl:with-param name="value" select="@due"/>
              <xsl:with-param name="type" select="'date'"/>
            </xsl:call-template>
          </div>
          <div class="actions">
            <button type="submit" class="button primary"><xsl:value-of select="op:t('chgf.add')"/></button>
          </div>
        </form>
      </xsl:for-each>
    </section>
  </xsl:template>

  <xsl:template name="chg-step-fields">
    <xsl:param name="fields"/>
    <xsl:param name="to"/>
    <xsl:param name="required"/>
    <xsl:if test="$fields != ''">
      <xsl:variable name="f">
        <xsl:choose>
          <xsl:when test="contains($fields, ' ')"><xsl:value-of select="substring-before($fields, ' ')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$fields"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="id" select="concat('t-', $to, '-', $f)"/>
      <xsl:variable name="sf" select="/page/step-form"/>
      <xsl:variable name="mine" select="$sf/@to = $to"/>
      <xsl:variable name="value">
        <xsl:choose>
          <xsl:when test="$mine"><xsl:value-of select="$sf/@*[local-name() = $f]"/></xsl:when>
          <xsl:when test="$f = 'actual_end'"><xsl:value-of select="$sf/@now"/></xsl:when>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="req" select="contains($required, concat(' ', $f, ' '))"/>
      <xsl:choose>
        <xsl:when test="$f = 'actual_end' or $f = 'rollback_at'">
          <xsl:call-template name="input-field">
            <xsl:with-param name="field" select="$f"/>
            <xsl:with-param name="id" select="$id"/>
            <xsl:with-param name="label" select="op:t(concat('chg.f.', $f))"/>
            <xsl:with-param name="value" select="$value"/>
            <xsl:with-param name="type" select="'datetime-local'"/>
            <xsl:with-param name="required" select="$req"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="$f = 'close_code'">
          <div class="field">
            <label for="{$id}"><xsl:value-of select="op:t('chg.f.close_code')"/></label>
            <select id="{$id}" name="close_code">
              <xsl:if test="$req"><xsl:attribute name="required">required</xsl:attribute></xsl:if>
              <xsl:call-template name="field-attrs">
                <xsl:with-param name="field" select="'close_code'"/>
                <xsl:with-param name="id" select="$id"/>
              </xsl:call-template>
              <option value=""><xsl:value-of select="op:t('chg.none')"/></option>
              <xsl:call-template name="code-options">
                <xsl:with-param name="codes" select="$chg-close-codes"/>
                <xsl:with-param name="prefix" select="'chg.close.'"/>
                <xsl:with-param name="current" select="string($value)"/>
              </xsl:call-template>
            </select>
            <xsl:call-template name="field-error">
              <xsl:with-param name="field" select="'close_code'"/>
              <xsl:with-param name="id" select="$id"/>
            </xsl:call-template>
          </div>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="textarea-field">
            <xsl:with-param name="field" select="$f"/>
            <xsl:with-param name="id" select="$id"/>
            <xsl:with-param name="label" select="op:t(concat('chg.f.', $f))"/>
            <xsl:with-param name="value" select="$value"/>
            <xsl:with-param name="rows" select="2"/>
            <xsl:with-param name="required" select="$req"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="chg-step-fields">
        <xsl:with-param name="fields" select="substring-after($fields, ' ')"/>
        <xsl:with-param name="to" select="$to"/>
        <xsl:with-param name="required" select="$required"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
