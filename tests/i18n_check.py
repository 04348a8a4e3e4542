#!/usr/bin/env python3
"""Prints a line per problem (nothing when fine): the zh-CN and en catalogs must have the same
keys, and every literal op:t('key') in xslt/*.xsl and every "key" string the C code passes to the
views (error.*, flash.*, csv.*) must exist in both."""
import glob, os, re
import xml.etree.ElementTree as ET

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
cats = {}
for lang in ("zh-CN", "en"):
    keys = [m.get("key") for m in ET.parse(os.path.join(root, "xslt/i18n/%s.xml" % lang)).getroot().iter("msg")]
    dup = {k for k in keys if keys.count(k) > 1}
    for k in sorted(dup):
        print("%s: duplicate key %s" % (lang, k))
    cats[lang] = set(keys)
for k in sorted(cats["zh-CN"] ^ cats["en"]):
    print("key in only one catalog: %s" % k)
used = set()
for f in glob.glob(os.path.join(root, "xslt/**/*.xsl"), recursive=True):
    text = re.sub(r"<!--.*?-->", "", open(f, encoding="utf-8").read(), flags=re.S)
    used |= set(re.findall(r"op:t\('([^']+)'", text))
for f in glob.glob(os.path.join(root, "src/*.c")) + glob.glob(os.path.join(root, "cgi-bin/*.c")):
    used |= set(k for k in re.findall(r'"((?:error|flash|csv|role)\.[a-z_0-9]+)"', open(f, encoding="utf-8").read())
                if k != "csv.h")
for k in sorted(used):
    for lang in cats:
        if k not in cats[lang]:
            print("%s: missing key %s" % (lang, k))
