package dev.computeplan.api;

import dev.computeplan.common.Violation;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem details the same way everywhere. */
public final class Problems {

    private Problems() {}

    public static ProblemDetail of(int status, String title, String detail) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        pd.setTitle(title);
        pd.setType(URI.create("https://computeplan.dev/problems/" + slug(title)));
        return pd;
    }

    public static ProblemDetail withErrors(int status, String title, String detail, List<Violation> errors) {
        ProblemDetail pd = of(status, title, detail);
        pd.setProperty("errors", errors);
        return pd;
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
