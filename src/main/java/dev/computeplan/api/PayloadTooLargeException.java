package dev.computeplan.api;

import java.io.IOException;

/** A request body above {@code computeplan.api.max-body-bytes}: answered with 413. */
public class PayloadTooLargeException extends IOException {
    public PayloadTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes.");
    }
}
