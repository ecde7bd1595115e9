/* test-html-tree.c: the extraction's HTML tree against libxml2's HTML parser
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <rashomon.h>

#include "app/core/rsh-extract-private.h"

/* Attributes compared: the extraction's tree keeps only those it reads. */
static const char * const compared_attrs[] = {
  "class", "id", "href", "hidden", "lang", "style", "role", "itemprop", "content", "name",
  "property", "rel", "type", "datetime",
};

/* Invented markup with the mistakes real pages make. */
static const char * const fixtures[] = {
  "<p>One<p>Two<div>Three</div>",
  "plain words before any tag<b>bold</b> after",
  "<html><head><title>Tea &amp; Toast</title><meta name=\"author\" content=\"A. Writer\">"
  "</head><body><ul>\n<li>first\n<li>second</ul>\n</body></html>",
  "<table><tr><td>a<td>b<tr><td>c</table><p>after the table",
  "<div><span>x</div></span>y</p>z</div>tail",
  "<body class=\"a\"><div>one</div><body class=\"b\"><html lang=\"fr\"><div>two</div>"
  "</body></html><p>late</p>",
  "<div>a<br>b<img src=x>c<hr/>d<div/>e<input value=v>f</div>",
  "<p>&amp; &lt;tag&gt; &nbsp;x&#8217;s &#x2014; &unknown; &amp no semicolon &#0; &#xZZ; "
  "&copy;2026 &Eacute;t&eacute;</p>",
  "<div class=one class=two id='i' hidden data-x=\"&quot;q&quot;\" "
  "title=unquoted&amp;more style = \"display: block\">text</div>",
  "<head><script type=\"application/ld+json\">{\"a\": \"</div>\", \"b\": \"x<y\"}</script>"
  "<style>p { color: red }</style></head><body><p>kept</p></body>",
  "<div>\n  <p>a</p>\n  <p>b</p>\n</div>\n<ul>\n <li>c</li>\n</ul>\n<p><b>x</b> <i>y</i></p>",
  "<html><body><p>inside</p></body></html>\n<p>outside</p>",
  "<p>a < b and 3<4 \x01 end</p>",
  "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">\n<html><body>\n<div>x</div>\n"
  "</body></html>",
  "<!DOCTYPE html>\n<html>\n<body>\n<div>x</div>\n<div>y</div>\n</body>\n</html>\n",
  "<form><p>a<h2>b</h2><form>c</form></form>",
  "<head>loose text<title>t</title></head><body>b</body>",
  "<a href=1>one<a href=2>two</a></a>",
  "<dl><dt>term<dd>definition<dt>another</dl>",
  "<select><option>a<option>b<optgroup><option>c</select>",
  "<div><em>open <strong>both</div>tail",
  "<p>text</ p> more</>and</3> then</p>",
  "<article><h1>Head</h1><p class=\"lead\">Lead, with a comma.</p><figure><img src=a>"
  "<figcaption>Photo: Someone</figcaption></figure><p>Body<br><br>Second</p></article>",
  "<p>x</p><div class=\"y\"",
  "<DIV CLASS=\"Upper\"><P>Mixed <A HREF=\"/x\">case</A></DIV>",
  "<p>one<!-- a note -->two</p>",
  "<td>cell outside a table</td><tr><td>row</td></tr>",
  "<h1>a<h2>b</h2></h1><h3>c<p>d</h3>",
  "<ul><li>a<ul><li>b</ul><li>c</ul>",
  "<p><div>block in p</div>after</p>",
  "<!DOCTYPE html><html><body><p>inside</p></body></html><p>outside</p>",
  "<p>before<![CDATA[odd]]>between<!odd>after<?pi x?>end</p>",
  "<p title=\"unclosed>text</p><p>next</p>",
  "<table><caption>c</caption><thead><tr><th>h<tbody><tr><td>1<td>2<tfoot><tr><td>f</table>",
};

static void
dump_attrs (GString *out,
            xmlNode *node)
{
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    for (gsize i = 0; i < G_N_ELEMENTS (compared_attrs); i++)
      if (strcmp ((const char *) attr->name, compared_attrs[i]) == 0)
        {
          xmlChar *value = xmlGetProp (node, attr->name);

          g_string_append_printf (out, " %s=\"%s\"", attr->name, value);
          xmlFree (value);
        }
}

/* One line per node; comments and processing instructions are left out, and the text on
 * either side of one joined: the extraction reads neither. */
static void
dump_nodes (GString *out,
            xmlNode *node,
            guint    depth)
{
  g_autoptr(GString) text = g_string_new (NULL);
  xmlElementType text_type = XML_TEXT_NODE;

  for (; ; node = node->next)
    {
      if (node != NULL && (node->type == XML_COMMENT_NODE || node->type == XML_PI_NODE))
        continue;
      if (node != NULL && (node->type == XML_TEXT_NODE ||
                           node->type == XML_CDATA_SECTION_NODE))
        {
          g_string_append (text, (const char *) node->content);
          text_type = node->type;
          continue;
        }
      if (text->len > 0)
        {
          g_autofree char *escaped = g_strescape (text->str, NULL);

          g_string_append_printf (out, "%*s%s \"%s\"\n", depth * 2, "",
                                  text_type == XML_TEXT_NODE ? "#text" : "#cdata", escaped);
          g_string_truncate (text, 0);
        }
      if (node == NULL)
        break;
      if (node->type != XML_ELEMENT_NODE)
        continue;
      g_string_append_printf (out, "%*s<%s", depth * 2, "", node->name);
      dump_attrs (out, node);
      g_string_append (out, ">\n");
      if (node->children != NULL)
        dump_nodes (out, node->children, depth + 1);
    }
}

static char *
dump_doc (xmlDoc *doc)
{
  GString *out = g_string_new (NULL);

  if (doc->children != NULL)
    dump_nodes (out, doc->children, 0);
  return g_string_free (out, FALSE);
}

static void
test_same_tree (gconstpointer data)
{
  const char *html = data;
  htmlDocPtr reference = htmlReadMemory (html, (int) strlen (html), NULL, "UTF-8",
                                         HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                         HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                         HTML_PARSE_IGNORE_ENC);
  xmlDoc *ours = rsh_extract_parse_html (html, NULL);
  g_autofree char *expected = dump_doc (reference);
  g_autofree char *got = dump_doc (ours);

  g_assert_cmpstr (got, ==, expected);

  xmlFreeDoc (reference);
  rsh_extract_free_html (ours);
}

/* The tree keeps its base URL, and an empty page is an empty document. */
static void
test_base_and_empty (void)
{
  xmlDoc *doc = rsh_extract_parse_html ("<p>x</p>", "https://example.org/a");
  xmlDoc *empty = rsh_extract_parse_html ("", NULL);

  g_assert_cmpstr ((const char *) doc->URL, ==, "https://example.org/a");
  g_assert_nonnull (xmlDocGetRootElement (doc));
  g_assert_null (xmlDocGetRootElement (empty));

  rsh_extract_free_html (doc);
  rsh_extract_free_html (empty);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  xmlInitParser ();

  for (gsize i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *path = g_strdup_printf ("/html-tree/same-as-libxml2/%02zu", i + 1);

      g_test_add_data_func (path, fixtures[i], test_same_tree);
    }
  g_test_add_func ("/html-tree/base-and-empty", test_base_and_empty);

  return g_test_run ();
}
