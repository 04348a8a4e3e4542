<?xml version="1.0" encoding="UTF-8"?>
<!--
  gantt.svg.xsl - the Gantt chart of a project as SVG (GET /projects/CODE/gantt, page "gantt.svg").
  The model and the drawing are in pages/gantt-draw.xsl, which the print view
  (pages/gantt-print.xsl) uses too.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:op="urn:opsplan"
    xmlns="http://www.w3.org/2000/svg"
    exclude-result-prefixes="op">

  <xsl:include href="pages/gantt-draw.xsl"/>

  <xsl:output method="xml" media-type="image/svg+xml" encoding="UTF-8" indent="no"/>

  <xsl:template match="/">
    <xsl:apply-templates select="page/gantt" mode="gantt-svg"/>
  </xsl:template>

</xsl:stylesheet>
