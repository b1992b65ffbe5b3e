package dev.computeplan.api;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Requests that Tomcat refuses before any servlet sees them (an encoded slash, backslash or NUL in the path) are
 * answered as problem+json too, instead of Tomcat's HTML error page.
 */
@Component
class ContainerErrorsAsProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(
                context -> context.getParent().getPipeline().addValve(new ProblemValve()));
    }

    /** Writes a problem+json body for an error response that nothing else has written. */
    static final class ProblemValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            String title = status == 400 ? "Bad request" : status >= 500 ? "Internal error" : "Request failed";
            String body = "{\"type\":\"https://computeplan.dev/problems/"
                    + title.toLowerCase().replace(' ', '-')
                    + "\",\"title\":\"" + title + "\",\"status\":" + status
                    + ",\"detail\":\"The server refused the request line or path.\"}";
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(body);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the response was committed: nothing more to say
            }
        }
    }
}
