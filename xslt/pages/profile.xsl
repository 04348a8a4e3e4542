<?xml version="1.0" encoding="UTF-8"?>
<!--
  profile.xsl - the signed-in user's own settings; form POST /profile. Their own leave
  (days off): the ranges with a remove button each (POST /profile/leave/ID/delete) and a
  form to add one (POST /profile/leave: start end note).
  Model: <profile display_name="" email="" phone="" lang=""/> (after a failed
  POST: the entered values), <leave><range id start end days note/>…</leave>,
  <leave-form start end note/> and optional <errors><error field="" key=""/></errors>.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <xsl:template match="/page[@name='profile']" mode="title">
    <xsl:value-of select="op:t('profile.title')"/>
  </xsl:template>

  <xsl:template match="/page[@name='profile']" mode="content">
    <xsl:variable name="p" select="profile"/>

    <dl class="facts">
      <dt><xsl:value-of select="op:t('field.login')"/></dt>
      <dd><xsl:value-of select="meta/user/@login"/></dd>
      <dt><xsl:value-of select="op:t('user.roles')"/></dt>
      <dd>
        <ul class="roles">
          <xsl:for-each select="meta/user/role">
            <li class="role role-{.}">
              <xsl:value-of select="op:t(concat('role.', .))"/>
            </li>
          </xsl:for-each>
        </ul>
      </dd>
    </dl>

    <form class="form" method="post" action="/profile" accept-charset="UTF-8">
      <xsl:call-template name="csrf"/>

      <div class="field">
        <label for="f-display_name">
          <xsl:value-of select="op:t('field.display_name')"/>
        </label>
        <input type="text" id="f-display_name" name="display_name"
               value="{$p/@display_name}" autocomplete="name">
          <xsl:call-template name="field-attrs">
            <xsl:with-param name="field" select="'display_name'"/>
          </xsl:call-template>
        </input>
        <xsl:call-template name="field-error">
          <xsl:with-param name="field" select="'display_name'"/>
        </xsl:call-template>
      </div>

      <div class="field">
        <label for="f-email">
          <xsl:value-of select="op:t('field.email')"/>
        </label>
        <input type="email" id="f-email" name="email"
               value="{$p/@email}" autocomplete="email">
          <xsl:call-template name="field-attrs">
            <xsl:with-param name="field" select="'email'"/>
          </xsl:call-template>
        </input>
        <xsl:call-template name="field-error">
          <xsl:with-param name="field" select="'email'"/>
        </xsl:call-template>
      </div>

      <div class="field">
        <label for="f-phone">
          <xsl:value-of select="op:t('field.phone')"/>
        </label>
        <input type="tel" id="f-phone" name="phone"
               value="{$p/@phone}" autocomplete="tel">
          <xsl:call-template name="field-attrs">
            <xsl:with-param name="field" select="'phone'"/>
            <xsl:with-param name="hint" select="true()"/>
          </xsl:call-template>
        </input>
        <p class="hint" id="f-phone-hint">
          <xsl:value-of select="op:t('field.phone.hint')"/>
        </p>
        <xsl:call-template name="field-error">
          <xsl:with-param name="field" select="'phone'"/>
        </xsl:call-template>
      </div>

      <div class="field">
        <label for="f-lang">
          <xsl:value-of select="op:t('field.lang')"/>
        </label>
        <select id="f-lang" name="lang">
          <xsl:call-template name="field-attrs">
            <xsl:with-param name="field" select="'lang'"/>
          </xsl:call-template>
          <xsl:call-template name="lang-option">
            <xsl:with-param name="code" select="''"/>
            <xsl:with-param name="text" select="op:t('lang.auto')"/>
            <xsl:with-param name="current" select="string($p/@lang)"/>
          </xsl:call-template>
          <xsl:call-template name="lang-option">
            <xsl:with-param name="code" select="'zh-CN'"/>
            <xsl:with-param name="text" select="op:t('lang.zh-CN')"/>
            <xsl:with-param name="current" select="string($p/@lang)"/>
          </xsl:call-template>
          <xsl:call-template name="lang-option">
            <xsl:with-param name="code" select="'en'"/>
            <xsl:with-param name="text" select="op:t('lang.en')"/>
            <xsl:with-param name="current" select="string($p/@lang)"/>
          </xsl:call-template>
        </select>
        <xsl:call-template name="field-error">
          <xsl:with-param name="field" select="'lang'"/>
        </xsl:call-template>
      </div>

      <div class="actions">
        <button type="submit" class="button primary">
          <xsl:value-of select="op:t('action.save')"/>
        </button>
      </div>
    </form>

    <section class="panel" id="leave" aria-labelledby="h-leave">
      <h2 id="h-leave"><xsl:value-of select="op:t('leave.mine')"/></h2>
      <p class="hint"><xsl:value-of select="op:t('leave.mine_hint')"/></p>
      <xsl:call-template name="leave-table">
        <xsl:with-param name="remove" select="true()"/>
        <xsl:with-param name="action" select="'/profile/leave/'"/>
      </xsl:call-template>
      <h3><xsl:value-of select="op:t('leave.add')"/></h3>
      <form class="form" method="post" action="/profile/leave" accept-charset="UTF-8">
        <xsl:call-template name="csrf"/>
        <xsl:call-template name="leave-fields">
          <xsl:with-param name="values" select="leave-form"/>
        </xsl:call-template>
      </form>
    </section>
  </xsl:template>

  <xsl:template name="lang-option">
    <xsl:param name="code"/>
    <xsl:param name="text"/>
    <xsl:param name="current"/>
    <option value="{$code}">
      <xsl:if test="$code != ''">
        <xsl:attribute name="lang"><xsl:value-of select="$code"/></xsl:attribute>
      </xsl:if>
      <xsl:if test="$current = $code">
        <xsl:attribute name="selected">selected</xsl:attribute>
      </xsl:if>
      <xsl:value-of select="$text"/>
    </option>
  </xsl:template>

</xsl:stylesheet>
