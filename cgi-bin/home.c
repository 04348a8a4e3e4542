/* home.c — the home page. Until the projects issue fills it, it shows the dashboard's frame:
 * how many projects exist (none yet) and where the data will appear. */
#include "route.h"
#include "xml.h"

static int
home(struct ctx *c)
{
	xmlNodePtr h = xml_el(c->page, "home");
	xml_attr(h, "projects", "0");
	return H_RENDER;
}

const struct route home_routes[] = {
	{ "GET", "/", home, "home", ROLE_ANY, 0 },
	{ 0 },
};
