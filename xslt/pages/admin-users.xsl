<?xml version="1.0" encoding="UTF-8"?>
<!--
  admin-users.xsl - user list with a role form per user (POST /admin/users/role).
  Model: <users><user id="" login="" name="" email="" active="1" created="ISO">
  <role>..</role>..</user>..</users> <roles><role>..</role>..(all six)</roles>.
  Validation errors (error.reason, error.role_empty, error.last_admin, ...)
  are shown by the layout's error summary.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">

  <xsl:template match="/page[@name='admin-users']" mode="title">
    <xsl:value-of select="op:t('users.title')"/>
  </xsl:template>

  <xsl:template match="/page[@name='admin-users']" mode="content">
    <xsl:variable name="all-roles" select="roles/role"/>
    <p class="summary">
      <xsl:value-of select="op:t('users.count', string(count(users/user)))"/>
    </p>
    <xsl:choose>
      <xsl:when test="users/user">
        <div class="table-wrap">
          <table class="data users">
            <thead>
              <tr>
                <th scope="col"><xsl:value-of select="op:t('users.login')"/></th>
                <th scope="col"><xsl:value-of select="op:t('users.name')"/></th>
                <th scope="col"><xsl:value-of select="op:t('users.email')"/></th>
                <th scope="col"><xsl:value-of select="op:t('users.active')"/></th>
                <th scope="col"><xsl:value-of select="op:t('users.created')"/></th>
                <th scope="col"><xsl:value-of select="op:t('users.roles')"/></th>
                <th scope="col" class="col-form"><xsl:value-of select="op:t('users.change')"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="users/user">
                <xsl:call-template name="user-row">
                  <xsl:with-param name="all-roles" select="$all-roles"/>
                </xsl:call-template>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty"><xsl:value-of select="op:t('users.empty')"/></p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Context: one <user>. -->
  <xsl:template name="user-row">
    <xsl:param name="all-roles"/>
    <xsl:variable name="user" select="."/>
    <xsl:variable name="uid" select="concat('u', generate-id())"/>
    <tr>
      <xsl:if test="@active != '1'">
        <xsl:attribute name="class">inactive</xsl:attribute>
      </xsl:if>
      <th scope="row" class="login"><xsl:value-of select="@login"/></th>
      <td><xsl:value-of select="@name"/></td>
      <td class="email"><xsl:value-of select="@email"/></td>
      <td>
        <xsl:choose>
          <xsl:when test="@active = '1'">
            <span class="status status-active"><xsl:value-of select="op:t('users.active.yes')"/></span>
          </xsl:when>
          <xsl:otherwise>
            <span class="status status-inactive"><xsl:value-of select="op:t('users.active.no')"/></span>
          </xsl:otherwise>
        </xsl:choose>
      </td>
      <td class="time">
        <xsl:if test="string(@created) != ''">
          <time datetime="{@created}"><xsl:value-of select="op:time(string(@created))"/></time>
        </xsl:if>
      </td>
      <td>
        <ul class="roles">
          <xsl:for-each select="role">
            <li class="role role-{.}"><xsl:value-of select="op:t(concat('role.', .))"/></li>
          </xsl:for-each>
        </ul>
      </td>
      <td class="col-form">
        <form class="role-form" method="post" action="/admin/users/role" accept-charset="UTF-8">
          <xsl:call-template name="csrf"/>
          <input type="hidden" name="login" value="{@login}"/>
          <fieldset class="role-choices">
            <legend class="visually-hidden">
              <xsl:value-of select="op:t('users.roles_for', string(@login))"/>
            </legend>
            <xsl:for-each select="$all-roles">
              <xsl:variable name="id" select="concat($uid, '-', .)"/>
              <span class="check">
                <input type="checkbox" name="role" value="{.}" id="{$id}">
                  <xsl:if test="$user/role[. = current()]">
                    <xsl:attribute name="checked">checked</xsl:attribute>
                  </xsl:if>
                </input>
                <label for="{$id}"><xsl:value-of select="op:t(concat('role.', .))"/></label>
              </span>
            </xsl:for-each>
          </fieldset>
          <span class="reason-field">
            <label for="{$uid}-reason"><xsl:value-of select="op:t('field.reason')"/></label>
            <input type="text" name="reason" id="{$uid}-reason" required="required"/>
          </span>
          <button type="submit" class="button"><xsl:value-of select="op:t('users.submit')"/></button>
        </form>
      </td>
    </tr>
  </xsl:template>

</xsl:stylesheet>
