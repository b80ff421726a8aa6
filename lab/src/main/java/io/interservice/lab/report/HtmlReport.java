package io.interservice.lab.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code report.html}: self-contained, with Chart.js (from its WebJar) and the results inlined, so
 * that it opens from a file with no network.
 */
public final class HtmlReport {
  private static final String CHART_JS =
      "META-INF/resources/webjars/chart.js/4.5.1/dist/chart.umd.min.js";

  private HtmlReport() {}

  /** The page's text. */
  public static String render(Comparison comparison) throws IOException {
    String template = resource("io/interservice/lab/report/report.html");
    String chartJs =
        resource(CHART_JS)
            .replaceAll("//# sourceMappingURL=\\S+", "")
            .replace("</script", "<\\/script");
    String data = Results.compact(comparison).replace("</", "<\\/");
    String md = MarkdownReport.render(comparison);
    int criteria = md.indexOf("## Performance");
    String text = criteria < 0 ? "" : MarkdownHtml.convert(md.substring(criteria));
    return template
        .replace("<!--CRITERIA-->", text)
        .replace("<!--SCORECARD-->", Scorecard.html(comparison.runs()))
        .replace("/*CHART_JS*/", chartJs)
        .replace("/*DATA*/", data);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException(name + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
