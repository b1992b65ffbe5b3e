package dev.computeplan.api;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.catalina.valves.ValveBase;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Requests that Tomcat refuses before any servlet sees them (an encoded slash, backslash or NUL in the path) are
 * answered as problem+json too, instead of Tomcat's HTML error page. TRACE is refused by a valve rather than by the
 * connector, which would answer 405 with an empty body; so is a path Spring cannot parse.
 */
@Component
class ContainerErrorsAsProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            context.getParent().getPipeline().addValve(new ProblemValve());
            context.getParent().getPipeline().addValve(new RequestLineValve());
        });
        factory.addConnectorCustomizers(connector -> connector.setAllowTrace(true));
    }

    /**
     * Refuses what must not reach a servlet: TRACE (405), which a servlet would echo, and a path whose percent-encoding
     * is malformed in a part Tomcat does not decode (a path parameter such as {@code ;a=%zz}), on which Spring's path
     * parsing throws (400).
     */
    static final class RequestLineValve extends ValveBase {

        RequestLineValve() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            if ("TRACE".equals(request.getMethod())) {
                response.setStatus(405);
                response.setHeader("Allow", "GET, HEAD, POST, PUT, DELETE, OPTIONS, PATCH");
                write(response, 405, "Method not allowed", "TRACE is not supported.");
            } else if (malformedEscape(request.getRequestURI())) {
                response.setStatus(400);
                write(response, 400, "Bad request", "The path holds a malformed percent-encoding.");
            } else if (wildcardContentType(request.getContentType())) {
                // Spring refuses a wildcard Content-Type with an IllegalArgumentException where no consumes is set
                response.setStatus(415);
                write(response, 415, "Unsupported media type", "A Content-Type cannot be a wildcard.");
            } else {
                getNext().invoke(request, response);
                if (response.getStatus() >= 400
                        && !request.isAsyncStarted()
                        && !response.isCommitted()
                        && response.getContentWritten() == 0
                        && !"HEAD".equals(request.getMethod())) {
                    // an error status set without a body (an actuator endpoint's 404) still gets a problem body
                    write(response, response.getStatus(), titleOf(response.getStatus()), "The request failed.");
                }
            }
        }

        static boolean wildcardContentType(String contentType) {
            if (contentType == null) {
                return false;
            }
            String type = contentType.split(";", 2)[0].trim();
            return type.equals("*") || type.startsWith("*/") || type.endsWith("/*");
        }

        static boolean malformedEscape(String uri) {
            if (uri == null) {
                return false;
            }
            for (int i = uri.indexOf('%'); i >= 0; i = uri.indexOf('%', i + 1)) {
                if (i + 2 >= uri.length()
                        || Character.digit(uri.charAt(i + 1), 16) < 0
                        || Character.digit(uri.charAt(i + 2), 16) < 0) {
                    return true;
                }
            }
            return false;
        }
    }

    private static String titleOf(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "Payload too large";
            case 414 -> "URI too long";
            case 415 -> "Unsupported media type";
            case 431 -> "Request header fields too large";
            default -> status >= 500 ? "Internal error" : "Request failed";
        };
    }

    private static void write(Response response, int status, String title, String detail) {
        String body = "{\"type\":\"https://computeplan.dev/problems/"
                + title.toLowerCase().replace(' ', '-')
                + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}";
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

    /** Writes a problem+json body for an error response that nothing else has written. */
    static final class ProblemValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            String title = titleOf(status);
            write(response, status, title, "The server refused the request line or path.");
        }
    }
}
