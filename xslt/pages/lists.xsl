<?xml version="1.0" encoding="UTF-8"?>
<!--
  lists.xsl - admin maintenance of the editable lists (project categories,
  task categories, delay reasons): POST /admin/lists kind code label_zh
  label_en sort active (checkbox "1"). An existing code is the key and is not
  editable; an entry is retired by clearing "active".
  Model: <lists><list kind=""><item code label-zh label-en active sort/>…</list>…</lists>.
  Each table row is one form: the inputs sit in the cells and point at the
  form (in the last cell) with the form attribute, since a form cannot wrap
  a table row. Errors are shown in the page summary.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <xsl:template match="/page[@name='lists']" mode="title">
    <xsl:value-of select="op:t('lists.title')"/>
  </xsl:template>

  <xsl:template match="/page[@name='lists']" mode="content">
    <p class="hint"><xsl:value-of select="op:t('lists.intro')"/></p>
    <xsl:for-each select="lists/list">
      <xsl:variable name="kind" select="string(@kind)"/>
      <section class="list-kind" aria-labelledby="h-{$kind}">
        <h2 id="h-{$kind}"><xsl:value-of select="op:t(concat('list.kind.', $kind))"/></h2>
        <div class="table-wrap">
          <table class="data lists">
            <thead>
              <tr>
                <th scope="col"><xsl:value-of select="op:t('lists.col.code')"/></th>
                <th scope="col"><xsl:value-of select="op:t('field.label_zh')"/></th>
                <th scope="col"><xsl:value-of select="op:t('field.label_en')"/></th>
                <th scope="col" class="num"><xsl:value-of select="op:t('field.sort')"/></th>
                <th scope="col"><xsl:value-of select="op:t('field.active')"/></th>
                <th scope="col" class="col-form"><xsl:value-of select="op:t('lists.col.save')"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="item">
                <xsl:variable name="fid" select="concat('li', generate-id())"/>
                <tr>
                  <xsl:if test="@active = '0'">
                    <xsl:attribute name="class">inactive</xsl:attribute>
                  </xsl:if>
                  <th scope="row" class="code"><xsl:value-of select="@code"/></th>
                  <td>
                    <label class="visually-hidden" for="{$fid}-zh">
                      <xsl:value-of select="op:t('lists.label_for', op:t('field.label_zh'), string(@code))"/>
                    </label>
                    <input type="text" id="{$fid}-zh" name="label_zh" form="{$fid}" value="{@label-zh}"
                           required="required" maxlength="60" lang="zh-CN"/>
                  </td>
                  <td>
                    <label class="visually-hidden" for="{$fid}-en">
                      <xsl:value-of select="op:t('lists.label_for', op:t('field.label_en'), string(@code))"/>
                    </label>
                    <input type="text" id="{$fid}-en" name="label_en" form="{$fid}" value="{@label-en}"
                           required="required" maxlength="60" lang="en"/>
                  </td>
                  <td class="num">
                    <label class="visually-hidden" for="{$fid}-sort">
                      <xsl:value-of select="op:t('lists.label_for', op:t('field.sort'), string(@code))"/>
                    </label>
                    <input type="number" class="sort-input" id="{$fid}-sort" name="sort" form="{$fid}"
                           value="{@sort}" min="0" max="9999" step="1"/>
                  </td>
                  <td>
                    <label class="visually-hidden" for="{$fid}-active">
                      <xsl:value-of select="op:t('lists.label_for', op:t('field.active'), string(@code))"/>
                    </label>
                    <xsl:call-template name="active-select">
                      <xsl:with-param name="id" select="concat($fid, '-active')"/>
                      <xsl:with-param name="form" select="$fid"/>
                      <xsl:with-param name="current" select="string(@active)"/>
                    </xsl:call-template>
                  </td>
                  <td class="col-form">
                    <form id="{$fid}" class="row-form" method="post" action="/admin/lists" accept-charset="UTF-8">
                      <xsl:call-template name="csrf"/>
                      <input type="hidden" name="kind" value="{$kind}"/>
                      <input type="hidden" name="code" value="{@code}"/>
                      <button type="submit" class="button small"><xsl:value-of select="op:t('action.save')"/></button>
                    </form>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
            <tfoot>
              <xsl:variable name="fid" select="concat('add-', $kind)"/>
              <tr class="add-row">
                <td>
                  <label class="visually-hidden" for="{$fid}-code">
                    <xsl:value-of select="op:t('lists.new', op:t('lists.col.code'))"/>
                  </label>
                  <input type="text" id="{$fid}-code" name="code" form="{$fid}" required="required"
                         maxlength="32" pattern="[a-z0-9_]{{1,32}}" aria-describedby="lists-code-hint"/>
                </td>
                <td>
                  <label class="visually-hidden" for="{$fid}-zh">
                    <xsl:value-of select="op:t('lists.new', op:t('field.label_zh'))"/>
                  </label>
                  <input type="text" id="{$fid}-zh" name="label_zh" form="{$fid}" required="required" maxlength="60" lang="zh-CN"/>
                </td>
                <td>
                  <label class="visually-hidden" for="{$fid}-en">
                    <xsl:value-of select="op:t('lists.new', op:t('field.label_en'))"/>
                  </label>
                  <input type="text" id="{$fid}-en" name="label_en" form="{$fid}" required="required" maxlength="60" lang="en"/>
                </td>
                <td class="num">
                  <label class="visually-hidden" for="{$fid}-sort">
                    <xsl:value-of select="op:t('lists.new', op:t('field.sort'))"/>
                  </label>
                  <input type="number" class="sort-input" id="{$fid}-sort" name="sort" form="{$fid}" value="50" min="0" max="9999" step="1"/>
                </td>
                <td>
                  <label class="visually-hidden" for="{$fid}-active">
                    <xsl:value-of select="op:t('lists.new', op:t('field.active'))"/>
                  </label>
                  <xsl:call-template name="active-select">
                    <xsl:with-param name="id" select="concat($fid, '-active')"/>
                    <xsl:with-param name="form" select="$fid"/>
                    <xsl:with-param name="current" select="'1'"/>
                  </xsl:call-template>
                </td>
                <td class="col-form">
                  <form id="{$fid}" class="row-form" method="post" action="/admin/lists" accept-charset="UTF-8">
                    <xsl:call-template name="csrf"/>
                    <input type="hidden" name="kind" value="{$kind}"/>
                    <button type="submit" class="button small"><xsl:value-of select="op:t('lists.add')"/></button>
                  </form>
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      </section>
    </xsl:for-each>
    <p class="hint" id="lists-code-hint"><xsl:value-of select="op:t('lists.code.hint')"/></p>
  </xsl:template>

  <xsl:template name="active-select">
    <xsl:param name="id"/>
    <xsl:param name="form"/>
    <xsl:param name="current"/>
    <select id="{$id}" name="active" form="{$form}">
      <xsl:call-template name="option">
        <xsl:with-param name="value" select="'1'"/>
        <xsl:with-param name="text" select="op:t('common.active')"/>
        <xsl:with-param name="current" select="$current"/>
      </xsl:call-template>
      <xsl:call-template name="option">
        <xsl:with-param name="value" select="'0'"/>
        <xsl:with-param name="text" select="op:t('common.inactive')"/>
        <xsl:with-param name="current" select="$current"/>
      </xsl:call-template>
    </select>
  </xsl:template>

</xsl:stylesheet>
