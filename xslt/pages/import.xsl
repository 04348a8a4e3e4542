<?xml version="1.0" encoding="UTF-8"?>
<!--
  import.xsl - import a WBS from a CSV file (POST /projects/CODE/import, multipart, field "file").
  Model: <import project="CODE" project-name="" format="mspdi|"><problem row column key value/>…
  <result tasks owners calendar source><unmatched name=""/>…</result></import>; the problems
  (after a refused upload) have keys import.error.*, csv.error.* or mspdi.error.* (format="mspdi":
  row is the line of the XML file, there is no column), whose messages may use {1} for the value;
  result (GET ?imported=AUDIT-ID) is what a Microsoft Project import did. Nothing is imported when there is
  any problem. The page documents the columns (src/wbsimport.h).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <xsl:template match="/page[@name='import']" mode="title">
    <xsl:value-of select="op:t('import.title', string(import/@project), string(import/@project-name))"/>
  </xsl:template>

  <xsl:template match="/page[@name='import']" mode="content">
    <xsl:for-each select="import">
      <!-- after a Microsoft Project import: what came in, and the resources that are nobody -->
      <xsl:for-each select="result">
        <section class="panel import-result" aria-labelledby="h-result">
          <h2 id="h-result"><xsl:value-of select="op:t('mspdi.result.title', string(@source))"/></h2>
          <ul class="plain-list">
            <li><xsl:value-of select="op:t('mspdi.result.tasks', string(@tasks))"/></li>
            <li><xsl:value-of select="op:t('mspdi.result.owners', string(@owners))"/></li>
            <li>
              <xsl:choose>
                <xsl:when test="string(@calendar) != ''"><xsl:value-of select="op:t('mspdi.result.calendar', string(@calendar))"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="op:t('mspdi.result.no_calendar')"/></xsl:otherwise>
              </xsl:choose>
            </li>
          </ul>
          <xsl:if test="unmatched">
            <div class="warning-summary" role="status">
              <p><xsl:value-of select="op:t('mspdi.result.unmatched', string(count(unmatched)))"/></p>
              <ul class="plain-list unmatched">
                <xsl:for-each select="unmatched">
                  <li><code><xsl:value-of select="@name"/></code></li>
                </xsl:for-each>
              </ul>
            </div>
          </xsl:if>
          <p class="actions">
            <a class="button primary" href="/projects/{../@project}"><xsl:value-of select="op:t('mspdi.result.to_project')"/></a>
          </p>
        </section>
      </xsl:for-each>
      <xsl:if test="problem">
        <section class="import-problems" aria-labelledby="h-problems">
          <div class="error-summary" role="alert">
            <p class="error-summary-title" id="h-problems">
              <xsl:value-of select="op:t('import.problems', string(count(problem)))"/>
            </p>
            <p><xsl:value-of select="op:t('import.nothing_imported')"/></p>
          </div>
          <div class="table-wrap">
            <table class="data problems">
              <thead>
                <tr>
                  <th scope="col" class="num"><xsl:value-of select="op:t('import.col.row')"/></th>
                  <xsl:if test="not(@format = 'mspdi')">
                    <th scope="col"><xsl:value-of select="op:t('import.col.column')"/></th>
                  </xsl:if>
                  <th scope="col"><xsl:value-of select="op:t('import.col.problem')"/></th>
                  <th scope="col"><xsl:value-of select="op:t('import.col.value')"/></th>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="problem">
                  <tr>
                    <td class="num">
                      <xsl:if test="@row != '0'"><xsl:value-of select="@row"/></xsl:if>
                    </td>
                    <xsl:if test="not(../@format = 'mspdi')">
                      <td><xsl:value-of select="@column"/></td>
                    </xsl:if>
                    <th scope="row" class="problem-text"><xsl:value-of select="op:t(string(@key), string(@value))"/></th>
                    <td>
                      <xsl:if test="string(@value) != ''">
                        <code class="cell-value"><xsl:value-of select="@value"/></code>
                      </xsl:if>
                    </td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </section>
      </xsl:if>

      <form class="form" method="post" action="/projects/{@project}/import"
            enctype="multipart/form-data" accept-charset="UTF-8">
        <xsl:call-template name="csrf"/>
        <div class="field">
          <label for="f-file"><xsl:value-of select="op:t('field.file')"/></label>
          <input type="file" id="f-file" name="file" required="required"
                 accept=".csv,.txt,.xml,text/csv,text/plain,application/xml,text/xml">
            <xsl:call-template name="field-attrs">
              <xsl:with-param name="field" select="'file'"/>
              <xsl:with-param name="hint" select="true()"/>
            </xsl:call-template>
          </input>
          <p class="hint" id="f-file-hint"><xsl:value-of select="op:t('import.file.hint')"/></p>
          <xsl:call-template name="field-error">
            <xsl:with-param name="field" select="'file'"/>
          </xsl:call-template>
        </div>
        <div class="actions">
          <button type="submit" class="button primary"><xsl:value-of select="op:t('import.submit')"/></button>
          <a class="button secondary" href="/projects/{@project}"><xsl:value-of select="op:t('action.cancel')"/></a>
        </div>
      </form>

      <section class="panel import-help" aria-labelledby="h-format">
        <h2 id="h-format"><xsl:value-of select="op:t('import.format')"/></h2>
        <ul class="plain-list">
          <li><xsl:value-of select="op:t('import.rule.all_or_nothing')"/></li>
          <li><xsl:value-of select="op:t('import.rule.file')"/></li>
          <li><xsl:value-of select="op:t('import.rule.excel')"/></li>
          <li><xsl:value-of select="op:t('import.rule.headers')"/></li>
          <li><xsl:value-of select="op:t('import.rule.levels')"/></li>
          <li><xsl:value-of select="op:t('import.rule.mspdi')"/></li>
        </ul>
        <div class="table-wrap">
          <table class="data columns">
            <thead>
              <tr>
                <th scope="col"><xsl:value-of select="op:t('import.col.name')"/></th>
                <th scope="col"><xsl:value-of select="op:t('import.col.headers')"/></th>
                <th scope="col"><xsl:value-of select="op:t('import.col.content')"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:call-template name="column-rows">
                <xsl:with-param name="cols" select="'wbs name owner estimate duration start finish priority status milestone percent category predecessors description'"/>
              </xsl:call-template>
            </tbody>
          </table>
        </div>
        <h3><xsl:value-of select="op:t('import.example')"/></h3>
        <pre class="example"><xsl:value-of select="op:t('import.example.text')"/></pre>
      </section>
    </xsl:for-each>
  </xsl:template>

  <!-- One row per column of the space-separated list. -->
  <xsl:template name="column-rows">
    <xsl:param name="cols"/>
    <xsl:variable name="rest" select="normalize-space($cols)"/>
    <xsl:if test="$rest != ''">
      <xsl:variable name="c">
        <xsl:choose>
          <xsl:when test="contains($rest, ' ')"><xsl:value-of select="substring-before($rest, ' ')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$rest"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <tr>
        <th scope="row">
          <xsl:value-of select="op:t(concat('import.column.', $c))"/>
          <xsl:if test="$c = 'name'">
            <span class="required-mark"><xsl:value-of select="op:t('form.required')"/></span>
          </xsl:if>
        </th>
        <td><code><xsl:value-of select="op:t(concat('import.column.', $c, '.headers'))"/></code></td>
        <td><xsl:value-of select="op:t(concat('import.column.', $c, '.text'))"/></td>
      </tr>
      <xsl:call-template name="column-rows">
        <xsl:with-param name="cols" select="substring-after($rest, ' ')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
