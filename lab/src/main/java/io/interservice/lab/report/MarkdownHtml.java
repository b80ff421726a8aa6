package io.interservice.lab.report;

/** Just enough Markdown to HTML for the report's own text: headings, tables, paragraphs. */
final class MarkdownHtml {
  private MarkdownHtml() {}

  static String convert(String md) {
    StringBuilder html = new StringBuilder();
    boolean inTable = false;
    boolean header = false;
    for (String line : md.split("\n")) {
      if (line.startsWith("|")) {
        if (line.startsWith("|---")) {
          continue;
        }
        if (!inTable) {
          html.append("<table>");
          inTable = true;
          header = true;
        }
        String[] cells =
            line.substring(1, line.length() - (line.endsWith("|") ? 1 : 0)).split("\\|", -1);
        html.append("<tr>");
        for (String cell : cells) {
          String tag = header ? "th" : "td";
          html.append('<')
              .append(tag)
              .append('>')
              .append(inline(cell.trim()))
              .append("</")
              .append(tag)
              .append('>');
        }
        html.append("</tr>");
        header = false;
        continue;
      }
      if (inTable) {
        html.append("</table>\n");
        inTable = false;
      }
      if (line.startsWith("## ")) {
        html.append("<h2>").append(inline(line.substring(3))).append("</h2>\n");
      } else if (line.startsWith("# ")) {
        continue;
      } else if (!line.isBlank()) {
        html.append("<p>").append(inline(line)).append("</p>\n");
      }
    }
    if (inTable) {
      html.append("</table>\n");
    }
    return html.toString();
  }

  private static String inline(String text) {
    String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    return escaped
        .replaceAll("\\*\\*([^*]+)\\*\\*", "<strong>$1</strong>")
        .replaceAll("`([^`]+)`", "<code>$1</code>");
  }
}
