<?xml version="1.0" encoding="UTF-8"?>
<!--
  site.xsl - every HTML page, compiled once. The page shell (pages/layout.xsl) and the shared
  task helpers (pages/tasks-common.xsl) are imported once here instead of once per page sheet
  (that cost about 25 MB of compiled stylesheets in every worker). Each page sheet in pages/
  contributes templates in the modes "title" and "content" that match its /page[@name]; render.c
  uses this sheet for any page name without a stylesheet file of its own.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    exclude-result-prefixes="op">
  <xsl:import href="pages/layout.xsl"/>
  <xsl:import href="pages/tasks-common.xsl"/>
  <xsl:import href="pages/progress-form.xsl"/>
  <xsl:include href="pages/admin-users.xsl"/>
  <xsl:include href="pages/audit.xsl"/>
  <xsl:include href="pages/calendar.xsl"/>
  <xsl:include href="pages/calendars.xsl"/>
  <xsl:include href="pages/cmdb.xsl"/>
  <xsl:include href="pages/cmdb-form.xsl"/>
  <xsl:include href="pages/cmdb-item.xsl"/>
  <xsl:include href="pages/changes.xsl"/>
  <xsl:include href="pages/change-form.xsl"/>
  <xsl:include href="pages/change.xsl"/>
  <xsl:include href="pages/change-record.xsl"/>
  <xsl:include href="pages/error.xsl"/>
  <xsl:include href="pages/gantt-draw.xsl"/>
  <xsl:include href="pages/gantt-print.xsl"/>
  <xsl:include href="pages/home.xsl"/>
  <xsl:include href="pages/import.xsl"/>
  <xsl:include href="pages/leave.xsl"/>
  <xsl:include href="pages/lists.xsl"/>
  <xsl:include href="pages/mytasks.xsl"/>
  <xsl:include href="pages/profile.xsl"/>
  <xsl:include href="pages/project-form.xsl"/>
  <xsl:include href="pages/project.xsl"/>
  <xsl:include href="pages/projects.xsl"/>
  <xsl:include href="pages/saved.xsl"/>
  <xsl:include href="pages/search.xsl"/>
  <xsl:include href="pages/task-delete.xsl"/>
  <xsl:include href="pages/task-form.xsl"/>
  <xsl:include href="pages/task.xsl"/>
  <xsl:include href="pages/templates.xsl"/>
  <xsl:include href="pages/windows.xsl"/>
  <xsl:include href="pages/windows-calendar.xsl"/>
  <xsl:include href="pages/windows-check.xsl"/>
  <xsl:include href="pages/policies.xsl"/>
  <xsl:include href="pages/policy.xsl"/>
  <xsl:include href="pages/delegations.xsl"/>
  <xsl:include href="pages/queue.xsl"/>
  <xsl:include href="pages/changecal.xsl"/>
  <xsl:include href="pages/standards.xsl"/>
  <xsl:include href="pages/standard.xsl"/>
  <xsl:include href="pages/standard-form.xsl"/>
  <xsl:include href="pages/changeaudit.xsl"/>
</xsl:stylesheet>
