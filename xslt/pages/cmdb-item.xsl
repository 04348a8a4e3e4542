<?xml version="1.0" encoding="UTF-8"?>
<!--
  cmdb-item.xsl - one configuration item (GET /cmdb/CODE): its facts; its relations both ways
  (what it runs on and depends on, what runs on and depends on it), with the forms that add
  (POST /cmdb/CODE/relations: kind, target) and remove (POST /cmdb/CODE/relations/delete) its own
  for administrators and managers; the CIs a change to it may affect; and its audit history.
  Model: <ci code name type status owner owner-name description created updated>
  <runs-on|depends-on|runs-here|depended-by><rel kind code name type status/>…</…>
  <impact count><ci code name type status depth kind via/>…</impact>
  <history><record id at actor action reason><old/><new/></record>…</history></ci>
  <relation-form kind target/> <ci-codes><ci code name/>…</ci-codes> (writers) <can edit/> + <errors>.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <xsl:template match="/page[@name='cmdb-item']" mode="title">
    <xsl:value-of select="op:t('cmdb.item.title', string(ci/@code), string(ci/@name))"/>
  </xsl:template>

  <xsl:template match="/page[@name='cmdb-item']" mode="content">
    <xsl:variable name="edit" select="can/@edit = '1'"/>
    <xsl:for-each select="ci">
      <dl class="facts cmdb-facts">
        <dt><xsl:value-of select="op:t('cmdb.code')"/></dt>
        <dd class="code"><xsl:value-of select="@code"/></dd>
        <dt><xsl:value-of select="op:t('cmdb.type')"/></dt>
        <dd><xsl:value-of select="op:t(concat('cmdb.type.', @type))"/></dd>
        <dt><xsl:value-of select="op:t('cmdb.status')"/></dt>
        <dd class="ci-status ci-{@status}"><xsl:value-of select="op:t(concat('cmdb.status.', @status))"/></dd>
        <dt><xsl:value-of select="op:t('cmdb.owner')"/></dt>
        <dd>
          <xsl:choose>
            <xsl:when test="string(@owner) != ''"><xsl:value-of select="@owner-name"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="op:t('cmdb.owner.none')"/></xsl:otherwise>
          </xsl:choose>
        </dd>
        <dt><xsl:value-of select="op:t('cmdb.description')"/></dt>
        <dd class="description"><xsl:value-of select="@description"/></dd>
        <dt><xsl:value-of select="op:t('cmdb.updated')"/></dt>
        <dd><time datetime="{@updated}"><xsl:value-of select="op:time(string(@updated))"/></time></dd>
      </dl>
      <p class="actions">
        <a class="button" href="/cmdb"><xsl:value-of select="op:t('cmdb.back')"/></a>
        <xsl:if test="$edit">
          <a class="button primary" href="/cmdb/{@code}/edit"><xsl:value-of select="op:t('cmdb.edit')"/></a>
        </xsl:if>
      </p>

      <section id="relations" aria-labelledby="h-relations">
        <h2 id="h-relations"><xsl:value-of select="op:t('cmdb.relations')"/></h2>
        <xsl:call-template name="cmdb-rels">
          <xsl:with-param name="rels" select="runs-on/rel"/>
          <xsl:with-param name="head" select="op:t('cmdb.runs_on')"/>
          <xsl:with-param name="own" select="$edit"/>
        </xsl:call-template>
        <xsl:call-template name="cmdb-rels">
          <xsl:with-param name="rels" select="depends-on/rel"/>
          <xsl:with-param name="head" select="op:t('cmdb.depends_on')"/>
          <xsl:with-param name="own" select="$edit"/>
        </xsl:call-template>
        <xsl:call-template name="cmdb-rels">
          <xsl:with-param name="rels" select="runs-here/rel"/>
          <xsl:with-param name="head" select="op:t('cmdb.runs_here')"/>
          <xsl:with-param name="own" select="false()"/>
        </xsl:call-template>
        <xsl:call-template name="cmdb-rels">
          <xsl:with-param name="rels" select="depended-by/rel"/>
          <xsl:with-param name="head" select="op:t('cmdb.depended_by')"/>
          <xsl:with-param name="own" select="false()"/>
        </xsl:call-template>

        <xsl:if test="$edit">
          <form class="filter relation-add" method="post" action="/cmdb/{@code}/relations" accept-charset="UTF-8">
            <xsl:call-template name="csrf"/>
            <fieldset>
              <legend><xsl:value-of select="op:t('cmdb.relation.add')"/></legend>
              <div class="field">
                <label for="f-kind"><xsl:value-of select="op:t('cmdb.relation.kind')"/></label>
                <select id="f-kind" name="kind">
                  <xsl:call-template name="field-attrs">
                    <xsl:with-param name="field" select="'kind'"/>
                  </xsl:call-template>
                  <xsl:call-template name="code-options">
                    <xsl:with-param name="codes" select="'runs_on depends_on'"/>
                    <xsl:with-param name="prefix" select="'cmdb.kind.'"/>
                    <xsl:with-param name="current" select="string(/page/relation-form/@kind)"/>
                  </xsl:call-template>
                </select>
                <xsl:call-template name="field-error">
                  <xsl:with-param name="field" select="'kind'"/>
                </xsl:call-template>
              </div>
              <div class="field">
                <label for="f-target"><xsl:value-of select="op:t('cmdb.relation.target')"/></label>
                <input type="text" id="f-target" name="target" value="{/page/relation-form/@target}" maxlength="64"
                       required="required" list="ci-codes">
                  <xsl:call-template name="field-attrs">
                    <xsl:with-param name="field" select="'target'"/>
                  </xsl:call-template>
                </input>
                <datalist id="ci-codes">
                  <xsl:for-each select="/page/ci-codes/ci[@code != current()/@code]">
                    <option value="{@code}"><xsl:value-of select="@name"/></option>
                  </xsl:for-each>
                </datalist>
                <xsl:call-template name="field-error">
                  <xsl:with-param name="field" select="'target'"/>
                </xsl:call-template>
              </div>
              <div class="actions">
                <button type="submit" class="button primary"><xsl:value-of select="op:t('cmdb.relation.submit')"/></button>
              </div>
            </fieldset>
          </form>
        </xsl:if>
      </section>

      <section aria-labelledby="h-impact">
        <h2 id="h-impact"><xsl:value-of select="op:t('cmdb.impact')"/></h2>
        <p class="hint"><xsl:value-of select="op:t('cmdb.impact.hint')"/></p>
        <xsl:choose>
          <xsl:when test="impact/ci">
            <div class="table-wrap">
              <table class="data cmdb-impact">
                <thead>
                  <tr>
                    <th scope="col"><xsl:value-of select="op:t('cmdb.code')"/></th>
                    <th scope="col"><xsl:value-of select="op:t('cmdb.name')"/></th>
                    <th scope="col"><xsl:value-of select="op:t('cmdb.type')"/></th>
                    <th scope="col"><xsl:value-of select="op:t('cmdb.status')"/></th>
                    <th scope="col" class="num"><xsl:value-of select="op:t('cmdb.impact.depth')"/></th>
                    <th scope="col"><xsl:value-of select="op:t('cmdb.impact.via')"/></th>
                  </tr>
                </thead>
                <tbody>
                  <xsl:for-each select="impact/ci">
                    <tr>
                      <td class="code"><a href="/cmdb/{@code}"><xsl:value-of select="@code"/></a></td>
                      <th scope="row"><xsl:value-of select="@name"/></th>
                      <td><xsl:value-of select="op:t(concat('cmdb.type.', @type))"/></td>
                      <td><xsl:value-of select="op:t(concat('cmdb.status.', @status))"/></td>
                      <td class="num"><xsl:value-of select="@depth"/></td>
                      <td><xsl:value-of select="op:t(concat('cmdb.via.', @kind), string(@via))"/></td>
                    </tr>
                  </xsl:for-each>
                </tbody>
              </table>
            </div>
          </xsl:when>
          <xsl:otherwise>
            <p class="empty"><xsl:value-of select="op:t('cmdb.impact.none')"/></p>
          </xsl:otherwise>
        </xsl:choose>
      </section>

      <xsl:if test="history/record">
        <section aria-labelledby="h-history">
          <h2 id="h-history"><xsl:value-of select="op:t('cmdb.history')"/></h2>
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
                    <td><code class="action"><xsl:value-of select="@action"/></code></td>
                    <td class="change">
                      <xsl:if test="string(old) != ''">
                        <code class="old"><xsl:value-of select="old"/></code>
                      </xsl:if>
                      <xsl:if test="string(old) != '' and string(new) != ''">
                        <span class="arrow"><xsl:value-of select="op:t('audit.arrow')"/></span>
                      </xsl:if>
                      <xsl:if test="string(new) != ''">
                        <code class="new"><xsl:value-of select="new"/></code>
                      </xsl:if>
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

  <!-- One direction of relations: a heading and the related CIs; $own: each gets a remove button
       (the relations this CI has, removed on its own page). -->
  <xsl:template name="cmdb-rels">
    <xsl:param name="rels"/>
    <xsl:param name="head"/>
    <xsl:param name="own"/>
    <h3><xsl:value-of select="$head"/></h3>
    <xsl:choose>
      <xsl:when test="$rels">
        <ul class="ci-rels">
          <xsl:for-each select="$rels">
            <li>
              <a href="/cmdb/{@code}"><code><xsl:value-of select="@code"/></code></a>
              <xsl:text> </xsl:text>
              <xsl:value-of select="@name"/>
              <xsl:text> </xsl:text>
              <span class="tag"><xsl:value-of select="op:t(concat('cmdb.status.', @status))"/></span>
              <xsl:if test="$own">
                <xsl:text> </xsl:text>
                <form class="row-form" method="post" action="/cmdb/{/page/ci/@code}/relations/delete" accept-charset="UTF-8">
                  <xsl:call-template name="csrf"/>
                  <input type="hidden" name="kind" value="{@kind}"/>
                  <input type="hidden" name="target" value="{@code}"/>
                  <button type="submit" class="button small"><xsl:value-of select="op:t('cmdb.relation.remove')"/></button>
                </form>
              </xsl:if>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty"><xsl:value-of select="op:t('cmdb.relations.none')"/></p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
